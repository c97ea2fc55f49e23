import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { customers, customerServices, servicePeriods, users } from '../schema/index.ts';
import { upsertPosition } from '../../modules/routing/positions.repository.ts';
import { invalidateOrgDirectory } from '../../modules/org/org.queries.ts';
import { dateOfDay, localClock } from '../../platform/time/wall-clock.ts';
import { monthAfter } from '../../modules/renewals/renewal-days.ts';

// The demo's renewals (CUS-09): the market director (孙伟 of 营销中心) who gets
// the month-end list, and with sample data a few services of the first
// customers — one due this week, one next month without an owner.

export async function seedDemoRenewals(db: Db, opts: { sampleData: boolean; timeZone: string }): Promise<void> {
  const people = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, ['marketing', 'sales_clerk', 'cs_manager']));
  const idOf = (u: string) => people.find((p) => p.username === u)?.id ?? null;
  await db.transaction(async (tx) => {
    const director = idOf('marketing');
    await upsertPosition(tx, 'market_director', '市场总监', 'Market director', director ? [director] : []);
  });
  invalidateOrgDirectory();
  if (!opts.sampleData) return;
  const firsts = await db.select({ id: customers.id }).from(customers).orderBy(asc(customers.createdAt), asc(customers.id)).limit(4);
  if (firsts.length < 4) return;
  const today = localClock(opts.timeZone, Date.now()).day;
  const day = (n: number) => dateOfDay(today + n);
  const nextMonth15 = `${monthAfter(dateOfDay(today))}-15`;
  const sales = idOf('sales_clerk');
  const rows = [
    { customerId: firsts[0].id, kind: 'domain', name: 'hengkang-milk.cn', startsAt: day(-360), expiresAt: day(5), ownerId: sales, price: '120' },
    { customerId: firsts[1].id, kind: 'hosting', name: '企业官网托管', startsAt: day(-330), expiresAt: nextMonth15, ownerId: null, price: '1800' },
    { customerId: firsts[2].id, kind: 'promotion', name: '搜索推广季度套餐', startsAt: day(-65), expiresAt: day(25), ownerId: sales, price: '6000' },
    { customerId: firsts[3].id, kind: 'membership', name: '金卡会员 VIP-0088', startsAt: day(-340), expiresAt: nextMonth15, ownerId: null, price: '365' },
  ];
  await db.transaction(async (tx) => {
    const made = await tx.insert(customerServices).values(rows.map((r) => ({ ...r, createdById: idOf('cs_manager') }))).returning();
    await tx.insert(servicePeriods).values(made.map((s) => ({ serviceId: s.id, startsAt: s.startsAt, expiresAt: s.expiresAt, price: s.price, recordedById: s.createdById })));
  });
}
