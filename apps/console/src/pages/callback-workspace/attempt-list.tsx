import { Card, Empty, Space, Tag, Tooltip, Typography } from 'antd';
import { HistoryOutlined, MoonOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';
import type { CallbackAttempt, ScriptQuestion } from '../callbacks/callback-types.ts';
import { useCallbackLabels } from '../callbacks/callback-labels.ts';
import { SatisfactionTag } from '../callbacks/callback-tags.tsx';
import { formatDuration } from './use-call-timer.ts';

const RESULT_COLORS: Record<string, string> = {
  reached: 'green',
  no_answer: 'default',
  busy: 'orange',
  appointment: 'blue',
  refused: 'volcano',
  wrong_number: 'red',
};

interface Props {
  attempts: CallbackAttempt[];
  /** to name the answers by their question */
  questions: ScriptQuestion[];
}

/** Every try so far, newest first: who called, when, how long, what came of it. */
export function AttemptList({ attempts, questions }: Props) {
  const t = useT();
  const labels = useCallbackLabels();
  const questionText = (key: string) => questions.find((q) => q.key === key)?.text ?? key;
  const answerText = (a: string | boolean) => (typeof a === 'boolean' ? (a ? t('common.yes') : t('common.no')) : a);
  return (
    <Card
      size="small"
      title={
        <Space>
          <HistoryOutlined />
          {t('callback.attempts')}
          {attempts.length ? <Typography.Text type="secondary">({attempts.length})</Typography.Text> : null}
        </Space>
      }
      styles={{ body: { padding: '4px 12px' } }}
      data-testid="callback-attempts"
    >
      {attempts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('callback.noAttempts')} />
      ) : (
        attempts.map((a) => (
          <div key={a.id} style={{ padding: '8px 0', borderBottom: '1px dashed #f0f0f0' }} data-testid="callback-attempt">
            <Space size={4} wrap>
              <Tag color={RESULT_COLORS[a.result] ?? 'default'} style={{ marginInlineEnd: 0 }}>{labels.result(a.result)}</Tag>
              {a.satisfaction ? <SatisfactionTag value={a.satisfaction} /> : null}
              {a.channel !== 'phone' ? <Tag style={{ marginInlineEnd: 0 }}>{labels.channel(a.channel)}</Tag> : null}
              {a.quietHours ? (
                <Tooltip title={t('callback.attempt.quietHours')}>
                  <MoonOutlined style={{ color: '#722ed1' }} />
                </Tooltip>
              ) : null}
            </Space>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(a.at)}
                {a.agentName ? ` · ${a.agentName}` : ''}
                {a.durationSeconds ? ` · ${t('callback.attempt.duration', { d: formatDuration(a.durationSeconds) })}` : ''}
              </Typography.Text>
            </div>
            {a.appointmentAt ? (
              <div>
                <Typography.Text style={{ fontSize: 12 }}>{t('callback.attempt.appointment', { at: formatDateTime(a.appointmentAt) })}</Typography.Text>
              </div>
            ) : null}
            {a.reason ? (
              <div>
                <Typography.Text style={{ fontSize: 12 }}>
                  {t('callback.reason')}: {a.reason}
                </Typography.Text>
              </div>
            ) : null}
            {Object.entries(a.answers ?? {}).map(([k, v]) => (
              <div key={k}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {questionText(k)} {answerText(v)}
                </Typography.Text>
              </div>
            ))}
            {a.note ? (
              <Typography.Paragraph style={{ fontSize: 12, margin: 0 }} ellipsis={{ rows: 2, tooltip: a.note }}>
                {t('callback.note')}: {a.note}
              </Typography.Paragraph>
            ) : null}
          </div>
        ))
      )}
    </Card>
  );
}
