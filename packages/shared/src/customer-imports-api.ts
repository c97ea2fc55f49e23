import { z } from 'zod';
import { id, isoDate } from './api.ts';

// Importing the customer archive from a spreadsheet (.xlsx, or .csv in UTF-8)
// and exporting it: the columns, their headings in both languages, and the
// shapes of the import runs.

/** The columns of the template, in its order; the tier (A/B/C) is computed by the class rules, never imported. */
export const IMPORT_COLUMNS = [
  'name', 'phone', 'email', 'address', 'customerClass', 'tags', 'customerSince', 'note', 'quarter', 'revenue', 'payments', 'referrals',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The headings the template uses, per language; both are accepted (with the aliases below) whatever the user's language. */
export const IMPORT_HEADINGS: Record<'zh-CN' | 'en-US', Record<ImportColumn, string>> = {
  'zh-CN': {
    name: '姓名', phone: '电话', email: '邮箱', address: '地址', customerClass: '客户类别', tags: '标签', customerSince: '客户起始日期',
    note: '备注', quarter: '季度', revenue: '季度收入(ARPU)', payments: '季度回款', referrals: '转介绍数',
  },
  'en-US': {
    name: 'Name', phone: 'Phone', email: 'Email', address: 'Address', customerClass: 'Customer class', tags: 'Tags', customerSince: 'Customer since',
    note: 'Note', quarter: 'Quarter', revenue: 'Quarter revenue (ARPU)', payments: 'Quarter payments', referrals: 'Referrals',
  },
};

/** Other headings people write for the same column (compared without spaces, case or full-width forms). */
export const IMPORT_ALIASES: Record<ImportColumn, string[]> = {
  name: ['客户姓名', '客户名称', '名称', '联系人', 'customer name', 'customer'],
  phone: ['手机', '手机号', '手机号码', '电话号码', '联系电话', 'mobile', 'phone number', 'tel'],
  email: ['电子邮箱', '电子邮件', 'e-mail', 'mail'],
  address: ['联系地址', '住址'],
  customerClass: ['客户类型', '类别', 'class', 'kind', 'customer kind'],
  tags: ['tag'],
  customerSince: ['起始日期', '客户起始时间', '合作开始日期', 'since', 'customer since date'],
  note: ['notes', 'remark', 'remarks', '说明'],
  quarter: ['季', 'qtr'],
  revenue: ['季度收入', '收入', '营收', '季度营收', 'arpu', 'revenue', 'quarter revenue'],
  payments: ['回款', '回款金额', 'payments', 'payment'],
  referrals: ['转介绍', '转介绍数量', 'referral'],
};

export const IMPORT_STATUSES = ['running', 'done', 'failed'] as const;

/** One problem in one row: the spreadsheet's row number (the heading is row 1), the column, what the cell said and why it cannot be imported. */
export const importError = z.object({
  row: z.number().int(),
  column: z.string().nullable().describe('the column key (IMPORT_COLUMNS), null for the row as a whole'),
  columnLabel: z.string().nullable(),
  value: z.string().nullable().describe('the cell as written (phone, address, e-mail masked without customer:view_pii)'),
  code: z.string(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importError>;

export const importRun = z.object({
  id,
  status: z.enum(IMPORT_STATUSES),
  dryRun: z.boolean(),
  fileName: z.string(),
  total: z.number().int().describe('data rows in the file'),
  processed: z.number().int(),
  created: z.number().int().describe('customers added (a dry run: that would be)'),
  updated: z.number().int().describe('customers found by phone whose fields changed'),
  unchanged: z.number().int().describe('customers found by phone with nothing to change'),
  measures: z.number().int().describe('figures per customer and quarter written'),
  errorRows: z.number().int().describe('rows skipped for their errors'),
  errorCount: z.number().int(),
  ignoredColumns: z.array(z.string()).describe('headings of the file that are not imported'),
  startedByName: z.string().nullable(),
  startedAt: isoDate,
  finishedAt: isoDate.nullable(),
});
export type ImportRun = z.infer<typeof importRun>;

export const importRunDetail = importRun.extend({ errors: z.array(importError).describe('the first errors, in row order') });
export type ImportRunDetail = z.infer<typeof importRunDetail>;

export const importUploadQuery = z.object({
  name: z.string().trim().min(1).max(200).describe('the file\'s name'),
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('true: check and count only, write nothing'),
});

export const importErrorsQuery = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export const importErrorsPage = z.object({ items: z.array(importError), total: z.number().int() });
export type ImportErrorsPage = z.infer<typeof importErrorsPage>;
