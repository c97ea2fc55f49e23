import { desc, eq, sql } from 'drizzle-orm';
import { IMPORT_HEADINGS, type ImportColumn, type ImportError, type ImportRun } from '@kefu/shared/customer-imports-api';
import { maskAddress, maskEmail, maskPhone } from '@kefu/shared/phone';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { customerImportRuns, users } from '../../db/schema/index.ts';
import { notFound, renderError, type ErrorCode, type Locale } from '../../platform/errors.ts';
import type { RowError } from './import-rows.ts';

// What the console and the error report show of an import: its counts and
// progress, and each row's problems in the reader's language. What the file
// said of phones, addresses and e-mails stays masked for roles that see them
// masked in the archive.

const runColumns = {
  id: customerImportRuns.id, status: customerImportRuns.status, dryRun: customerImportRuns.dryRun, fileName: customerImportRuns.fileName,
  total: customerImportRuns.total, processed: customerImportRuns.processed, created: customerImportRuns.created, updated: customerImportRuns.updated,
  unchanged: customerImportRuns.unchanged, measures: customerImportRuns.measures, errorRows: customerImportRuns.errorRows,
  errorCount: customerImportRuns.errorCount, ignoredColumns: customerImportRuns.ignoredColumns, startedByName: users.displayName,
  startedAt: customerImportRuns.startedAt, finishedAt: customerImportRuns.finishedAt,
};
type RunRow = Omit<ImportRun, 'status' | 'startedAt' | 'finishedAt'> & { status: string; startedAt: Date; finishedAt: Date | null };
const present = (r: RunRow): ImportRun => ({
  ...r, status: r.status as ImportRun['status'], startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
});

export async function listImportRuns(db: Db, limit: number): Promise<ImportRun[]> {
  const rows = await db.select(runColumns).from(customerImportRuns).leftJoin(users, eq(users.id, customerImportRuns.startedById))
    .orderBy(desc(customerImportRuns.startedAt)).limit(limit);
  return rows.map(present);
}

export async function importRunById(db: Db, id: string): Promise<ImportRun> {
  const [row] = await db.select(runColumns).from(customerImportRuns).leftJoin(users, eq(users.id, customerImportRuns.startedById))
    .where(eq(customerImportRuns.id, id));
  if (!row) throw notFound('customerImport');
  return present(row);
}

const MASK: Partial<Record<ImportColumn, (v: string) => string | null>> = { phone: maskPhone, address: maskAddress, email: maskEmail };

/** A cell of the file as a reader may see it: phones, addresses and e-mails masked without customer:view_pii. */
export function shownCell(column: ImportColumn | null, v: string, withPii: boolean): string {
  return !withPii && column && MASK[column] ? MASK[column]!(v) ?? '' : v;
}

/** Words of an error for people: the column named in the reader's language, masked values masked. */
export function errorWords(e: RowError, raw: Partial<Record<ImportColumn, string>> | null, locale: Locale, withPii: boolean) {
  const label = (c: unknown) => (typeof c === 'string' && c in IMPORT_HEADINGS[locale] ? IMPORT_HEADINGS[locale][c as ImportColumn] : '');
  const hide = (column: ImportColumn | null, v: string | undefined) => (v === undefined ? undefined : shownCell(column, v, withPii));
  const params = { ...e.params, column: label(e.params.column ?? e.column) } as Record<string, string | number>;
  if (typeof params.value === 'string') params.value = hide(e.column, params.value)!;
  if (typeof params.phone === 'string') params.phone = hide('phone', params.phone)!;
  return {
    column: e.column, columnLabel: e.column ? label(e.column) : null,
    value: e.column ? hide(e.column, raw?.[e.column]) ?? null : null,
    code: e.code, message: renderError(e.code as ErrorCode, params, locale),
  };
}

/** The import's errors in row order, one per problem, from `offset`; with how many there are. */
export async function importErrors(db: Db, runId: string, offset: number, limit: number, locale: Locale, withPii: boolean): Promise<{ items: ImportError[]; total: number }> {
  const run = await importRunById(db, runId);
  const rows = await queryRows<{ row_no: number; raw: Partial<Record<ImportColumn, string>> | null; e: RowError }>(db, sql`
    select r.row_no, r.raw, e.value as e from customer_import_rows r
    cross join lateral jsonb_array_elements(r.errors) with ordinality as e(value, n)
    where r.run_id = ${runId}::uuid and r.errors is not null
    order by r.row_no, e.n offset ${offset} limit ${limit}`);
  return { items: rows.map((r) => ({ row: r.row_no, ...errorWords(r.e, r.raw, locale, withPii) })), total: run.errorCount };
}

/** The rows with errors after `afterRow`, a page at a time (the error report). */
export function errorRowsAfter(db: Db, runId: string, afterRow: number, limit: number) {
  return queryRows<{ row_no: number; raw: Partial<Record<ImportColumn, string>> | null; errors: RowError[] }>(db, sql`
    select row_no, raw, errors from customer_import_rows where run_id = ${runId}::uuid and errors is not null and row_no > ${afterRow}
    order by row_no limit ${limit}`);
}
