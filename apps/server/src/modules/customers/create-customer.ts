import { and, eq, isNull, ne } from 'drizzle-orm';
import { parsePhone } from '@kefu/shared/phone';
import type { Tx } from '../../db/client.ts';
import { customers } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { customerSearchVector, reversedDigits } from './customer-search-vector.ts';

export interface NewCustomer {
  name: string;
  phone: string;
  address?: string | null;
  email?: string | null;
  customerClass?: string | null;
  tags?: string[];
  customerSince?: string | null;
  note?: string | null;
}

export function normalizePhone(input: string) {
  const p = parsePhone(input);
  if (!p) throw new AppError('INVALID_PHONE', { phone: input });
  return p;
}

/** Other customers with the same phone: shown as likely duplicates, merged later. */
export async function findDuplicates(tx: Tx, phone: string, exceptId?: string): Promise<string[]> {
  const where = and(eq(customers.phone, phone), isNull(customers.mergedIntoId), exceptId ? ne(customers.id, exceptId) : undefined);
  const rows = await tx.select({ id: customers.id }).from(customers).where(where).limit(20);
  return rows.map((r) => r.id);
}

export async function createCustomer(tx: Tx, input: NewCustomer, actorId: string, opts: { checkDuplicates?: boolean } = {}) {
  const phone = normalizePhone(input.phone);
  // the intake path skips the lookup: the duplicate flag is computed whenever the customer is shown
  const duplicateOf = opts.checkDuplicates === false ? [] : await findDuplicates(tx, phone.normalized);
  const [row] = await tx.insert(customers).values({
    name: input.name,
    phone: phone.normalized,
    phoneReversed: reversedDigits(phone.digits),
    address: input.address || null,
    email: input.email || null,
    customerClass: input.customerClass || null,
    tags: [...new Set(input.tags ?? [])],
    customerSince: input.customerSince ?? null,
    note: input.note || null,
    searchVector: customerSearchVector(input.name, input.address) as unknown as string,
    createdById: actorId,
  }).returning();
  return { row, duplicateOf };
}
