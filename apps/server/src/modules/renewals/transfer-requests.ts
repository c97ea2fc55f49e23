import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { phoneConfirmationBody, transferRequestBody, TransferRequest } from '@kefu/shared/renewals-api';
import { queryRows, type Db, type Tx } from '../../db/client.ts';
import { customerServices, serviceTransferRequests } from '../../db/schema/index.ts';
import { can, type Principal } from '../../platform/auth/principal.ts';
import { AppError, notFound } from '../../platform/errors.ts';

// CUS-10: every customer domain is administered by the company. A transfer
// away needs the company certificate signed by the customer's general
// manager and a telephone confirmation by CS; only then may it be approved,
// and approving marks the service transferred.

type Missing = TransferRequest['missing'][number];

interface Row {
  id: string; service_id: string; service_name: string; kind: string; kind_name: string; customer_id: string; customer_name: string;
  status: string; receiving_party: string | null; note: string | null; requested_by_name: string | null; created_at: Date | string;
  certificate_name: string | null; certificate_type: string | null; certificate_size: number | null; certificate_by_name: string | null; certificate_at: Date | string | null;
  phone_called_by_name: string | null; phone_number: string | null; phone_called_at: Date | string | null; phone_outcome: string | null; phone_note: string | null;
  decided_by_name: string | null; decided_at: Date | string | null; reject_reason: string | null;
}

const iso = (v: Date | string) => new Date(v).toISOString();

/** What approval still needs: the signed certificate, and a phone call in which the customer confirmed. */
function missingOf(r: { certificate_name: string | null; phone_outcome: string | null }): Missing[] {
  const out: Missing[] = [];
  if (!r.certificate_name) out.push('certificate');
  if (r.phone_outcome !== 'confirmed') out.push('phone_confirmation');
  return out;
}

function present(r: Row): TransferRequest {
  return {
    id: r.id, serviceId: r.service_id, serviceName: r.service_name, kind: r.kind, kindName: r.kind_name, customerId: r.customer_id, customerName: r.customer_name,
    status: r.status as TransferRequest['status'], receivingParty: r.receiving_party, note: r.note, requestedByName: r.requested_by_name, createdAt: iso(r.created_at),
    certificate: r.certificate_name
      ? { fileName: r.certificate_name, contentType: r.certificate_type ?? '', size: Number(r.certificate_size ?? 0), uploadedByName: r.certificate_by_name, uploadedAt: iso(r.certificate_at!) }
      : null,
    phoneConfirmation: r.phone_number && r.phone_called_at
      ? { calledByName: r.phone_called_by_name, phone: r.phone_number, calledAt: iso(r.phone_called_at), outcome: r.phone_outcome as 'confirmed', note: r.phone_note }
      : null,
    missing: missingOf(r),
    decidedByName: r.decided_by_name, decidedAt: r.decided_at ? iso(r.decided_at) : null, rejectReason: r.reject_reason,
  };
}

/** Transfer requests, newest first, in one query: managers see all, owners those of their services. */
export async function listTransferRequests(tx: Tx, viewer: Principal, f: { ids?: string[]; serviceId?: string; status?: string; limit: number }): Promise<TransferRequest[]> {
  const where = [sql`true`];
  if (f.ids) where.push(sql`t.id = any(${sql.param(f.ids)}::uuid[])`);
  if (f.serviceId) where.push(sql`t.service_id = ${f.serviceId}::uuid`);
  if (f.status) where.push(sql`t.status = ${f.status}`);
  if (!can(viewer, 'renewal:manage') && !can(viewer, 'renewal:approve_transfer')) where.push(sql`s.owner_id = ${viewer.userId}::uuid`);
  const rows = await queryRows<Row>(tx, sql`
    select t.id, s.id as service_id, s.name as service_name, s.kind, coalesce(k.name, s.kind) as kind_name, c.id as customer_id, c.name as customer_name,
      t.status, t.receiving_party, t.note, rq.display_name as requested_by_name, t.created_at,
      t.certificate_name, t.certificate_type, t.certificate_size, cu.display_name as certificate_by_name, t.certificate_at,
      pc.display_name as phone_called_by_name, t.phone_number, t.phone_called_at, t.phone_outcome, t.phone_note,
      d.display_name as decided_by_name, t.decided_at, t.reject_reason
    from service_transfer_requests t
    join customer_services s on s.id = t.service_id
    join customers c on c.id = s.customer_id
    left join renewal_kinds k on k.key = s.kind
    left join users rq on rq.id = t.requested_by_id
    left join users cu on cu.id = t.certificate_by_id
    left join users pc on pc.id = t.phone_called_by_id
    left join users d on d.id = t.decided_by_id
    where ${sql.join(where, sql` and `)}
    order by t.created_at desc, t.id desc limit ${f.limit}`);
  return rows.map(present);
}

