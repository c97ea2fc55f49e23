import { useState } from 'react';
import { Button, Col, Result, Row, Spin } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import type { Ticket, TicketUpdateBody } from '../../api/types.ts';
import { useForms } from '../../api/shared-data.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useAccess } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { TicketHeader } from './ticket-header.tsx';
import { TicketFieldsCard } from './ticket-fields-card.tsx';
import { TicketSidePanel } from './ticket-side-panel.tsx';
import { TicketNotes } from './ticket-notes.tsx';
import { TicketTimeline } from './ticket-timeline.tsx';

export function TicketDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const access = useAccess();
  const forms = useForms();
  const [timelineVersion, setTimelineVersion] = useState(0);
  const ticket = useRequest(() => api.get<Ticket>(`/tickets/${id}`), [id]);
  const form = forms?.find((f) => f.type === ticket.data?.type);

  // Every change goes through here; on a 409 the server's message names the
  // allowed transitions (shown by the API client) and we refresh the ticket.
  const patch = async (body: TicketUpdateBody): Promise<boolean> => {
    try {
      ticket.setData(await api.patch<Ticket>(`/tickets/${id}`, body));
      setTimelineVersion((v) => v + 1);
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
  return (
    <div data-testid="ticket-detail">
      <Link to="/tickets">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>
          {t('ticket.backToList')}
        </Button>
      </Link>
      <TicketHeader ticket={tk} form={form} canUpdate={access.ticketUpdate} onPatch={patch} />
      <Row gutter={12}>
        <Col xs={24} lg={16}>
          <TicketFieldsCard ticket={tk} form={form} canUpdate={access.ticketUpdate} onPatch={patch} />
          <TicketTimeline ticketId={tk.id} form={form} version={timelineVersion} />
        </Col>
        <Col xs={24} lg={8}>
          <TicketSidePanel ticket={tk} canAssign={access.ticketAssign} canUpdate={access.ticketUpdate} onPatch={patch} />
          <TicketNotes ticketId={tk.id} canNote={access.ticketNote} onAdded={() => setTimelineVersion((v) => v + 1)} />
        </Col>
      </Row>
    </div>
  );
}
