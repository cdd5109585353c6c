import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../../test/support/http.ts';
import { memberInput, orgIdsByCode, soundMembers, userIn } from './testing.ts';

type Warning = { code: string; basis: string; message: string };
type Summary = { id: number; name: string; memberCount: number; warnings: Warning[]; townshipOrgId: number | null; guideOrgId: number | null; orgId: number | null; version: number };
type Detail = Summary & { members: { id: number; name: string; phoneMasked: string | null }[] };
type Page = { items: Summary[]; total: number };

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;
let dongchengSfs: Agent;
let shiheSfs: Agent;
let orgs: Map<string, number>;

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  orgs = await orgIdsByCode(ctx.platform);
  dongchengSfs = await userIn(ctx.app, ctx.platform, 'dc_sfs', orgs.get('dongcheng.sfs')!, 'department_staff', TEST_ADMIN_PASSWORD);
  shiheSfs = await userIn(ctx.app, ctx.platform, 'sh_sfs', orgs.get('shihe.sfs')!, 'department_staff', TEST_ADMIN_PASSWORD);
});
afterAll(async () => {
  await ctx.close();
});

const village = (overrides: Record<string, unknown> = {}) => ({
  name: '东城镇幸福村人民调解委员会', kind: 'village_resident', parentOrgId: orgs.get('dongcheng')!, establishedOn: '2011-03-01', members: soundMembers(), ...overrides,
});

