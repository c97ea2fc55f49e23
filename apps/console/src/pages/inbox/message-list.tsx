import { useLayoutEffect, useMemo, useRef } from 'react';
import { Button, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ConversationDetail, ConversationMessage } from '../../api/types.ts';
import { useNow } from '../../hooks/use-now.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime, inZone } from '../../utils/time.ts';
import { aroundNumber, dayLabel, messageRows, visitorName } from './inbox-model.ts';

interface Props {
  detail: ConversationDetail;
  messages: ConversationMessage[];
  moreBefore: boolean;
  onLoadOlder: () => void;
  typing: boolean;
}

/** near the bottom: a new message scrolls into view; further up the reader stays where they are */
const STICKY_PX = 80;

/**
 * The conversation: the visitor on the left, agents on the right, system
 * messages in the middle, internal notes (never shown to the visitor) in yellow.
 */
export function MessageList({ detail, messages, moreBefore, onLoadOlder, typing }: Props) {
  const t = useT();
  const now = useNow(60_000);
  const rows = useMemo(() => messageRows(messages), [messages]);
  const box = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const firstId = useRef<string | undefined>(undefined);
  const height = useRef(0);
  const visitor = visitorName(detail) ?? t('inbox.anonymous');
  const lastReply = [...messages].reverse().find((m) => m.author === 'agent' && !m.internal);

  // stay at the bottom as messages arrive; keep the place when older ones are put on top
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const prepended = firstId.current !== undefined && messages[0]?.id !== firstId.current && el.scrollHeight > height.current;
    if (prepended && !atBottom.current) el.scrollTop += el.scrollHeight - height.current;
    else if (atBottom.current) el.scrollTop = el.scrollHeight;
    firstId.current = messages[0]?.id;
    height.current = el.scrollHeight;
  }, [messages, typing]);

  const dayText = (day: string) => {
    const d = dayLabel(day, now);
    return d === 'today' ? t('inbox.day.today') : d === 'yesterday' ? t('inbox.day.yesterday') : d;
  };
  const time = (m: ConversationMessage) => (
    <time dateTime={m.createdAt} title={formatDateTime(m.createdAt)}>
      {inZone(m.createdAt).format('HH:mm')}
    </time>
  );

  return (
    <div
      className="kefu-chat"
      ref={box}
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICKY_PX;
      }}
      data-testid="chat-messages"
    >
      {moreBefore ? (
        <div className="kefu-chat-older">
          <Button size="small" type="link" onClick={onLoadOlder} data-testid="chat-load-older">
            {t('inbox.loadOlder')}
          </Button>
        </div>
      ) : null}
      {rows.map((row) => {
        if (row.kind === 'day') {
          return (
            <div key={row.key} className="kefu-chat-day">
              <span>{dayText(row.day)}</span>
            </div>
          );
        }
        const m = row.message;
        if (m.author === 'system') {
          return (
            <div key={row.key} className="kefu-chat-system" data-testid="chat-message" data-author="system">
              <span className="kefu-chat-system-body">{m.ticketId ? <TicketLinked message={m} /> : m.body}</span>
              {m.internal ? <Tag color="gold">{t('inbox.internalOnly')}</Tag> : null}
              <Typography.Text type="secondary" className="kefu-chat-system-time">
                {time(m)}
              </Typography.Text>
            </div>
          );
        }
        const mine = m.author === 'agent';
        const kind = m.author === 'visitor' ? 'visitor' : m.internal ? 'note' : 'agent';
        return (
          <div key={row.key} className={`kefu-chat-row ${mine ? 'right' : 'left'}${row.head ? ' head' : ''}`}>
            {row.head ? (
              <div className="kefu-chat-meta">
                {kind === 'note' ? (
                  <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                    {t('inbox.note')}
                  </Tag>
                ) : null}
                <span>{m.author === 'visitor' ? visitor : (m.authorName ?? t('inbox.agent'))}</span>
                {time(m)}
              </div>
            ) : null}
            <div className={`kefu-chat-bubble ${kind}`} data-testid="chat-message" data-author={m.author} data-internal={m.internal ? 'true' : undefined}>
              {m.body}
              {m.attachments.length ? <Attachments conversationId={detail.id} files={m.attachments} /> : null}
            </div>
            {m === lastReply ? (
              <div className="kefu-chat-receipt" data-testid="chat-receipt">
                {detail.visitorReadAt && detail.visitorReadAt >= m.createdAt ? t('inbox.readByVisitor') : t('inbox.notReadByVisitor')}
              </div>
            ) : null}
          </div>
        );
      })}
      {typing ? (
        <div className="kefu-chat-row left">
          <div className="kefu-chat-typing" data-testid="chat-typing">
            {t('inbox.typing', { name: visitor })}
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** A system message naming a work order: the number is the link (added after the text if it does not name it). */
function TicketLinked({ message: m }: { message: ConversationMessage }) {
  const link = (
    <Link to={`/tickets/${m.ticketId}`} data-testid="chat-ticket-link">
      {m.ticketNumber ?? m.ticketId}
    </Link>
  );
  const around = aroundNumber(m.body, m.ticketNumber);
  return around ? (
    <>
      {around[0]}
      {link}
      {around[1]}
    </>
  ) : (
    <>
      {m.body} {link}
    </>
  );
}

/** Images inline (click opens the full size), other files as links; the console's cookie reaches them. */
function Attachments({ conversationId, files }: { conversationId: string; files: ConversationMessage['attachments'] }) {
  return (
    <div className="kefu-chat-files">
      {files.map((f) => {
        const url = `/api/v1/conversations/${conversationId}/attachments/${f.id}`;
        return f.contentType.startsWith('image/') ? (
          <a key={f.id} href={url} target="_blank" rel="noreferrer">
            <img src={url} alt={f.fileName} className="kefu-chat-image" data-testid="chat-image" />
          </a>
        ) : (
          <a key={f.id} href={url} target="_blank" rel="noreferrer" data-testid="chat-file">
            📎 {f.fileName} ({Math.max(1, Math.round(f.size / 1024))} KB)
          </a>
        );
      })}
    </div>
  );
}
