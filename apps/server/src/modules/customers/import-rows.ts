import { IMPORT_ALIASES, IMPORT_COLUMNS, IMPORT_HEADINGS, type ImportColumn } from '@kefu/shared/customer-imports-api';
import { parsePhone } from '@kefu/shared/phone';
import type { ErrorCode } from '../../platform/errors.ts';
import { isStorableText } from '../../platform/http/input-guard.ts';
import type { Cell, SheetRow } from './import-sheet.ts';
import { reversedDigits } from './customer-search-vector.ts';

// Turns the spreadsheet's rows into customers to write, row by row: each cell
// is checked and normalized here, in memory, before anything is written; a row
// with a problem is reported with its row number and column and skipped.

export interface RowError { column: ImportColumn | null; code: ErrorCode; params: Record<string, string | number> }

/** Customer fields of a row; a field left empty in the file is absent (an existing customer keeps its value). */
export interface CustomerFields {
  name?: string; email?: string; address?: string; customerClass?: string; tags?: string[]; customerSince?: string; note?: string;
}
export interface Figures { quarter?: string; revenue?: number; payments?: number; referrals?: number }

/**
 * A valid row. `primary`: the file's first row for this phone, which creates
 * or updates the customer; later rows of the same phone bring only the
 * customer's figures for other quarters.
 */
export interface ImportRowData extends CustomerFields, Figures {
  primary: boolean;
  phone: string;
  phoneReversed: string;
  /** the customer's name (the primary row's), to pick among customers sharing a phone */
  matchName: string;
}

export interface CheckedRow { rowNo: number; data: ImportRowData | null; raw: Partial<Record<ImportColumn, string>> | null; errors: RowError[] | null }

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
const LOOKUP = new Map<string, ImportColumn>();
for (const c of IMPORT_COLUMNS) {
  for (const h of [IMPORT_HEADINGS['zh-CN'][c], IMPORT_HEADINGS['en-US'][c], ...IMPORT_ALIASES[c], c]) {
    LOOKUP.set(norm(h), c);
    LOOKUP.set(norm(h).replace(/\(.*\)$/, ''), c);
  }
}

export function columnOfHeading(text: string): ImportColumn | null {
  const n = norm(text);
  return LOOKUP.get(n) ?? LOOKUP.get(n.replace(/\(.*\)$/, '')) ?? null;
}

export interface Headings { index: number; columns: (ImportColumn | null)[]; ignored: string[] }

/** The heading row: the first of the first five that names both the name and the phone column. */
export function findHeadings(rows: SheetRow[]): Headings | null {
  for (let i = 0; i < Math.min(rows.length, 5); i++) {
    const columns = rows[i].cells.map((c) => (c === null ? null : columnOfHeading(String(c))));
    if (!columns.includes('name') || !columns.includes('phone')) continue;
    // a column named twice: the first one counts
    const seen = new Set<ImportColumn>();
    const unique = columns.map((c) => (c && !seen.has(c) ? (seen.add(c), c) : null));
    const ignored = rows[i].cells.filter((c, j) => c !== null && String(c).trim() && !unique[j]).map((c) => String(c).trim());
    return { index: i, columns: unique, ignored };
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function cellText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : isoDay(c);
  return String(c).trim();
}

function validDay(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2999) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? isoDay(t) : null;
}

