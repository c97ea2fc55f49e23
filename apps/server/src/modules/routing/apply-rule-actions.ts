import type { RuleAction } from '@kefu/shared/rules';
import type { CausedBy, Change } from '@kefu/shared/events';
import type { TicketStatus } from '@kefu/shared/ticket-status';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { AppError, renderError } from '../../platform/errors.ts';
import { TICKETS, type ChangeAuthor, type TicketView } from '../tickets/tickets.commands.ts';
import { SLA } from '../sla/sla.commands.ts';
import { NOTICES, type NotifyInput } from '../notifications/notifications.commands.ts';
import type { TicketFacts } from '../org/org.queries.ts';
import type { AssigneePicker } from './recipients.ts';
import type { Rule } from './rules.repository.ts';

/** What an action did, for the rule log and the preview. */
export interface ActionOutcome {
  type: RuleAction['type'];
  summary: string;
  userIds?: string[];
}

export interface ApplyContext {
  picker: AssigneePicker;
  /** the watchers of a work order (read once per batch) */
  watchers: (ticketId: string) => string[];
}

function vars(t: TicketView, rule: Rule, extra: Record<string, unknown> = {}) {
  return {
    ticket: { id: t.id, number: t.number, subject: t.subject, type: t.type, priority: t.priority },
    customer: { name: t.customerName }, rule: { name: rule.name }, link: `/tickets/${t.id}`,
    escalation: { level: 1, reason: rule.name }, dueAt: t.dueAt?.toISOString() ?? null, ...extra,
  };
}

/**
 * Carries out one rule's actions on a work order through the tickets, SLA and
 * notifications commands of the unit of work. Every change is on the timeline
 * "by rule <name>" and raises an event marked as caused by this rule, so it
 * cannot re-trigger itself. Nothing here queries the database per action: the
 * directory, loads and watchers are read once per batch.
 */
