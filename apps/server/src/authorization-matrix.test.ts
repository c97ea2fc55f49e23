import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Permission } from '@kefu/shared/permissions';
import { queryRows } from './db/client.ts';
import { DEMO_ROLES, DEMO_USERS } from './db/seed/demo-org.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { operationsOf, type Operation } from '../test/openapi-walk.ts';

// Every route of the OpenAPI document × every demo role × anonymous. What each
// route requires is written down here, from the permissions in
// packages/shared/src/permissions.ts — not read from the routes themselves, so
// a route that loses its permission check fails this test. A route missing
// from the table fails it too: every new route must be classified.

type Requirement = 'public' | 'signed-in' | Permission;

const REQUIRES: Record<string, Requirement> = {
  'GET /api/health': 'public',
  'GET /api/v1/renewal-kinds': 'renewal:view',
  'PUT /api/v1/renewal-kinds': 'renewal:manage',
  'GET /api/v1/renewals': 'renewal:view',
  'GET /api/v1/renewals/non-renewals': 'renewal:view',
  'GET /api/v1/renewals/month-end-lists': 'renewal:view',
  'GET /api/v1/renewals/month-end-lists/{month}': 'renewal:view',
  'POST /api/v1/renewals/month-end-lists/{month}/send': 'renewal:manage',
  'GET /api/v1/customer-services': 'renewal:view',
  'POST /api/v1/customer-services': 'renewal:manage',
  'GET /api/v1/customer-services/{id}': 'renewal:view',
  'PATCH /api/v1/customer-services/{id}': 'renewal:manage',
  // the owner salesperson or a manager: checked by the use case once the service is found
  'POST /api/v1/customer-services/{id}/renew': 'renewal:view',
  'POST /api/v1/customer-services/{id}/not-renewed': 'renewal:view',
  'GET /api/v1/transfer-requests': 'renewal:view',
  'POST /api/v1/customer-services/{id}/transfer-requests': 'renewal:manage',
  'POST /api/v1/transfer-requests/{id}/certificate': 'renewal:manage',
  'GET /api/v1/transfer-requests/{id}/certificate': 'renewal:view',
  'POST /api/v1/transfer-requests/{id}/phone-confirmation': 'renewal:manage',
  'POST /api/v1/transfer-requests/{id}/approve': 'renewal:approve_transfer',
  'POST /api/v1/transfer-requests/{id}/reject': 'renewal:approve_transfer',
  'POST /api/v1/kb/articles/{id}/attachments': 'kb:edit',
  'GET /api/v1/kb/articles/{id}/attachments/{attachmentId}': 'signed-in',
  'DELETE /api/v1/kb/articles/{id}/attachments/{attachmentId}': 'kb:edit',
  'GET /api/v1/customers/duplicates': 'customer:manage',
  'GET /api/v1/shops': 'order:view',
  'POST /api/v1/shops': 'shop:manage',
  'POST /api/v1/orders': 'order:edit',
  'PATCH /api/v1/orders/{id}': 'order:edit',
  'GET /api/v1/orders': 'order:view',
  'GET /api/v1/orders/{id}': 'order:view',
  'POST /api/v1/orders/{id}/remarks': 'order:edit',
  'GET /api/v1/customer-archive/data-quality': 'customer:manage',
  'POST /api/v1/customers/{id}/phone-flag': 'customer:update',
  'DELETE /api/v1/customers/{id}/phone-flag': 'customer:update',
  'POST /api/v1/callbacks/contact-plan/run': 'callback:manage',
  'GET /api/v1/customer-archive/settings': 'customer:view',
  'PUT /api/v1/customer-archive/settings': 'customer:manage',
  'GET /api/v1/customer-archive/list': 'customer:manage',
  'GET /api/v1/customer-specialists': 'customer:manage',
  'PUT /api/v1/customer-specialists/{userId}': 'customer:manage',
  'POST /api/v1/customer-assignments/preview': 'customer:manage',
  'POST /api/v1/customer-assignments/apply': 'customer:manage',
  'PUT /api/v1/customers/{id}/owner': 'customer:manage',
  'POST /api/v1/customers/{id}/merge': 'customer:manage',
  'POST /api/v1/customers/{id}/merge/undo': 'customer:manage',
  'GET /api/v1/customers/{id}/merges': 'customer:view',
  'GET /api/v1/customer-classes': 'customer:view',
  'PUT /api/v1/customer-classes': 'customer:manage',
  'POST /api/v1/customer-classes/recompute': 'customer:manage',
  'GET /api/v1/customer-classes/runs': 'customer:manage',
  'GET /api/v1/customer-classes/runs/{id}': 'customer:manage',
  'PUT /api/v1/customers/{id}/class': 'customer:manage',
  'GET /api/v1/customers/{id}/class-history': 'customer:view',
  'PUT /api/v1/customer-measures': 'customer:manage',
  'POST /api/v1/customer-imports': 'customer:manage',
  'GET /api/v1/customer-imports': 'customer:manage',
  'GET /api/v1/customer-imports/template.xlsx': 'customer:manage',
  'GET /api/v1/customer-imports/{id}': 'customer:manage',
  'GET /api/v1/customer-imports/{id}/errors': 'customer:manage',
  'GET /api/v1/customer-imports/{id}/errors.xlsx': 'customer:manage',
  'GET /api/v1/customers/export.xlsx': 'customer:manage',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'signed-in',
  'GET /api/v1/me': 'signed-in',
  // answers everyone (the signed-in user, or none): the console asks before signing in
  'GET /api/v1/session': 'public',
  'PATCH /api/v1/me': 'signed-in',
  'POST /api/v1/me/password': 'signed-in',
  'GET /api/v1/departments': 'org:manage',
  'POST /api/v1/departments': 'org:manage',
  'PATCH /api/v1/departments/{id}': 'org:manage',
  'DELETE /api/v1/departments/{id}': 'org:manage',
  'GET /api/v1/teams': 'org:manage',
  'POST /api/v1/teams': 'org:manage',
  'PATCH /api/v1/teams/{id}': 'org:manage',
  'DELETE /api/v1/teams/{id}': 'org:manage',
  'GET /api/v1/directory': 'signed-in',
  'GET /api/v1/permissions': 'org:manage',
  'GET /api/v1/users': 'org:manage',
  'POST /api/v1/users': 'org:manage',
  'PATCH /api/v1/users/{id}': 'org:manage',
  'GET /api/v1/roles': 'org:manage',
  'POST /api/v1/roles': 'org:manage',
  'PATCH /api/v1/roles/{id}': 'org:manage',
  'DELETE /api/v1/roles/{id}': 'org:manage',
  'GET /api/v1/customers': 'customer:view',
  'POST /api/v1/customers': 'customer:create',
  'GET /api/v1/customers/{id}': 'customer:view',
  'PATCH /api/v1/customers/{id}': 'customer:update',
  'GET /api/v1/forms': 'form:view',
  'GET /api/v1/forms/{type}': 'form:view',
  'PUT /api/v1/forms/{type}': 'form:manage',
  'GET /api/v1/customers/{id}/history': 'customer:view',
  'POST /api/v1/interactions': 'interaction:create',
  'GET /api/v1/interactions': 'customer:view',
  'PATCH /api/v1/interactions/{id}': 'interaction:create',
  'POST /api/v1/tickets': 'ticket:create',
  'GET /api/v1/tickets': 'ticket:view',
  'POST /api/v1/tickets/{id}/convert': 'ticket:create',
  'GET /api/v1/tickets/{id}': 'ticket:view',
  // the status needs ticket:update (or being the assignee), checked by the use case: the route lets viewers through
  'PATCH /api/v1/tickets/{id}': 'ticket:view',
  'POST /api/v1/tickets/{id}/forward': 'ticket:assign',
  'GET /api/v1/tickets/{id}/timeline': 'ticket:view',
  'GET /api/v1/tickets/{id}/notes': 'ticket:view',
  'GET /api/v1/tickets/{id}/notes/{noteId}/file': 'ticket:view',
  'POST /api/v1/tickets/{id}/notes': 'ticket:note',
  'GET /api/v1/notifications': 'signed-in',
  'POST /api/v1/notifications/{id}/read': 'signed-in',
  'POST /api/v1/notifications/read-all': 'signed-in',
  'GET /api/v1/me/notification-preferences': 'signed-in',
  'PUT /api/v1/me/notification-preferences': 'signed-in',
  'GET /api/v1/notification-log': 'supervisor:view',
  'GET /api/v1/rules': 'rule:manage',
  'POST /api/v1/rules': 'rule:manage',
  'GET /api/v1/rules/{id}': 'rule:manage',
  'PATCH /api/v1/rules/{id}': 'rule:manage',
  'DELETE /api/v1/rules/{id}': 'rule:manage',
  'GET /api/v1/rules/{id}/versions': 'rule:manage',
  'POST /api/v1/rules/preview': 'rule:manage',
  'GET /api/v1/rule-runs': 'supervisor:view',
  'GET /api/v1/positions': 'signed-in',
  'PUT /api/v1/positions/{key}': 'rule:manage',
  'GET /api/v1/rule-templates': 'rule:manage',
  'POST /api/v1/rule-templates/{key}/load': 'rule:manage',
  'GET /api/v1/calendars': 'signed-in',
  'POST /api/v1/calendars': 'rule:manage',
  'PUT /api/v1/calendars/{id}': 'rule:manage',
  'GET /api/v1/sla-policies': 'rule:manage',
  'POST /api/v1/sla-policies': 'rule:manage',
  'PATCH /api/v1/sla-policies/{id}': 'rule:manage',
  'DELETE /api/v1/sla-policies/{id}': 'rule:manage',
  'GET /api/v1/sla/queue': 'supervisor:view',
  'GET /api/v1/sla/escalations': 'supervisor:view',
  'GET /api/v1/wallboard': 'supervisor:view',
  'GET /api/v1/quiet-hours': 'callback:work',
  'PUT /api/v1/quiet-hours': 'callback:manage',
  'DELETE /api/v1/quiet-hours/{customerClass}': 'callback:manage',
  'GET /api/v1/callbacks': 'callback:work',
  'GET /api/v1/callbacks/{id}': 'callback:work',
  'POST /api/v1/callbacks/{id}/attempts': 'callback:work',
  'POST /api/v1/callbacks/{id}/close': 'callback:manage',
  'GET /api/v1/callback-policies': 'callback:work',
  'POST /api/v1/callback-policies': 'callback:manage',
  'PATCH /api/v1/callback-policies/{id}': 'callback:manage',
  'DELETE /api/v1/callback-policies/{id}': 'callback:manage',
  'GET /api/v1/callback-scripts': 'callback:work',
  'POST /api/v1/callback-scripts': 'callback:manage',
  'PATCH /api/v1/callback-scripts/{id}': 'callback:manage',
  'DELETE /api/v1/callback-scripts/{id}': 'callback:manage',
  'POST /api/v1/callback-campaigns/preview': 'callback:manage',
  'POST /api/v1/callback-campaigns': 'callback:manage',
  'GET /api/v1/callback-campaigns': 'callback:manage',
  'POST /api/v1/callback-campaigns/{id}/close': 'callback:manage',
  'GET /api/v1/callbacks/report': 'callback:manage',
  'GET /api/v1/callbacks/report.xlsx': 'callback:manage',
  'GET /api/v1/callbacks/trend': 'callback:manage',
  'GET /api/v1/surveys': 'survey:manage',
  'POST /api/v1/surveys': 'survey:manage',
  'POST /api/v1/surveys/{id}/preview-recipients': 'survey:manage',
  'POST /api/v1/surveys/{id}/send': 'survey:manage',
  'POST /api/v1/surveys/{id}/remind': 'survey:manage',
  'GET /api/v1/survey-responses': 'ticket:view',
  'GET /api/v1/public/surveys/{token}': 'public',
  'POST /api/v1/public/surveys/{token}': 'public',
  'GET /api/v1/conversations': 'conversation:work',
  'GET /api/v1/conversations/counts': 'conversation:work',
  'GET /api/v1/conversations/{id}': 'conversation:work',
  'PATCH /api/v1/conversations/{id}': 'conversation:work',
  'POST /api/v1/conversations/{id}/messages': 'conversation:work',
  'GET /api/v1/conversations/{id}/messages': 'conversation:work',
  'POST /api/v1/conversations/{id}/read': 'conversation:work',
  'POST /api/v1/conversations/{id}/typing': 'conversation:work',
  'POST /api/v1/conversations/{id}/viewing': 'conversation:work',
  'DELETE /api/v1/conversations/{id}/viewing': 'conversation:work',
  'POST /api/v1/conversations/{id}/tickets': 'ticket:create',
  'GET /api/v1/conversations/{id}/transcript': 'conversation:work',
  'POST /api/v1/conversations/{id}/evidence': 'conversation:work',
  'POST /api/v1/conversations/{id}/attachments': 'conversation:work',
  'GET /api/v1/conversations/{id}/attachments/{attachmentId}': 'conversation:work',
  'POST /api/v1/public/chat/conversations/{id}/attachments': 'public',
  'GET /api/v1/public/chat/conversations/{id}/attachments/{attachmentId}': 'public',
  'GET /api/v1/chat-channels': 'conversation:work',
  'POST /api/v1/chat-channels': 'conversation:manage',
  'PATCH /api/v1/chat-channels/{id}': 'conversation:manage',
  'GET /api/v1/chat-agents/me': 'conversation:work',
  'PUT /api/v1/chat-agents/me': 'conversation:work',
  'GET /api/v1/chat-agents': 'conversation:manage',
  'PATCH /api/v1/chat-agents/{userId}': 'conversation:manage',
  'GET /api/v1/chat-monitor': 'conversation:manage',
  'GET /api/v1/chat-monitor/summary': 'supervisor:view',
  'GET /api/v1/kb/articles': 'signed-in',
  'GET /api/v1/kb/suggest': 'signed-in',
  'GET /api/v1/kb/articles/{id}': 'signed-in',
  'POST /api/v1/kb/articles': 'kb:edit',
  'PATCH /api/v1/kb/articles/{id}': 'kb:edit',
  'POST /api/v1/kb/articles/{id}/review': 'kb:publish',
  'POST /api/v1/kb/articles/{id}/archive': 'kb:publish',
  'POST /api/v1/kb/articles/{id}/feedback': 'signed-in',
  'GET /api/v1/kb/categories': 'signed-in',
  'POST /api/v1/kb/categories': 'kb:publish',
  'PATCH /api/v1/kb/categories/{id}': 'kb:publish',
  'DELETE /api/v1/kb/categories/{id}': 'kb:publish',
  'GET /api/v1/kb/synonyms': 'signed-in',
  'POST /api/v1/kb/synonyms': 'kb:publish',
  'PATCH /api/v1/kb/synonyms/{id}': 'kb:publish',
  'DELETE /api/v1/kb/synonyms/{id}': 'kb:publish',
  'GET /api/v1/canned-replies': 'signed-in',
  'POST /api/v1/canned-replies': 'kb:edit',
  'PATCH /api/v1/canned-replies/{id}': 'kb:edit',
  'DELETE /api/v1/canned-replies/{id}': 'kb:edit',
  'POST /api/v1/canned-replies/{id}/used': 'signed-in',
  'GET /api/v1/public/chat/channels/{key}': 'public',
  'POST /api/v1/public/chat/conversations': 'public',
  'POST /api/v1/public/chat/conversations/{id}/end': 'public',
  'GET /api/v1/public/chat/conversations/{id}': 'public',
  'GET /api/v1/public/chat/conversations/{id}/messages': 'public',
  'POST /api/v1/public/chat/conversations/{id}/messages': 'public',
  'POST /api/v1/public/chat/conversations/{id}/read': 'public',
  'POST /api/v1/public/chat/conversations/{id}/rating': 'public',
};

