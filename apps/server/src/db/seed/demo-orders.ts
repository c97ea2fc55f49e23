import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { shops, users } from '../schema/index.ts';
import { saveOrder } from '../../modules/orders/save-order.ts';

// The demo's shop (a Tmall flagship store of the dairy) and a few orders in
// different stages, one with a remark changed after payment.

export async function seedDemoOrders(db: Db, timeZone: string): Promise<void> {
  const [op] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'operator'));
  if (!op) return;
  const [shop] = await db.insert(shops).values({ platform: 'tmall', name: '恒康乳业天猫旗舰店', policies: { defaultCourier: '中通快递', returnDays: 7, maxShipDays: 45 } }).returning({ id: shops.id });
  const now = new Date();
  const hours = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
  const rows = [
    { no: '3712004518201', buyer: 'tb_chenjing', name: '陈静', phone: '18600001111', product: '纯牛奶 250ml×24', qty: 2, price: 69, stage: 'shipped' as const, paid: hours(30) },
    { no: '3712004518202', buyer: 'tb_liuyang', name: '刘洋', phone: '15811112222', product: '酸奶礼盒', qty: 1, price: 128, stage: 'paid' as const, paid: hours(3) },
    { no: '3712004518203', buyer: 'tb_wangfang', name: '王芳', phone: '010-62345678', product: '奶粉 900g', qty: 3, price: 238, stage: 'unpaid' as const, paid: null },
  ];
  for (const r of rows) {
    await saveOrder(db, op.id, {
      shopId: shop.id, platformOrderNo: r.no, buyerId: r.buyer, customer: { name: r.name, phone: r.phone },
      items: [{ product: r.product, quantity: r.qty, price: r.price }], amount: r.qty * r.price, paidAt: r.paid, stage: r.stage,
    }, timeZone, now);
  }
}
