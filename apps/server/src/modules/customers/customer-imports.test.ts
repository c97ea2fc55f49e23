import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { queryRows } from '../../db/client.ts';

let t: TestApp;
let op: string;
let mgr: string;
let maskedMgr: string;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEAD = ['姓名', '电话', '邮箱', '地址', '客户类别', '标签', '客户起始日期', '备注', '季度', '季度收入(ARPU)', '季度回款', '转介绍数'];

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function sheetOf(bytes: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Uploads a file and lets the background finish the run; answers the run as GET /customer-imports/:id says. */
async function importFile(token: string, bytes: Buffer, opts: { name?: string; dryRun?: boolean; type?: string } = {}) {
  const res = await t.app.inject({
    method: 'POST', url: `/api/v1/customer-imports?name=${encodeURIComponent(opts.name ?? 'customers.xlsx')}&dryRun=${opts.dryRun ?? false}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': opts.type ?? XLSX }, payload: bytes,
  });
  if (res.statusCode !== 202) return { status: res.statusCode, body: res.json() };
  await t.drain();
  const run = await t.request(token, 'GET', `/api/v1/customer-imports/${res.json().id}`);
  return { status: 202, body: run.body };
}

const count = async (table: string) => (await queryRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;
const customerByPhone = async (phone: string) =>
  (await queryRows<Record<string, unknown>>(t.database.db, sql`select name, email, address, customer_class, tags, customer_since::text as since, note, search_vector is not null as searchable
    from customers where phone = ${phone}`))[0];
const measuresOf = async (phone: string) => queryRows<{ quarter: string; revenue: string; payments: string; referrals: number }>(t.database.db, sql`
  select m.quarter, m.revenue::text as revenue, m.payments::text as payments, m.referrals from customer_measures m join customers c on c.id = m.customer_id
  where c.phone = ${phone} order by m.quarter`);

beforeAll(async () => {
  t = await createTestApp({}, { rules: false });
  [op, mgr] = await Promise.all([t.login('operator'), t.login('cs_manager')]);
  // a manager of the archive who sees personal data masked
  const admin = await t.login('admin');
  const role = await t.request(admin, 'POST', '/api/v1/roles', { name: '档案管理(脱敏)', permissions: ['customer:view', 'customer:manage'], dataScope: 'all' });
  expect(role.status).toBe(201);
  const user = await t.request(admin, 'POST', '/api/v1/users', { username: 'archivist', displayName: '档案员', password: 'kefu-demo-1', roleIds: [role.body.id] });
  expect(user.status).toBe(201);
  maskedMgr = await t.login('archivist', 'kefu-demo-1');
});
afterAll(async () => { await t.close(); });

const FILE: unknown[][] = [
  HEAD,
  ['张三', '138 0013 8001', 'ZS@example.com', '上海市浦东新区幸福路1号', '家庭', '福利单位、知名品牌', '2021-03-01', '老客户', '2026Q2', 5200, '3,000', 2],
  // the same customer's figures of another quarter: the other cells may stay empty
  [null, '13800138001', null, null, null, null, null, null, '2026 Q1', 4100, 2900, 0],
  ['李四', '0755-87654321', null, '深圳市南山区科技园', '企事业单位', null, new Date(Date.UTC(2019, 5, 15)), null, null, null, null, null],
  ['王五', '12345', 'not-an-email', null, null, null, '2023-02-30', null, '2026Q5', 'abc', null, 1.5],
  [null, '13900139009', null, null, null, null, null, null, null, null, null, null],
  ['赵六', '+86 138 0013 8001', null, null, null, null, null, null, '2026Q3', 100, null, null],
  ['钱七', '13700137007', null, null, null, null, null, null, null, 800, null, null],
];

describe('customer import (issue 14)', () => {
  it('gives a template with Chinese headings, and English ones in English', async () => {
    const zh = await t.app.inject({ method: 'GET', url: '/api/v1/customer-imports/template.xlsx', headers: { authorization: `Bearer ${mgr}`, 'accept-language': 'zh-CN' } });
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toContain(XLSX);
    expect((await sheetOf(zh.rawPayload))[0]).toEqual(HEAD);
    const en = await t.app.inject({ method: 'GET', url: '/api/v1/customer-imports/template.xlsx', headers: { authorization: `Bearer ${mgr}`, 'accept-language': 'en-US' } });
    expect((await sheetOf(en.rawPayload))[0]).toContain('Phone');
  });

  it('a dry run reports every bad row by row and column, counts the rest, and writes nothing', async () => {
    const before = { customers: await count('customers'), measures: await count('customer_measures') };
    const run = await importFile(mgr, await xlsxOf(FILE), { dryRun: true });
    expect(run.status).toBe(202);
    expect(run.body).toMatchObject({ status: 'done', dryRun: true, total: 7, processed: 7, created: 2, updated: 0, unchanged: 0, measures: 2, errorRows: 4 });
    const problems = run.body.errors.map((e: { row: number; column: string; code: string }) => `${e.row}:${e.column}:${e.code}`);
    expect(problems).toEqual([
      '5:phone:INVALID_PHONE', '5:email:IMPORT_EMAIL', '5:customerSince:IMPORT_DATE', '5:quarter:IMPORT_QUARTER', '5:revenue:IMPORT_AMOUNT', '5:referrals:IMPORT_COUNT',
      '6:name:IMPORT_REQUIRED',
      '7:phone:IMPORT_DUPLICATE_PHONE',
      '8:quarter:IMPORT_QUARTER_REQUIRED',
    ]);
    expect(run.body.errorCount).toBe(9);
    const dup = run.body.errors.find((e: { row: number }) => e.row === 7);
    expect(dup).toMatchObject({ columnLabel: '电话', value: '+86 138 0013 8001' });
    expect(dup.message).toContain('第 2 行');
    expect(run.body.errors.find((e: { code: string }) => e.code === 'IMPORT_DATE').message).toBe('「2023-02-30」不是有效日期,请写成 2023-05-01');
    expect({ customers: await count('customers'), measures: await count('customer_measures') }).toEqual(before);

    // the same errors in English, a page at a time
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/customer-imports/${run.body.id}/errors?offset=6&limit=2`, headers: { authorization: `Bearer ${mgr}`, 'accept-language': 'en-US' } });
    expect(page.json()).toMatchObject({ total: 9, items: [{ row: 6, column: 'name', columnLabel: 'Name', message: 'Name is required' }, { row: 7, code: 'IMPORT_DUPLICATE_PHONE' }] });
  });

  it('imports the good rows (with their figures and search words), skips the bad, and says so in the error report', async () => {
    const run = await importFile(mgr, await xlsxOf(FILE));
    expect(run.body).toMatchObject({ status: 'done', dryRun: false, total: 7, processed: 7, created: 2, updated: 0, unchanged: 0, measures: 2, errorRows: 4, errorCount: 9 });
    expect(await customerByPhone('13800138001')).toEqual({
      name: '张三', email: 'zs@example.com', address: '上海市浦东新区幸福路1号', customer_class: '家庭', tags: ['福利单位', '知名品牌'], since: '2021-03-01', note: '老客户', searchable: true,
    });
    expect(await customerByPhone('0755-87654321')).toMatchObject({ name: '李四', since: '2019-06-15', tags: [] });
    expect(await measuresOf('13800138001')).toEqual([
      { quarter: '2026Q1', revenue: '4100.00', payments: '2900.00', referrals: 0 },
      { quarter: '2026Q2', revenue: '5200.00', payments: '3000.00', referrals: 2 },
    ]);
    // found by a fragment of the address, as customers added by hand are
    const found = await t.request(mgr, 'GET', `/api/v1/customers?q=${encodeURIComponent('幸福路')}`);
    expect(found.body.items.map((c: { name: string }) => c.name)).toEqual(['张三']);
    expect(await customerByPhone('12345')).toBeUndefined();

    const report = await t.app.inject({ method: 'GET', url: `/api/v1/customer-imports/${run.body.id}/errors.xlsx`, headers: { authorization: `Bearer ${mgr}` } });
    expect(report.statusCode).toBe(200);
    const rows = await sheetOf(report.rawPayload);
    expect(rows[0]).toEqual(['原行号', ...HEAD, '错误说明']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([5, 6, 7, 8]);
    expect(rows[1][2]).toBe('12345');
    expect(String(rows[1][13])).toContain('邮箱: 「not-an-email」不是有效的邮箱地址');

    const list = await t.request(mgr, 'GET', '/api/v1/customer-imports');
    expect(list.body.items[0]).toMatchObject({ id: run.body.id, startedByName: '陈刚', fileName: 'customers.xlsx' });
  });

  it('importing the same file again changes nothing', async () => {
    const before = await measuresOf('13800138001');
    const run = await importFile(mgr, await xlsxOf(FILE));
    expect(run.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, measures: 2, errorRows: 4 });
    expect(await count('customers where phone = \'13800138001\'')).toBe(1);
    expect(await measuresOf('13800138001')).toEqual(before);
  });

  it('updates customers found by phone where the file differs; empty cells keep what is on record (CSV, English headings)', async () => {
    const csv = '\ufeffName,Mobile,Address,Tags,Quarter,Revenue,Payments,Referrals,Comment\r\n'
      + '张三,+86 13800138001,"上海市徐汇区, 新家 2 号",VIP,2026Q2,6000,,,ignored\r\n'
      + '孙八,13600136006,,,,,,,\r\n';
    const run = await importFile(mgr, Buffer.from(csv), { name: 'update.csv', type: 'text/csv' });
    expect(run.body).toMatchObject({ status: 'done', created: 1, updated: 1, unchanged: 0, measures: 1, errorRows: 0, ignoredColumns: ['Comment'] });
    expect(await customerByPhone('13800138001')).toMatchObject({
      name: '张三', email: 'zs@example.com', address: '上海市徐汇区, 新家 2 号', tags: ['VIP'], customer_class: '家庭', note: '老客户',
    });
    // a figure left empty keeps its value
    expect((await measuresOf('13800138001'))[1]).toEqual({ quarter: '2026Q2', revenue: '6000.00', payments: '3000.00', referrals: 2 });
    const found = await t.request(mgr, 'GET', `/api/v1/customers?q=${encodeURIComponent('徐汇')}`);
    expect(found.body.items.map((c: { name: string }) => c.name)).toEqual(['张三']);
  });

  it('goes through a large file in chunks of 1,000 rows, each chunk committing its progress', async () => {
    const rows: unknown[][] = [['姓名', '电话']];
    for (let i = 0; i < 2500; i++) rows.push([`批量客户${i}`, `135${String(i).padStart(8, '0')}`]);
    const run = await importFile(mgr, await xlsxOf(rows), { name: 'C:\\Users\\kf\\bulk.xlsx' });
    expect(run.body).toMatchObject({ fileName: 'bulk.xlsx', status: 'done', total: 2500, processed: 2500, created: 2500, errorRows: 0 });
    const jobs = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from jobs where kind = 'customers.import.chunk' and payload->>'runId' = ${run.body.id} and status = 'done'`);
    expect(jobs[0].n).toBe(3);
    // the rows waiting for their chunk are gone once it is done
    expect(await count(`customer_import_rows where run_id = '${run.body.id}'`)).toBe(0);
  });

  it('refuses what it cannot read with a reason', async () => {
    const garbage = await importFile(mgr, Buffer.from('PK\u0003\u0004 not really a workbook'), { name: 'x.xlsx' });
    expect(garbage).toMatchObject({ status: 422, body: { error: { code: 'IMPORT_FILE_UNREADABLE' } } });
    const noHeadings = await importFile(mgr, Buffer.from('a,b\n1,2\n'), { name: 'x.csv', type: 'text/csv' });
    expect(noHeadings.body.error.code).toBe('IMPORT_HEADINGS_MISSING');
    const gbk = await importFile(mgr, Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xb5, 0xe7, 0xbb, 0xb0]), { name: 'x.csv', type: 'text/csv' });
    expect(gbk.body.error.code).toBe('IMPORT_CSV_ENCODING');
    const empty = await importFile(mgr, await xlsxOf([HEAD]));
    expect(empty.body.error.code).toBe('IMPORT_NO_ROWS');
    const json = await t.request(mgr, 'POST', '/api/v1/customer-imports?name=x.xlsx', { rows: [] });
    expect(json.status).toBe(415);
    expect((await t.request(mgr, 'GET', '/api/v1/customer-imports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('is for those who manage the archive', async () => {
    expect((await importFile(op, await xlsxOf(FILE))).status).toBe(403);
    for (const url of ['/api/v1/customer-imports', '/api/v1/customer-imports/template.xlsx', '/api/v1/customers/export.xlsx']) {
      expect((await t.request(op, 'GET', url)).status).toBe(403);
    }
  });
});

describe('customer export (issue 14)', () => {
  const exportOf = async (token: string, query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/customers/export.xlsx${query}`, headers: { authorization: `Bearer ${token}` } });
    return { status: res.statusCode, rows: res.statusCode === 200 ? await sheetOf(res.rawPayload) : [], body: res.statusCode === 200 ? null : res.json() };
  };

  it('exports what the list finds with the same filter, unmasked for those who see personal data', async () => {
    const res = await exportOf(mgr, `?q=${encodeURIComponent('张三')}`);
    expect(res.status).toBe(200);
    expect(res.rows[0].slice(0, 8)).toEqual(HEAD.slice(0, 8));
    expect(res.rows.slice(1).map((r) => r.slice(0, 6))).toEqual([['张三', '13800138001', 'zs@example.com', '上海市徐汇区, 新家 2 号', '家庭', 'VIP']]);
    // each unmasked row exported is a view of personal data on record
    const logged = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from pii_access_log where context = 'customer.export'`);
    expect(logged[0].n).toBe(1);
    const byPhone = await exportOf(mgr, '?q=87654321');
    expect(byPhone.rows.slice(1).map((r) => r[0])).toEqual(['李四']);
    const all = await exportOf(mgr, '');
    expect(all.rows.length - 1).toBe(await count('customers'));
    await t.database.db.execute(sql`update customers set tier = 'A' where phone = '0755-87654321'`);
    const tierA = await exportOf(mgr, '?tier=A');
    expect(tierA.rows.slice(1).map((r) => [r[0], r[8]])).toEqual([['李四', 'A']]);
  });

  it('masks phones, addresses and e-mails for a manager who sees them masked, and refuses a phone search', async () => {
    const before = await count('pii_access_log');
    const res = await exportOf(maskedMgr, `?q=${encodeURIComponent('张三')}`);
    expect(await count('pii_access_log')).toBe(before);
    expect(res.rows.slice(1).map((r) => r.slice(0, 4))).toEqual([['张三', '138****8001', 'z***@example.com', '上海市徐汇区****']]);
    const phone = await exportOf(maskedMgr, '?q=8001');
    expect(phone).toMatchObject({ status: 403, body: { error: { code: 'PII_SEARCH_FORBIDDEN' } } });
    // the import's errors keep the file's phones masked for her too
    const run = await importFile(maskedMgr, await xlsxOf([['姓名', '电话', '邮箱'], ['周九', '13800138001x', 'bad']]));
    expect(run.body.errors.map((e: { value: string }) => e.value)).toEqual(['138*****001x', '***']);
    expect(run.body.errors[0].message).not.toContain('13800138001');
  });
});
