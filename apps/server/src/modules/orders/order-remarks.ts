import { eq, sql } from 'drizzle-orm';
import { checkRemark, parseSize, type RemarkIssue, type Size } from '@kefu/shared/order-remarks';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { orderRemarks, orders, shops } from '../../db/schema/index.ts';
import { AppError, notFound, renderError, type Locale } from '../../platform/errors.ts';

const ISSUE_CODE = {
  SIZE_SWAPPED: 'REMARK_SIZE_SWAPPED', SIZE_MISMATCH: 'REMARK_SIZE_MISMATCH', SHIP_DATE_PAST: 'REMARK_SHIP_DATE_PAST',
  SHIP_DATE_FAR: 'REMARK_SHIP_DATE_FAR', SHIP_DATE_MISMATCH: 'REMARK_SHIP_DATE_MISMATCH',
} as const;

function refuse(issues: RemarkIssue[], locale: Locale): never {
  const details = issues.map((i) => {
    const { code, ...params } = i;
    return { path: code, message: renderError(ISSUE_CODE[code], params as Record<string, string | number>, locale) };
  });
  throw new AppError('REMARK_CHECK', { summary: details.map((d) => d.message).join(locale === 'zh-CN' ? ';' : '; ') }, { details });
}

/**
 * A new version of the order's remark (ORD-08): the earlier ones stay as they
 * were, each with its time and agent (AUD-07). The remark is checked for the
 * classic serious errors first (ORD-05: size differing from the order's or
 * swapped, a ship date past, far off or not the agreed one); with an issue
 * it is saved only when the agent confirms. The order row is locked so two
 * agents writing at once get consecutive versions.
 */
export async function addRemark(db: Db, orderId: string, input: { text: string; confirm: boolean }, agentId: string, now: Date, today: string, locale: Locale): Promise<void> {
  await db.transaction(async (tx) => {
    const [o] = await tx.select({ id: orders.id, items: orders.items, shipBy: orders.shipBy, policies: shops.policies })
      .from(orders).innerJoin(shops, eq(shops.id, orders.shopId)).where(eq(orders.id, orderId)).for('update', { of: orders });
    if (!o) throw notFound('order');
    if (!input.confirm) {
      const sizes = (o.items as { attributes?: Record<string, string> }[]).flatMap((i) => Object.values(i.attributes ?? {}).map(parseSize)).filter((s): s is Size => !!s);
      const maxShipDays = (o.policies as { maxShipDays?: number }).maxShipDays ?? 45;
      const issues = checkRemark(input.text, { today, orderSizes: sizes, shipBy: o.shipBy, maxShipDays });
      if (issues.length) refuse(issues, locale);
    }
    const [{ v }] = await queryRows<{ v: number }>(tx, sql`select coalesce(max(version), 0)::int as v from order_remarks where order_id = ${orderId}::uuid`);
    await tx.insert(orderRemarks).values({ orderId, version: v + 1, text: input.text, agentId, at: now });
    await tx.update(orders).set({ updatedAt: now }).where(eq(orders.id, orderId));
  });
}
