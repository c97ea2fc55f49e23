import { desc, eq, sql } from 'drizzle-orm';
import { LIVE_SERVICE_STATUSES, type CustomerServiceDetail, type NonRenewal, type ServicePeriod } from '@kefu/shared/renewals-api';
import type { z } from 'zod';
import type { customerServiceBody, customerServicePatch, nonRenewalBody, renewBody } from '@kefu/shared/renewals-api';
import { queryRows, type Db, type Tx } from '../../db/client.ts';
import { customers, customerServices, renewalKinds, serviceNonRenewals, servicePeriods, users } from '../../db/schema/index.ts';
import { can, type Principal } from '../../platform/auth/principal.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { mustExist } from '../org/org.queries.ts';
import { findServices } from './service-rows.ts';
import { addDays } from './renewal-days.ts';
import { addCustomerPayment } from '../customers/customers.commands.ts';

// A customer's services: added by a renewal manager, renewed (a new period,
// the old ones kept) or recorded as not renewed — with the reason and the
// owner's report back (CUS-09 (4)) — by the owner salesperson or a manager.

type ServiceRow = typeof customerServices.$inferSelect;

async function serviceForUpdate(tx: Tx, id: string): Promise<ServiceRow> {
  const [row] = await tx.select().from(customerServices).where(eq(customerServices.id, id)).for('update');
  if (!row) throw notFound('customerService');
  return row;
}

/** The owner salesperson acts on their own services; managers on anyone's. */
export function mayActOn(viewer: Principal, ownerId: string | null): boolean {
  return can(viewer, 'renewal:manage') || (ownerId !== null && ownerId === viewer.userId);
}

function mustActOn(viewer: Principal, row: ServiceRow): void {
  if (!mayActOn(viewer, row.ownerId)) throw new AppError('NOT_SERVICE_OWNER');
}

function mustBeLive(row: ServiceRow): void {
  if (!LIVE_SERVICE_STATUSES.includes(row.status as never)) throw new AppError('SERVICE_NOT_LIVE', { serviceState: row.status });
}

async function checkReferences(tx: Tx, input: { customerId?: string; kind?: string; ownerId?: string | null }): Promise<void> {
  if (input.customerId) {
    const [c] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, input.customerId));
    if (!c) throw new AppError('REFERENCE_NOT_FOUND', { what: 'customer', id: input.customerId });
  }
  if (input.kind) {
    const [k] = await tx.select({ key: renewalKinds.key }).from(renewalKinds).where(eq(renewalKinds.key, input.kind));
    if (!k) throw new AppError('REFERENCE_NOT_FOUND', { what: 'renewalKind', id: input.kind });
  }
  if (input.ownerId) await mustExist(tx, 'user', input.ownerId);
}


export async function createService(db: Db, actor: Principal, body: z.infer<typeof customerServiceBody>, today: string): Promise<string> {
  if (body.expiresAt < body.startsAt) throw new AppError('SERVICE_DATES_ORDER', { from: body.startsAt, until: body.expiresAt });
  return db.transaction(async (tx) => {
    await checkReferences(tx, body);
    const price = body.price === null ? null : String(body.price);
    const [row] = await tx.insert(customerServices).values({ ...body, price, createdById: actor.userId }).returning({ id: customerServices.id });
    await tx.insert(servicePeriods).values({ serviceId: row.id, startsAt: body.startsAt, expiresAt: body.expiresAt, price, note: body.note, recordedById: actor.userId });
    // what the customer pays counts for their class (ARPU and payments per quarter)
    if (body.price) await addCustomerPayment(tx, body.customerId, today, body.price);
    return row.id;
  });
}

export async function patchService(db: Db, id: string, body: z.infer<typeof customerServicePatch>): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await serviceForUpdate(tx, id);
    if (body.status === 'cancelled') mustBeLive(row);
    await checkReferences(tx, { ownerId: body.ownerId });
    await tx.update(customerServices).set({
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.ownerId !== undefined ? { ownerId: body.ownerId } : {}),
      ...(body.price !== undefined ? { price: body.price === null ? null : String(body.price) } : {}),
      ...(body.note !== undefined ? { note: body.note } : {}),
      ...(body.status ? { status: body.status } : {}),
      updatedAt: new Date(),
    }).where(eq(customerServices.id, id));
  });
}

/** A renewal: the next period (from the day after the old expiry) is recorded and becomes the service's. */
export async function renewService(db: Db, actor: Principal, id: string, body: z.infer<typeof renewBody>, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await serviceForUpdate(tx, id);
    mustActOn(actor, row);
    mustBeLive(row);
    if (body.expiresAt <= row.expiresAt) throw new AppError('RENEWAL_NOT_LATER', { until: row.expiresAt });
    const price = body.price === null ? row.price : String(body.price);
    await tx.insert(servicePeriods).values({ serviceId: id, startsAt: addDays(row.expiresAt, 1), expiresAt: body.expiresAt, price, note: body.note, recordedById: actor.userId });
    await tx.update(customerServices).set({ expiresAt: body.expiresAt, status: 'renewed', price, updatedAt: new Date() }).where(eq(customerServices.id, id));
    if (price) await addCustomerPayment(tx, row.customerId, today, Number(price));
  });
}

