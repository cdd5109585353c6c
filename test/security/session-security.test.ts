import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../support/platform.ts';
import { fingerprintReader } from './support/fingerprint.ts';
import { isWrite, listApiRoutes } from './support/routes.ts';
import { credentialsOf, expectChineseRefusal, expectNothingWritten } from './support/requests.ts';

/**
 * Issue 7, sessions and accounts, beyond server/platform/auth/auth.test.ts (which has lockout, the login
 * cookie's flags, CSRF on one route, an expired session row and logout with the cookie dropped): headers on
 * every kind of answer, the Secure flag, an old cookie replayed after logout, idle expiry by the clock, CSRF
 * on every write route of the API.
 */
const t = await createTestApp({ seed: true });
afterAll(() => t.close());
afterEach(() => {
  vi.useRealTimers();
});
const reader = await fingerprintReader(t.platform);

const login = (app: FastifyInstance, username = 'admin') => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_ADMIN_PASSWORD } });
const sessionCookie = (response: Awaited<ReturnType<typeof login>>) => {
  const cookie = response.cookies.find((c) => c.name === 'fazhi_sid');
  if (!cookie) throw new Error(`no session cookie: ${response.body}`);
  return `fazhi_sid=${cookie.value}`;
};

describe('security headers', () => {
  const expectHardened = (headers: Record<string, unknown>, what: string) => {
    const csp = String(headers['content-security-policy'] ?? '');
    expect(csp, `${what}: CSP`).toMatch(/frame-ancestors 'none'/);
    // Either the app's policy (same-origin scripts, no plugins) or, on answers made before routing, nothing at all.
    if (!/default-src 'none'/.test(csp)) {
      expect(csp, `${what}: CSP`).toMatch(/default-src 'self'/);
      expect(csp, `${what}: CSP`).toMatch(/script-src 'self'/);
      expect(csp, `${what}: CSP`).toMatch(/object-src 'none'/);
    }
    expect(headers['x-content-type-options'], `${what}: nosniff`).toBe('nosniff');
    expect(headers['referrer-policy'], `${what}: Referrer-Policy`).toMatch(/no-referrer|same-origin|strict-origin/);
    expect(headers['x-frame-options'], `${what}: X-Frame-Options`).toMatch(/DENY|SAMEORIGIN/);
    expect(headers['x-powered-by'], `${what}: no X-Powered-By`).toBeUndefined();
  };

  it('hardens API answers, refusals and errors, the portal and its error pages, and the admin UI', async () => {
    const withUi = await buildApp(t.platform, { serveUi: true });
    try {
      const admin = sessionCookie(await login(t.app));
      const cases: [FastifyInstance, string, Record<string, string>][] = [
        [t.app, '/api/health', {}],
        [t.app, '/api/auth/me', {}],
        [t.app, '/api/auth/me', { cookie: admin }],
        [t.app, '/api/no-such-route', {}],
        [t.app, '/api/orgs/abc', { cookie: admin }],
        [t.app, `/api/orgs/${'9'.repeat(150)}`, { cookie: admin }],
        [t.app, '/api/orgs/%E0%A4%A', { cookie: admin }],
        [t.app, '/', {}],
        [t.app, '/ysqgk', {}],
        [t.app, '/items/99999', {}],
        [t.app, '/portal-assets/portal.css', {}],
        [withUi, '/admin/', {}],
        [withUi, '/admin/cases/mediation', {}],
      ];
      for (const [app, url, headers] of cases) {
        const response = await app.inject({ url, headers });
        expectHardened(response.headers, `${url} (${response.statusCode})`);
      }
    } finally {
      await withUi.close();
    }
  });
});

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Strict on every path, and Secure when FAZHI_SECURE_COOKIE=1', async () => {
    const plain = (await login(t.app)).headers['set-cookie'];
    expect(String(plain)).toMatch(/HttpOnly/i);
    expect(String(plain)).toMatch(/SameSite=Strict/i);
    expect(String(plain)).toMatch(/Path=\//);
    expect(String(plain)).not.toMatch(/Secure/i);
    vi.stubEnv('FAZHI_SECURE_COOKIE', '1');
    const secureApp = await buildApp(t.platform, { serveUi: false });
    try {
      const secure = String((await login(secureApp)).headers['set-cookie']);
      expect(secure).toMatch(/; Secure/i);
      expect(secure).toMatch(/HttpOnly/i);
      expect(secure).toMatch(/SameSite=Strict/i);
      // The public forms' cookie follows the same setting.
      const form = String((await secureApp.inject({ url: '/ysqgk' })).headers['set-cookie']);
      expect(form).toMatch(/fz_form=.*HttpOnly.*/i);
      expect(form).toMatch(/SameSite=Strict/i);
      expect(form).toMatch(/Secure/i);
    } finally {
      await secureApp.close();
    }
  });

  it('keeps only a digest of the token in the database', async () => {
    const cookie = sessionCookie(await login(t.app));
    const token = cookie.split('=')[1];
    const rows = await t.platform.db.selectFrom('session').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});