async function create(agent: Agent, body: Record<string, unknown>): Promise<number> {
  const res = await agent.post<{ id: number }>('/api/mediation/committees', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const detail = async (agent: Agent, id: number) => (await agent.get<Detail>(`/api/mediation/committees/${id}`)).body;

describe('调委会 register', () => {
  it('registers a village committee under its township, guided by the township 司法所, without warnings', async () => {
    const id = await create(staff, village());
    const d = await detail(staff, id);
    expect(d).toMatchObject({ townshipOrgId: orgs.get('dongcheng'), guideOrgId: orgs.get('dongcheng.sfs'), memberCount: 3, warnings: [] });
  });

  it('warns on read when a committee has fewer than three, more than nine, or no woman member, or an overlong term', async () => {
    const few = await create(staff, village({ name: '两人调委会', members: soundMembers().slice(0, 2) }));
    const many = await create(staff, village({ name: '十人调委会', members: [...soundMembers(), ...Array.from({ length: 7 }, (_, i) => memberInput({ name: `委员${i}`, gender: 'male', role: 'member' }))] }));
    const men = await create(staff, village({ name: '无女性调委会', members: soundMembers().map((m) => ({ ...m, gender: 'male' })) }));
    const long = await create(staff, village({ name: '长任期调委会', members: [...soundMembers(), memberInput({ name: '赵长期', gender: 'male', role: 'member', termEnd: '2027-06-30' })] }));
    const list = (await staff.get<Page>('/api/mediation/committees?pageSize=100')).body.items;
    const codesOf = (id: number) => list.find((c) => c.id === id)!.warnings.map((w) => w.code);
    expect(codesOf(few)).toEqual(['too_few_members']);
    expect(codesOf(many)).toEqual(['too_many_members']);
    expect(codesOf(men)).toEqual(['no_woman_member']);
    expect(codesOf(long)).toEqual(['term_over_three_years']);
    const woman = list.find((c) => c.id === men)!.warnings[0];
    expect(woman.basis).toBe('人民调解法第八条第三款');
    expect(list.find((c) => c.id === long)!.warnings[0].message).toContain('赵长期');
  });

  it('keeps phones SM4-encrypted at rest, masked in reads and audit, whole only through the audited reveal', async () => {
    const id = await create(staff, village({ name: '电话测试调委会' }));
    const stored = await ctx.platform.db.selectFrom('mediation_committee_member').select(['phone_enc', 'phone_masked']).where('committee_id', '=', id).where('name', '=', '李秀英').executeTakeFirstOrThrow();
    expect(stored.phone_enc).not.toContain('13812345678');
    expect(ctx.platform.cipher.decrypt(stored.phone_enc!)).toBe('13812345678');
    expect(stored.phone_masked).toBe('138****5678');
    const d = await detail(staff, id);
    expect(d.members[0].phoneMasked).toBe('138****5678');
    expect(JSON.stringify(await staff.get(`/api/mediation/committees/${id}`))).not.toContain('13812345678');
    const audit = await ctx.platform.db.selectFrom('audit_log').select(['after_json']).where('action', '=', 'mediation.committee.create').where('target_id', '=', String(id)).executeTakeFirstOrThrow();
    expect(audit.after_json).toContain('138****5678');
    expect(audit.after_json).not.toContain('13812345678');
    const reveal = await staff.get<{ phone: string }>(`/api/mediation/committees/${id}/members/${d.members[0].id}/phone`);
    expect(reveal.body.phone).toBe('13812345678');
    const revealed = await ctx.platform.db.selectFrom('audit_log').select('actor_name').where('action', '=', 'mediation.committee.member.phone.reveal').where('target_id', '=', String(d.members[0].id)).execute();
    expect(revealed).toHaveLength(1);
  });

  it('updates members in one audited write, keeping an existing member\'s phone when none is sent', async () => {
    const id = await create(staff, village({ name: '换届调委会' }));
    const before = await detail(staff, id);
    const members = before.members.map((m, i) => ({ id: m.id, ...soundMembers()[i], phone: undefined }));
    const body = { ...village({ name: '换届调委会' }), version: before.version, members: [...members.slice(0, 2), memberInput({ name: '新委员', gender: 'male', role: 'member' })] };
    expect((await staff.put(`/api/mediation/committees/${id}`, body)).status).toBe(200);
    const after = await detail(staff, id);
    expect(after.members.map((m) => m.name)).toEqual(['李秀英', '张建国', '新委员']);
    expect(after.members[0]).toMatchObject({ id: before.members[0].id, phoneMasked: '138****5678' });
    expect((await staff.put(`/api/mediation/committees/${id}`, body)).status).toBe(409);
    const audits = await ctx.platform.db.selectFrom('audit_log').select('action').where('target_type', '=', 'mediation_committee').where('target_id', '=', String(id)).orderBy('seq').execute();
    expect(audits.map((a) => a.action)).toEqual(['mediation.committee.create', 'mediation.committee.update']);
  });

  it('links the committee to its node in the organisation tree, or creates one when asked', async () => {
    const linked = await create(staff, village({ name: '东城镇人民调解委员会', kind: 'township', orgId: orgs.get('dongcheng.twh') }));
    expect((await detail(staff, linked)).orgId).toBe(orgs.get('dongcheng.twh'));
    const again = await staff.post('/api/mediation/committees', village({ name: '重复', kind: 'township', orgId: orgs.get('dongcheng.twh') }));
    expect(again.status).toBe(409);
    const created = await create(staff, village({ name: '县医疗纠纷人民调解委员会', kind: 'industry', field: 'medical', parentOrgId: orgs.get('health'), createOrg: true }));
    const d = await detail(staff, created);
    const node = await ctx.platform.db.selectFrom('organization').selectAll().where('id', '=', d.orgId!).executeTakeFirstOrThrow();
    expect(node).toMatchObject({ kind: 'committee', parent_id: orgs.get('health'), name: '县医疗纠纷人民调解委员会' });
    expect(d).toMatchObject({ townshipOrgId: null, guideOrgId: null });
  });

  it('answers invalid input with 400, the field path and a Chinese message', async () => {
    const noField = await staff.post('/api/mediation/committees', village({ kind: 'industry' }));
    expect(noField.status).toBe(400);
    expect(noField.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'body.field', message: '行业性专业性调委会请选择调解领域' }] });
    const badPhone = await staff.post<{ fields: { path: string; message: string }[] }>('/api/mediation/committees', village({ members: [memberInput({ phone: '12345' })] }));
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.fields).toContainEqual({ path: 'body.members.0.phone', message: '电话号码格式不正确' });
    const badTerm = await staff.post<{ fields: { path: string; message: string }[] }>('/api/mediation/committees', village({ members: [memberInput({ termEnd: '2023-12-31' })] }));
    expect(badTerm.body.fields).toContainEqual({ path: 'body.members.0.termEnd', message: '任期届满日期不能早于任期开始日期' });
    const unknownField = await staff.post('/api/mediation/committees', village({ kind: 'industry', field: 'no_such_field' }));
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.message).toContain('调解领域');
    const noName = await staff.post<{ fields: { path: string; message: string }[] }>('/api/mediation/committees', village({ name: ' ' }));
    expect(noName.body.fields).toContainEqual({ path: 'body.name', message: '请填写调委会名称' });
  });

  it('shows a township 司法所 the committees it guides only; others read as absent', async () => {
    const dongcheng = await create(staff, village({ name: '东城镇范围调委会' }));
    const shihe = await create(staff, village({ name: '石河镇范围调委会', parentOrgId: orgs.get('shihe') }));
    const seen = (await dongchengSfs.get<Page>('/api/mediation/committees?pageSize=100')).body.items.map((c) => c.id);
    expect(seen).toContain(dongcheng);
    expect(seen).not.toContain(shihe);
    expect((await shiheSfs.get<Page>('/api/mediation/committees?pageSize=100')).body.items.map((c) => c.id)).toEqual([shihe]);
    expect((await dongchengSfs.get(`/api/mediation/committees/${shihe}`)).status).toBe(404);
    const market = await loginAs(ctx.app, 'scjg', TEST_ADMIN_PASSWORD);
    expect((await market.get<Page>('/api/mediation/committees')).body.total).toBe(0);
  });

  it('lets a 司法所 register committees of its own township only', async () => {
    const own = await dongchengSfs.post<{ id: number }>('/api/mediation/committees', village({ name: '东城镇新村调委会' }));
    expect(own.status).toBe(201);
    const other = await dongchengSfs.post('/api/mediation/committees', village({ name: '石河镇某村调委会', parentOrgId: orgs.get('shihe') }));
    expect(other.status).toBe(400);
    expect(other.body.message).toBe('所选单位超出您的数据范围');
    const shihe = (await shiheSfs.get<Page>('/api/mediation/committees')).body.items[0];
    const moved = await dongchengSfs.put(`/api/mediation/committees/${shihe.id}`, { ...village(), version: shihe.version });
    expect(moved.status).toBe(404);
  });
});
