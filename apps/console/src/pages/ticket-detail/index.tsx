import { useMemo, useState } from 'react';
import { Alert, Button, Col, Result, Row, Spin } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { api, ApiError, itemsOf } from '../../api/client.ts';
import type { Ticket, TicketUpdateBody, TimelineEntry } from '../../api/types.ts';
import { useForms } from '../../api/shared-data.ts';
import { findTicketByNumber } from '../../api/ticket-lookup.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useAccess } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { TicketHeader } from './ticket-header.tsx';
import { TicketFieldsCard } from './ticket-fields-card.tsx';
import { TicketSidePanel } from './ticket-side-panel.tsx';
import { TicketNotes } from './ticket-notes.tsx';
import { TicketCallbacksCard } from './ticket-callbacks.tsx';
import { TicketTimeline } from './ticket-timeline.tsx';
import { RelatedTickets, relatedNumbers, relatedRows } from './related-tickets.tsx';

export function TicketDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const access = useAccess();
  const forms = useForms();
  const [timelineVersion, setTimelineVersion] = useState(0);
  const ticket = useRequest(() => api.get<Ticket>(`/tickets/${id}`), [id]);
  const timeline = useRequest(
    // after a forward or reassignment out of the user's scope the timeline answers 404: said once, below
    () => api.get<{ items: TimelineEntry[] }>(`/tickets/${id}/timeline`, undefined, { silent: (e) => e.status === 404 }).then(itemsOf),
    [id, timelineVersion],
  );
  const form = forms?.find((f) => f.type === ticket.data?.type);

  // children come with the detail (`subtasks`); numbers the timeline names beyond those
  // (e.g. no longer visible) are looked up, as the list has no parent filter
  const subtaskNumbers = ticket.data?.subtasks?.map((s) => s.number) ?? [];
  const extra = relatedNumbers(timeline.data ?? []).filter((n) => !subtaskNumbers.includes(n));
  const searched = useRequest(
    async () => new Map(await Promise.all(extra.map(async (n) => [n, await findTicketByNumber(n).catch(() => null)] as const))),
    [extra.join(',')],
  );
  const rows = useMemo(
    () => (ticket.data ? relatedRows(ticket.data, timeline.data ?? [], searched.data ?? new Map()) : []),
    [ticket.data, timeline.data, searched.data],
  );
  const relatedIds = useMemo(() => new Map(rows.flatMap((r) => (r.found ? [[r.number, r.found.id] as const] : []))), [rows]);
  const parentId = ticket.data?.parentId ?? null;
  const parent = useRequest(
    () => (parentId ? api.get<Ticket>(`/tickets/${parentId}`, undefined, { silent: true }).catch(() => null) : Promise.resolve(null)),
    [parentId],
  );

  const changed = (next: Ticket) => {
    ticket.setData(next);
    setTimelineVersion((v) => v + 1);
    // rules answer a change within a second or so: show what they did too
    setTimeout(() => setTimelineVersion((v) => v + 1), 1500);
  };

  // Every change goes through here; on a 409 the server's message names the
  // allowed transitions (shown by the API client) and we refresh the ticket.
  const patch = async (body: TicketUpdateBody): Promise<boolean> => {
    try {
      changed(await api.patch<Ticket>(`/tickets/${id}`, body));
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) void ticket.reload();
      return false;
    }
  };

  if (ticket.loading && !ticket.data) return <Spin size="large" className="kefu-boot-spin" />;
  if (!ticket.data) {
    return <Result status="404" subTitle={t('ticket.notFound')} extra={<Link to="/tickets">{t('ticket.backToList')}</Link>} />;
  }
  const tk = ticket.data;
  const converted = (timeline.data ?? []).some((e) => e.action === 'converted');
  return (
    <div data-testid="ticket-detail">
      <Link to="/tickets">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>
          {t('ticket.backToList')}
        </Button>
      </Link>
      {timeline.failed && timeline.data ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('ticket.outOfScope')} data-testid="out-of-scope" />
      ) : null}
      <TicketHeader
        ticket={tk}
        form={form}
        parent={parent.data ?? null}
        canUpdate={access.ticketUpdate}
        canAssign={access.ticketAssign}
        canConvert={access.workbench && !converted}
        onPatch={patch}
        onChanged={changed}
      />
      <Row gutter={12}>
        <Col xs={24} lg={16}>
          <TicketFieldsCard ticket={tk} form={form} canUpdate={access.ticketUpdate} onPatch={patch} />
          <TicketTimeline items={timeline.data} loading={timeline.loading} form={form} related={relatedIds} />
        </Col>
        <Col xs={24} lg={8}>
          <TicketSidePanel ticket={tk} canAssign={access.ticketAssign} canUpdate={access.ticketUpdate} onPatch={patch} />
          <RelatedTickets rows={rows} />
          {/* callbacks and survey answers: refetched whenever the work order changes */}
          <TicketCallbacksCard key={`${tk.id}:${tk.updatedAt}`} ticketId={tk.id} />
          <TicketNotes ticketId={tk.id} canNote={access.ticketNote} onAdded={() => setTimelineVersion((v) => v + 1)} />
        </Col>
      </Row>
    </div>
  );
}
