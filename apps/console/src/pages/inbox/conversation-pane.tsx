import { useEffect, useRef, useState } from 'react';
import { App, Button, Empty, Result, Spin } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, FileAddOutlined, LoginOutlined, RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client.ts';
import { agentMessageBody, conversationStatusBody, takeConversationBody } from '../../api/bodies.ts';
import type { ConversationDetail, ConversationMessage } from '../../api/types.ts';
import { ServerErrorAlert, serverErrorOf, type ServerError } from '../../components/server-error-alert.tsx';
import { useDocumentVisible } from '../../hooks/use-document-visible.ts';
import { useAccess, useMe } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { canReply as mayReply, canTake as mayTake, canTransfer as mayTransfer, statusActions, typingDue } from './inbox-model.ts';
import { useConversation } from './use-conversation.ts';
import { ConversationHeader } from './conversation-header.tsx';
import { MessageList } from './message-list.tsx';
import { Composer, type ComposerHandle } from './composer.tsx';
import { fillVariables } from '@kefu/shared/knowledge-api';
import { useChatChannels } from '../../api/shared-data.ts';
import { cannedValues } from './canned-model.ts';
import { KbSuggestionBar } from './kb-suggestion-bar.tsx';
import { AttachButton } from './attach-button.tsx';
import { TranscriptPdfButton } from './transcript-actions.tsx';
import { TransferDialog } from './transfer-dialog.tsx';
import { TicketDialog } from './ticket-dialog.tsx';
import { useViewers } from './use-viewers.ts';
import { CollisionBanner } from './collision-banner.tsx';

const reportHere = { silent: (e: ApiError) => e.status !== 401 };

interface Props {
  id: string;
  /** on a phone: back to the list */
  onBack?: () => void;
  /** something changed here: the list and the counters load again */
  onChanged: () => void;
  /** the visitor's messages were marked read */
  onRead: (id: string) => void;
  /** the conversation went out of the viewer's sight (transferred away) */
  onGone: () => void;
}

