import { maskAddress, maskEmail, maskPhone } from '@kefu/shared/phone';
import { piiAccessLog, type customers } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import { can, type Principal } from '../../platform/auth/principal.ts';

type Row = typeof customers.$inferSelect;

/** Phone and address leave the server masked unless the role holds customer:view_pii. */
export function presentCustomer(row: Row, viewer: Principal, duplicateOf: string[] = []) {
  const pii = can(viewer, 'customer:view_pii');
  return {
    id: row.id,
    name: row.name,
    phone: pii ? row.phone : maskPhone(row.phone),
    address: pii ? row.address : maskAddress(row.address),
    email: pii ? row.email : maskEmail(row.email),
    masked: !pii,
    customerClass: row.customerClass,
    note: row.note,
    // which customers share a phone says whose phone it is: only for those who may see phones
    duplicateOf: pii ? duplicateOf : [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function customerPhoneFor(viewer: Principal, phone: string | null): string | null {
  return can(viewer, 'customer:view_pii') ? phone : maskPhone(phone);
}

/** Every view of unmasked personal data is recorded (AUD-01). */
export async function recordPiiView(db: Tx, viewer: Principal, customerId: string, context: string): Promise<void> {
  if (!can(viewer, 'customer:view_pii')) return;
  await db.insert(piiAccessLog).values({ userId: viewer.userId, customerId, context });
}
