import { eq, sql } from 'drizzle-orm';
import type { RuleAction } from '@kefu/shared/rules';
import type { Db, Tx } from '../../db/client.ts';
import { customers, teams, ticketWatchers, tickets, users } from '../../db/schema/index.ts';
import { toVectorLiteral, words } from '../../platform/search/tokenize.ts';
import { recordTicketChange, type CausedBy, type Change } from '../tickets/record-ticket-change.ts';
import { nextTicketNumber } from '../tickets/ticket-number.ts';
import { formFor } from '../forms/forms.repository.ts';
import { cancelClocks, startClock } from '../sla/sla-clocks.ts';
import { notifyUsers, type NotifyDeps, type NotifyInput } from '../notifications/notify.ts';
import { pickOne, resolveAll, resolveRecipient } from './recipients.ts';
import type { Rule } from './rules.repository.ts';

type TicketRow = typeof tickets.$inferSelect;

export interface ApplyDeps extends NotifyDeps {
  timeZone: string;
}

/** What an action did, for the rule log and the preview. */
export interface ActionOutcome {
  type: RuleAction['type'];
  summary: string;
  userIds?: string[];
}

async function departmentOf(tx: Tx, assigneeId: string | null, teamId: string | null): Promise<string | null> {
  if (assigneeId) {
    const [u] = await tx.select({ d: users.departmentId }).from(users).where(eq(users.id, assigneeId));
    if (u?.d) return u.d;
  }
  if (teamId) {
    const [t] = await tx.select({ d: teams.departmentId }).from(teams).where(eq(teams.id, teamId));
    return t?.d ?? null;
  }
  return null;
}

function vars(t: TicketRow, rule: Rule, customerName: string, extra: Record<string, unknown> = {}) {
  return {
    ticket: { id: t.id, number: t.number, subject: t.subject, type: t.type, priority: t.priority },
    customer: { name: customerName }, rule: { name: rule.name }, link: `/tickets/${t.id}`,
    escalation: { level: 1, reason: rule.name }, dueAt: t.dueAt?.toISOString() ?? null, ...extra,
  };
}

/**
 * Carries out one rule's actions on a work order inside the caller's
 * transaction. Every change is on the timeline "by rule <name>" and raises an
 * event marked as caused by this rule, so it cannot re-trigger itself.
 */
