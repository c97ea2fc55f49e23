import { sql } from 'drizzle-orm';
import type { Recipient } from '@kefu/shared/rules';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { departments, teams, users } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { broadcast, onBroadcast } from '../../platform/cluster/bus.ts';
import { queryRows } from '../../db/client.ts';

// Who works here, in which team and department, holding which position (岗位):
// read by every rule, notice and assignment, changed a few times a day. The
// whole directory is one snapshot in memory, read in one round trip and kept
// for a few seconds; a change made through this process clears it at once,
// other processes see it within CACHE_MS.

export interface DirectoryUser {
  id: string;
  username: string;
  displayName: string;
  jobNumber: string | null;
  teamId: string | null;
  departmentId: string | null;
  locale: 'zh-CN' | 'en-US';
  email: string | null;
  mobile: string | null;
  active: boolean;
}

export interface DirectoryTeam {
  id: string;
  name: string;
  departmentId: string | null;
  leadId: string | null;
  calendarId: string | null;
}

/** What a recipient may depend on: the work order's assignee, form fields and watchers. */
export interface TicketFacts {
  id: string;
  assigneeId: string | null;
  fields: Record<string, unknown>;
  /** the work order's watchers (asked only when a rule names "the watchers") */
  watchers: () => string[];
}

export class OrgDirectory {
  readonly users = new Map<string, DirectoryUser>();
  readonly teams = new Map<string, DirectoryTeam>();
  private positions = new Map<string, string[]>();
  private members = new Map<string, string[]>();
  private jobNumbers = new Map<string, string[]>();

  constructor(users: DirectoryUser[], teams: DirectoryTeam[], holders: { key: string; userId: string }[]) {
    // stable orders (by username) so "the first holder" is the same on every process
    const sorted = [...users].sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
    for (const u of sorted) {
      this.users.set(u.id, u);
      if (u.active && u.teamId) this.members.set(u.teamId, [...(this.members.get(u.teamId) ?? []), u.id]);
      if (u.jobNumber) this.jobNumbers.set(u.jobNumber, [...(this.jobNumbers.get(u.jobNumber) ?? []), u.id]);
    }
    for (const t of teams) this.teams.set(t.id, t);
    for (const h of holders) this.positions.set(h.key, [...(this.positions.get(h.key) ?? []), h.userId]);
    for (const [key, ids] of this.positions) {
      this.positions.set(key, sorted.filter((u) => u.active && ids.includes(u.id)).map((u) => u.id));
    }
  }

  isActive(userId: string): boolean {
    return this.users.get(userId)?.active === true;
  }

  /** Active people holding a position, by username. */
  holdersOf(positionKey: string): string[] {
    return this.positions.get(positionKey) ?? [];
  }

  /** Active members of a team, by username. */
  membersOf(teamId: string): string[] {
    return this.members.get(teamId) ?? [];
  }

  /** Everyone (active or not) with this job number (工号). */
  byJobNumber(jobNumber: string): string[] {
    return this.jobNumbers.get(jobNumber) ?? [];
  }

  /** The active people a recipient of a rule or cut-off means for this work order (no query). */
  resolve(r: Recipient, t: TicketFacts): string[] {
    switch (r.kind) {
      case 'position':
        return this.holdersOf(r.position);
      case 'user':
        return this.isActive(r.userId) ? [r.userId] : [];
      case 'team':
        return this.membersOf(r.teamId);
      case 'assignee':
        return t.assigneeId ? [t.assigneeId] : [];
      case 'watchers':
        return t.watchers();
      case 'job_number_in_field': {
        const jobNumber = t.fields[r.field];
        return typeof jobNumber === 'string' && jobNumber ? this.byJobNumber(jobNumber) : [];
      }
      case 'superior_of_job_number_in_field': {
        const jobNumber = t.fields[r.field];
        if (typeof jobNumber !== 'string' || !jobNumber) return [];
        const staff = this.users.get(this.byJobNumber(jobNumber)[0] ?? '');
        if (!staff) return [];
        const leadId = staff.teamId ? this.teams.get(staff.teamId)?.leadId ?? null : null;
        if (leadId && leadId !== staff.id) return [leadId];
        return this.holdersOf(r.topPosition);
      }
    }
  }

  /** Everyone several recipients mean, each once, in order. */
  resolveAll(rs: Recipient[], t: TicketFacts): string[] {
    const out: string[] = [];
    for (const r of rs) for (const id of this.resolve(r, t)) if (!out.includes(id)) out.push(id);
    return out;
  }

  /** The department a work order belongs to: its assignee's, else its team's. */
  departmentFor(assigneeId: string | null, teamId: string | null): string | null {
    const fromUser = assigneeId ? this.users.get(assigneeId)?.departmentId ?? null : null;
    if (fromUser) return fromUser;
    return teamId ? this.teams.get(teamId)?.departmentId ?? null : null;
  }
}

const CACHE_MS = 5_000;
const cache = new WeakMap<object, { at: number; dir: OrgDirectory }>();
let generation = 0;
const generations = new WeakMap<object, number>();

/** Forgets every cached directory (after a change to users, teams or positions). */
export function invalidateOrgDirectory(): void {
  generation++;
  broadcast('org.changed', {});
}
onBroadcast('org.changed', () => { generation++; });

/**
 * The directory, from the cache of `cacheKey` (the database) or read through
 * `tx` (inside a transaction on embedded PGlite only the transaction may query).
 */
export async function orgDirectory(tx: Tx, cacheKey: object): Promise<OrgDirectory> {
  const hit = cache.get(cacheKey);
  if (hit && Date.now() - hit.at < CACHE_MS && generations.get(cacheKey) === generation) return hit.dir;
  const seen = generation;
  const [row] = await queryRows<{ users: DirectoryUser[] | null; teams: DirectoryTeam[] | null; holders: { key: string; userId: string }[] | null }>(tx, sql`
    select
      (select json_agg(json_build_object('id', id, 'username', username, 'displayName', display_name, 'jobNumber', job_number,
        'teamId', team_id, 'departmentId', department_id, 'locale', locale, 'email', email, 'mobile', mobile, 'active', active)) from users) as users,
      (select json_agg(json_build_object('id', id, 'name', name, 'departmentId', department_id, 'leadId', lead_id, 'calendarId', calendar_id)) from teams) as teams,
      (select json_agg(json_build_object('key', p.key, 'userId', h.user_id)) from position_holders h join positions p on p.id = h.position_id) as holders`);
  const dir = new OrgDirectory(row.users ?? [], row.teams ?? [], row.holders ?? []);
  cache.set(cacheKey, { at: Date.now(), dir });
  generations.set(cacheKey, seen);
  return dir;
}

/** A 422 naming what was referred to, unless it exists. */
export async function mustExist(db: Tx, what: 'department' | 'team' | 'user', rowId: string): Promise<void> {
  const table = { department: departments, team: teams, user: users }[what];
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.id, rowId));
  if (!row) throw new AppError('REFERENCE_NOT_FOUND', { what, id: rowId });
}
