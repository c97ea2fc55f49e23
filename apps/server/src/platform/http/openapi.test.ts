import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { operationId } from './openapi.ts';

let t: TestApp;
let doc: { openapi: string; paths: Record<string, Record<string, any>>; components: { schemas: Record<string, unknown> } };
beforeAll(async () => {
  t = await createTestApp();
  doc = t.app.swagger() as never;
});
afterAll(async () => { await t.close(); });

const operations = () => Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map(([method, op]) => ({ path, method, op })));

describe('the OpenAPI document', () => {
  it('names every operation once, with a summary and its error answers', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(90);
    const missing = ops.filter(({ op }) => !op.operationId || !op.summary).map(({ method, path }) => `${method} ${path}`);
    expect(missing).toEqual([]);
    const ids = ops.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const noErrors = ops.filter(({ op }) => !Object.keys(op.responses ?? {}).some((c) => /^4\d\d$/.test(c))).map(({ method, path }) => `${method} ${path}`);
    expect(noErrors).toEqual([]);
    const ticket = doc.paths['/api/v1/tickets/{id}'].get;
    expect(Object.keys(ticket.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']));
  });

  it('names the shapes that recur under components.schemas and refers to them', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['ErrorBody', 'Ticket', 'TicketListItem', 'Customer', 'Rule', 'Notification', 'SlaPolicy']));
    const answer = JSON.stringify(doc.paths['/api/v1/tickets/{id}'].get.responses['200']);
    expect(answer).toContain('#/components/schemas/Ticket');
  });

  it('generates a TypeScript client that type-checks (openapi-typescript validates the document on the way)', async () => {
    const types = astToString(await openapiTS(doc as never));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kefu-client-'));
    try {
      writeFileSync(path.join(dir, 'kefu-api.ts'), types);
      writeFileSync(path.join(dir, 'use.ts'), `
        import type { paths, components, operations } from './kefu-api';
        type Created = paths['/api/v1/tickets']['post']['responses']['201']['content']['application/json'];
        export const number: string = ({} as Created).number;
        export const status: 'new' | 'open' | 'pending' | 'resolved' | 'closed' = ({} as components['schemas']['Ticket']).status;
        export const code: string = ({} as components['schemas']['ErrorBody']).error.code;
        export const id: paths['/api/v1/tickets/{id}']['get']['parameters']['path']['id'] = 'x';
        type NotFound = operations['getTicketsById']['responses']['404']['content']['application/json'];
        export const message: string = ({} as NotFound).error.message;
      `);
      const program = ts.createProgram([path.join(dir, 'use.ts')], { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler });
      const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('derives operation ids from method and path', () => {
    expect(operationId('GET', '/api/v1/tickets/{id}/timeline')).toBe('getTicketsByIdTimeline');
    expect(operationId('POST', '/api/v1/callbacks/:id/attempts')).toBe('postCallbacksByIdAttempts');
    expect(operationId('GET', '/api/v1/rule-runs')).toBe('getRuleRuns');
  });
});