export async function applyRuleActions(tx: Tx, ticketId: string, rule: Rule, causedBy: CausedBy, deps: ApplyDeps): Promise<ActionOutcome[]> {
  const out: ActionOutcome[] = [];
  const chain: CausedBy = { ruleIds: [...causedBy.ruleIds, rule.id], depth: causedBy.depth + 1 };
  const load = async () => (await tx.select().from(tickets).where(eq(tickets.id, ticketId)))[0];
  // the work order is read again only after an action changed it
  let dirty = true;
  let current: TicketRow | undefined;
  const change = async (patch: Partial<typeof tickets.$inferInsert>, action: string, changes: Change[]) => {
    if (!changes.length) return;
    dirty = true;
    await tx.update(tickets).set({ ...patch, updatedAt: new Date() }).where(eq(tickets.id, ticketId));
    await recordTicketChange(tx, ticketId, { actorId: null, action, changes, ruleName: rule.name, causedBy: chain });
  };

  const first = await load();
  if (!first) return out;
  // one notice per person and work order per rule: a later action's notice
  // (e.g. "routed to you by rule X") replaces an earlier one ("assigned to you")
  const notices = new Map<string, { userId: string; input: NotifyInput }>();
  const tell = (userIds: string[], input: NotifyInput) => {
    for (const userId of userIds) notices.set(`${userId}:${input.ticketId}`, { userId, input });
  };
  const [c] = await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, first.customerId));
  const customerName = c?.name ?? '';
  current = first;
  dirty = false;
  for (const action of rule.actions) {
    if (dirty) {
      current = await load();
      dirty = false;
    }
    const t = current;
    if (!t) return out;
    const facts = { id: t.id, assigneeId: t.assigneeId, fields: t.fields as Record<string, unknown> };
    switch (action.type) {
      case 'assign': {
        let assigneeId: string | null = t.assigneeId;
        let teamId: string | null = t.teamId;
        if (action.to.kind === 'team') {
          teamId = action.to.teamId;
          assigneeId = action.strategy === 'direct' ? null : await pickOne(tx, await resolveRecipient(tx, action.to, facts), action.strategy);
        } else {
          assigneeId = await pickOne(tx, await resolveRecipient(tx, action.to, facts), action.strategy);
          if (!assigneeId) {
            out.push({ type: 'assign', summary: 'nobody holds the target: left unchanged' });
            break;
          }
          const [u] = await tx.select({ teamId: users.teamId }).from(users).where(eq(users.id, assigneeId));
          teamId = u?.teamId ?? null;
        }
        const changes: Change[] = [];
        if (assigneeId !== t.assigneeId) changes.push({ field: 'assigneeId', from: t.assigneeId, to: assigneeId });
        if (teamId !== t.teamId) changes.push({ field: 'teamId', from: t.teamId, to: teamId });
        await change({ assigneeId, teamId, departmentId: await departmentOf(tx, assigneeId, teamId) }, 'assigned', changes);
        if (assigneeId && assigneeId !== t.assigneeId) {
          tell([assigneeId], { kind: 'ticket.assigned', ticketId, vars: vars(t, rule, customerName) });
        }
        out.push({ type: 'assign', summary: `assignee ${assigneeId ?? '-'}, team ${teamId ?? '-'}`, userIds: assigneeId ? [assigneeId] : [] });
        break;
      }
      case 'notify': {
        const ids = await resolveAll(tx, action.recipients, facts);
        tell(ids, { kind: action.template, ticketId, vars: vars(t, rule, customerName), urgent: action.urgent });
        await recordTicketChange(tx, ticketId, {
          actorId: null, action: 'notified', ruleName: rule.name, causedBy: chain, eventType: 'ticket.notified',
          changes: [{ field: 'notified', from: null, to: ids }],
        });
        out.push({ type: 'notify', summary: `${ids.length} people notified`, userIds: ids });
        break;
      }
      case 'add_watchers': {
        const ids = await resolveAll(tx, action.recipients, facts);
        if (ids.length) {
          await tx.insert(ticketWatchers).values(ids.map((userId) => ({ ticketId, userId }))).onConflictDoNothing();
          await recordTicketChange(tx, ticketId, {
            actorId: null, action: 'watchers_added', ruleName: rule.name, causedBy: chain, eventType: 'ticket.watchers_added',
            changes: [{ field: 'watchers', from: null, to: ids }],
          });
        }
        out.push({ type: 'add_watchers', summary: `${ids.length} watchers`, userIds: ids });
        break;
      }
      case 'set_priority':
        await change({ priority: action.priority }, 'priority_changed',
          t.priority === action.priority ? [] : [{ field: 'priority', from: t.priority, to: action.priority }]);
        out.push({ type: 'set_priority', summary: action.priority });
        break;
      case 'set_status': {
        const changes: Change[] = t.status === action.status ? [] : [{ field: 'status', from: t.status, to: action.status }];
        if (action.resolution && action.resolution !== t.resolution) changes.push({ field: 'resolution', from: t.resolution, to: action.resolution });
        await change({ status: action.status, resolution: action.resolution ?? t.resolution }, 'status_changed', changes);
        out.push({ type: 'set_status', summary: action.status });
        break;
      }
      case 'hide_from': {
        const ids = await resolveRecipient(tx, action.who, facts);
        const next = [...new Set([...(t.hiddenFrom ?? []), ...ids])];
        await change({ hiddenFrom: next }, 'hidden', next.length === (t.hiddenFrom ?? []).length ? [] : [{ field: 'hiddenFrom', from: t.hiddenFrom, to: next }]);
        out.push({ type: 'hide_from', summary: `${ids.length} people`, userIds: ids });
        break;
      }
      case 'escalate': {
        // find the current assignee's step, hand the work order to the next one
        let step = -1;
        for (let i = 0; i < action.chain.length && t.assigneeId; i++) {
          if ((await resolveRecipient(tx, action.chain[i], facts)).includes(t.assigneeId)) step = i;
        }
        const next = action.chain[step + 1];
        if (!next) {
          out.push({ type: 'escalate', summary: 'already at the top of the chain' });
          break;
        }
        const assigneeId = await pickOne(tx, await resolveRecipient(tx, next, facts), 'least_loaded');
        if (!assigneeId) {
          out.push({ type: 'escalate', summary: `nobody holds step ${step + 2}` });
          break;
        }
        const [u] = await tx.select({ teamId: users.teamId }).from(users).where(eq(users.id, assigneeId));
        const teamId = u?.teamId ?? null;
        await change({ assigneeId, teamId, departmentId: await departmentOf(tx, assigneeId, teamId) }, 'escalated', [
          { field: 'assigneeId', from: t.assigneeId, to: assigneeId },
          { field: 'escalationStep', from: step + 1, to: step + 2 },
        ]);
        tell([assigneeId], { kind: 'ticket.escalated', ticketId, urgent: action.urgent,
          vars: vars(t, rule, customerName, { escalation: { level: step + 2, reason: rule.name } }) });
        out.push({ type: 'escalate', summary: `step ${step + 2}`, userIds: [assigneeId] });
        break;
      }
      case 'start_sla': {
        const clock = await startClock(tx, t.id, t.teamId, rule.name, action);
        await recordTicketChange(tx, ticketId, {
          actorId: null, action: 'sla_started', ruleName: rule.name, causedBy: chain, eventType: 'ticket.sla_started',
          changes: [{ field: `sla.${action.kind}`, from: null, to: clock.dueAt.toISOString() }],
        });
        out.push({ type: 'start_sla', summary: `${action.kind} due ${clock.dueAt.toISOString()}` });
        break;
      }
      case 'cancel_sla': {
        const n = await cancelClocks(tx, t.id, action.kind);
        if (n) {
          await recordTicketChange(tx, ticketId, {
            actorId: null, action: 'sla_cancelled', ruleName: rule.name, causedBy: chain, eventType: 'ticket.sla_cancelled',
            changes: [{ field: `sla.${action.kind}`, from: 'running', to: 'cancelled' }],
          });
        }
        out.push({ type: 'cancel_sla', summary: `${n} clocks` });
        break;
      }
      case 'create_subtask': {
        const ids = await resolveAll(tx, action.assignees, facts);
        const sub = await createSubtask(tx, t, action, ids, chain, rule.name, deps.timeZone);
        if (ids.length > 1) {
          await tx.insert(ticketWatchers).values(ids.slice(1).map((userId) => ({ ticketId: sub.id, userId }))).onConflictDoNothing();
        }
        if (ids.length) {
          tell(ids, { kind: 'task.created', ticketId: sub.id, urgent: action.priority === 'urgent',
            vars: vars(sub, rule, customerName, { parent: { number: t.number, subject: t.subject }, task: { title: sub.subject } }) });
        }
        await recordTicketChange(tx, ticketId, {
          actorId: null, action: 'subtask_created', ruleName: rule.name, causedBy: chain, eventType: 'ticket.subtask_created',
          changes: [{ field: 'subtask', from: null, to: sub.number }],
        });
        out.push({ type: 'create_subtask', summary: sub.number, userIds: ids });
        break;
      }
    }
  }
  // one call per distinct notice, for all its recipients at once
  const groups = new Map<NotifyInput, string[]>();
  for (const { userId, input } of notices.values()) groups.set(input, [...(groups.get(input) ?? []), userId]);
  for (const [input, userIds] of groups) await notifyUsers(tx, userIds, input, deps);
  return out;
}

