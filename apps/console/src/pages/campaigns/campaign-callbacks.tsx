import { Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useCursorPages } from '../../hooks/use-cursor-pages.ts';
import { useT, type T } from '../../i18n/i18n-provider.tsx';
import { hasMessage } from '../../i18n/translate.ts';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { formatDateTime } from '../../utils/time.ts';

/** The fields of GET /callbacks items this list shows. */
interface CampaignCallback {
  id: string;
  customerName: string;
  customerPhone: string | null;
  customerClass: string | null;
  assigneeName: string | null;
  dueAt: string;
  status: string;
  outcome: string | null;
  reason: string | null;
  attemptCount: number;
  overdue: boolean;
  doneAt: string | null;
}

const STATUS_COLORS: Record<string, string> = { open: 'processing', done: 'green', closed: 'default', cancelled: 'default' };
const OUTCOME_COLORS: Record<string, string> = { satisfied: 'green', neutral: 'gold', unsatisfied: 'red' };

const word = (t: T, prefix: 'campaign.status' | 'campaign.outcome', code: string) => {
  const key = `${prefix}.${code}`;
  return hasMessage(key) ? t(key) : code;
};

/** The callbacks one campaign made, by deadline (the expanded row of the campaign list). */
export function CampaignCallbacks({ campaignId }: { campaignId: string }) {
  const t = useT();
  const pages = useCursorPages<CampaignCallback>(campaignId, (cursor) =>
    api.get<Page<CampaignCallback>>('/callbacks', { view: 'all', campaignId, limit: 20, cursor }),
  );
  return (
    <div data-testid="campaign-callbacks" style={{ padding: '4px 0' }}>
      <Table<CampaignCallback>
        size="small"
        rowKey="id"
        loading={pages.loading}
        dataSource={pages.items}
        pagination={false}
        columns={[
          {
            title: t('campaign.col.customer'),
            key: 'customer',
            render: (_, r) => (
              <span>
                <Link to={`/callbacks/${r.id}`}>{r.customerName}</Link>
                {r.customerClass ? <Tag style={{ marginInlineStart: 6 }}>{r.customerClass}</Tag> : null}
              </span>
            ),
          },
          { title: t('campaign.col.phone'), dataIndex: 'customerPhone', width: 140, render: (p: string | null) => p ?? '—' },
          { title: t('campaign.col.assignee'), dataIndex: 'assigneeName', width: 110, render: (n: string | null) => n ?? '—' },
          {
            title: t('campaign.col.due'),
            dataIndex: 'dueAt',
            width: 150,
            render: (d: string, r) => (r.overdue ? <Typography.Text type="danger">{formatDateTime(d)}</Typography.Text> : formatDateTime(d)),
          },
          {
            title: t('campaign.col.status'),
            key: 'status',
            width: 120,
            render: (_, r) => (
              <>
                <Tag color={STATUS_COLORS[r.status] ?? 'default'}>{word(t, 'campaign.status', r.status)}</Tag>
                {r.overdue ? <Tag color="red">{t('campaign.overdue')}</Tag> : null}
              </>
            ),
          },
          {
            title: t('campaign.col.outcome'),
            key: 'outcome',
            width: 150,
            render: (_, r) =>
              r.outcome ? (
                <Tooltip title={r.reason ?? undefined}>
                  <Tag color={OUTCOME_COLORS[r.outcome] ?? 'default'}>{word(t, 'campaign.outcome', r.outcome)}</Tag>
                </Tooltip>
              ) : (
                '—'
              ),
          },
          { title: t('campaign.col.attempts'), dataIndex: 'attemptCount', width: 80, align: 'right' },
          { title: t('campaign.col.doneAt'), dataIndex: 'doneAt', width: 150, render: (d: string | null) => (d ? formatDateTime(d) : '—') },
        ]}
      />
      {pages.hasPrev || pages.hasNext ? (
        <CursorPager pageNumber={pages.pageNumber} hasPrev={pages.hasPrev} hasNext={pages.hasNext} onPrev={pages.prev} onNext={pages.next} />
      ) : null}
    </div>
  );
}