/** The customer does not renew: why, and what the salesperson reports back, are required and kept. */
export async function recordNonRenewal(db: Db, actor: Principal, id: string, body: z.infer<typeof nonRenewalBody>): Promise<void> {
  if (!body.reasonCategory || !body.reason) throw new AppError('NON_RENEWAL_REASON_REQUIRED');
  if (!body.reportBack) throw new AppError('NON_RENEWAL_REPORT_REQUIRED');
  await db.transaction(async (tx) => {
    const row = await serviceForUpdate(tx, id);
    mustActOn(actor, row);
    mustBeLive(row);
    await tx.insert(serviceNonRenewals).values({
      serviceId: id, expiresAt: row.expiresAt, reasonCategory: body.reasonCategory!, reason: body.reason, reportBack: body.reportBack, recordedById: actor.userId,
    });
    await tx.update(customerServices).set({ status: 'not_renewed', updatedAt: new Date() }).where(eq(customerServices.id, id));
  });
}

interface NonRenewalRow {
  id: string; service_id: string; service_name: string; kind: string; kind_name: string; customer_id: string; customer_name: string;
  expires_at: string; reason_category: string; reason: string; report_back: string; owner_name: string | null; recorded_by_name: string | null; created_at: Date | string;
}

/** Non-renewals, newest first: of some services, or everyone's (managers) / my services' (owners). */
export async function listNonRenewals(tx: Tx, viewer: Principal | null, f: { serviceId?: string; month?: string; kind?: string; limit: number }): Promise<NonRenewal[]> {
  const where = [sql`true`];
  if (f.serviceId) where.push(sql`s.id = ${f.serviceId}::uuid`);
  if (f.month) where.push(sql`r.expires_at >= ${`${f.month}-01`}::date and r.expires_at < (${`${f.month}-01`}::date + interval '1 month')`);
  if (f.kind) where.push(sql`s.kind = ${f.kind}`);
  if (viewer && !can(viewer, 'renewal:manage')) where.push(sql`s.owner_id = ${viewer.userId}::uuid`);
  const rows = await queryRows<NonRenewalRow>(tx, sql`
    select r.id, s.id as service_id, s.name as service_name, s.kind, coalesce(k.name, s.kind) as kind_name, c.id as customer_id, c.name as customer_name,
      r.expires_at::text as expires_at, r.reason_category, r.reason, r.report_back, o.display_name as owner_name, u.display_name as recorded_by_name, r.created_at
    from service_non_renewals r
    join customer_services s on s.id = r.service_id
    join customers c on c.id = s.customer_id
    left join renewal_kinds k on k.key = s.kind
    left join users o on o.id = s.owner_id
    left join users u on u.id = r.recorded_by_id
    where ${sql.join(where, sql` and `)}
    order by r.created_at desc, r.id desc limit ${f.limit}`);
  return rows.map((r) => ({
    id: r.id, serviceId: r.service_id, serviceName: r.service_name, kind: r.kind, kindName: r.kind_name, customerId: r.customer_id, customerName: r.customer_name,
    expiresAt: r.expires_at, reasonCategory: r.reason_category as NonRenewal['reasonCategory'], reason: r.reason, reportBack: r.report_back,
    ownerName: r.owner_name, recordedByName: r.recorded_by_name, createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** One service with its periods and non-renewals; 404 for someone who may not see it. */
export async function serviceDetail(db: Db, viewer: Principal, id: string, today: string): Promise<CustomerServiceDetail> {
  const { items: [service] } = await findServices(db, viewer, { ids: [id] }, today, { limit: 1 });
  if (!service) throw notFound('customerService');
  const [periods, nonRenewals] = await Promise.all([
    db.select({
      id: servicePeriods.id, startsAt: servicePeriods.startsAt, expiresAt: servicePeriods.expiresAt, price: servicePeriods.price, note: servicePeriods.note,
      recordedByName: users.displayName, createdAt: servicePeriods.createdAt,
    }).from(servicePeriods).leftJoin(users, eq(users.id, servicePeriods.recordedById))
      .where(eq(servicePeriods.serviceId, id)).orderBy(desc(servicePeriods.startsAt)),
    listNonRenewals(db, null, { serviceId: id, limit: 100 }),
  ]);
  return {
    ...service,
    periods: periods.map((p): ServicePeriod => ({ ...p, price: p.price === null ? null : Number(p.price), createdAt: p.createdAt.toISOString() })),
    nonRenewals,
  };
}
