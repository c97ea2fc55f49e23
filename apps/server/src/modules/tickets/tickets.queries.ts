import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { RuleContext } from '@kefu/shared/conditions';
import type { Tx } from '../../db/client.ts';
import { tickets } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { queryRows, pgArray } from '../../db/client.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
export { transitionsFor, mayChangeStatus } from './ticket-lifecycle.ts';
import { calendarBook } from '../../platform/time/calendars.ts';
import { TICKETS, type TicketView } from './tickets.commands.ts';
import { allFields, type FormDefinition } from '@kefu/shared/forms';
import { formatFieldError, validateFields } from '@kefu/shared/form-validation';
import { AppError, type Locale } from '../../platform/errors.ts';
import { words } from '../../platform/search/tokenize.ts';
import { truncate } from '../../platform/text.ts';

/**
 * The facts rule, SLA and callback conditions look at, as the work order is
 * now. Business hours are worked out only if a condition asks.
 */
export function factsOf(t: TicketView, changed: string[], businessHours: () => boolean): RuleContext {
  const facts = {
    type: t.type, priority: t.priority, channel: t.channel, status: t.status, teamId: t.teamId, assigneeId: t.assigneeId,
    customerClass: t.customerClass, customerTier: t.customerTier, fields: t.fields as Record<string, unknown>, changed,
  } as RuleContext;
  let known: boolean | undefined;
  Object.defineProperty(facts, 'businessHours', { enumerable: true, get: () => (known ??= businessHours()) });
  return facts;
}

/** Whether a team is inside its working hours (its calendar, else the default), for a whole unit at once. */
export async function teamHours(work: UnitOfWork): Promise<(teamId: string | null) => boolean> {
  const book = await calendarBook(work.tx, work.db);
  const dir = await work.part(TICKETS).directory();
  return (teamId) => book.isWorking(teamId ? dir.teams.get(teamId)?.calendarId : null, work.now);
}

/** Open work orders (new, open, pending) per person: "least loaded" picks the fewest. One query for all candidates. */
export async function openLoads(tx: Tx, userIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!userIds.length) return out;
  const rows = await queryRows<{ assignee_id: string; n: number }>(tx, sql`
    select assignee_id, count(*)::int as n from tickets
    where assignee_id = any(${pgArray(userIds)}::uuid[]) and status in ('new', 'open', 'pending') group by assignee_id`);
  for (const r of rows) out.set(r.assignee_id, r.n);
  return out;
}

/** When each person was last given work (latest change of a work order assigned to them): round robin picks the longest ago. */
export async function lastAssigned(tx: Tx, userIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!userIds.length) return out;
  const rows = await queryRows<{ assignee_id: string; last: string }>(tx, sql`
    select assignee_id, max(updated_at) as last from tickets where assignee_id = any(${pgArray(userIds)}::uuid[]) group by assignee_id`);
  for (const r of rows) out.set(r.assignee_id, new Date(r.last).getTime());
  return out;
}

/**
 * The work orders a user may see: by the widest data scope among their roles,
 * never one hidden from them (a complaint about them, AUD-13).
 */
export function scopeCondition(p: Principal): SQL | undefined {
  const notHidden = notHiddenFrom(p);
  const mine = or(eq(tickets.assigneeId, p.userId), eq(tickets.createdById, p.userId))!;
  switch (p.dataScope) {
    case 'all':
      return notHidden;
    case 'department':
      return and(p.departmentId ? or(eq(tickets.departmentId, p.departmentId), mine) : mine, notHidden);
    case 'team':
      return and(p.teamId ? or(eq(tickets.teamId, p.teamId), mine) : mine, notHidden);
    case 'own':
    default:
      return and(mine, notHidden);
  }
}

/** The work orders not hidden from a user (a complaint about them, AUD-13), whatever their scope. */
export function notHiddenFrom(p: Principal): SQL {
  return sql`not (${tickets.hiddenFrom} @> array[${p.userId}]::uuid[])`;
}

export const NONE = sql`false`;

function display(def: FormDefinition, key: string, v: unknown): string | null {
  const f = allFields(def).find((x) => x.key === key);
  if (!f || v === undefined || v === null || v === '' || typeof v === 'boolean') return null;
  const label = (val: unknown) => f.options?.find((o) => o.value === val)?.label.zh ?? String(val);
  if (f.type === 'select') return label(v);
  if (f.type === 'multiselect' && Array.isArray(v)) return v.map(label).join('、');
  return String(v);
}

/** A title from the fields the definition names, e.g. "产品质量问题 · 异味 · 鲜奶". */
export function deriveSubject(def: FormDefinition, fields: Record<string, unknown>): string {
  const keys = def.subjectFields ?? allFields(def).slice(0, 3).map((f) => f.key);
  const parts = keys.map((k) => display(def, k, fields[k])).filter((x): x is string => !!x);
  const text = parts.join(' · ') || def.name.zh;
  return truncate(text, 80) === text ? text : `${truncate(text, 79)}…`;
}

/** Search words of a work order: its number, subject, customer name and every text value. */
export function ticketSearchWords(number: string, subject: string, customerName: string, def: FormDefinition, fields: Record<string, unknown>): string[] {
  const texts = [subject, customerName];
  for (const [k, v] of Object.entries(fields)) {
    const d = display(def, k, v);
    if (d) texts.push(d);
  }
  return [...new Set([number.toLowerCase(), ...words(texts.join(' \n '))])];
}

/** Validates field values, or throws a 422 listing every problem in the caller's language. */
export function assertValidFields(def: FormDefinition, values: Record<string, unknown>, locale: Locale): Record<string, unknown> {
  const { values: clean, errors } = validateFields(def, values);
  if (errors.length) {
    const details = errors.map((e) => ({ path: `fields.${e.key}`, message: formatFieldError(def, e, locale) }));
    throw new AppError('VALIDATION_FAILED', { summary: details.map((d) => d.message).join(locale === 'zh-CN' ? ';' : '; ') }, { details });
  }
  return clean;
}

/** scopeCondition in memory: whether the viewer may see this work order (a row already read). */
export function isVisibleTo(p: Principal, t: { assigneeId: string | null; createdById: string | null; teamId: string | null; departmentId: string | null; hiddenFrom: string[] | null }): boolean {
  if ((t.hiddenFrom ?? []).includes(p.userId)) return false;
  const mine = t.assigneeId === p.userId || t.createdById === p.userId;
  switch (p.dataScope) {
    case 'all': return true;
    case 'department': return mine || (!!p.departmentId && t.departmentId === p.departmentId);
    case 'team': return mine || (!!p.teamId && t.teamId === p.teamId);
    default: return mine;
  }
}
