import { Tag } from 'antd';
import { useLabels } from '../i18n/labels.ts';

const STATUS_COLORS: Record<string, string> = {
  new: 'blue',
  open: 'processing',
  pending: 'orange',
  resolved: 'green',
  closed: 'default',
};
const PRIORITY_COLORS: Record<string, string> = { low: 'default', normal: 'cyan', high: 'orange', urgent: 'red' };

export function StatusTag({ status }: { status: string }) {
  const labels = useLabels();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="status-tag">
      {labels.status(status)}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: string }) {
  const labels = useLabels();
  return <Tag color={PRIORITY_COLORS[priority] ?? 'default'}>{labels.priority(priority)}</Tag>;
}