export async function applyRuleActions(work: UnitOfWork, ticketId: string, rule: Rule, causedBy: CausedBy, ctx: ApplyContext): Promise<ActionOutcome[]> {
  const tickets = work.part(TICKETS);
  const dir = await tickets.directory();
  const out: ActionOutcome[] = [];
  const by: ChangeAuthor = { actorId: null, ruleName: rule.name, causedBy: { ruleIds: [...causedBy.ruleIds, rule.id], depth: causedBy.depth + 1 } };
  if (!tickets.get(ticketId)) return out;
  // one notice per person and work order per rule: a later action's notice
  // (e.g. "routed to you by rule X") replaces an earlier one ("assigned to you")
  const notices = new Map<string, { userId: string; input: NotifyInput }>();
  const tell = (userIds: string[], input: NotifyInput) => {
    for (const userId of userIds) notices.set(`${userId}:${input.ticketId}`, { userId, input });
  };
  for (const action of rule.actions) {
    const t = tickets.require(ticketId);
    const facts: TicketFacts = { id: t.id, assigneeId: t.assigneeId, fields: t.fields as Record<string, unknown>, watchers: () => ctx.watchers(t.id) };
    try {
      switch (action.type) {
        case 'assign': {
          let assigneeId: string | null = t.assigneeId;
          let teamId: string | null = t.teamId;
          if (action.to.kind === 'team') {
            teamId = action.to.teamId;
            assigneeId = action.strategy === 'direct' ? null : await ctx.picker.pick(dir.resolve(action.to, facts), action.strategy);
          } else {
            assigneeId = await ctx.picker.pick(dir.resolve(action.to, facts), action.strategy);
            if (!assigneeId) {
              out.push({ type: 'assign', summary: 'nobody holds the target: left unchanged' });
              break;
            }
            teamId = dir.users.get(assigneeId)?.teamId ?? null;
          }
          await tickets.assign(ticketId, { assigneeId, teamId }, by);
          ctx.picker.assigned(assigneeId, t.assigneeId, work.now);
          if (assigneeId && assigneeId !== t.assigneeId) tell([assigneeId], { kind: 'ticket.assigned', ticketId, vars: vars(t, rule) });
          out.push({ type: 'assign', summary: `assignee ${assigneeId ?? '-'}, team ${teamId ?? '-'}`, userIds: assigneeId ? [assigneeId] : [] });
          break;
        }
        case 'notify': {
          const ids = dir.resolveAll(action.recipients, facts);
          tell(ids, { kind: action.template, ticketId, vars: vars(t, rule), urgent: action.urgent });
          tickets.record(ticketId, 'notified', [{ field: 'notified', from: null, to: ids }], by, 'ticket.notified');
          out.push({ type: 'notify', summary: `${ids.length} people notified`, userIds: ids });
          break;
        }
        case 'add_watchers': {
          const ids = dir.resolveAll(action.recipients, facts);
          tickets.addWatchers(ticketId, ids, by);
          out.push({ type: 'add_watchers', summary: `${ids.length} watchers`, userIds: ids });
          break;
        }
        case 'set_priority':
          await tickets.setPriority(ticketId, action.priority, by);
          out.push({ type: 'set_priority', summary: action.priority });
          break;
        case 'set_status':
          // the lifecycle holds for rules too: a move it forbids is logged, not made
          await tickets.changeStatus(ticketId, action.status as TicketStatus, by, { resolution: action.resolution ?? undefined });
          out.push({ type: 'set_status', summary: action.status });
          break;
        case 'hide_from': {
          const ids = dir.resolve(action.who, facts);
          tickets.hideFrom(ticketId, ids, by);
          out.push({ type: 'hide_from', summary: `${ids.length} people`, userIds: ids });
          break;
        }
        case 'escalate': {
          // find the current assignee's step, hand the work order to the next one
          let step = -1;
          for (let i = 0; i < action.chain.length && t.assigneeId; i++) {
            if (dir.resolve(action.chain[i], facts).includes(t.assigneeId)) step = i;
          }
          const next = action.chain[step + 1];
          if (!next) {
            out.push({ type: 'escalate', summary: 'already at the top of the chain' });
            break;
          }
          const assigneeId = await ctx.picker.pick(dir.resolve(next, facts), 'least_loaded');
          if (!assigneeId) {
            out.push({ type: 'escalate', summary: `nobody holds step ${step + 2}` });
            break;
          }
          const extra: Change[] = [{ field: 'escalationStep', from: step + 1, to: step + 2 }];
          await tickets.assign(ticketId, { assigneeId, teamId: dir.users.get(assigneeId)?.teamId ?? null }, by, { action: 'escalated', extra });
          ctx.picker.assigned(assigneeId, t.assigneeId, work.now);
          tell([assigneeId], { kind: 'ticket.escalated', ticketId, urgent: action.urgent, vars: vars(t, rule, { escalation: { level: step + 2, reason: rule.name } }) });
          out.push({ type: 'escalate', summary: `step ${step + 2}`, userIds: [assigneeId] });
          break;
        }
        case 'start_sla': {
          const clock = await work.part(SLA).startByRule(t, rule.name, action);
          tickets.record(ticketId, 'sla_started', [{ field: `sla.${action.kind}`, from: null, to: clock.dueAt.toISOString() }], by, 'ticket.sla_started');
          out.push({ type: 'start_sla', summary: `${action.kind} due ${clock.dueAt.toISOString()}` });
          break;
        }
        case 'cancel_sla': {
          const clocks = work.part(SLA);
          await clocks.load([ticketId]);
          const n = clocks.cancel(ticketId, action.kind);
          if (n) tickets.record(ticketId, 'sla_cancelled', [{ field: `sla.${action.kind}`, from: 'running', to: 'cancelled' }], by, 'ticket.sla_cancelled');
          out.push({ type: 'cancel_sla', summary: `${n} clocks` });
          break;
        }
        case 'create_subtask': {
          const ids = dir.resolveAll(action.assignees, facts);
          const assigneeId = ids[0] ?? null;
          const sub = await tickets.createTask({
            parentId: ticketId, subject: action.title.zh, fields: { content: action.title.zh }, priority: action.priority,
            assigneeId, teamId: assigneeId ? dir.users.get(assigneeId)?.teamId ?? null : null,
            dueAt: action.dueInMinutes ? new Date(work.now.getTime() + action.dueInMinutes * 60_000) : null,
            createdById: null, parentAction: 'subtask_created',
          }, by);
          if (ids.length > 1) tickets.addWatchers(sub.id, ids.slice(1), by);
          if (ids.length) {
            tell(ids, { kind: 'task.created', ticketId: sub.id, urgent: action.priority === 'urgent',
              vars: vars(sub, rule, { parent: { number: t.number, subject: t.subject }, task: { title: sub.subject } }) });
          }
          out.push({ type: 'create_subtask', summary: sub.number, userIds: ids });
          break;
        }
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      out.push({ type: action.type, summary: `not done: ${renderError(err.code, err.params, 'en-US')}` });
    }
  }
  // one notice per distinct message, for all its recipients at once
  const groups = new Map<NotifyInput, string[]>();
  for (const { userId, input } of notices.values()) groups.set(input, [...(groups.get(input) ?? []), userId]);
  for (const [input, userIds] of groups) work.part(NOTICES).tell(userIds, input);
  return out;
}
