import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, IMPORT_HEADINGS, type ImportColumn } from '@kefu/shared/customer-imports-api';
import type { Db } from '../../db/client.ts';
import type { Locale } from '../../platform/errors.ts';
import { errorRowsAfter, errorWords, shownCell } from './customer-import-reads.ts';

// The import's workbooks: the template to fill in, and the error report — the
// rows that were skipped, with the template's columns and why, so they can be
// corrected in the report itself and imported again (its extra columns are
// ignored on import).

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook written row by row into a stream (exceljs's streaming writer): a large one is never held whole. */
export function streamWorkbook(fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Kefu';
  fill(wb).then(() => wb.commit()).catch((err: unknown) => out.destroy(err as Error));
  return out;
}

const HELP: Record<Locale, Record<ImportColumn, string>> = {
  'zh-CN': {
    name: '必填', phone: '必填;11 位手机号或带区号的固话。已有客户按电话匹配并更新,否则新建', email: '可空', address: '可空',
    customerClass: '可空;客户类型,如 家庭、企事业单位', tags: '可空;多个标签用逗号或顿号(、)分隔', customerSince: '可空;如 2023-05-01',
    note: '可空', quarter: '填写季度数据时必填;如 2026Q3。同一客户的多个季度请每行一个季度(第二行起其余列可空)',
    revenue: '可空;元', payments: '可空;元', referrals: '可空;整数',
  },
  'en-US': {
    name: 'Required', phone: 'Required; an 11-digit mobile or a landline with area code. A customer on record with this phone is updated, else one is added',
    email: 'Optional', address: 'Optional', customerClass: 'Optional; the kind of customer, e.g. household, company',
    tags: 'Optional; separate several with commas or 、', customerSince: 'Optional; e.g. 2023-05-01', note: 'Optional',
    quarter: 'Required with figures; e.g. 2026Q3. Several quarters of one customer: one row per quarter (other cells of later rows may stay empty)',
    revenue: 'Optional; yuan', payments: 'Optional; yuan', referrals: 'Optional; a whole number',
  },
};

const WIDTH: Partial<Record<ImportColumn, number>> = { name: 14, phone: 16, email: 24, address: 32, tags: 20, customerSince: 14, note: 30, revenue: 16 };
const EMPTY_NOTE: Record<Locale, string> = {
  'zh-CN': '一个客户一行,从第 2 行开始填写;表头请勿修改。客户分级(A/B/C)按分级规则计算,不能导入。',
  'en-US': 'One customer per row from row 2; keep the headings. The class (A/B/C) is computed by the class rules and cannot be imported.',
};

/** The template: the headings in the reader's language, text-formatted phone cells, and a sheet of instructions. */
export async function importTemplate(locale: Locale): Promise<Buffer> {
  const h = IMPORT_HEADINGS[locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kefu';
  const ws = wb.addWorksheet(locale === 'zh-CN' ? '客户' : 'Customers');
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: h[c], key: c, width: WIDTH[c] ?? 12 }));
  ws.getRow(1).font = { bold: true };
  // phones as text: Excel would otherwise show 13812345678 as 1.38E+10
  ws.getColumn('phone').numFmt = '@';
  ws.getColumn('customerSince').numFmt = 'yyyy-mm-dd';
  ws.getColumn('quarter').numFmt = '@';
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet(locale === 'zh-CN' ? '填写说明' : 'Instructions');
  help.columns = [{ width: 22 }, { width: 100 }];
  help.addRow([EMPTY_NOTE[locale]]).font = { bold: true };
  help.addRow([]);
  for (const c of IMPORT_COLUMNS) help.addRow([h[c], HELP[locale][c]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The error report: a row per skipped row, its cells as the file had them, and every problem in it. */
export function errorReport(db: Db, runId: string, locale: Locale, withPii: boolean): PassThrough {
  const h = IMPORT_HEADINGS[locale];
  return streamWorkbook(async (wb) => {
    const ws = wb.addWorksheet(locale === 'zh-CN' ? '错误报告' : 'Errors');
    const rowHead = locale === 'zh-CN' ? '原行号' : 'Row';
    const errHead = locale === 'zh-CN' ? '错误说明' : 'Problems';
    ws.columns = [{ header: rowHead, width: 8 }, ...IMPORT_COLUMNS.map((c) => ({ header: h[c], width: WIDTH[c] ?? 12 })), { header: errHead, width: 60 }];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    let after = 0;
    for (;;) {
      const page = await errorRowsAfter(db, runId, after, 1000);
      for (const r of page) {
        const cells = IMPORT_COLUMNS.map((c) => (r.raw?.[c] === undefined ? null : shownCell(c, r.raw[c]!, withPii)));
        const problems = r.errors.map((e) => {
          const w = errorWords(e, r.raw, locale, withPii);
          return w.columnLabel ? `${w.columnLabel}: ${w.message}` : w.message;
        });
        const row = ws.addRow([r.row_no, ...cells, problems.join('\n')]);
        row.getCell(IMPORT_COLUMNS.length + 2).alignment = { wrapText: true, vertical: 'top' };
        row.commit();
      }
      if (page.length < 1000) break;
      after = page[page.length - 1].row_no;
    }
  });
}