export async function transferRequestById(tx: Tx, viewer: Principal, id: string): Promise<TransferRequest> {
  const [r] = await listTransferRequests(tx, viewer, { ids: [id], limit: 1 });
  if (!r) throw notFound('transferRequest');
  return r;
}

type RequestRow = typeof serviceTransferRequests.$inferSelect;

async function pendingForUpdate(tx: Tx, id: string): Promise<RequestRow> {
  const [row] = await tx.select().from(serviceTransferRequests).where(eq(serviceTransferRequests.id, id)).for('update');
  if (!row) throw notFound('transferRequest');
  if (row.status !== 'pending') throw new AppError('TRANSFER_NOT_PENDING', { transferState: row.status });
  return row;
}

/** A new request; one pending per service, and only for a service still running. */
export async function createTransferRequest(db: Db, actor: Principal, serviceId: string, body: z.infer<typeof transferRequestBody>): Promise<string> {
  return db.transaction(async (tx) => {
    const [service] = await tx.select().from(customerServices).where(eq(customerServices.id, serviceId)).for('update');
    if (!service) throw notFound('customerService');
    if (service.status !== 'active' && service.status !== 'renewed') throw new AppError('SERVICE_NOT_LIVE', { serviceState: service.status });
    const [pending] = await tx.select({ id: serviceTransferRequests.id }).from(serviceTransferRequests)
      .where(sql`${serviceTransferRequests.serviceId} = ${serviceId} and ${serviceTransferRequests.status} = 'pending'`);
    if (pending) throw new AppError('TRANSFER_PENDING', {}, { details: [{ path: 'transferRequestId', message: pending.id }] });
    const [row] = await tx.insert(serviceTransferRequests).values({ serviceId, ...body, requestedById: actor.userId }).returning({ id: serviceTransferRequests.id });
    return row.id;
  });
}

/** Keeps the signed certificate's file (a new upload replaces the old); answers the key it replaced, to remove after commit. */
export async function attachCertificate(db: Db, actor: Principal, id: string, file: { name: string; type: string; size: number; sha256: string; key: string }): Promise<string | null> {
  return db.transaction(async (tx) => {
    const row = await pendingForUpdate(tx, id);
    await tx.update(serviceTransferRequests).set({
      certificateName: file.name, certificateType: file.type, certificateSize: file.size, certificateSha256: file.sha256, certificateKey: file.key,
      certificateById: actor.userId, certificateAt: new Date(),
    }).where(eq(serviceTransferRequests.id, id));
    return row.certificateKey;
  });
}

/** Where the certificate's bytes are, for someone who may see the request. */
export async function certificateOf(tx: Tx, viewer: Principal, id: string): Promise<{ key: string; name: string; type: string }> {
  await transferRequestById(tx, viewer, id);
  const [row] = await tx.select().from(serviceTransferRequests).where(eq(serviceTransferRequests.id, id));
  if (!row?.certificateKey) throw notFound('attachment');
  return { key: row.certificateKey, name: row.certificateName ?? 'certificate', type: row.certificateType ?? 'application/octet-stream' };
}

/** The CS call to the customer: who called, which number, when, what the customer said. */
export async function recordPhoneConfirmation(db: Db, actor: Principal, id: string, body: z.infer<typeof phoneConfirmationBody>): Promise<void> {
  await db.transaction(async (tx) => {
    await pendingForUpdate(tx, id);
    await tx.update(serviceTransferRequests).set({
      phoneCalledById: actor.userId, phoneNumber: body.phone, phoneCalledAt: new Date(body.calledAt), phoneOutcome: body.outcome, phoneNote: body.note,
    }).where(eq(serviceTransferRequests.id, id));
  });
}

/** Approves, only with both the certificate and a confirmed call; the service is then transferred. */
export async function approveTransfer(db: Db, actor: Principal, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await pendingForUpdate(tx, id);
    const missing = missingOf({ certificate_name: row.certificateName, phone_outcome: row.phoneOutcome });
    if (missing.length) throw new AppError('TRANSFER_NOT_READY', { missing: missing.join(', ') }, { details: missing.map((m) => ({ path: m, message: 'missing' })) });
    const now = new Date();
    await tx.update(serviceTransferRequests).set({ status: 'approved', decidedById: actor.userId, decidedAt: now }).where(eq(serviceTransferRequests.id, id));
    await tx.update(customerServices).set({ status: 'transferred', updatedAt: now }).where(eq(customerServices.id, row.serviceId));
  });
}

export async function rejectTransfer(db: Db, actor: Principal, id: string, reason: string): Promise<void> {
  if (!reason) throw new AppError('TRANSFER_REJECT_REASON_REQUIRED');
  await db.transaction(async (tx) => {
    await pendingForUpdate(tx, id);
    await tx.update(serviceTransferRequests).set({ status: 'rejected', decidedById: actor.userId, decidedAt: new Date(), rejectReason: reason })
      .where(eq(serviceTransferRequests.id, id));
  });
}
