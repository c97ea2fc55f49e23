import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from './client.ts';

// Writes of many rows in one statement with one parameter: the rows travel as
// a JSON array and jsonb_to_recordset turns them into typed rows. A batch of
// hundreds of events writes each table once, whatever its size, and the
// statement text stays the same (the server plans it once per connection).

/** Column name → PostgreSQL type, in the order the statement lists them. */
export type ColumnTypes = Record<string, string>;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

function recordset(rows: Record<string, unknown>[], columns: ColumnTypes): SQL {
  const defs = Object.entries(columns).map(([c, type]) => `${ident(c)} ${type}`).join(', ');
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.raw(defs)})`;
}

/** insert into table (columns) from rows whose keys are the column names. */
export async function insertRows(tx: Tx, table: string, columns: ColumnTypes, rows: Record<string, unknown>[],
  opts: { onConflict?: string } = {}): Promise<void> {
  if (!rows.length) return;
  const names = Object.keys(columns).map(ident).join(', ');
  await tx.execute(sql`insert into ${sql.raw(ident(table))} (${sql.raw(names)})
    select ${sql.raw(names)} from ${recordset(rows, columns)} ${sql.raw(opts.onConflict ?? '')}`);
}

/**
 * update table set each listed column from the row with the same key. `key`
 * is in `columns`; the other columns are all written (the caller sends the
 * row as it must be, not a diff).
 */
export async function updateRows(tx: Tx, table: string, key: string, columns: ColumnTypes, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const sets = Object.keys(columns).filter((c) => c !== key).map((c) => `${ident(c)} = r.${ident(c)}`).join(', ');
  await tx.execute(sql`update ${sql.raw(ident(table))} as t set ${sql.raw(sets)}
    from ${recordset(rows, columns)} where t.${sql.raw(ident(key))} = r.${sql.raw(ident(key))}`);
}
