import path from 'node:path';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { customerQuery, errorBody, id } from '@kefu/shared/api';
import { importErrorsPage, importErrorsQuery, importRun, importRunDetail, importUploadQuery } from '@kefu/shared/customer-imports-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { can } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { IMPORT_CONTENT_TYPES } from './import-sheet.ts';
import { MAX_IMPORT_ROWS, startCustomerImport } from './customer-import-runs.ts';
import { importErrors, importRunById, listImportRuns } from './customer-import-reads.ts';
import { errorReport, importTemplate, XLSX } from './import-workbooks.ts';
import { exportCustomers } from './export-customers.ts';

const manage = { permission: 'customer:manage' as const };
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const FIRST_ERRORS = 50;
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Importing the archive from a spreadsheet (with a dry run and an error report), and exporting it with the list's filter. */
export function customerImportRoutes(app: App, { db, config }: Deps, runner: JobRunner): void {
  const maxBytes = Math.round(config.KEFU_UPLOAD_MAX_MB * 1024 * 1024);

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser([...IMPORT_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
    scope.post('/api/v1/customer-imports', {
      config: manage,
      schema: {
        tags: ['customers'],
        summary: 'Import customers and their figures per quarter from a spreadsheet (raw bytes of an .xlsx, or a UTF-8 .csv; ?name=&dryRun=)',
        description: `Headings as in GET /customer-imports/template.xlsx (Chinese or English). Rows are matched to customers on record by phone: `
          + `those found are updated where the file's cells differ (an empty cell keeps the value), the others are added. Every row is checked first; `
          + `rows with problems are skipped and reported. A dry run (dryRun=true) counts what would happen and writes nothing. `
          + `The run goes on in the background (202): follow it with GET /customer-imports/{id}. At most ${MAX_IMPORT_ROWS} rows and KEFU_UPLOAD_MAX_MB.`,
        querystring: importUploadQuery,
        response: { 202: importRun, ...errors, 413: errorBody, 415: errorBody },
      },
    }, async (req, reply) => {
      // a .csv sent as text/plain arrives as text (Fastify's own parser)
      const bytes = typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : req.body;
      if (!Buffer.isBuffer(bytes)) throw new AppError('IMPORT_FILE_TYPE');
      if (!bytes.length) throw new AppError('IMPORT_NO_ROWS');
      // the name as shown: no directories, no control characters
      const name = path.basename(req.query.name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '') || 'import';
      const runId = await startCustomerImport(db, runner, principalOf(req).userId, { bytes, name }, req.query.dryRun);
      return reply.status(202).send(await importRunById(db, runId));
    });
  });

  app.get('/api/v1/customer-imports/template.xlsx', {
    config: manage,
    schema: { tags: ['customers'], summary: 'The import template: the headings in the reader\'s language and a sheet of instructions' },
  }, async (req, reply) => {
    const locale = requestLocale(req);
    return reply.type(XLSX).header('content-disposition', attachment(locale === 'zh-CN' ? '客户导入模板.xlsx' : 'customer-import-template.xlsx'))
      .send(await importTemplate(locale));
  });

  app.get('/api/v1/customer-imports', {
    config: manage,
    schema: {
      tags: ['customers'], summary: 'Recent imports, newest first, with their progress and counts',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }), response: { 200: z.object({ items: z.array(importRun) }), ...errors },
    },
  }, async (req) => ({ items: await listImportRuns(db, req.query.limit) }));

  app.get('/api/v1/customer-imports/:id', {
    config: manage,
    schema: {
      tags: ['customers'], summary: `One import: its state, counts, progress (processed of total) and its first ${FIRST_ERRORS} errors`,
      params: z.object({ id }), response: { 200: importRunDetail, ...errors },
    },
  }, async (req) => {
    const run = await importRunById(db, req.params.id);
    const { items } = await importErrors(db, run.id, 0, FIRST_ERRORS, requestLocale(req), can(principalOf(req), 'customer:view_pii'));
    return { ...run, errors: items };
  });

  app.get('/api/v1/customer-imports/:id/errors', {
    config: manage,
    schema: {
      tags: ['customers'], summary: 'An import\'s errors a page at a time, in row order (one item per problem)',
      params: z.object({ id }), querystring: importErrorsQuery, response: { 200: importErrorsPage, ...errors },
    },
  }, async (req) => importErrors(db, req.params.id, req.query.offset, req.query.limit, requestLocale(req), can(principalOf(req), 'customer:view_pii')));

  app.get('/api/v1/customer-imports/:id/errors.xlsx', {
    config: manage,
    schema: {
      tags: ['customers'], summary: 'The error report: the skipped rows with the template\'s columns and their problems (correct it and import it again)',
      params: z.object({ id }),
    },
  }, async (req, reply) => {
    const run = await importRunById(db, req.params.id);
    const locale = requestLocale(req);
    const name = `${run.fileName.replace(/\.[^.]*$/, '')}-${locale === 'zh-CN' ? '错误报告' : 'errors'}.xlsx`;
    return reply.type(XLSX).header('content-disposition', attachment(name))
      .send(errorReport(db, run.id, locale, can(principalOf(req), 'customer:view_pii')));
  });

  app.get('/api/v1/customers/export.xlsx', {
    config: manage,
    schema: {
      tags: ['customers'],
      summary: 'Export the customers the list\'s filter finds as a workbook (phones, addresses and e-mails masked without customer:view_pii)',
      querystring: customerQuery.pick({ q: true, tier: true }),
    },
  }, async (req, reply) => {
    const locale = requestLocale(req);
    const viewer = principalOf(req);
    const stream = exportCustomers(db, req.query, { userId: viewer.userId, withPii: can(viewer, 'customer:view_pii') }, locale, config.KEFU_TIMEZONE);
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: config.KEFU_TIMEZONE }).format(new Date());
    return reply.type(XLSX).header('content-disposition', attachment(`${locale === 'zh-CN' ? '客户' : 'customers'}-${day}.xlsx`)).send(stream);
  });
}