async function createSubtask(tx: Tx, parent: TicketRow, action: Extract<RuleAction, { type: 'create_subtask' }>,
  assignees: string[], chain: CausedBy, ruleName: string, timeZone: string): Promise<TicketRow> {
  const now = new Date();
  const number = await nextTicketNumber(tx as Db, now, timeZone);
  const assigneeId = assignees[0] ?? null;
  const [u] = assigneeId ? await tx.select({ teamId: users.teamId }).from(users).where(eq(users.id, assigneeId)) : [];
  const teamId = u?.teamId ?? null;
  const subject = action.title.zh;
  const [sub] = await tx.insert(tickets).values({
    number, type: 'task', status: 'new', priority: action.priority, channel: parent.channel, subject,
    customerId: parent.customerId, fields: { content: action.title.zh }, formVersion: (await formFor(tx as Db, 'task')).version,
    assigneeId, teamId, departmentId: await departmentOf(tx, assigneeId, teamId),
    createdById: null, parentId: parent.id, hiddenFrom: parent.hiddenFrom,
    dueAt: action.dueInMinutes ? new Date(now.getTime() + action.dueInMinutes * 60_000) : null,
    searchVector: sql`${toVectorLiteral([number.toLowerCase(), ...words(subject)])}::tsvector` as unknown as string,
    createdAt: now, updatedAt: now,
  }).returning();
  await recordTicketChange(tx, sub.id, {
    actorId: null, action: 'created', ruleName, causedBy: chain, eventType: 'ticket.created',
    changes: [{ field: 'status', from: null, to: 'new' }, { field: 'parentId', from: null, to: parent.id }],
  });
  return sub;
}
