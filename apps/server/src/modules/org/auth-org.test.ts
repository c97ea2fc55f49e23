import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('auth', () => {
  it('signs in with a token and an httpOnly session cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'operator', password: 'kefu-demo' } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.token).toMatch(/^[\w-]{40,}$/);
    expect(body.user).toMatchObject({ username: 'operator', displayName: '王丽', dataScope: 'team' });
    expect(body.user.permissions).toContain('ticket:create');
    const cookie = res.cookies.find((c) => c.name === 'kefu_session')!;
    expect(cookie.httpOnly).toBe(true);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { kefu_session: cookie.value } });
    expect(me.json().username).toBe('operator');
  });

  it('refuses a wrong password or an unknown user with the same 401', async () => {
    for (const body of [{ username: 'operator', password: 'nope' }, { username: 'ghost', password: 'kefu-demo' }]) {
      const res = await t.request(null, 'POST', '/api/v1/auth/login', body);
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    }
  });

  it('lets a user change their own password with the current one; their other sessions end, this one stays', async () => {
    const login = (password: string) => t.request(null, 'POST', '/api/v1/auth/login', { username: 'station_clerk', password });
    const here = (await login('kefu-demo')).body.token;
    const elsewhere = (await login('kefu-demo')).body.token;
    const change = (body: object) => t.request(here, 'POST', '/api/v1/me/password', body);
    expect((await change({ oldPassword: 'wrong-one', newPassword: 'new-secret-1' })).body.error.code).toBe('WRONG_PASSWORD');
    expect((await change({ oldPassword: 'kefu-demo', newPassword: 'short' })).status).toBe(400);
    expect((await change({ oldPassword: 'kefu-demo', newPassword: 'kefu-demo' })).body.error.code).toBe('SAME_PASSWORD');
    expect((await change({ oldPassword: 'kefu-demo', newPassword: 'new-secret-1' })).status).toBe(204);
    expect((await t.request(here, 'GET', '/api/v1/me')).status).toBe(200);
    expect((await t.request(elsewhere, 'GET', '/api/v1/me')).status).toBe(401);
    expect((await login('kefu-demo')).status).toBe(401);
    expect((await login('new-secret-1')).status).toBe(200);
    expect((await t.request(null, 'POST', '/api/v1/me/password', { oldPassword: 'x', newPassword: 'yyyyyyyy' })).status).toBe(401);
  });

  it('answers 401 without a session, in the caller\'s language', async () => {
    const res = await t.request(null, 'GET', '/api/v1/tickets', undefined, { 'accept-language': 'en-US' });
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'Please sign in' });
    expect((await t.request('forged-token', 'GET', '/api/v1/me')).status).toBe(401);
  });

  it('tells who is signed in, or nobody, without a 401', async () => {
    const nobody = await t.request(null, 'GET', '/api/v1/session');
    expect(nobody.status).toBe(200);
    expect(nobody.body).toEqual({ user: null });
    expect((await t.request('forged-token', 'GET', '/api/v1/session')).body).toEqual({ user: null });
    const token = await t.login('operator');
    const signedIn = await t.request(token, 'GET', '/api/v1/session');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ username: 'operator', displayName: '王丽' });
    expect(signedIn.body.user.permissions).toContain('ticket:create');
    expect(signedIn.body.user).not.toHaveProperty('passwordHash');
  });

  it('ends the session on logout', async () => {
    const login = await t.request(null, 'POST', '/api/v1/auth/login', { username: 'lead', password: 'kefu-demo' });
    const token = login.body.token;
    expect((await t.request(token, 'GET', '/api/v1/me')).status).toBe(200);
    expect((await t.request(token, 'POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await t.request(token, 'GET', '/api/v1/me')).status).toBe(401);
  });

  it('rejects malformed bodies with 400 naming the field', async () => {
    const res = await t.request(null, 'POST', '/api/v1/auth/login', { username: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.body.error.message).toContain('body.password');
  });

  it('answers unknown API routes with a 404 in the error shape', async () => {
    const res = await t.request(await t.login('operator'), 'GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('organisation admin', () => {
  it('is forbidden to people without org:manage', async () => {
    const op = await t.login('operator');
    const res = await t.request(op, 'GET', '/api/v1/users');
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN' });
    expect(res.body.error.message).toContain('org:manage');
  });

  it('lets an admin build a department, team, role and user who can then sign in with those permissions', async () => {
    const admin = await t.login('admin');
    const dept = await t.request(admin, 'POST', '/api/v1/departments', { name: '售后部' });
    expect(dept.status).toBe(201);
    const team = await t.request(admin, 'POST', '/api/v1/teams', { name: '售后一组', departmentId: dept.body.id });
    expect(team.status).toBe(201);
    const role = await t.request(admin, 'POST', '/api/v1/roles', { name: '售后专员', permissions: ['ticket:view', 'customer:view'], dataScope: 'team' });
    expect(role.status).toBe(201);
    const user = await t.request(admin, 'POST', '/api/v1/users', {
      username: 'aftersales1', displayName: '何伟', password: 'secret-pass-1', jobNumber: '2001',
      departmentId: dept.body.id, teamId: team.body.id, roleIds: [role.body.id],
    });
    expect(user.status).toBe(201);
    expect(user.body.roleIds).toEqual([role.body.id]);

    const token = await t.login('aftersales1', 'secret-pass-1');
    const me = await t.request(token, 'GET', '/api/v1/me');
    expect(me.body.permissions).toEqual(['customer:view', 'ticket:view']);
    expect((await t.request(token, 'POST', '/api/v1/tickets', {})).status).toBe(403);

    // granting a permission applies to the existing session
    await t.request(admin, 'PATCH', `/api/v1/roles/${role.body.id}`, { permissions: ['ticket:view', 'customer:view', 'ticket:create'] });
    expect((await t.request(token, 'GET', '/api/v1/me')).body.permissions).toContain('ticket:create');

    // a deactivated user is signed out
    await t.request(admin, 'PATCH', `/api/v1/users/${user.body.id}`, { active: false });
    expect((await t.request(token, 'GET', '/api/v1/me')).status).toBe(401);

    // a department still in use cannot be deleted
    const del = await t.request(admin, 'DELETE', `/api/v1/departments/${dept.body.id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('IN_USE');
  });

  it('refuses duplicate usernames, unknown permissions and unknown references', async () => {
    const admin = await t.login('admin');
    const dup = await t.request(admin, 'POST', '/api/v1/users', { username: 'operator', displayName: 'x', password: 'longenough', roleIds: [] });
    expect(dup.status).toBe(409);
    const perm = await t.request(admin, 'POST', '/api/v1/roles', { name: 'bad', permissions: ['root:everything'], dataScope: 'all' });
    expect(perm.status).toBe(400);
    const ref = await t.request(admin, 'POST', '/api/v1/teams', { name: 'x', departmentId: '00000000-0000-4000-8000-000000000000' });
    expect(ref.status).toBe(422);
  });

  it('gives every signed-in user the directory for assignee pickers, without personal data', async () => {
    const res = await t.request(await t.login('operator'), 'GET', '/api/v1/directory');
    expect(res.status).toBe(200);
    expect(res.body.users.map((u: { displayName: string }) => u.displayName)).toContain('刘强');
    expect(Object.keys(res.body.users[0]).sort()).toEqual(['departmentId', 'displayName', 'id', 'jobNumber', 'teamId']);
  });
});

describe('login throttling', () => {
  it('holds an account back after five wrong guesses from anywhere, but not a browser that signed in to it before', async () => {
    const app = await createTestApp();
    try {
      const login = (password: string, remoteAddress: string, cookies: Record<string, string> = {}) =>
        app.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, cookies, payload: { username: 'operator', password } });
      const known = await login('kefu-demo', '192.168.7.7');
      const device = known.cookies.find((c) => c.name === 'kefu_device')!;
      expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      for (let i = 0; i < 5; i++) expect((await login('guess', `203.0.113.${i}`)).statusCode).toBe(401);
      const held = await login('kefu-demo', '203.0.113.99');
      expect(held.statusCode).toBe(429);
      expect(held.json().error).toEqual({ code: 'RATE_LIMITED', message: '操作过于频繁,请稍后再试' });
      expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
      // the right password from the browser that knows the account still passes
      expect((await login('kefu-demo', '192.168.7.7', { kefu_device: device.value })).statusCode).toBe(200);
      // others are not affected
      const lead = await app.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '203.0.113.50', payload: { username: 'lead', password: 'kefu-demo' } });
      expect(lead.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('holds one address back after too many failures across accounts', async () => {
    const limited = await createTestApp({ KEFU_LOGIN_RATE_LIMIT: '3' });
    try {
      const attempt = (username: string, remoteAddress: string) =>
        limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { username, password: 'guess' } });
      for (const u of ['operator', 'lead', 'admin']) expect((await attempt(u, '198.51.100.1')).statusCode).toBe(401);
      expect((await attempt('cs_manager', '198.51.100.1')).statusCode).toBe(429);
      expect((await attempt('cs_manager', '198.51.100.2')).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe('organisation safety', () => {
  it('keeps department trees acyclic and refuses deleting a department with sub-departments', async () => {
    const admin = await t.login('admin');
    const a = (await t.request(admin, 'POST', '/api/v1/departments', { name: '甲' })).body;
    const b = (await t.request(admin, 'POST', '/api/v1/departments', { name: '乙', parentId: a.id })).body;
    const loop = await t.request(admin, 'PATCH', `/api/v1/departments/${a.id}`, { parentId: b.id });
    expect(loop.status).toBe(422);
    expect(loop.body.error.code).toBe('DEPARTMENT_CYCLE');
    expect((await t.request(admin, 'PATCH', `/api/v1/departments/${a.id}`, { parentId: a.id })).status).toBe(422);
    expect((await t.request(admin, 'DELETE', `/api/v1/departments/${a.id}`)).status).toBe(409);
    const empty = await t.request(admin, 'PATCH', `/api/v1/departments/${a.id}`, {});
    expect(empty.status).toBe(200);
    expect(empty.body.name).toBe('甲');
  });

  it('stops an administrator from locking themselves out or deleting a role people hold', async () => {
    const admin = await t.login('admin');
    const me = (await t.request(admin, 'GET', '/api/v1/me')).body;
    const self = await t.request(admin, 'PATCH', `/api/v1/users/${me.id}`, { active: false });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('SELF_LOCKOUT');
    expect((await t.request(admin, 'PATCH', `/api/v1/users/${me.id}`, { roleIds: [] })).status).toBe(409);
    expect((await t.request(admin, 'PATCH', `/api/v1/roles/${me.roles[0].id}`, { permissions: ['ticket:view'] })).status).toBe(409);
    const del = await t.request(admin, 'DELETE', `/api/v1/roles/${me.roles[0].id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('IN_USE');
  });

  it('ends a user\'s sessions when an admin sets a new password', async () => {
    const admin = await t.login('admin');
    const login = await t.request(null, 'POST', '/api/v1/auth/login', { username: 'operator2', password: 'kefu-demo' });
    const users = (await t.request(admin, 'GET', '/api/v1/users')).body.items;
    const op2 = users.find((u: { username: string }) => u.username === 'operator2');
    expect((await t.request(admin, 'PATCH', `/api/v1/users/${op2.id}`, { password: 'a-new-password' })).status).toBe(200);
    expect((await t.request(login.body.token, 'GET', '/api/v1/me')).status).toBe(401);
  });

  it('rejects unknown keys in every body, and invalid JSON, with a 400', async () => {
    const admin = await t.login('admin');
    const res = await t.request(admin, 'POST', '/api/v1/users', { username: 'x1', displayName: 'x', password: 'longenough', isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('isAdmin');
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/departments', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, payload: '{"name":' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error).toEqual({ code: 'INVALID_JSON', message: '请求体不是有效的 JSON' });
  });
});
