import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/platform.ts';
import { loginAs } from '../../../test/support/http.ts';

const PASSWORD = 'Demo@2024pass';
type Ctx = Awaited<ReturnType<typeof createTestApp>>;
let ctx: Ctx;

beforeEach(async () => {
  ctx = await createTestApp({ seed: true, adminPassword: PASSWORD });
});
afterEach(async () => {
  await ctx.close();
});

const login = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login', () => {
  it('answers 401 INVALID_CREDENTIALS for a wrong password and logs the attempt', async () => {
    const res = await login('scjg', 'Wrong@2024pass');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const log = await ctx.platform.db.selectFrom('login_log').selectAll().where('username', '=', 'scjg').execute();
    expect(log.map((l) => l.result)).toEqual(['bad_password']);
    const audit = await ctx.platform.db.selectFrom('audit_log').select('action').where('action', '=', 'auth.login.failed').execute();
    expect(audit).toHaveLength(1);
  });

  it('answers the same 401 for an unknown user', async () => {
    const res = await login('nobody', PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('locks the account for 15 minutes after 5 consecutive failures, even for the right password', async () => {
    for (let i = 1; i <= 4; i++) expect((await login('scjg', `Wrong@${i}xxxx`)).statusCode).toBe(401);
    const fifth = await login('scjg', 'Wrong@5xxxx');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const right = await login('scjg', PASSWORD);
    expect(right.statusCode).toBe(423);
    const user = await ctx.platform.db.selectFrom('app_user').select('locked_until').where('username', '=', 'scjg').executeTakeFirstOrThrow();
    const minutes = (new Date(user.locked_until!).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    // Once the lock has run out, the right password works again.
    await ctx.platform.db.updateTable('app_user').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('username', '=', 'scjg').execute();
    expect((await login('scjg', PASSWORD)).statusCode).toBe(200);
  });

  it('resets the failure count after a successful login', async () => {
    for (let i = 0; i < 4; i++) await login('scjg', 'Wrong@2024xx');
    expect((await login('scjg', PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('scjg', 'Wrong@2024xx')).statusCode).toBe(401);
  });

  it('sets an HttpOnly SameSite session cookie and returns a CSRF token', async () => {
    const res = await login('admin', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/fazhi_sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(res.json().csrfToken).toMatch(/.{20,}/);
    expect(res.json().permissions).toContain('*');
  });

  it('rejects an empty body with field errors', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['body.username', 'body.password']));
  });
});

describe('sessions and CSRF', () => {
  it('refuses API calls without a session', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/users' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('refuses a cookie-authenticated write without X-CSRF-Token, and accepts it with the token', async () => {
    const raw = await login('admin', PASSWORD);
    const cookie = `fazhi_sid=${raw.cookies.find((c) => c.name === 'fazhi_sid')!.value}`;
    const body = { parentId: null, name: '测试机构', kind: 'department', code: 'csrf-test' };
    const without = await ctx.app.inject({ method: 'POST', url: '/api/orgs', payload: body, headers: { cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_INVALID');
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/orgs', payload: body, headers: { cookie, 'x-csrf-token': 'nope' } });
    expect(wrong.statusCode).toBe(403);
    const orgs = await ctx.platform.db.selectFrom('organization').select('id').where('code', '=', 'csrf-test').execute();
    expect(orgs).toHaveLength(0);
    const ok = await ctx.app.inject({ method: 'POST', url: '/api/orgs', payload: body, headers: { cookie, 'x-csrf-token': raw.json().csrfToken } });
    expect(ok.statusCode).toBe(201);
  });

  it('answers 401 SESSION_EXPIRED for an expired session', async () => {
    const agent = await loginAs(ctx.app, 'admin', PASSWORD);
    await ctx.platform.db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    const res = await agent.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('SESSION_EXPIRED');
  });

  it('ends the session on logout', async () => {
    const agent = await loginAs(ctx.app, 'admin', PASSWORD);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    expect((await agent.post('/api/auth/logout')).status).toBe(200);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });
});

describe('initial password', () => {
  it('makes a user whose password was set by an administrator change it before anything else', async () => {
    const admin = await loginAs(ctx.app, 'admin', PASSWORD);
    const orgs = (await admin.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items;
    const market = orgs.find((o) => o.code === 'market')!;
    const created = await admin.post('/api/users', { username: 'newbie', displayName: '新同事', password: 'Init@2024pw', orgIds: [market.id], roleIds: [] });
    expect(created.status).toBe(201);
    const newbie = await loginAs(ctx.app, 'newbie', 'Init@2024pw');
    expect(newbie.me.mustChangePassword).toBe(true);
    const blocked = await newbie.get('/api/orgs');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await newbie.post('/api/auth/password', { oldPassword: 'Init@2024pw', newPassword: 'weakweak' });
    expect(weak.status).toBe(400);
    const changed = await newbie.post('/api/auth/password', { oldPassword: 'Init@2024pw', newPassword: 'Mine@2024pw' });
    expect(changed.status).toBe(200);
    expect((await newbie.get('/api/auth/me')).body.mustChangePassword).toBe(false);
  });
});
