import { Card, Space, Tag, Typography } from 'antd';
import { PhoneOutlined, StarFilled } from '@ant-design/icons';
import { Link } from 'react-router';
import { api, itemsOf } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useAccess } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';
import type { CallbackListItem, SurveyResponseItem } from '../callbacks/callback-types.ts';
import { useCallbackLabels } from '../callbacks/callback-labels.ts';
import { CallbackStatusTags, DeadlineTag } from '../callbacks/callback-tags.tsx';
import { SurveyDeliveryTag } from '../surveys/survey-delivery.tsx';

const ROW = { padding: '8px 0', borderBottom: '1px dashed #f0f0f0' } as const;

/**
 * The work order's callbacks (every round) and its satisfaction surveys, on the
 * work-order page. Managers see everyone's callbacks, agents their own. Nothing
 * is shown when there are none.
 */
export function TicketCallbacksCard({ ticketId }: { ticketId: string }) {
  const t = useT();
  const access = useAccess();
  const data = useRequest(async () => {
    // the card is extra: a refusal or failure here must not put an error on the work-order page
    const [callbacks, surveys] = await Promise.all([
      access.callbacks
        ? api
            .get<Page<CallbackListItem>>('/callbacks', { ...(access.callbackManage ? { view: 'all' } : {}), ticketId, limit: 50 }, { silent: true })
            .then(itemsOf)
            .catch(() => [])
        : Promise.resolve([]),
      api.get<{ items: SurveyResponseItem[] }>('/survey-responses', { ticketId }, { silent: true }).then(itemsOf).catch(() => []),
    ]);
    return { callbacks, surveys };
  }, [ticketId, access.callbacks, access.callbackManage]);

  const callbacks = data.data?.callbacks ?? [];
  const surveys = data.data?.surveys ?? [];
  if (!callbacks.length && !surveys.length) return null;
  return (
    <Card size="small" title={t('callback.ticketCard.title')} style={{ marginBottom: 12 }} data-testid="ticket-callbacks">
      {callbacks.length ? (
        <>
          <div className="kefu-section-title">{t('callback.ticketCard.callbacks')}</div>
          {callbacks.map((c) => (
            <CallbackRow key={c.id} c={c} />
          ))}
        </>
      ) : null}
      {surveys.length ? (
        <div style={{ marginTop: callbacks.length ? 12 : 0 }}>
          <div className="kefu-section-title">{t('callback.ticketCard.surveys')}</div>
          {surveys.map((s) => (
            <SurveyRow key={s.id} s={s} />
          ))}
        </div>
      ) : null}
    </Card>
  );
}

function CallbackRow({ c }: { c: CallbackListItem }) {
  const t = useT();
  return (
    <div style={ROW} data-testid="ticket-callback">
      <Space size={4} wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space size={4} wrap>
          <Tag style={{ marginInlineEnd: 0 }}>{t('callback.round', { n: c.round })}</Tag>
          <CallbackStatusTags status={c.status} outcome={c.outcome} />
        </Space>
        <Link to={`/callbacks/${c.id}`} data-testid="ticket-callback-open">
          <PhoneOutlined /> {c.status === 'open' ? t('callback.go') : t('callback.view')}
        </Link>
      </Space>
      <div>
        <Typography.Text>{c.policy}</Typography.Text>
        <Typography.Text type="secondary"> · {c.step}</Typography.Text>
      </div>
      <Space size={4} wrap style={{ fontSize: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('callback.deadline')}:</Typography.Text>
        <DeadlineTag task={c} />
      </Space>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('callback.assignee')}: {c.assigneeName ?? t('callback.unassigned')}
          {c.attemptCount ? ` · ${t('callback.ticketCard.attempts', { n: c.attemptCount })}` : ''}
          {c.doneAt ? ` · ${formatDateTime(c.doneAt)}` : ''}
        </Typography.Text>
      </div>
      {c.reason ? (
        <Typography.Paragraph style={{ margin: 0, fontSize: 12 }} ellipsis={{ rows: 2, tooltip: c.reason }}>
          {t('callback.reason')}: {c.reason}
        </Typography.Paragraph>
      ) : null}
      {c.closedReason ? (
        <Typography.Paragraph style={{ margin: 0, fontSize: 12 }} ellipsis={{ rows: 2, tooltip: c.closedReason }}>
          {t('callback.closedReason')}: {c.closedReason}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

function SurveyRow({ s }: { s: SurveyResponseItem }) {
  const t = useT();
  const labels = useCallbackLabels();
  return (
    <div style={ROW} data-testid="ticket-survey">
      <Space size={6} wrap>
        <Typography.Text>{s.surveyName}</Typography.Text>
        <Tag style={{ marginInlineEnd: 0 }}>{labels.channel(s.channel)}</Tag>
      </Space>
      {s.delivery === 'answered' && s.rating != null ? (
        <>
          <div>
            <Space size={8} wrap>
              <Typography.Text strong data-testid="survey-rating">
                <StarFilled style={{ color: '#faad14' }} /> {t('callback.survey.rating', { rating: s.rating, scale: s.scale })}
              </Typography.Text>
              {s.scorePct != null ? <Typography.Text type="secondary">{t('callback.survey.score', { pct: s.scorePct })}</Typography.Text> : null}
            </Space>
          </div>
          {s.comment ? <Typography.Paragraph style={{ margin: 0 }}>“{s.comment}”</Typography.Paragraph> : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('callback.survey.answeredAt', { at: formatDateTime(s.answeredAt) })}</Typography.Text>
        </>
      ) : (
        <div>
          <SurveyDeliveryTag r={s} />{' '}
          {s.sentAt ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('callback.survey.sentAt', { at: formatDateTime(s.sentAt) })}</Typography.Text> : null}
          {s.delivery === 'failed' && s.sendError ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('callback.survey.sendError', { error: s.sendError })}</Typography.Text>
          ) : null}
        </div>
      )}
    </div>
  );
}
