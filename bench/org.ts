// The demo organisation as seeded by prepareDatabase: user, team and form ids
// the generated work orders refer to.

import { sql } from 'drizzle-orm';
import type { FormDefinition } from '@kefu/shared/forms';
import { queryRows, type Db } from '../apps/server/src/db/client.ts';
import { currentForms } from '../apps/server/src/modules/forms/forms.queries.ts';

export interface OrgUser {
  id: string;
  username: string;
  departmentId: string | null;
  teamId: string | null;
}

export interface Org {
  users: Record<string, OrgUser>;
  /** team key (hotline, sales_desk, station_desk) -> id */
  hotlineTeamId: string;
  forms: Record<string, { version: number; definition: FormDefinition }>;
}

export async function loadOrg(db: Db): Promise<Org> {
  const rows = await queryRows<{ id: string; username: string; department_id: string | null; team_id: string | null }>(
    db, sql`select id, username, department_id, team_id from users`,
  );
  const users: Record<string, OrgUser> = {};
  for (const r of rows) users[r.username] = { id: r.id, username: r.username, departmentId: r.department_id, teamId: r.team_id };
  for (const name of ['operator', 'operator2', 'lead', 'cs_manager', 'qc_manager', 'gm_office', 'marketing', 'sales_clerk', 'station_clerk']) {
    if (!users[name]) throw new Error(`demo user ${name} missing: was the demo org seeded?`);
  }
  const hotlineTeamId = users.operator.teamId;
  if (!hotlineTeamId) throw new Error('operator has no team');
  const forms: Org['forms'] = {};
  for (const [type, f] of await currentForms(db)) forms[type] = { version: f.version, definition: f.definition };
  return { users, hotlineTeamId, forms };
}
