import type { ConversationMessage, VisitorMessage } from '@kefu/shared/conversations-api';
import type { conversations } from '../../db/schema/index.ts';
import type { RealtimeHub } from '../../platform/realtime/hub.ts';
import type { VisitorSockets } from './visitor-sockets.ts';
import { ConversationViewers } from './conversation-viewers.ts';

/** what delivery needs of a conversation: who serves it and its status */
type Conversation = Pick<typeof conversations.$inferSelect, 'id' | 'assigneeId' | 'status'>;

/** What a visitor may see of a message: never internal notes, never ids of staff or work orders. */
export function forVisitor(m: ConversationMessage): VisitorMessage {
  return { id: m.id, author: m.author, authorName: m.author === 'agent' ? m.authorName : null, body: m.body, attachments: m.attachments, clientId: m.clientId, createdAt: m.createdAt };
}

/**
 * Live delivery after commit: the visitor's messages to the assignee's
 * console and to whoever has the conversation open (a colleague, a supervisor
 * watching it), the agent's to the widget, and a bare "this conversation
 * changed" to everyone who works the inbox (their console asks the API again,
 * which applies their data scope — the push itself carries nothing personal).
 * Internal notes never go to the widget.
 */
export class ChatDelivery {
  readonly viewers = new ConversationViewers();

  constructor(private hub: RealtimeHub, readonly visitors: VisitorSockets) {}

  /** tells the others who have the conversation open that `who` is looking too (or, `left`, no longer) */
  viewing(conversationId: string, who: { id: string; name: string }, others: { id: string }[], left = false): void {
    for (const o of others) this.hub.publish(o.id, { type: 'chat.viewers', conversationId, viewer: who, ...(left ? { left: true } : {}) });
  }

  /** the assignee and everyone who has the conversation open, each once */
  private toStaff(c: Conversation, message: { type: string; [k: string]: unknown }): void {
    const ids = new Set(this.viewers.all(c.id).map((v) => v.id));
    if (c.assigneeId) ids.add(c.assigneeId);
    for (const id of ids) this.hub.publish(id, message);
  }

  private changed(c: Conversation): void {
    this.hub.publishToPermission('conversation:work', { type: 'chat.updated', conversationId: c.id });
  }

  visitorMessage(c: Conversation, message: ConversationMessage): void {
    this.toStaff(c, { type: 'chat.message', conversationId: c.id, message });
    this.changed(c);
  }

  /** also the system messages the widget shows (greeting, auto-reply) */
  agentMessage(c: Conversation, message: ConversationMessage): void {
    if (!message.internal) this.visitors.publish(c.id, { type: 'chat.message', conversationId: c.id, message: forVisitor(message) });
    this.toStaff(c, { type: 'chat.message', conversationId: c.id, message });
    this.changed(c);
  }

  /** an internal note (a colleague's, a supervisor's whisper, a transfer's): staff only */
  note(c: Conversation, message: ConversationMessage): void {
    this.toStaff(c, { type: 'chat.message', conversationId: c.id, message });
    this.changed(c);
  }

  readByAgent(c: Conversation, at: Date): void {
    this.visitors.publish(c.id, { type: 'chat.read', conversationId: c.id, by: 'agent', at: at.toISOString() });
  }

  readByVisitor(c: Conversation, at: Date): void {
    this.toStaff(c, { type: 'chat.read', conversationId: c.id, by: 'visitor', at: at.toISOString() });
  }

  typing(c: Conversation, who: 'visitor' | 'agent'): void {
    if (who === 'agent') this.visitors.publish(c.id, { type: 'chat.typing', conversationId: c.id, who });
    else this.toStaff(c, { type: 'chat.typing', conversationId: c.id, who });
  }

  /**
   * Status or assignment changed: the inbox refreshes; the widget learns the
   * status and who serves it. Given to someone by someone else (a transfer):
   * they hear of it as of a chat offered to them (a sound, a desktop notice).
   */
  updated(c: Conversation, previousAssignee: string | null, actorId?: string): void {
    if (previousAssignee && previousAssignee !== c.assigneeId) this.hub.publish(previousAssignee, { type: 'chat.updated', conversationId: c.id });
    if (c.assigneeId && c.assigneeId !== previousAssignee && actorId && c.assigneeId !== actorId) {
      this.hub.publish(c.assigneeId, { type: 'chat.assigned', conversationId: c.id });
    }
    if (c.assigneeId) this.hub.publish(c.assigneeId, { type: 'chat.updated', conversationId: c.id });
    this.changed(c);
    this.visitors.publish(c.id, { type: 'chat.status', conversationId: c.id, status: c.status });
  }

  /** the distributor gave a queued chat to someone */
  assigned(a: { conversationId: string; assigneeId: string; assigneeName: string }): void {
    this.hub.publish(a.assigneeId, { type: 'chat.assigned', conversationId: a.conversationId });
    this.hub.publishToPermission('conversation:work', { type: 'chat.updated', conversationId: a.conversationId });
    this.visitors.publish(a.conversationId, { type: 'chat.status', conversationId: a.conversationId, status: 'open', agentName: a.assigneeName });
  }

  /** taken back from someone (not answered in time) */
  unassigned(conversationId: string, from: string): void {
    this.hub.publish(from, { type: 'chat.updated', conversationId });
    this.hub.publishToPermission('conversation:work', { type: 'chat.updated', conversationId });
    this.visitors.publish(conversationId, { type: 'chat.status', conversationId, status: 'open' });
  }

  /** a seat's status, cap or load changed: supervisors' live views load again */
  seatsChanged(): void {
    this.hub.publishToPermission('conversation:manage', { type: 'chat.seats' });
  }

  /** is anyone of these users connected to the console now (for the auto-reply) */
  anyoneOnline(userIds: string[]): boolean {
    return userIds.some((id) => this.hub.isConnected(id));
  }
}
