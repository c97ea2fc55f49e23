import type { PassThrough } from 'node:stream';
import { and, desc, sql, type SQL } from 'drizzle-orm';
import { IMPORT_HEADINGS } from '@kefu/shared/customer-imports-api';
import { maskAddress, maskEmail, maskPhone } from '@kefu/shared/phone';
import type { Db } from '../../db/client.ts';
import { insertRows } from '../../db/bulk.ts';
import { customers } from '../../db/schema/index.ts';
import type { Locale } from '../../platform/errors.ts';
import { customerFilter } from './find-customers.ts';
import { streamWorkbook } from './import-workbooks.ts';

// The archive as a workbook, with the customer list's filter: read in keyset
// pages and written row by row, so 300,000 customers pass through without
// being held in memory. Its columns are the import template's (it can be
// edited and imported back), plus the class and when the customer was added.

const PAGE = 2000;
const EXTRA: Record<Locale, { tier: string; createdAt: string }> = {
  'zh-CN': { tier: '客户分级', createdAt: '建档时间' },
  'en-US': { tier: 'Tier (A/B/C)', createdAt: 'Added' },
};

export interface ExportFilter { q?: string; tier?: string }

/**
 * Starts the workbook of the customers the filter finds, newest first (the
 * list's order). The filter is checked before anything is sent, so a refused
 * one (a phone search without customer:view_pii) answers as an error.
 */
export function exportCustomers(db: Db, filter: ExportFilter, viewer: { userId: string; withPii: boolean }, locale: Locale, timeZone: string): PassThrough {
  const { withPii } = viewer;
  const conds = customerFilter(filter.q, withPii, filter.tier);
  const h = IMPORT_HEADINGS[locale];
  const when = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return streamWorkbook(async (wb) => {
    const ws = wb.addWorksheet(locale === 'zh-CN' ? '客户' : 'Customers');
    ws.columns = [
      { header: h.name, width: 14 }, { header: h.phone, width: 16 }, { header: h.email, width: 24 }, { header: h.address, width: 32 },
      { header: h.customerClass, width: 12 }, { header: h.tags, width: 20 }, { header: h.customerSince, width: 14 }, { header: h.note, width: 30 },
      { header: EXTRA[locale].tier, width: 10 }, { header: EXTRA[locale].createdAt, width: 18 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    if (!conds) return;
    let cursor: { at: Date; id: string } | null = null;
    for (;;) {
      const where: SQL[] = cursor ? [...conds, sql`(${customers.createdAt}, ${customers.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`] : conds;
      const rows = await db.select({
        id: customers.id, name: customers.name, phone: customers.phone, email: customers.email, address: customers.address,
        customerClass: customers.customerClass, tags: customers.tags, customerSince: customers.customerSince, note: customers.note,
        tier: customers.tier, createdAt: customers.createdAt,
      }).from(customers).where(where.length ? and(...where) : undefined).orderBy(desc(customers.createdAt), desc(customers.id)).limit(PAGE);
      for (const c of rows) {
        ws.addRow([
          c.name, withPii ? c.phone : maskPhone(c.phone), withPii ? c.email : maskEmail(c.email), withPii ? c.address : maskAddress(c.address),
          c.customerClass, c.tags.join('、'), c.customerSince, c.note, c.tier, when.format(c.createdAt),
        ]).commit();
      }
      // an unmasked export is a view of each customer's personal data (AUD-01): one statement per page
      if (withPii) {
        await insertRows(db, 'pii_access_log', { user_id: 'uuid', customer_id: 'uuid', context: 'text' },
          rows.map((c) => ({ user_id: viewer.userId, customer_id: c.id, context: 'customer.export' })));
      }
      if (rows.length < PAGE) break;
      const last = rows[rows.length - 1];
      cursor = { at: last.createdAt, id: last.id };
    }
  });
}