/** The right side: one conversation with its actions and the composer. */
export function ConversationPane({ id, onBack, onChanged, onRead, onGone }: Props) {
  const t = useT();
  const me = useMe();
  const access = useAccess();
  const { message } = App.useApp();
  const conv = useConversation(id);
  const viewers = useViewers(id);
  const visible = useDocumentVisible();
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ServerError | null>(null);
  const [sendError, setSendError] = useState<ServerError | null>(null);
  const [transferOpen, setTransferOpen] = useState(false);
  const [ticketOpen, setTicketOpen] = useState(false);
  const lastTyping = useRef<number | null>(null);
  const composer = useRef<ComposerHandle>(null);
  const channels = useChatChannels();
  const readFor = useRef<string | null>(null);
  const d = conv.detail;
  const canReply = !!d && mayReply(d, me.id);

  // read while open and in front: the visitor's messages up to the newest one
  const lastVisitor = conv.messages.findLast((m) => m.author === 'visitor')?.id ?? null;
  useEffect(() => {
    if (!d || !canReply || !visible || !d.unreadByAgent || !lastVisitor || readFor.current === lastVisitor) return;
    readFor.current = lastVisitor;
    api.post(`/conversations/${id}/read`, {}, { silent: true }).then(
      () => onRead(id),
      () => {
        readFor.current = null;
      },
    );
  }, [d, canReply, visible, lastVisitor, id, onRead]);

  const change = async (what: string, body: Parameters<typeof api.patch>[1], done?: string) => {
    setBusy(what);
    setActionError(null);
    try {
      conv.applyDetail(await api.patch<ConversationDetail>(`/conversations/${id}`, body, reportHere));
      if (done) void message.success(done);
      onChanged();
    } catch (e) {
      setActionError(serverErrorOf(e));
      void conv.reload();
    } finally {
      setBusy(null);
    }
  };

  const send = async (body: string, internal: boolean): Promise<boolean> => {
    setSendError(null);
    try {
      const m = await api.post<ConversationMessage>(`/conversations/${id}/messages`, agentMessageBody({ body, internal }), reportHere);
      conv.addMessage(m);
      lastTyping.current = null;
      onChanged();
      return true;
    } catch (e) {
      setSendError(serverErrorOf(e));
      // no longer ours (taken over, transferred): show who has it now
      if (e instanceof ApiError && e.status === 409) void conv.reload();
      return false;
    }
  };

  /** an image or a file the agent sent (attach-button.tsx) */
  const sent = (m: ConversationMessage) => {
    setSendError(null);
    conv.addMessage(m);
    onChanged();
  };

  const typing = () => {
    const now = Date.now();
    if (!canReply || !typingDue(lastTyping.current, now)) return;
    lastTyping.current = now;
    void api.post(`/conversations/${id}/typing`, {}, { silent: true }).catch(() => {});
  };

  if (conv.loading && !d) {
    return (
      <section className="kefu-inbox-pane" data-testid="conversation-pane">
        <div className="kefu-inbox-center">
          <Spin />
        </div>
      </section>
    );
  }
  if (!d) {
    return (
      <section className="kefu-inbox-pane" data-testid="conversation-pane">
        {conv.notFound ? (
          <Result
            status="404"
            subTitle={t('inbox.notFound')}
            extra={<Button onClick={onGone}>{t('inbox.back')}</Button>}
            data-testid="conversation-not-found"
          />
        ) : (
          <div style={{ padding: 16 }}>
            <ServerErrorAlert error={conv.error} pathLabel={(path) => path} testId="conversation-error" />
            <Button onClick={() => void conv.reload()}>{t('common.retry')}</Button>
            {onBack ? (
              <Button type="link" onClick={onBack}>
                {t('inbox.back')}
              </Button>
            ) : null}
          </div>
        )}
      </section>
    );
  }

  const manage = access.inboxManage;
  const takeable = mayTake(d, me.id, manage);
  const actions = (
    <>
      {takeable ? (
        <Button
          type="primary"
          size="small"
          icon={<LoginOutlined />}
          loading={busy === 'take'}
          onClick={() => void change('take', takeConversationBody(me.id), t('inbox.taken'))}
          data-testid="conversation-take"
        >
          {d.assigneeId ? t('inbox.takeOver') : t('inbox.take')}
        </Button>
      ) : null}
      {mayTransfer(d, me.id, manage) ? (
        <Button size="small" icon={<SwapOutlined />} onClick={() => setTransferOpen(true)} data-testid="conversation-transfer">
          {t('inbox.transfer')}
        </Button>
      ) : null}
      {statusActions(d.status).map((s) => (
        <Button
          key={s}
          size="small"
          icon={s === 'resolved' ? <CheckCircleOutlined /> : s === 'pending' ? <ClockCircleOutlined /> : <RollbackOutlined />}
          loading={busy === s}
          onClick={() => void change(s, conversationStatusBody(s))}
          data-testid={`conversation-status-${s}`}
        >
          {t(`inbox.setStatus.${s}`)}
        </Button>
      ))}
      <TranscriptPdfButton conversationId={d.id} />
      {access.workbench ? (
        <Button size="small" icon={<FileAddOutlined />} onClick={() => setTicketOpen(true)} data-testid="conversation-ticket">
          {t('inbox.makeTicket')}
        </Button>
      ) : null}
    </>
  );

  const replyHint = d.assigneeId ? t('inbox.hint.others', { name: d.assigneeName ?? '' }) : t('inbox.hint.queue');
  // canned replies and knowledge articles say the customer's name, mine, the shop's facts
  const values = cannedValues(d, me, channels);
  const lastAsked = conv.messages.findLast((m) => m.author === 'visitor' && m.body)?.body ?? '';

  return (
    <section className="kefu-inbox-pane" data-testid="conversation-pane" data-conversation-id={d.id}>
      <ConversationHeader detail={d} onBack={onBack} actions={actions} />
      <CollisionBanner
        viewers={viewers}
        detail={d}
        meId={me.id}
        canTakeOver={manage}
        taking={busy === 'take'}
        onTakeOver={() => void change('take', takeConversationBody(me.id), t('inbox.taken'))}
      />
      {actionError ? (
        <div className="kefu-conv-alert">
          <ServerErrorAlert error={actionError} pathLabel={(path) => path} testId="conversation-action-error" />
        </div>
      ) : null}
      {conv.messages.length ? (
        <MessageList detail={d} messages={conv.messages} moreBefore={conv.moreBefore} onLoadOlder={() => void conv.loadOlder()} typing={conv.typing} />
      ) : (
        <div className="kefu-chat kefu-inbox-center">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.noMessages')} />
        </div>
      )}
      <KbSuggestionBar text={lastAsked} onInsert={(a) => composer.current?.insert(fillVariables(a.body, values))} />
      <Composer key={d.id} ref={composer} canReply={canReply} replyHint={replyHint} onSend={send} onTyping={typing} error={sendError} values={values}
        attach={canReply ? <AttachButton conversationId={d.id} onSent={sent} onError={setSendError} /> : null} />
      <TransferDialog
        open={transferOpen}
        conversation={d}
        onClose={() => setTransferOpen(false)}
        onDone={(next) => {
          setTransferOpen(false);
          void message.success(t('inbox.transferred'));
          onChanged();
          if (next) conv.applyDetail(next);
          else onGone();
        }}
      />
      <TicketDialog
        open={ticketOpen}
        conversation={d}
        onClose={() => setTicketOpen(false)}
        onCreated={() => {
          void conv.reload();
          onChanged();
        }}
      />
    </section>
  );
}
