import { Space, Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, MoonOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useNow } from '../../hooks/use-now.ts';
import { formatDateTime, inZone } from '../../utils/time.ts';
import { deadlineUrgency } from './callback-urgency.ts';
import { useCallbackLabels } from './callback-labels.ts';

const STATUS_COLORS: Record<string, string> = { open: 'processing', done: 'green', closed: 'default', cancelled: 'default' };
const OUTCOME_COLORS: Record<string, string> = {
  satisfied: 'green',
  neutral: 'gold',
  unsatisfied: 'red',
  refused: 'volcano',
  wrong_number: 'default',
};

/** The deadline: red "overdue" tag once passed, amber within four hours, plain otherwise. */
export function DeadlineTag({ task }: { task: { status: string; dueAt: string; overdue: boolean } }) {
  const t = useT();
  // re-evaluated each minute: a task turns amber, then red, while the list is open
  const now = useNow(60_000);
  const urgency = deadlineUrgency(task, now);
  const at = formatDateTime(task.dueAt);
  if (urgency === 'overdue') {
    return (
      <Space size={4} wrap data-testid="deadline" data-urgency={urgency}>
        <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('callback.overdue')}</Tag>
        <Typography.Text type="danger">{at}</Typography.Text>
      </Space>
    );
  }
  if (urgency === 'soon') {
    return (
      <Tooltip title={t('callback.dueSoonHint')}>
        <Tag color="orange" icon={<ClockCircleOutlined />} data-testid="deadline" data-urgency={urgency} style={{ marginInlineEnd: 0 }}>
          {at}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Typography.Text type={urgency === 'finished' ? 'secondary' : undefined} data-testid="deadline" data-urgency={urgency}>
      {at}
    </Typography.Text>
  );
}

/** Status, and once finished how it ended (satisfied, refused…). */
export function CallbackStatusTags({ status, outcome }: { status: string; outcome: string | null }) {
  const labels = useCallbackLabels();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[status] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid="callback-status">
        {labels.status(status)}
      </Tag>
      {outcome ? (
        <Tag color={OUTCOME_COLORS[outcome] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid="callback-outcome">
          {labels.outcome(outcome)}
        </Tag>
      ) : null}
    </Space>
  );
}

/** Satisfaction as a coloured tag (for attempts). */
export function SatisfactionTag({ value }: { value: string }) {
  const labels = useCallbackLabels();
  return <Tag color={OUTCOME_COLORS[value] ?? 'default'} style={{ marginInlineEnd: 0 }}>{labels.satisfaction(value)}</Tag>;
}

/** The customer's rest time (no calls): a moon, and until when. */
export function QuietTag({ until }: { until: string | null }) {
  const t = useT();
  return (
    <Tooltip title={until ? t('callback.quietUntil', { until: inZone(until).format('HH:mm') }) : undefined}>
      <Tag icon={<MoonOutlined />} color="purple" style={{ marginInlineEnd: 0 }} data-testid="quiet-tag">
        {t('callback.quiet')}
      </Tag>
    </Tooltip>
  );
}

/** "第2轮" after an unsatisfied callback sent the work order back; nothing for the first round. */
export function RoundTag({ round }: { round: number }) {
  const t = useT();
  if (round <= 1) return null;
  return (
    <Tag color="magenta" style={{ marginInlineEnd: 0 }} data-testid="round-tag">
      {t('callback.round', { n: round })}
    </Tag>
  );
}
