import { randomUUID } from 'node:crypto';
import { eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { CausedBy, Change, EventType } from '@kefu/shared/events';
import type { TicketStatus } from '@kefu/shared/ticket-status';
import { queryRows, pgArray } from '../../db/client.ts';
import { insertRows, updateRows } from '../../db/bulk.ts';
import { customers, tickets } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { orderedUuid } from '../../platform/ids.ts';
import { toVectorLiteral, words } from '../../platform/search/tokenize.ts';
import type { PartKey, UnitOfWork, WorkPart } from '../../platform/events/unit-of-work.ts';
import { formFor, formVersion } from '../forms/forms.queries.ts';
import { orgDirectory, type OrgDirectory } from '../org/org.queries.ts';
import { nextTicketNumber } from './ticket-number.ts';

import { lifecycleOf } from './ticket-lifecycle.ts';

// The only writer of work orders and their timeline. Every change to a work
// order — by a person, a rule, a timer or a callback — goes through these
// commands: the row changes in memory, a timeline entry and an event are
// recorded, and flush writes all work orders of the unit in one statement,
// all timeline entries in another. Readers in the same unit (the next rule,
// the SLA clocks) see the changed work order before it is written.

const { searchVector: _sv, ...rowColumns } = getTableColumns(tickets);
type Row = Omit<typeof tickets.$inferSelect, 'searchVector'>;

/** A work order as commands and rule conditions see it. */
export interface TicketView extends Readonly<Row> {
  readonly customerClass: string | null;
  /** the customer's value class (A/B/C), for rule conditions */
  readonly customerTier: string | null;
  readonly customerName: string;
}

/** What a change may set; what it leaves out stays. */
export interface TicketPatch {
  status?: TicketStatus;
  resolution?: string | null;
  assigneeId?: string | null;
  teamId?: string | null;
  priority?: string;
  subject?: string;
  /** the whole validated field set after the change */
  fields?: Record<string, unknown>;
}

/** Which timeline action a set of changes is, for the console to label. */
export function actionOf(changes: Change[]): string {
  const kinds = new Set(changes.map((c) => (c.field.startsWith('fields.') ? 'fields_changed'
    : c.field === 'status' ? 'status_changed'
      : c.field === 'assigneeId' || c.field === 'teamId' ? 'assigned'
        : c.field === 'priority' ? 'priority_changed' : 'updated')));
  return kinds.size === 1 ? [...kinds][0] : 'updated';
}

/** Who made a change: a person (actorId), or a rule (ruleName, with the chain that led to it), or a timer. */
export interface ChangeAuthor {
  actorId: string | null;
  ruleName?: string | null;
  causedBy?: CausedBy | null;
  at?: Date;
}

interface Entry {
  view: TicketView & Row;
  dirty: boolean;
  isNew: boolean;
  /** new search words (fields or subject edited) */
  searchWords?: string[];
}

export interface NewTask {
  parentId: string;
  subject: string;
  fields: Record<string, unknown>;
  priority: string;
  assigneeId: string | null;
  teamId: string | null;
  dueAt?: Date | null;
  createdById: string | null;
  /** the parent's timeline: what to record there (subtask_created, rectification_created) */
  parentAction: string;
  parentChanges?: Change[];
}

export class TicketWork implements WorkPart {
  private entries = new Map<string, Entry>();
  private timeline: Record<string, unknown>[] = [];
  private watchers: { ticket_id: string; user_id: string }[] = [];
  private dir: OrgDirectory | null = null;

  constructor(private work: UnitOfWork) {}

  /**
   * Reads the work orders not read yet in this unit, in one query, and holds
   * them until commit (a person's change waits for the batch that is changing
   * the same work order, and the other way round); `lock: false` to only look.
   */
  async load(ids: string[], opts: { lock?: boolean } = {}): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.entries.has(id));
    if (!missing.length) return;
    const q = this.work.tx.select({ t: rowColumns, customerClass: customers.customerClass, customerTier: customers.tier, customerName: customers.name })
      .from(tickets).innerJoin(customers, eq(customers.id, tickets.customerId))
      .where(inArray(tickets.id, missing)).orderBy(tickets.id);
    const rows = opts.lock === false ? await q : await q.for('update', { of: tickets });
    for (const r of rows) {
      this.entries.set(r.t.id, { view: { ...r.t, customerClass: r.customerClass, customerTier: r.customerTier, customerName: r.customerName }, dirty: false, isNew: false });
    }
  }

  get(id: string): TicketView | undefined {
    return this.entries.get(id)?.view;
  }

  /** A loaded work order, or 404. */
  require(id: string): TicketView {
    const v = this.get(id);
    if (!v) throw new AppError('NOT_FOUND', { what: 'ticket' });
    return v;
  }

  async directory(): Promise<OrgDirectory> {
    this.dir ??= await orgDirectory(this.work.tx, this.work.db);
    return this.dir;
  }

  // ---------- commands ----------

  /**
   * Changes several things of a work order at once — one timeline entry, one
   * event. A status move must be one the lifecycle allows (the form's, else
   * the default; a 409 names the allowed ones), for people, rules and
   * callbacks alike; resolving or closing needs a resolution. A new assignee
   * must be active and a team must exist; the department follows them.
   */
  async change(id: string, to: TicketPatch, by: ChangeAuthor, opts: { action?: string; extra?: Change[]; searchWords?: string[] | null } = {}): Promise<Change[]> {
    const t = this.require(id);
    const changes: Change[] = [];
    const patch: Partial<Row> = {};
    if (to.status !== undefined && to.status !== t.status) {
      const def = await formVersion(this.work.db, t.type, t.formVersion, this.work.tx);
      const allowed = lifecycleOf(def)[t.status as TicketStatus] ?? [];
      if (!allowed.includes(to.status)) {
        throw new AppError('INVALID_TRANSITION', { from: t.status, to: to.status, allowed: allowed.join(', ') || '-' }, { allowed });
      }
      patch.status = to.status;
      changes.push({ field: 'status', from: t.status, to: to.status });
    }
    if (to.resolution !== undefined && (to.resolution || null) !== t.resolution) {
      patch.resolution = to.resolution || null;
      changes.push({ field: 'resolution', from: t.resolution, to: patch.resolution });
    }
    const status = patch.status ?? t.status;
    if (patch.status && (status === 'resolved' || status === 'closed') && !(patch.resolution ?? t.resolution)?.trim()) {
      throw new AppError('RESOLUTION_REQUIRED', { to: status });
    }
    if (to.assigneeId !== undefined || to.teamId !== undefined) {
      const dir = await this.directory();
      const assigneeId = to.assigneeId !== undefined ? to.assigneeId : t.assigneeId;
      const teamId = to.teamId !== undefined ? to.teamId : t.teamId;
      if (assigneeId !== t.assigneeId) {
        if (assigneeId && !dir.isActive(assigneeId)) throw new AppError('REFERENCE_NOT_FOUND', { what: 'assignee', id: assigneeId });
        patch.assigneeId = assigneeId;
        changes.push({ field: 'assigneeId', from: t.assigneeId, to: assigneeId });
      }
      if (teamId !== t.teamId) {
        if (teamId && !dir.teams.has(teamId)) throw new AppError('REFERENCE_NOT_FOUND', { what: 'team', id: teamId });
        patch.teamId = teamId;
        changes.push({ field: 'teamId', from: t.teamId, to: teamId });
      }
      if (patch.assigneeId !== undefined || patch.teamId !== undefined) patch.departmentId = dir.departmentFor(assigneeId, teamId);
    }
    if (to.priority !== undefined && to.priority !== t.priority) {
      patch.priority = to.priority;
      changes.push({ field: 'priority', from: t.priority, to: to.priority });
    }
    if (to.subject !== undefined && to.subject !== t.subject) {
      patch.subject = to.subject;
      changes.push({ field: 'subject', from: t.subject, to: to.subject });
    }
    if (to.fields !== undefined) {
      const before = t.fields as Record<string, unknown>;
      for (const k of new Set([...Object.keys(before), ...Object.keys(to.fields)])) {
        if (JSON.stringify(before[k] ?? null) !== JSON.stringify(to.fields[k] ?? null)) changes.push({ field: `fields.${k}`, from: before[k] ?? null, to: to.fields[k] ?? null });
      }
      if (changes.some((c) => c.field.startsWith('fields.'))) patch.fields = to.fields;
    }
    if (!changes.length && !opts.extra?.length) return [];
    this.apply(id, patch, [...changes, ...(opts.extra ?? [])], by, opts.action ?? actionOf(changes));
    if (opts.searchWords) this.entries.get(id)!.searchWords = opts.searchWords;
    return changes;
  }

  /** Moves a work order along its lifecycle (see change). */
  async changeStatus(id: string, to: TicketStatus, by: ChangeAuthor,
    opts: { resolution?: string | null; action?: string; extra?: Change[] } = {}): Promise<Change[]> {
    return this.change(id, { status: to, resolution: opts.resolution ?? undefined }, by, { action: opts.action ?? 'status_changed', extra: opts.extra });
  }

  /** Hands a work order to a person and/or team; its department follows them. */
  async assign(id: string, to: { assigneeId: string | null; teamId: string | null }, by: ChangeAuthor,
    opts: { action?: string; extra?: Change[] } = {}): Promise<Change[]> {
    return this.change(id, to, by, { action: opts.action ?? 'assigned', extra: opts.extra });
  }

  async setPriority(id: string, priority: string, by: ChangeAuthor): Promise<Change[]> {
    return this.change(id, { priority }, by, { action: 'priority_changed' });
  }

  /** Hides a work order from people (a complaint about them, AUD-13). */
  hideFrom(id: string, userIds: string[], by: ChangeAuthor): Change[] {
    const t = this.require(id);
    const next = [...new Set([...(t.hiddenFrom ?? []), ...userIds])];
    const changes = next.length === (t.hiddenFrom ?? []).length ? [] : [{ field: 'hiddenFrom', from: t.hiddenFrom, to: next }];
    this.apply(id, { hiddenFrom: next }, changes, by, 'hidden');
    return changes;
  }

  addWatchers(id: string, userIds: string[], by: ChangeAuthor): void {
    this.require(id);
    const ids = [...new Set(userIds)];
    if (!ids.length) return;
    for (const userId of ids) this.watchers.push({ ticket_id: id, user_id: userId });
    this.record(id, 'watchers_added', [{ field: 'watchers', from: null, to: ids }], by, 'ticket.watchers_added');
  }

  /** The due date shown in lists (the resolution deadline, a sub-task's deadline); not a timeline event. */
  setDueAt(id: string, dueAt: Date | null): void {
    const e = this.entries.get(id);
    if (!e || (e.view.dueAt?.getTime() ?? null) === (dueAt?.getTime() ?? null)) return;
    e.view.dueAt = dueAt;
    e.dirty = true;
  }

  /** A timeline entry and its event for something that happened to the work order without changing it (notified, SLA started, callback scheduled). */
  record(id: string, action: string, changes: Change[], by: ChangeAuthor,
    eventType: Exclude<EventType, 'ticket.created' | `sla.${string}`> = 'ticket.updated', touch = false): void {
    const at = by.at ?? this.work.now;
    this.timeline.push({
      id: orderedUuid(), ticket_id: id, actor_id: by.actorId, action, changes, rule_name: by.ruleName ?? null, at: at.toISOString(),
    });
    this.work.publish(eventType, id, { ticketId: id, actorId: by.actorId, action, changes, causedBy: by.causedBy ?? null, at: at.toISOString() });
    if (touch) this.touch(id, at);
  }

  /** An SLA clock of the work order turned amber or red: on the timeline, and an event the rules answer. */
  recordSla(id: string, state: 'at_risk' | 'breached', sla: { id: string; kind: string; dueAt: Date }, at: Date): void {
    const action = state === 'breached' ? 'sla_breached' : 'sla_warning';
    const changes = [{ field: `sla.${sla.kind}`, from: 'running', to: state }];
    this.timeline.push({ id: orderedUuid(), ticket_id: id, actor_id: null, action, changes, rule_name: null, at: at.toISOString() });
    this.work.publish(state === 'breached' ? 'sla.breached' : 'sla.due', id, {
      ticketId: id, actorId: null, action, changes, causedBy: null, at: at.toISOString(),
      sla: { id: sla.id, kind: sla.kind, dueAt: sla.dueAt.toISOString() },
    });
  }

  /** Watchers of these work orders (rules notify "the watchers"), with those added in this unit; one query. */
  async watchersOf(ids: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (ids.length) {
      const rows = await queryRows<{ ticket_id: string; user_id: string }>(this.work.tx, sql`
        select ticket_id, user_id from ticket_watchers where ticket_id = any(${pgArray(ids)}::uuid[])`);
      for (const r of rows) out.set(r.ticket_id, [...(out.get(r.ticket_id) ?? []), r.user_id]);
    }
    for (const w of this.watchers) {
      if (!ids.includes(w.ticket_id)) continue;
      const list = out.get(w.ticket_id) ?? [];
      if (!list.includes(w.user_id)) out.set(w.ticket_id, [...list, w.user_id]);
    }
    return out;
  }

  /** Marks the work order as just worked on (a note) without a change of its own. */
  touch(id: string, at: Date = this.work.now): void {
    const e = this.entries.get(id);
    if (!e) return;
    e.view.updatedAt = at;
    e.dirty = true;
  }

  /**
   * A linked task under a work order: a rule's sub-task (injury joint visit)
   * or a rectification after an unsatisfied callback. Both timelines say so.
   */
  async createTask(task: NewTask, by: ChangeAuthor): Promise<TicketView> {
    const parent = this.require(task.parentId);
    const at = by.at ?? this.work.now;
    const number = await nextTicketNumber(this.work.db, at, this.work.timeZone, 'GD', this.work.tx);
    const form = await formFor(this.work.db, 'task');
    const dir = await this.directory();
    const id = randomUUID();
    const view: TicketView & Row = {
      id, number, type: 'task', status: 'new', priority: task.priority, channel: parent.channel, subject: task.subject,
      customerId: parent.customerId, fields: task.fields, formVersion: form.version, assigneeId: task.assigneeId, teamId: task.teamId,
      departmentId: dir.departmentFor(task.assigneeId, task.teamId), createdById: task.createdById, interactionId: null,
      resolution: null, parentId: parent.id, hiddenFrom: parent.hiddenFrom, dueAt: task.dueAt ?? null, createdAt: at, updatedAt: at,
      customerClass: parent.customerClass, customerTier: parent.customerTier, customerName: parent.customerName,
    };
    this.entries.set(id, { view, dirty: false, isNew: true, searchWords: [number.toLowerCase(), ...words(task.subject)] });
    const changes: Change[] = [{ field: 'status', from: null, to: 'new' }, { field: 'parentId', from: null, to: parent.id },
      ...(task.assigneeId ? [{ field: 'assigneeId', from: null, to: task.assigneeId }] : [])];
    this.timeline.push({ id: orderedUuid(), ticket_id: id, actor_id: by.actorId, action: 'created', changes, rule_name: by.ruleName ?? null, at: at.toISOString() });
    this.work.publish('ticket.created', id, {
      ticketId: id, actorId: by.actorId, action: 'created', changes, causedBy: by.causedBy ?? null, at: at.toISOString(),
      type: 'task', customerId: parent.customerId, parentId: parent.id,
    });
    this.record(parent.id, task.parentAction, [{ field: 'subtask', from: null, to: number }, ...(task.parentChanges ?? [])], by, 'ticket.subtask_created');
    return view;
  }

  private apply(id: string, patch: Partial<Row>, changes: Change[], by: ChangeAuthor, action: string): void {
    if (!changes.length) return;
    const e = this.entries.get(id)!;
    const at = by.at ?? this.work.now;
    Object.assign(e.view, patch, { updatedAt: at });
    e.dirty = true;
    this.record(id, action, changes, by);
  }

  // ---------- writing ----------

  async flush(): Promise<void> {
    const tx = this.work.tx;
    const created = [...this.entries.values()].filter((e) => e.isNew);
    if (created.length) {
      await tx.insert(tickets).values(created.map((e) => {
        const { customerClass: _c, customerTier: _ct, customerName: _n, ...row } = e.view;
        return { ...row, searchVector: sql`${toVectorLiteral(e.searchWords ?? [])}::tsvector` as unknown as string };
      }));
    }
    const changed = [...this.entries.values()].filter((e) => e.dirty && !e.isNew);
    await updateRows(tx, 'tickets', 'id', {
      id: 'uuid', status: 'text', priority: 'text', subject: 'text', fields: 'jsonb', assignee_id: 'uuid', team_id: 'uuid',
      department_id: 'uuid', resolution: 'text', hidden_from: 'uuid[]', due_at: 'timestamptz', updated_at: 'timestamptz',
    }, changed.map(({ view: t }) => ({
      id: t.id, status: t.status, priority: t.priority, subject: t.subject, fields: t.fields, assignee_id: t.assigneeId, team_id: t.teamId,
      department_id: t.departmentId, resolution: t.resolution, hidden_from: t.hiddenFrom, due_at: t.dueAt?.toISOString() ?? null,
      updated_at: t.updatedAt.toISOString(),
    })));
    for (const e of changed) {
      if (e.searchWords) {
        await tx.update(tickets).set({ searchVector: sql`${toVectorLiteral(e.searchWords)}::tsvector` as unknown as string })
          .where(eq(tickets.id, e.view.id));
      }
    }
    await insertRows(tx, 'ticket_events', {
      id: 'uuid', ticket_id: 'uuid', actor_id: 'uuid', action: 'text', changes: 'jsonb', rule_name: 'text', at: 'timestamptz',
    }, this.timeline);
    await insertRows(tx, 'ticket_watchers', { ticket_id: 'uuid', user_id: 'uuid' }, this.watchers, { onConflict: 'on conflict do nothing' });
    for (const e of this.entries.values()) {
      e.dirty = false;
      e.isNew = false;
    }
    this.timeline = [];
    this.watchers = [];
  }
}

/** The tickets part of a unit of work. */
export const TICKETS: PartKey<TicketWork> = { name: 'tickets', create: (work) => new TicketWork(work) };