describe('logout', () => {
  it('invalidates the session itself: the old cookie and CSRF token replayed afterwards answer 401 and write nothing', async () => {
    const answer = await login(t.app);
    const cookie = sessionCookie(answer);
    const csrf = answer.json<{ csrfToken: string }>().csrfToken;
    const headers = { cookie, 'x-csrf-token': csrf };
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/auth/me', headers });
    expect(me.statusCode).toBe(401);
    expectChineseRefusal(me, 'me after logout');
    const before = await reader.read();
    const seq = await reader.maxAuditSeq();
    const write = await t.app.inject({ method: 'POST', url: '/api/orgs', headers, payload: { parentId: null, name: '注销后', kind: 'department', code: 'after-logout' } });
    expect(write.statusCode).toBe(401);
    await expectNothingWritten(reader, before, seq, 'write after logout');
    // Another session of the same user is untouched.
    const other = sessionCookie(await login(t.app));
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(200);
  });
});

describe('idle expiry', () => {
  it('keeps a session alive while used and ends it after auth.sessionIdleMinutes without use', async () => {
    const idle = (await t.app.inject({ url: '/api/settings', headers: { cookie: sessionCookie(await login(t.app)) } }))
      .json<{ items: { key: string; value: number }[] }>().items.find((s) => s.key === 'auth.sessionIdleMinutes')!.value;
    expect(idle).toBeGreaterThan(0);
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    const cookie = sessionCookie(await login(t.app));
    const me = () => t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    // Used every (idle − 1) minutes, it lives on past the idle time counted from login.
    for (let i = 1; i <= 3; i++) {
      vi.setSystemTime(start + i * (idle - 1) * 60_000);
      expect((await me()).statusCode, `use ${i}`).toBe(200);
    }
    vi.setSystemTime(start + 3 * (idle - 1) * 60_000 + (idle + 1) * 60_000);
    const expired = await me();
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'SESSION_EXPIRED' });
    expectChineseRefusal(expired, 'expired');
  });
});

describe('lockout', () => {
  it('locks after auth.maxFailedAttempts failures from any address, refuses look-alike names, and lifts after auth.lockMinutes', async () => {
    const settings = (await t.app.inject({ url: '/api/settings', headers: { cookie: sessionCookie(await login(t.app)) } }))
      .json<{ items: { key: string; value: number }[] }>().items;
    const max = settings.find((s) => s.key === 'auth.maxFailedAttempts')!.value;
    const minutes = settings.find((s) => s.key === 'auth.lockMinutes')!.value;
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    const attempt = (username: string, password: string, i: number) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: `127.0.5.${i}` });
    // Spread over addresses: the lock is the account's, not the address's.
    for (let i = 1; i < max; i++) expect((await attempt('leader', `Wrong@${i}pass`, i)).statusCode).toBe(401);
    const locked = await attempt('leader', 'Wrong@lastpass', max);
    expect(locked.statusCode).toBe(423);
    expectChineseRefusal(locked, 'locked');
    expect((await attempt('leader', TEST_ADMIN_PASSWORD, 50)).statusCode).toBe(423);
    for (const lookAlike of ['LEADER', ' leader', 'leader ', 'leader\u200b']) {
      expect((await attempt(lookAlike, TEST_ADMIN_PASSWORD, 51)).statusCode, JSON.stringify(lookAlike)).toBeGreaterThanOrEqual(400);
    }
    vi.setSystemTime(start + (minutes - 1) * 60_000);
    expect((await attempt('leader', TEST_ADMIN_PASSWORD, 52)).statusCode).toBe(423);
    vi.setSystemTime(start + (minutes + 1) * 60_000);
    expect((await attempt('leader', TEST_ADMIN_PASSWORD, 53)).statusCode).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses every cookie-authenticated write without the session\'s own X-CSRF-Token, writing nothing', async () => {
    const mine = await credentialsOf(t.app, 'admin', TEST_ADMIN_PASSWORD);
    const theirs = await credentialsOf(t.app, 'fzb', TEST_ADMIN_PASSWORD);
    const writes = listApiRoutes(t.app).filter((r) => isWrite(r) && r.key !== 'POST /api/auth/login');
    expect(writes.length).toBeGreaterThan(60);
    const failures: string[] = [];
    for (const route of writes) {
      const url = route.url.replace(/:procedure/g, 'mediation').replace(/:action/g, 'submit').replace(/:[A-Za-z]+/g, '1');
      for (const [label, token] of [['no token', undefined], ['wrong token', 'x'.repeat(43)], ['another session\'s token', theirs.csrf], ['token in the query', undefined]] as const) {
        const before = await reader.read();
        const seq = await reader.maxAuditSeq();
        const headers: Record<string, string> = { cookie: mine.cookie!, 'content-type': 'application/json' };
        if (token) headers['x-csrf-token'] = token;
        const target = label === 'token in the query' ? `${url}?csrfToken=${mine.csrf}&_csrf=${mine.csrf}` : url;
        const response = await t.app.inject({ method: route.method, url: target, headers, payload: '{}' });
        if (response.statusCode !== 403 || response.json<{ code: string }>().code !== 'CSRF_INVALID') failures.push(`${route.key} ${label} → ${response.statusCode}`);
        await expectNothingWritten(reader, before, seq, `${route.key} ${label}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
