import { sql } from 'drizzle-orm';
import { compiledStatement, type Db } from '../../db/client.ts';
import type { conversationMessages, conversations } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import { orderedUuid } from '../../platform/ids.ts';
import { truncate } from '../../platform/text.ts';
import { hashVisitorToken } from './conversations.commands.ts';

type Message = typeof conversationMessages.$inferSelect;
/** what live delivery needs of the conversation */
export type VisitorConversation = Pick<typeof conversations.$inferSelect, 'id' | 'status' | 'assigneeId'>;

interface Row {
  id: string;
  status: string;
  assignee_id: string | null;
  inserted: number;
  dup_id: string | null;
  dup_body: string | null;
  dup_attachments: unknown;
  dup_created_at: string | Date | null;
}

// A visitor's text message in ONE statement — the busiest write of a chat at
// scale (a thousand visitors each writing every few seconds). The token check,
// the insert (a clientId sent again conflicts and inserts nothing), the
// conversation's counters and preview (and reopening a resolved one) are CTEs
// of a single statement: one round trip and one commit instead of a select, a
// transaction and three statements. The message is committed when the
// statement returns, so "stored before acknowledged" holds as before. Messages
// with attachments take the transactional path (addVisitorMessage), which
// also claims the files.
const statements = new WeakMap<Db, (values: unknown[]) => Promise<Row[]>>();

function statementOf(db: Db) {
  let run = statements.get(db);
  if (!run) {
    const p = (n: number) => sql.raw(`$${n}`);
    run = compiledStatement<Row>(db, 'visitor_message', sql`
      with c as (
        select id, status, assignee_id from conversations where id = ${p(1)}::uuid and visitor_token_hash = ${p(2)}::text
      ), ins as (
        insert into conversation_messages (id, conversation_id, author, body, client_id, created_at)
        select ${p(3)}::uuid, c.id, 'visitor', ${p(4)}::text, ${p(5)}::text, ${p(6)}::timestamptz from c
        on conflict (conversation_id, client_id) where client_id is not null do nothing
        returning conversation_id
      ), upd as (
        update conversations set last_message_at = ${p(6)}::timestamptz, last_message_preview = ${p(7)}::text,
          unread_by_agent = unread_by_agent + 1, updated_at = ${p(6)}::timestamptz,
          status = case when status = 'resolved' then 'open' else status end,
          resolved_at = case when status = 'resolved' then null else resolved_at end
        where id in (select conversation_id from ins)
        returning id
      )
      select c.id, c.status, c.assignee_id, (select count(*) from ins)::int as inserted,
        d.id as dup_id, d.body as dup_body, d.attachments as dup_attachments, d.created_at as dup_created_at
      from c left join conversation_messages d on ${p(5)}::text is not null and d.conversation_id = c.id and d.client_id = ${p(5)}::text`);
    statements.set(db, run);
  }
  return run;
}

/**
 * Stores a visitor's text message if the token opens the conversation (404
 * otherwise, as for any other conversation). Sent again with the same
 * clientId it is stored once and the stored one is answered (`duplicate`).
 */
export async function storeVisitorText(db: Db, conversationId: string, token: string | undefined, body: string, clientId?: string): Promise<{
  conversation: VisitorConversation; message: Message; duplicate: boolean; reopened: boolean;
}> {
  if (!token) throw notFound('conversation');
  const now = new Date();
  const id = orderedUuid(now.getTime());
  const [row] = await statementOf(db)([conversationId, hashVisitorToken(token), id, body, clientId ?? null, now.toISOString(), truncate(body, 120)]);
  if (!row) throw notFound('conversation');
  const conversation: VisitorConversation = { id: row.id, status: row.status, assigneeId: row.assignee_id };
  const base = { conversationId: row.id, author: 'visitor', authorId: null, internal: false, clientId: clientId ?? null, ticketId: null };
  if (row.inserted) {
    return { conversation, message: { ...base, id, body, attachments: [], createdAt: now }, duplicate: false, reopened: row.status === 'resolved' };
  }
  if (row.dup_id) {
    return { conversation, message: { ...base, id: row.dup_id, body: row.dup_body ?? '', attachments: row.dup_attachments ?? [], createdAt: new Date(row.dup_created_at!) }, duplicate: true, reopened: false };
  }
  // the same clientId was being stored by another request at this very moment: read what it stored
  const [stored] = await db.execute(sql`select id, body, attachments, created_at from conversation_messages where conversation_id = ${row.id}::uuid and client_id = ${clientId ?? ''}`)
    .then((r) => (r as unknown as { rows: { id: string; body: string; attachments: unknown; created_at: string | Date }[] }).rows);
  if (!stored) throw notFound('conversation');
  return { conversation, message: { ...base, id: stored.id, body: stored.body, attachments: stored.attachments, createdAt: new Date(stored.created_at) }, duplicate: true, reopened: false };
}
