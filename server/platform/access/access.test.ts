import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/platform.ts';
import { loginAs } from '../../../test/support/http.ts';

/**
 * Roles × data scopes over organisations and users. Each scope gets a user in 县司法局 (which has three
 * offices below it); the matrix says which organisations each must see. Out of scope reads are 404.
 */
const PASSWORD = 'Demo@2024pass';
let ctx: Awaited<ReturnType<typeof createTestApp>>;
let orgByCode: Map<string, number>;
const agents = new Map<string, Awaited<ReturnType<typeof loginAs>>>();

beforeAll(async () => {
  ctx = await createTestApp({ seed: true, adminPassword: PASSWORD });
  const admin = await loginAs(ctx.app, 'admin', PASSWORD);
  agents.set('admin', admin);
  const orgs = (await admin.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items;
  orgByCode = new Map(orgs.map((o) => [o.code, o.id]));
  const scopes = [
    { key: 'reader_self', scope: 'self', scopeOrgIds: [] },
    { key: 'reader_org', scope: 'org', scopeOrgIds: [] },
    { key: 'reader_below', scope: 'org_and_below', scopeOrgIds: [] },
    { key: 'reader_custom', scope: 'custom', scopeOrgIds: [orgByCode.get('natres')!, orgByCode.get('shihe')!] },
    { key: 'reader_all', scope: 'all', scopeOrgIds: [] },
  ];
  for (const s of scopes) {
    const role = await admin.post<{ id: number }>('/api/roles', { key: s.key, name: s.key, permissions: ['org.read', 'user.read'], dataScope: s.scope, scopeOrgIds: s.scopeOrgIds });
    expect(role.status).toBe(201);
    const user = await admin.post<{ id: number }>('/api/users', {
      username: s.key, displayName: s.key, password: PASSWORD, orgIds: [orgByCode.get('justice')!], roleIds: [role.body.id],
    });
    expect(user.status).toBe(201);
    // Administrator-set passwords must be changed first; do it so the matrix can run.
    const first = await loginAs(ctx.app, s.key, PASSWORD);
    expect((await first.post('/api/auth/password', { oldPassword: PASSWORD, newPassword: `${PASSWORD}!` })).status).toBe(200);
    agents.set(s.key, await loginAs(ctx.app, s.key, `${PASSWORD}!`));
  }
  for (const demo of ['fzb', 'scjg', 'leader']) agents.set(demo, await loginAs(ctx.app, demo, PASSWORD));
});

afterAll(async () => {
  await ctx.close();
});

const justiceTree = ['justice', 'justice.fzdc', 'justice.xzfy', 'justice.rmtj'];
const shiheTree = ['shihe', 'shihe.sfs', 'shihe.twh'];

// Which organisation codes each user must see; null = all of them.
const EXPECTED_ORGS: Record<string, string[] | null> = {
  reader_self: [],
  reader_org: ['justice'],
  reader_below: justiceTree,
  reader_custom: ['natres', ...shiheTree],
  reader_all: null,
  admin: null,
  fzb: null,
  leader: null,
  scjg: ['market'],
};

describe('organisation scope', () => {
  for (const [user, expected] of Object.entries(EXPECTED_ORGS)) {
    it(`${user} lists exactly the organisations in scope and gets 404 outside it`, async () => {
      const agent = agents.get(user)!;
      const listed = (await agent.get<{ items: { code: string }[] }>('/api/orgs')).body.items.map((o) => o.code).sort();
      const all = [...orgByCode.keys()].sort();
      expect(listed).toEqual(expected === null ? all : [...expected].sort());
      for (const code of all) {
        const res = await agent.get(`/api/orgs/${orgByCode.get(code)}`);
        const isVisible = expected === null || expected.includes(code);
        expect(res.status, `${user} → ${code}`).toBe(isVisible ? 200 : 404);
      }
    });
  }
});

describe('organisation names for pickers', () => {
  it('lists every enabled organisation to any signed-in user, with names only', async () => {
    const names = (await agents.get('scjg')!.get<{ items: { id: number; name: string; code?: string }[] }>('/api/orgs/options')).body.items;
    expect(names).toHaveLength(orgByCode.size);
    expect(names[0]).not.toHaveProperty('code');
  });
});

describe('user scope', () => {
  it('lets a 本部门 user see colleagues of the department but not other departments', async () => {
    const agent = agents.get('scjg')!;
    const listed = (await agent.get<{ items: { username: string }[] }>('/api/users?pageSize=100')).body.items.map((u) => u.username);
    expect(listed).toEqual(['scjg']);
    const admin = agents.get('admin')!;
    const all = (await admin.get<{ items: { id: number; username: string }[] }>('/api/users?pageSize=100')).body.items;
    const fzb = all.find((u) => u.username === 'fzb')!;
    expect((await agent.get(`/api/users/${fzb.id}`)).status).toBe(404);
  });

  it('lets a 本人 user see only themself', async () => {
    const agent = agents.get('reader_self')!;
    const listed = (await agent.get<{ items: { username: string }[] }>('/api/users?pageSize=100')).body.items.map((u) => u.username);
    expect(listed).toEqual(['reader_self']);
  });

  it('lets a 本部门及下级 user see the department and its offices', async () => {
    const admin = agents.get('admin')!;
    const office = orgByCode.get('justice.xzfy')!;
    const created = await admin.post<{ id: number }>('/api/users', { username: 'xzfy_clerk', displayName: '复议股科员', password: PASSWORD, orgIds: [office], roleIds: [] });
    expect(created.status).toBe(201);
    expect((await agents.get('reader_below')!.get(`/api/users/${created.body.id}`)).status).toBe(200);
    expect((await agents.get('reader_org')!.get(`/api/users/${created.body.id}`)).status).toBe(404);
    expect((await agents.get('reader_custom')!.get(`/api/users/${created.body.id}`)).status).toBe(404);
  });

  it('masks phone numbers in lists and audits the reveal', async () => {
    const admin = agents.get('admin')!;
    const created = await admin.post<{ id: number }>('/api/users', {
      username: 'phone_user', displayName: '有电话', password: PASSWORD, phone: '13812345678', orgIds: [orgByCode.get('edu')!], roleIds: [],
    });
    const detail = await admin.get(`/api/users/${created.body.id}`);
    expect(detail.body.phoneMasked).toBe('138****5678');
    expect(JSON.stringify(detail.body)).not.toContain('13812345678');
    const row = await ctx.platform.db.selectFrom('app_user').select(['phone_enc']).where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(row.phone_enc).not.toContain('13812345678');
    const revealed = await admin.get(`/api/users/${created.body.id}/phone`);
    expect(revealed.body.phone).toBe('13812345678');
    const audit = await ctx.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.phone.view').execute();
    expect(audit.map((a) => a.target_id)).toContain(String(created.body.id));
    expect(audit.map((a) => `${a.before_json}${a.after_json}`).join('')).not.toContain('13812345678');
  });
});

describe('permissions', () => {
  it('refuses writes without the permission with 403 and records the refusal', async () => {
    for (const user of ['leader', 'fzb', 'scjg', 'reader_all']) {
      const res = await agents.get(user)!.post('/api/orgs', { parentId: null, name: '越权机构', kind: 'department', code: `x-${user}` });
      expect(res.status, user).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    const denied = await ctx.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'access.denied').execute();
    expect(denied.length).toBeGreaterThanOrEqual(4);
    expect(await ctx.platform.db.selectFrom('organization').select('id').where('code', 'like', 'x-%').execute()).toHaveLength(0);
  });

  it('does not let a department manager hand out roles above their own', async () => {
    const admin = agents.get('admin')!;
    const role = await admin.post<{ id: number }>('/api/roles', { key: 'dept_admin', name: '部门管理员', permissions: ['org.read', 'user.read', 'user.manage'], dataScope: 'org', scopeOrgIds: [] });
    const user = await admin.post<{ id: number }>('/api/users', { username: 'dept_admin', displayName: '部门管理员', password: PASSWORD, orgIds: [orgByCode.get('edu')!], roleIds: [role.body.id] });
    expect(user.status).toBe(201);
    const first = await loginAs(ctx.app, 'dept_admin', PASSWORD);
    await first.post('/api/auth/password', { oldPassword: PASSWORD, newPassword: `${PASSWORD}!` });
    const manager = await loginAs(ctx.app, 'dept_admin', `${PASSWORD}!`);
    const roles = (await admin.get<{ items: { id: number; key: string }[] }>('/api/roles')).body.items;
    const adminRole = roles.find((r) => r.key === 'admin')!;
    const escalate = await manager.post('/api/users', { username: 'sneaky', displayName: 'x', password: PASSWORD, orgIds: [orgByCode.get('edu')!], roleIds: [adminRole.id] });
    expect(escalate.status).toBe(403);
    const elsewhere = await manager.post('/api/users', { username: 'sneaky2', displayName: 'x', password: PASSWORD, orgIds: [orgByCode.get('market')!], roleIds: [] });
    expect(elsewhere.status).toBe(400);
    const fine = await manager.post('/api/users', { username: 'teacher', displayName: '教育局科员', password: PASSWORD, orgIds: [orgByCode.get('edu')!], roleIds: [] });
    expect(fine.status).toBe(201);
  });
});