/** One demo user per demo role, and what the role holds. */
const ACTORS = DEMO_ROLES.map((r) => ({ role: r.key, username: DEMO_USERS.find((u) => u.role === r.key)!.username, permissions: new Set<string>(r.permissions) }));

function allowed(req: Requirement, actor: (typeof ACTORS)[number] | null): boolean {
  if (req === 'public') return true;
  if (!actor) return false;
  return req === 'signed-in' || actor.permissions.has(req);
}

let t: TestApp;
const ids: Record<string, string> = {};
const ANY_ID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  const op = await t.login('operator');
  const ticket = await t.request(op, 'POST', '/api/v1/tickets', {
    type: 'repair', channel: 'phone', customer: { name: '矩阵客户', phone: '13900001111' }, fields: { content: '漏水', preferredTime: '上午' },
  });
  ids.tickets = ticket.body.id;
  ids.customers = ticket.body.customerId;
  const first = async (table: string) =>
    (await queryRows<{ id: string }>(t.database.db, sql.raw(`select id::text as id from ${table} limit 1`)))[0]?.id ?? ANY_ID;
  for (const [key, table] of [['interactions', 'interactions'], ['notifications', 'notifications'], ['rules', 'rules'], ['calendars', 'business_calendars'],
    ['sla-policies', 'sla_policies'], ['callbacks', 'callback_tasks'], ['callback-policies', 'callback_policies'], ['callback-scripts', 'callback_scripts'],
    ['callback-campaigns', 'callback_campaigns'], ['surveys', 'surveys'], ['users', 'users'], ['roles', 'roles'], ['departments', 'departments'], ['teams', 'teams']] as const) {
    ids[key] = await first(table);
  }
  // what a permitted DELETE may remove without disturbing the rest of the matrix
  ids.departments = (await t.request(admin, 'POST', '/api/v1/departments', { name: '矩阵部门' })).body.id;
  ids.teams = (await t.request(admin, 'POST', '/api/v1/teams', { name: '矩阵班组', departmentId: ids.departments })).body.id;
  ids.roles = (await t.request(admin, 'POST', '/api/v1/roles', { name: '矩阵角色', permissions: [], dataScope: 'own' })).body.id;
});
afterAll(async () => { await t?.close(); });

