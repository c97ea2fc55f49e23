import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TicketListItem, TimelineEntry } from '../../api/types.ts';
import { useForms } from '../../api/shared-data.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { StatusTag } from '../../components/tags.tsx';
import { DueTag } from './due-tag.tsx';

/** Numbers of the work orders this one made: sub-tasks created by rules, orders it was converted to. */
export function relatedNumbers(timeline: TimelineEntry[]): string[] {
  const out: string[] = [];
  for (const e of timeline) {
    if (e.action !== 'subtask_created' && e.action !== 'converted') continue;
    for (const c of e.changes) {
      if ((c.field === 'subtask' || c.field === 'convertedTo') && typeof c.to === 'string' && !out.includes(c.to)) out.push(c.to);
    }
  }
  return out;
}

interface Props {
  numbers: string[];
  /** the same order as numbers; null where the user cannot see it */
  found: (TicketListItem | null)[] | undefined;
  loading: boolean;
}

export function RelatedTickets({ numbers, found, loading }: Props) {
  const t = useT();
  const labels = useLabels();
  const forms = useForms();
  if (!numbers.length) return null;
  return (
    <Card size="small" title={t('ticket.related')} style={{ marginBottom: 12 }} loading={loading && !found} data-testid="related-tickets">
      {numbers.map((n, i) => {
        const x = found?.[i];
        return (
          <div key={n} className="kefu-related-row">
            {x ? (
              <>
                <Space size={6} wrap>
                  <Link to={`/tickets/${x.id}`}>{x.number}</Link>
                  <Tag color="geekblue">{labels.type(x.type, forms?.find((f) => f.type === x.type)?.definition.name)}</Tag>
                  <StatusTag status={x.status} />
                  <DueTag dueAt={x.dueAt} status={x.status} />
                </Space>
                <div>
                  <Typography.Text>{x.subject}</Typography.Text>
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('ticket.assignee')}: {x.assigneeName ?? t('ticket.unassigned')}
                </Typography.Text>
              </>
            ) : (
              <Space size={6}>
                <Typography.Text>{n}</Typography.Text>
                <Typography.Text type="secondary">{t('ticket.relatedHidden')}</Typography.Text>
              </Space>
            )}
          </div>
        );
      })}
    </Card>
  );
}