/** 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日, a date cell, or an Excel day number. */
export function parseDay(c: Cell): string | null {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : validDay(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate());
  if (typeof c === 'number') {
    if (!Number.isInteger(c) || c < 1 || c > 400_000) return null;
    // Excel counts days from 1899-12-30 (its 1900 leap-year bug included)
    const d = new Date(Date.UTC(1899, 11, 30) + c * 86_400_000);
    return validDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(cellText(c));
  return m ? validDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** 2026Q3, 2026 Q3, 2026-q3, 2026年第3季度. */
export function parseQuarter(c: Cell): string | null {
  const m = /^(\d{4})\s*(?:年|-)?\s*(?:第\s*([1-4])\s*(?:季度|季)|[Qq]\s*([1-4]))$/.exec(cellText(c).normalize('NFKC'));
  if (!m || Number(m[1]) < 1900 || Number(m[1]) > 2999) return null;
  return `${m[1]}Q${m[2] ?? m[3]}`;
}

function parseAmount(c: Cell): number | null {
  const n = typeof c === 'number' ? c : /^\d+(\.\d+)?$/.test(cellText(c).replace(/[,，\s¥￥元]/g, '')) ? Number(cellText(c).replace(/[,，\s¥￥元]/g, '')) : NaN;
  return Number.isFinite(n) && n >= 0 && n <= 1e12 ? Math.round(n * 100) / 100 : null;
}

function parseCount(c: Cell): number | null {
  const n = typeof c === 'number' ? c : /^\d+$/.test(cellText(c).replace(/[,，\s]/g, '')) ? Number(cellText(c).replace(/[,，\s]/g, '')) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 100_000 ? n : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LIMITS: Partial<Record<ImportColumn, number>> = { name: 64, email: 200, address: 200, customerClass: 16, note: 1000 };
const TEXT_FIELDS = ['name', 'email', 'address', 'customerClass', 'note'] as const;
const CUSTOMER_FIELDS = [...TEXT_FIELDS, 'tags', 'customerSince'] as const;
const short = (s: string) => (s.length > 100 ? `${s.slice(0, 100)}…` : s);

/** One row on its own: its fields normalized, or what is wrong with each cell. */
function checkCells(cell: (c: ImportColumn) => Cell): { fields: CustomerFields & Figures; phone: ReturnType<typeof parsePhone>; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (column: ImportColumn, code: ErrorCode, params: Record<string, string | number> = {}) => errors.push({ column, code, params });
  const fields: CustomerFields & Figures = {};
  const phoneText = cellText(cell('phone'));
  const phone = phoneText ? parsePhone(phoneText) : null;
  if (!phoneText) fail('phone', 'IMPORT_REQUIRED');
  else if (!phone) fail('phone', 'INVALID_PHONE', { phone: short(phoneText) });
  for (const f of TEXT_FIELDS) {
    const v = cellText(cell(f));
    if (!v) continue;
    if (!isStorableText(v)) fail(f, 'IMPORT_TEXT_INVALID');
    else if ([...v].length > LIMITS[f]!) fail(f, 'IMPORT_TOO_LONG', { max: LIMITS[f]! });
    else if (f === 'email' && !EMAIL.test(v)) fail(f, 'IMPORT_EMAIL', { value: short(v) });
    else fields[f] = f === 'email' ? v.toLowerCase() : v;
  }
  const tagText = cellText(cell('tags'));
  if (tagText) {
    const tags = [...new Set(tagText.split(/[,，、;；|]/).map((s) => s.trim()).filter(Boolean))];
    if (tags.some((s) => !isStorableText(s))) fail('tags', 'IMPORT_TEXT_INVALID');
    else if (tags.length > 20 || tags.some((s) => [...s].length > 32)) fail('tags', 'IMPORT_TOO_MANY_TAGS', { max: 20 });
    else fields.tags = tags;
  }
  const since = cell('customerSince');
  if (cellText(since)) {
    const day = parseDay(since);
    if (day) fields.customerSince = day;
    else fail('customerSince', 'IMPORT_DATE', { value: short(cellText(since)) });
  }
  const quarterText = cellText(cell('quarter'));
  if (quarterText) {
    const q = parseQuarter(cell('quarter'));
    if (q) fields.quarter = q;
    else fail('quarter', 'IMPORT_QUARTER', { value: short(quarterText) });
  }
  for (const f of ['revenue', 'payments', 'referrals'] as const) {
    const c = cell(f);
    if (!cellText(c)) continue;
    const n = f === 'referrals' ? parseCount(c) : parseAmount(c);
    if (n === null) fail(f, f === 'referrals' ? 'IMPORT_COUNT' : 'IMPORT_AMOUNT', { value: short(cellText(c)) });
    else if (!quarterText) fail('quarter', 'IMPORT_QUARTER_REQUIRED', { column: f });
    else fields[f] = n;
  }
  return { fields, phone, errors };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Checks every data row. The first valid row of a phone is the customer; a
 * later row of the same phone may only add figures of another quarter (its
 * other cells empty or the same), else it is reported as a duplicate.
 */
export function checkRows(rows: SheetRow[], columns: (ImportColumn | null)[]): CheckedRow[] {
  const at = new Map<ImportColumn, number>();
  columns.forEach((c, i) => { if (c) at.set(c, i); });
  const seen = new Map<string, { rowNo: number; fields: CustomerFields & Figures; quarters: Set<string> }>();
  return rows.map(({ rowNo, cells }) => {
    const cell = (c: ImportColumn): Cell => (at.has(c) ? cells[at.get(c)!] ?? null : null);
    const { fields, phone, errors } = checkCells(cell);
    const first = phone ? seen.get(phone.normalized) : undefined;
    if (first && !errors.length) {
      if (!fields.quarter || first.quarters.has(fields.quarter) || (fields.name && fields.name !== first.fields.name)) {
        errors.push({ column: 'phone', code: 'IMPORT_DUPLICATE_PHONE', params: { row: first.rowNo } });
      } else {
        for (const f of CUSTOMER_FIELDS) {
          if (fields[f] !== undefined && !same(fields[f], first.fields[f])) errors.push({ column: f, code: 'IMPORT_CONFLICT', params: { row: first.rowNo, column: f } });
        }
      }
    }
    if (!first && !fields.name && !errors.some((e) => e.column === 'name')) errors.unshift({ column: 'name', code: 'IMPORT_REQUIRED', params: { column: 'name' } });
    if (errors.length || !phone) {
      const raw: Partial<Record<ImportColumn, string>> = {};
      for (const c of at.keys()) { const v = cellText(cell(c)); if (v) raw[c] = v; }
      return { rowNo, data: null, raw, errors: errors.length ? errors : [{ column: 'phone', code: 'IMPORT_REQUIRED', params: { column: 'phone' } }] };
    }
    if (first) {
      first.quarters.add(fields.quarter!);
      const figures: Figures = { quarter: fields.quarter, revenue: fields.revenue, payments: fields.payments, referrals: fields.referrals };
      return { rowNo, raw: null, errors: null, data: { primary: false, phone: phone.normalized, phoneReversed: reversedDigits(phone.digits), matchName: first.fields.name!, ...figures } };
    }
    seen.set(phone.normalized, { rowNo, fields, quarters: new Set(fields.quarter ? [fields.quarter] : []) });
    return { rowNo, raw: null, errors: null, data: { primary: true, phone: phone.normalized, phoneReversed: reversedDigits(phone.digits), matchName: fields.name!, ...fields } };
  });
}