function urlOf(op: Operation): string {
  const resource = op.path.split('/')[3];
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'type') return 'repair';
    if (name === 'key') return op.path.includes('rule-templates') ? 'dairy_hotline' : 'qc_manager';
    if (name === 'customerClass') return 'Z';
    if (name === 'token') return 'x'.repeat(40);
    return ids[resource] ?? ANY_ID;
  });
}

describe('authorization matrix', () => {
  it('classifies every route of the API', () => {
    const routes = operationsOf(t.app.swagger()).filter((o) => !o.path.startsWith('/api/docs')).map((o) => `${o.method} ${o.path}`).sort();
    expect(routes).toEqual(Object.keys(REQUIRES).sort());
  });

  it('answers 2xx only where the role holds what the route requires; 401 to strangers, 403 to the rest', async () => {
    const ops = operationsOf(t.app.swagger()).filter((o) => REQUIRES[`${o.method} ${o.path}`]);
    const problems: string[] = [];
    let cells = 0;
    const matrix: Record<string, string> = {};
    // anonymous first, admin last: a permitted DELETE then removes what no one else needs
    const columns = [null, ...ACTORS.filter((a) => a.role !== 'admin'), ACTORS.find((a) => a.role === 'admin')!];
    for (const actor of columns) {
      const token = actor ? await t.login(actor.username) : null;
      let row = '';
      for (const op of ops) {
        const key = `${op.method} ${op.path}`;
        const req = REQUIRES[key];
        const may = allowed(req, actor);
        // logging out ends the session: use one of its own
        const bearer = key === 'POST /api/v1/auth/logout' && actor
          ? (await t.request(null, 'POST', '/api/v1/auth/login', { username: actor.username, password: 'kefu-demo' })).body.token
          : token;
        const res = await t.app.inject({
          method: op.method as 'GET', url: urlOf(op),
          headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(op.body ? { 'content-type': 'application/json' } : {}) },
          payload: op.body ? '{}' : undefined,
        });
        cells++;
        row += may ? '+' : '.';
        const who = actor?.role ?? 'anonymous';
        const s = res.statusCode;
        if (s >= 500) problems.push(`${who} ${key}: ${s}`);
        else if (!may && s < 300) problems.push(`${who} ${key}: ${s}, but ${req} is required`);
        else if (!may && s !== (actor ? 403 : 401)) problems.push(`${who} ${key}: ${s}, expected ${actor ? 403 : 401}`);
        else if (may && (s === 401 || s === 403)) problems.push(`${who} ${key}: ${s}, though the role holds ${req}`);
      }
      matrix[actor?.role ?? 'anonymous'] = row;
    }
    console.info(`authorization matrix: ${ops.length} routes × ${columns.length} callers = ${cells} cells (+ allowed, . refused)\n${
      Object.entries(matrix).map(([who, row]) => `${who.padEnd(12)} ${row}`).join('\n')}`);
    expect(problems).toEqual([]);
    expect(cells).toBe(ops.length * 7);
  });
});
