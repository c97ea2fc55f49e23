import { sql } from 'drizzle-orm';
import type { Change } from '@kefu/shared/events';
import type { Db } from '../../db/client.ts';
import { compiledStatement, usesPool } from '../../db/client.ts';
import { Batcher } from '../../platform/batching.ts';
import { INTAKE_CALLER_COLUMNS, intakeCustomersSql, type IntakeCaller } from '../customers/customers.commands.ts';
import { INTAKE_CONTACT_COLUMNS, intakeContactsSql, type IntakeContact } from '../interactions/interactions.commands.ts';
import { INTAKE_TICKET_COLUMNS, intakeTicketColumns, intakeTicketsSql, type IntakeTicket } from '../tickets/ticket-intake.commands.ts';

/** One work order to record: the tickets', customers' and interactions' columns of its row. */
export interface IntakeRow {
  ticket: IntakeTicket;
  changes: Change[];
  caller: IntakeCaller;
  contact: IntakeContact;
}

/** What the statement wrote for a row; null when it wrote no work order (see intakeTicketsSql). */
export type IntakeOutcome = { number: string; customerId: string; customerName: string; customerPhone: string; contactId: string | null } | null;

type Written = { id: string; number: string; customer_id: string; customer_name: string; customer_phone: string; contact_id: string | null };

/**
 * Records a group of work orders in ONE statement: each caller matched to the
 * archive or added, each call logged or attached, each work order numbered
 * and written with its first timeline entry and its `ticket.created` event.
 * Each module writes its own tables: the statement is made of the customers',
 * interactions' and tickets' parts, joined on the row's `ord`. The rows travel
 * as one JSON parameter, so the text is the same for 1 row or 64 and each
 * connection prepares it once.
 */
const INTAKE_SQL = sql`
  with input as (
    select * from jsonb_to_recordset(${sql.placeholder('rows')}::jsonb)
      as i(ord int, ${sql.raw(INTAKE_TICKET_COLUMNS)}, ${sql.raw(INTAKE_CALLER_COLUMNS)}, ${sql.raw(INTAKE_CONTACT_COLUMNS)})),
  ${intakeCustomersSql}, ${intakeContactsSql}, ${intakeTicketsSql}
  select t.id, t.number, c.id as customer_id, c.name as customer_name, c.phone as customer_phone, k.id as contact_id
  from t join input i on i.id = t.id join customer c on c.ord = i.ord left join contact k on k.ord = i.ord`;

const statements = new WeakMap<Db, (values: unknown[]) => Promise<Written[]>>();

export async function writeIntake(db: Db, rows: IntakeRow[]): Promise<IntakeOutcome[]> {
  let run = statements.get(db);
  if (!run) statements.set(db, run = compiledStatement<Written>(db, 'intake', INTAKE_SQL));
  const input = rows.map((r, ord) => ({ ord, ...intakeTicketColumns(r.ticket, r.changes), ...r.caller, ...r.contact }));
  const written = await run([JSON.stringify(input)]);
  const byId = new Map(written.map((w) => [w.id, w]));
  return rows.map((r) => {
    const w = byId.get(r.ticket.id);
    return w ? { number: w.number, customerId: w.customer_id, customerName: w.customer_name, customerPhone: w.customer_phone, contactId: w.contact_id } : null;
  });
}

export type IntakeBatcher = Batcher<IntakeRow, IntakeOutcome>;

// one per database handle (tests open several in one process)
const batchers = new WeakMap<Db, IntakeBatcher>();

/**
 * The intake's group commit (platform/batching.ts). On PostgreSQL two groups
 * at a time: on the 2-core bench machine 2 and 4 did the same (≈ 10 and 7
 * work orders a statement), 8 was a third slower (the backends fight the
 * server for the cores). Embedded PGlite runs one statement at a time anyway.
 */
export function intakeBatcher(db: Db): IntakeBatcher {
  let b = batchers.get(db);
  if (!b) {
    b = new Batcher<IntakeRow, IntakeOutcome>({ run: (rows) => writeIntake(db, rows), maxInFlight: usesPool(db) ? 2 : 1, maxBatch: 64 });
    batchers.set(db, b);
  }
  return b;
}
