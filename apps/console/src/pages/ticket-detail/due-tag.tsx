import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';

const DONE = ['resolved', 'closed'];

/** The due time; red once passed while the work order is still open. */
export function DueTag({ dueAt, status }: { dueAt: string | null; status: string }) {
  const t = useT();
  if (!dueAt) return null;
  const overdue = !DONE.includes(status) && new Date(dueAt).getTime() < Date.now();
  return (
    <Tooltip title={t('ticket.dueAt')}>
      <Tag icon={<ClockCircleOutlined />} color={overdue ? 'red' : DONE.includes(status) ? 'default' : 'orange'} data-testid="due-tag">
        {overdue ? t('ticket.overdue', { at: formatDateTime(dueAt) }) : t('ticket.dueBy', { at: formatDateTime(dueAt) })}
      </Tag>
    </Tooltip>
  );
}
