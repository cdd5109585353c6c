import { afterAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../support/platform.ts';
import { loginAs } from '../support/http.ts';
import { createFixtures, KINDS, routeTargets, type Fixture, type RouteTarget } from './support/fixtures.ts';
import { fingerprintReader } from './support/fingerprint.ts';
import { fillPath, isWrite, listApiRoutes, PUBLIC_API_ROUTES, type ApiRoute } from './support/routes.ts';
import { credentialsOf, expectNothingWritten, send, type Credentials } from './support/requests.ts';
import { may, reachOf, type Reach } from './support/principals.ts';
import { QUERIES, sampleBody } from './support/samples.ts';

/**
 * Issue 7, access: every API route (from the OpenAPI document) × every demo user, a user without any
 * permission and no user at all × a record in scope, one out of scope and one that does not exist. The
 * expectations come from the built-in roles (server/seed/roles.ts) and the organisation tree, not from a
 * table per route: out of scope answers exactly as "does not exist" (404 where the user could read the kind),
 * a missing permission answers 403 (or 404 where the route hides existence), and nothing leaks or is written.
 */
const t = await createTestApp({ seed: true });
afterAll(() => t.close());
const adminAgent = await loginAs(t.app, 'admin', TEST_ADMIN_PASSWORD);
const fixtures = await createFixtures(t, adminAgent);
const reader = await fingerprintReader(t.platform);

// A user whose only role grants nothing: what every route answers someone who may do nothing.
const emptyRole = await adminAgent.post<{ id: number }>('/api/roles', { key: 'nothing', name: '无权限', permissions: [], dataScope: 'org', scopeOrgIds: [] });
await adminAgent.post('/api/users', { username: 'nobody', displayName: '无权限用户', password: 'Init@2024pw', orgIds: [fixtures.orgs.get('market')], roleIds: [emptyRole.body.id] });
await t.platform.db.updateTable('app_user').set({ must_change_password: 0 }).where('username', '=', 'nobody').execute();

const USERS = ['admin', 'fzb', 'scjg', 'leader', 'sfs', 'nobody'] as const;
const who = new Map<string, { credentials: Credentials; reach: Reach }>();
for (const username of USERS) {
  who.set(username, { credentials: await credentialsOf(t.app, username, username === 'nobody' ? 'Init@2024pw' : TEST_ADMIN_PASSWORD), reach: await reachOf(t.platform, username) });
}

/**
 * Routes every signed-in user may call whatever their permissions: their own account, session and messages;
 * reference data every form needs (dictionaries, settings in force, permission names, calendar, catalogue
 * categories); lists that filter by the caller's own permissions. The leak check below still runs on them.
 */
const ANY_SIGNED_IN = new Set([
  'GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout', 'GET /api/orgs/options', 'GET /api/procedures',
  'GET /api/messages', 'POST /api/messages/read-all', 'POST /api/messages/:id/read', 'GET /api/tasks', 'GET /api/deadlines', 'POST /api/files',
  'GET /api/permissions', 'GET /api/dicts', 'GET /api/dicts/:code/items', 'GET /api/settings', 'GET /api/calendar', 'GET /api/calendar/years',
  'GET /api/calendar/deadline', 'GET /api/items/meta',
]);
// Logging out would end the session the matrix runs on; session-security tests it.
const routes = listApiRoutes(t.app).filter((r) => r.key !== 'POST /api/auth/logout');

type Instance = { url: string; body: unknown };

function instance(route: ApiRoute, target: RouteTarget, record: Fixture | null, id?: number): Instance {
  const values: Record<string, string | number> = { ...target.segments, id: id ?? record?.id ?? 999_999, memberId: 999_999, workerId: 999_999, trainingId: 999_999, commentId: 999_999, fileId: 999_999 };
  if (record && id === undefined) Object.assign(values, record.children);
  const query = QUERIES[route.key];
  return { url: `${fillPath(target.template, values)}${query ? `?${query}` : ''}`, body: sampleBody(route, target, record, fixtures) };
}

async function call(username: string | null, route: ApiRoute, at: Instance): Promise<LightMyRequestResponse> {
  const credentials = username ? who.get(username)!.credentials : {};
  return send(t.app, credentials, route.method, at.url, at.body === undefined ? undefined : { json: at.body });
}

const targets = routes.flatMap((route) => routeTargets(route.url).map((target) => ({ route, target, name: `${route.method} ${target.template}` })));
const KIND_READ = new Map(KINDS.map((k) => [k.kind, k.read]));
const KIND_BASES = new Map(KINDS.map((k) => [k.kind, k.base]));
/** Whether a user may see a record: a permission that reads its kind, and one of its organisations in scope. */
const visible = (reach: Reach, record: Fixture) =>
  (KIND_READ.get(record.kind) ?? []).some((p) => may(reach, p)) && (reach.orgCodes === null || record.anchors.some((a) => reach.orgCodes!.has(a)));

describe('without a session', () => {
  it('answers 401 on every non-public API route, whatever the method, record or body', async () => {
    const failures: string[] = [];
    for (const { route, target, name } of targets) {
      if (PUBLIC_API_ROUTES.has(route.key)) continue;
      const response = await call(null, route, instance(route, target, target.kind ? fixtures.byKind(target.kind.kind, 'A') : null));
      if (response.statusCode !== 401) failures.push(`${name} → ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('a user without any permission', () => {
  it('is refused by every route that is not open to all signed-in users, and writes nothing', async () => {
    const failures: string[] = [];
    for (const { route, target, name } of targets) {
      if (PUBLIC_API_ROUTES.has(route.key) || ANY_SIGNED_IN.has(route.key)) continue;
      const before = await reader.read();
      const seq = await reader.maxAuditSeq();
      const response = await call('nobody', route, instance(route, target, target.kind ? fixtures.byKind(target.kind.kind, 'A') : null));
      // 404 where the route hides what exists (a procedure the user may not read, a record), 403 otherwise.
      if (![403, 404].includes(response.statusCode)) failures.push(`${name} → ${response.statusCode} ${response.body.slice(0, 120)}`);
      const forbidden = await checkForbidden(response, who.get('nobody')!.reach, seq, name);
      if (forbidden) failures.push(forbidden);
      if (isWrite(route)) await expectNothingWritten(reader, before, seq, name);
    }
    expect(failures).toEqual([]);
  });
});

describe.each(USERS)('%s', (username) => {
  const reach = () => who.get(username)!.reach;

  it('reads each record kind exactly within its permissions and data scope, and lists only those', async () => {
    const failures: string[] = [];
    for (const record of fixtures.records) {
      const base = KIND_BASES.get(record.kind)!;
      const read = await send(t.app, who.get(username)!.credentials, 'GET', `${base}/${record.id}`, undefined);
      const list = await send(t.app, who.get(username)!.credentials, 'GET', `${base}?pageSize=100`, undefined);
      const listed = list.statusCode === 200 && listIds(list.json()).has(record.id);
      const label = `${record.kind}/${record.side} #${record.id}`;
      const canRead = (KIND_READ.get(record.kind) ?? []).some((p) => may(reach(), p));
      if (visible(reach(), record)) {
        if (read.statusCode !== 200) failures.push(`${label}: in scope but read → ${read.statusCode}`);
        if (!listed) failures.push(`${label}: in scope but not listed (${list.statusCode})`);
      } else {
        const expected = canRead ? [404] : [403, 404];
        if (!expected.includes(read.statusCode)) failures.push(`${label}: out of reach but read → ${read.statusCode} (expected ${expected.join('/')})`);
        if (listed) failures.push(`${label}: out of reach but listed`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('gets the same refusal for a record out of scope as for one that does not exist, on every route, and nothing is written', async () => {
    const failures: string[] = [];
    for (const { route, target, name } of targets.filter((x) => x.target.kind)) {
      for (const record of fixtures.records.filter((r) => r.kind === target.kind!.kind && !visible(reach(), r))) {
        const before = await reader.read();
        const seq = await reader.maxAuditSeq();
        const outside = await call(username, route, instance(route, target, record));
        if (isWrite(route)) await expectNothingWritten(reader, before, seq, `${username} ${name} on ${record.kind}/${record.side}`);
        const missing = await call(username, route, instance(route, target, record, 99_999_999));
        const answer = (r: LightMyRequestResponse) => `${r.statusCode} ${r.statusCode >= 400 ? r.json<{ code: string }>().code : ''}`;
        if (outside.statusCode < 400) failures.push(`${name} ${record.kind}/${record.side}: ${outside.statusCode} out of scope`);
        else if (answer(outside) !== answer(missing)) failures.push(`${name} ${record.kind}/${record.side}: out of scope ${answer(outside)} ≠ missing ${answer(missing)}`);
        // A read route on a record out of scope is 404, unless the user lacks the route's own permission (403, checked).
        const forbidden = await checkForbidden(outside, reach(), seq, `${name} ${record.kind}/${record.side}`);
        if (forbidden) failures.push(forbidden);
        if (route.method === 'GET' && ![403, 404].includes(outside.statusCode)) failures.push(`${name} ${record.kind}/${record.side}: ${outside.statusCode}, expected 404`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('never sees a record out of its reach in any answer of any read route', async () => {
    const hidden = fixtures.records.filter((r) => !visible(reach(), r) && r.marker.startsWith('ZZMARK'));
    const failures: string[] = [];
    for (const { route, target, name } of targets.filter((x) => x.route.method === 'GET')) {
      const record = target.kind ? fixtures.records.find((r) => r.kind === target.kind!.kind && visible(reach(), r)) ?? null : null;
      const response = await call(username, route, instance(route, target, record));
      expect(response.statusCode, `${name} → ${response.body.slice(0, 200)}`).toBeLessThan(500);
      const text = response.body;
      for (const leak of hidden.filter((h) => text.includes(h.marker))) failures.push(`${name} shows ${leak.kind}/${leak.side}`);
    }
    expect(failures).toEqual([]);
  });

  it('cannot create a record in an organisation out of its scope', async () => {
    const failures: string[] = [];
    for (const record of fixtures.records.filter((r) => r.create && !visible(reach(), r))) {
      const before = await reader.read();
      const seq = await reader.maxAuditSeq();
      const response = await send(t.app, who.get(username)!.credentials, 'POST', record.create!.url, { json: record.create!.body });
      if (response.statusCode < 400) failures.push(`${record.create!.url} for ${record.kind}/${record.side} → ${response.statusCode}`);
      await expectNothingWritten(reader, before, seq, `${username} creates ${record.kind}/${record.side}`);
    }
    expect(failures).toEqual([]);
  });
});

/** The ids of a list answer's rows (`items`, or the array itself). */
function listIds(value: unknown): Set<number> {
  const rows = Array.isArray(value) ? value : ((value as { items?: unknown[] }).items ?? []);
  return new Set(rows.map((row) => (row as { id?: unknown }).id).filter((id): id is number => typeof id === 'number'));
}

/**
 * A 403 must be a refusal on the record (audit `access.denied`) naming a permission the user lacks by the
 * built-in roles; an empty string when it is, else what is wrong.
 */
async function checkForbidden(response: LightMyRequestResponse, reach: Reach, seq: number, label: string): Promise<string> {
  if (response.statusCode !== 403) return '';
  const denied = await t.platform.db.selectFrom('audit_log').select('after_json').where('seq', '>', seq).where('action', '=', 'access.denied').execute();
  if (denied.length === 0) return `${label}: 403 without a recorded refusal (${response.body.slice(0, 100)})`;
  const permissions = denied.map((d) => (JSON.parse(d.after_json ?? '{}') as { permission?: string }).permission ?? '');
  const held = permissions.filter((p) => may(reach, p));
  return held.length ? `${label}: 403 for ${held.join(', ')}, which ${reach.username} holds` : '';
}
