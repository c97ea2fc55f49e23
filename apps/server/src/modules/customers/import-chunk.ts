import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { pgArray, queryRows } from '../../db/client.ts';
import { insertRows, updateRows } from '../../db/bulk.ts';
import { customerVectorText } from './customer-search-vector.ts';
import { writeMeasures, type MeasureRow } from './class-override.ts';
import type { CustomerFields, ImportRowData } from './import-rows.ts';

// One chunk of an import: the rows are matched to the archive by phone in one
// read, decided in memory (create, update the fields that changed, or leave
// alone) and written with one statement per table. A dry run stops before the
// writes, so what it counts is what the import does.

interface Existing {
  id: string; name: string; phone: string; email: string | null; address: string | null; customer_class: string | null;
  tags: string[]; customer_since: string | null; note: string | null;
}

export interface ChunkCounts { created: number; updated: number; unchanged: number; measures: number }

const CUSTOMER_COLUMNS = {
  id: 'uuid', name: 'text', phone: 'text', phone_reversed: 'text', email: 'text', address: 'text', customer_class: 'text',
  tags: 'text[]', customer_since: 'date', note: 'text', search_vector: 'tsvector', created_by_id: 'uuid',
};
const UPDATE_COLUMNS = {
  id: 'uuid', name: 'text', email: 'text', address: 'text', customer_class: 'text', tags: 'text[]', customer_since: 'date', note: 'text',
  search_vector: 'tsvector', updated_at: 'timestamptz',
};

/** The customer as it would be after the row: the row's cells over what is on record (an empty cell keeps the value). */
function merged(c: Existing, f: CustomerFields) {
  return {
    name: f.name ?? c.name, email: f.email ?? c.email, address: f.address ?? c.address, customer_class: f.customerClass ?? c.customer_class,
    tags: f.tags ?? c.tags, customer_since: f.customerSince ?? c.customer_since, note: f.note ?? c.note,
  };
}

const changed = (c: Existing, m: ReturnType<typeof merged>) =>
  m.name !== c.name || m.email !== c.email || m.address !== c.address || m.customer_class !== c.customer_class
  || m.customer_since !== c.customer_since || m.note !== c.note || JSON.stringify(m.tags) !== JSON.stringify(c.tags);

/**
 * Imports (or, with `dryRun`, counts) one chunk of valid rows. A phone shared
 * by several customers (a household) picks the one of the row's name, else
 * the first on record, as intake does; merged duplicates are passed over (their
 * survivor is the customer).
 */
export async function importChunk(tx: Tx, rows: ImportRowData[], dryRun: boolean, actorId: string | null): Promise<ChunkCounts> {
  const counts: ChunkCounts = { created: 0, updated: 0, unchanged: 0, measures: 0 };
  if (!rows.length) return counts;
  const phones = [...new Set(rows.map((r) => r.phone))];
  const found = await queryRows<Existing>(tx, sql`
    select id, name, phone, email, address, customer_class, tags, customer_since::text as customer_since, note from customers
    where phone = any(${pgArray(phones)}::text[]) and merged_into_id is null order by created_at, id`);
  const onRecord = new Map<string, Existing[]>();
  for (const c of found) onRecord.set(c.phone, [...(onRecord.get(c.phone) ?? []), c]);
  const match = (phone: string, name: string) => {
    const list = onRecord.get(phone) ?? [];
    return list.find((c) => c.name === name) ?? list[0];
  };

  const creates: Record<string, unknown>[] = [];
  const updates: Record<string, unknown>[] = [];
  const measures: MeasureRow[] = [];
  const customerOf = new Map<string, string>();
  const now = new Date().toISOString();
  for (const r of rows) {
    if (r.primary) {
      const c = match(r.phone, r.matchName);
      if (!c) {
        const id = randomUUID();
        customerOf.set(r.phone, id);
        counts.created++;
        creates.push({
          id, name: r.name, phone: r.phone, phone_reversed: r.phoneReversed, email: r.email ?? null, address: r.address ?? null,
          customer_class: r.customerClass ?? null, tags: r.tags ?? [], customer_since: r.customerSince ?? null, note: r.note ?? null,
          search_vector: customerVectorText(r.name!, r.address), created_by_id: actorId,
        });
      } else {
        customerOf.set(r.phone, c.id);
        const m = merged(c, r);
        if (!changed(c, m)) counts.unchanged++;
        else {
          counts.updated++;
          updates.push({ id: c.id, ...m, search_vector: customerVectorText(m.name, m.address), updated_at: now });
        }
      }
    }
    // a later row of a phone whose customer an earlier chunk wrote finds it on record
    // (a dry run wrote none: the customer is the one the import would have created)
    const customerId = customerOf.get(r.phone) ?? match(r.phone, r.matchName)?.id ?? (dryRun ? r.phone : undefined);
    if (customerId && r.quarter && (r.revenue !== undefined || r.payments !== undefined || r.referrals !== undefined)) {
      measures.push({ customerId, quarter: r.quarter, revenue: r.revenue, payments: r.payments, referrals: r.referrals });
    }
  }
  counts.measures = measures.length;
  if (dryRun) return counts;
  await insertRows(tx, 'customers', CUSTOMER_COLUMNS, creates);
  await updateRows(tx, 'customers', 'id', UPDATE_COLUMNS, updates);
  await writeMeasures(tx, measures);
  return counts;
}
