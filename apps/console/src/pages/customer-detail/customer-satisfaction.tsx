import { Card, Empty, List, Rate, Space, Tag, Typography } from 'antd';
import type { CallbackListItem, SurveyResponse } from '@kefu/shared/callbacks-api';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useAccess } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { hasMessage } from '../../i18n/translate.ts';
import { formatDateTime } from '../../utils/time.ts';
import { SurveyDeliveryTag } from '../surveys/survey-delivery.tsx';

type CallbackItem = CallbackListItem;
type SurveyItem = SurveyResponse;

const OUTCOME_COLOR: Record<string, string> = { satisfied: 'green', neutral: 'gold', unsatisfied: 'red' };

/** The customer's callbacks (回访) and satisfaction answers: how the closed loop went for them (SAT-06). */
export function CustomerSatisfaction({ customerId }: { customerId: string }) {
  const t = useT();
  const access = useAccess();
  const callbacks = useRequest(
    () => (access.callbacks
      ? api.get<{ items: CallbackItem[] }>('/callbacks', { customerId, view: access.callbackManage ? 'all' : 'mine', limit: 20 })
      : Promise.resolve({ items: [] as CallbackItem[] })),
    [customerId, access.callbacks, access.callbackManage],
  );
  const surveys = useRequest(
    () => (access.tickets ? api.get<{ items: SurveyItem[] }>('/survey-responses', { customerId, limit: 20 }) : Promise.resolve({ items: [] as SurveyItem[] })),
    [customerId, access.tickets],
  );
  const cb = callbacks.data?.items ?? [];
  const sv = surveys.data?.items ?? [];
  const say = (key: string, fallback: string) => (hasMessage(key) ? t(key) : fallback);

  return (
    <Card size="small" title={t('customer.satisfaction.title')} style={{ marginTop: 12 }} loading={callbacks.loading && surveys.loading} data-testid="customer-satisfaction">
      {cb.length === 0 && sv.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.satisfaction.empty')} /> : null}
      {cb.length ? (
        <List
          size="small"
          header={<Typography.Text strong>{t('customer.satisfaction.callbacks')}</Typography.Text>}
          dataSource={cb}
          renderItem={(c) => (
            <List.Item extra={access.callbacks ? <Link to={`/callbacks/${c.id}`}>{t('customer.satisfaction.open')}</Link> : null}>
              <Space wrap size={4}>
                <Typography.Text>{c.policy} · {c.step}</Typography.Text>
                {c.round > 1 ? <Tag>{t('timeline.cb.round', { n: c.round })}</Tag> : null}
                {c.ticketNumber && c.ticketId ? <Link to={`/tickets/${c.ticketId}`}>{c.ticketNumber}</Link> : null}
                {c.outcome ? <Tag color={OUTCOME_COLOR[c.outcome]}>{say(`timeline.cb.satisfaction.${c.outcome}`, say(`timeline.cb.result.${c.outcome}`, c.outcome))}</Tag> : null}
                {c.status === 'open' ? <Tag color={c.overdue ? 'red' : 'blue'}>{t(c.overdue ? 'customer.satisfaction.overdue' : 'customer.satisfaction.due', { at: formatDateTime(c.dueAt) })}</Tag> : null}
                {c.reason ? <Typography.Text type="secondary">{c.reason}</Typography.Text> : null}
              </Space>
            </List.Item>
          )}
        />
      ) : null}
      {sv.length ? (
        <List
          size="small"
          header={<Typography.Text strong>{t('customer.satisfaction.surveys')}</Typography.Text>}
          dataSource={sv}
          renderItem={(s) => (
            <List.Item>
              <Space wrap size={4}>
                <Typography.Text>{s.surveyName}</Typography.Text>
                {s.ticketNumber && s.ticketId ? <Link to={`/tickets/${s.ticketId}`}>{s.ticketNumber}</Link> : null}
                {s.delivery === 'answered' && s.rating != null
                  ? <><Rate disabled count={s.scale} value={s.rating} style={{ fontSize: 14 }} /><Typography.Text type="secondary">{formatDateTime(s.answeredAt!)}</Typography.Text></>
                  : <SurveyDeliveryTag r={s} />}
                {s.comment ? <Typography.Text italic>“{s.comment}”</Typography.Text> : null}
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
