import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';
import type { CallbackTask } from '../callbacks/callback-types.ts';
import { useCallbackLabels } from '../callbacks/callback-labels.ts';
import { DeadlineTag, RoundTag } from '../callbacks/callback-tags.tsx';
import { CallTimer } from './call-timer.tsx';
import type { CallTimer as Timer } from './use-call-timer.ts';

interface Props {
  task: CallbackTask;
  assigneeName: string | null;
  timer: Timer;
}

/** What this callback is, by when, how long the call should take, and the call timer. */
export function CallbackHeader({ task, assigneeName, timer }: Props) {
  const t = useT();
  const labels = useCallbackLabels();
  const open = task.status === 'open';
  return (
    <Card
      size="small"
      title={
        <Space>
          <PhoneOutlined />
          {t('callback.header')}
        </Space>
      }
      data-testid="callback-header"
    >
      <Typography.Text strong style={{ display: 'block', marginBottom: 2 }}>{task.policy}</Typography.Text>
      <Space size={4} wrap style={{ marginBottom: 8 }}>
        <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>{labels.type(task.callbackType)}</Tag>
        <Tag style={{ marginInlineEnd: 0 }}>{task.step}</Tag>
        <RoundTag round={task.round} />
        {task.coverageRequired ? <Tag color="cyan" style={{ marginInlineEnd: 0 }}>{t('callback.coverageRequired')}</Tag> : null}
      </Space>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'due', label: t('callback.deadline'), children: <DeadlineTag task={task} /> },
          ...(task.appointmentAt && open
            ? [{ key: 'appointment', label: t('callback.appointmentAt'), children: <Tag color="blue">{formatDateTime(task.appointmentAt)}</Tag> }]
            : []),
          // while open the timer shows the target against the call's length
          ...(open ? [] : [{ key: 'target', label: t('callback.targetLength'), children: t('callback.targetMinutes', { n: task.targetMinutes }) }]),
          { key: 'available', label: t('callback.availableAt'), children: formatDateTime(task.availableAt) },
          { key: 'assignee', label: t('callback.assignee'), children: assigneeName ?? t('callback.unassigned') },
          { key: 'attempts', label: t('callback.attemptCount'), children: task.attemptCount },
          ...(task.doneAt ? [{ key: 'doneAt', label: t('callback.doneAt'), children: formatDateTime(task.doneAt) }] : []),
          ...(task.reason ? [{ key: 'reason', label: t('callback.reason'), children: task.reason }] : []),
          ...(task.closedReason ? [{ key: 'closedReason', label: t('callback.closedReason'), children: task.closedReason }] : []),
        ]}
      />
      {open ? (
        <div style={{ marginTop: 8, paddingTop: 8, borderTop: '1px solid #f0f0f0' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('callback.timer')}</Typography.Text>
          <CallTimer timer={timer} targetMinutes={task.targetMinutes} />
        </div>
      ) : null}
    </Card>
  );
}
