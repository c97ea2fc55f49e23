import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Ticket, TicketListItem, TimelineEntry } from '../../api/types.ts';
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

/** One child work order; what is not known stays undefined (null `found`: not visible to the user). */
export interface RelatedRow {
  number: string;
  found: {
    id: string;
    number: string;
    subject: string;
    status: string;
    assigneeName: string | null;
    dueAt: string | null;
    type?: string;
  } | null;
}

/**
 * The children: from the detail's `subtasks` (sub-tasks and converted orders the
 * user may see), plus numbers the timeline names that are not among them.
 */
export function relatedRows(ticket: Ticket, timeline: TimelineEntry[], searched: Map<string, TicketListItem | null>): RelatedRow[] {
  const rows: RelatedRow[] = (ticket.subtasks ?? []).map((s) => ({ number: s.number, found: s }));
  for (const n of relatedNumbers(timeline)) {
    if (!rows.some((r) => r.number === n)) rows.push({ number: n, found: searched.get(n) ?? null });
  }
  return rows;
}

export function RelatedTickets({ rows }: { rows: RelatedRow[] }) {
  const t = useT();
  const labels = useLabels();
  const forms = useForms();
  if (!rows.length) return null;
  return (
    <Card size="small" title={t('ticket.related')} style={{ marginBottom: 12 }} data-testid="related-tickets">
      {rows.map(({ number, found: x }) => (
        <div key={number} className="kefu-related-row">
          {x ? (
            <>
              <Space size={6} wrap>
                <Link to={`/tickets/${x.id}`}>{x.number}</Link>
                {x.type ? <Tag color="geekblue">{labels.type(x.type, forms?.find((f) => f.type === x.type)?.definition.name)}</Tag> : null}
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
              <Typography.Text>{number}</Typography.Text>
              <Typography.Text type="secondary">{t('ticket.relatedHidden')}</Typography.Text>
            </Space>
          )}
        </div>
      ))}
    </Card>
  );
}
