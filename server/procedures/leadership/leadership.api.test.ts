import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../test/support/http.ts';

type Item = { id: number; orgId: number; orgName: string; heldOn: string; version: number; isVoided: boolean; voidReason: string | null } & Record<string, unknown>;
type Page = { items: Item[]; total: number };
type Failure = { code: string; message: string; fields: { path: string; message: string }[] };

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;
let market: Agent;
let leader: Agent;
let orgs: Map<string, number>;

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  market = await loginAs(ctx.app, 'scjg', TEST_ADMIN_PASSWORD);
  leader = await loginAs(ctx.app, 'leader', TEST_ADMIN_PASSWORD);
  const rows = await ctx.platform.db.selectFrom('organization').select(['id', 'code']).execute();
  orgs = new Map(rows.map((r) => [r.code, r.id]));
});
afterAll(async () => {
  await ctx.close();
});

const study = (overrides: Record<string, unknown> = {}) => ({
  orgId: orgs.get('county'), heldOn: '2024-03-12', meeting: '县政府第5次常务会议', topics: '学习统计法律制度和食品安全监管要求',
  laws: ['《中华人民共和国统计法》', '中华人民共和国食品安全法'], presenter: '县司法局局长', ...overrides,
});
const report = (overrides: Record<string, unknown> = {}) => ({
  orgId: orgs.get('market'), heldOn: '2024-12-20', leaderName: '李局长', position: '县市场监督管理局局长', form: 'on_site',
  occasion: '2024年度党政主要负责人述法会', comments: '履职到位', ...overrides,
});
const oath = (overrides: Record<string, unknown> = {}) => ({
  orgId: orgs.get('county'), heldOn: '2024-01-15', place: '县人大常委会会议室', organiser: '县人大常委会', swornCount: 3,
  names: ['张一', '王二'], ...overrides,
});
const training = (overrides: Record<string, unknown> = {}) => ({
  orgId: orgs.get('justice'), heldOn: '2024-05-08', title: '行政执法人员法律知识培训', audience: 'enforcement_officers',
  hours: 3.5, participantCount: 120, organiser: '县司法局', ...overrides,
});

async function create(agent: Agent, register: string, body: Record<string, unknown>): Promise<Item> {
  const res = await agent.post<Item>(`/api/leadership/${register}`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const list = async (agent: Agent, path: string) => (await agent.get<Page>(path)).body;

describe('会前学法 register', () => {
  it('records a study session with its laws and finds it by period, organisation subtree and keyword', async () => {
    const created = await create(staff, 'study-sessions', study());
    expect(created).toMatchObject({
      orgId: orgs.get('county'), orgName: '示例县人民政府', heldOn: '2024-03-12', version: 1, isVoided: false,
      laws: ['中华人民共和国统计法', '中华人民共和国食品安全法'], presenter: '县司法局局长',
    });
    const other = await create(staff, 'study-sessions', study({ orgId: orgs.get('dongcheng'), heldOn: '2023-11-02', meeting: '东城镇党委会', laws: ['中华人民共和国土地管理法'], presenter: '' }));
    expect(other.presenter).toBeNull();

    const inYear = await list(staff, '/api/leadership/study-sessions?from=2024-01-01&to=2024-12-31');
    expect(inYear.items.map((r) => r.id)).toContain(created.id);
    expect(inYear.items.map((r) => r.id)).not.toContain(other.id);
    const township = await list(staff, `/api/leadership/study-sessions?orgTree=${orgs.get('dongcheng')}`);
    expect(township.items.map((r) => r.id)).toEqual([other.id]);
    // The county's subtree holds every organisation, so both records are under it.
    expect((await list(staff, `/api/leadership/study-sessions?orgTree=${orgs.get('county')}`)).total).toBeGreaterThanOrEqual(2);
    expect((await list(staff, '/api/leadership/study-sessions?q=食品安全法')).items.map((r) => r.id)).toContain(created.id);
    expect((await list(staff, '/api/leadership/study-sessions?q=土地管理')).items.map((r) => r.id)).toEqual([other.id]);
    expect((await staff.get<Item>(`/api/leadership/study-sessions/${created.id}`)).body.meeting).toBe('县政府第5次常务会议');
  });

  it('answers invalid input with 400, the field path and a Chinese message', async () => {
    const noLaws = await staff.post<Failure>('/api/leadership/study-sessions', study({ laws: [] }));
    expect(noLaws.status).toBe(400);
    expect(noLaws.body.code).toBe('VALIDATION_FAILED');
    expect(noLaws.body.fields).toContainEqual({ path: 'body.laws', message: '请至少填写一部所学法律法规' });
    const blankLaw = await staff.post<Failure>('/api/leadership/study-sessions', study({ laws: ['《》'] }));
    expect(blankLaw.body.fields).toContainEqual({ path: 'body.laws.0', message: '请填写法律法规名称' });
    const future = await staff.post<Failure>('/api/leadership/study-sessions', study({ heldOn: '2999-01-01' }));
    expect(future.body.fields).toContainEqual({ path: 'body.heldOn', message: '学法日期不能晚于今天' });
    const noMeeting = await staff.post<Failure>('/api/leadership/study-sessions', study({ meeting: '  ' }));
    expect(noMeeting.body.fields).toContainEqual({ path: 'body.meeting', message: '请填写会议名称' });
    const badDate = await staff.post<Failure>('/api/leadership/study-sessions', study({ heldOn: '2024-02-30' }));
    expect(badDate.body.fields).toContainEqual({ path: 'body.heldOn', message: '日期无效' });
    const badOrg = await staff.post<Failure>('/api/leadership/study-sessions', study({ orgId: 999999 }));
    expect(badOrg.status).toBe(400);
    expect(badOrg.body.message).toBe('所属单位不存在');
    const badPeriod = await staff.get<Failure>('/api/leadership/study-sessions?from=2024-12-31&to=2024-01-01');
    expect(badPeriod.body.fields).toContainEqual({ path: 'querystring.to', message: '结束日期不能早于开始日期' });
  });

  it('updates with the version the caller saw, refuses a stale version with CONFLICT, and audits each write', async () => {
    const created = await create(staff, 'study-sessions', study({ meeting: '县政府第8次常务会议' }));
    const body = { ...study({ meeting: '县政府第8次常务会议', topics: '学习公共法律服务相关规定', laws: ['公共法律服务体系建设规划'] }), version: created.version };
    const updated = await staff.put<Item>(`/api/leadership/study-sessions/${created.id}`, body);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, topics: '学习公共法律服务相关规定', laws: ['公共法律服务体系建设规划'] });
    const stale = await staff.put<Failure>(`/api/leadership/study-sessions/${created.id}`, body);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
    const audits = await ctx.platform.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json'])
      .where('target_type', '=', 'leader_study_session').where('target_id', '=', String(created.id)).orderBy('seq').execute();
    expect(audits.map((a) => a.action)).toEqual(['leadership.study_session.create', 'leadership.study_session.update']);
    expect(audits[1].before_json).toContain('县政府第8次常务会议');
    expect(audits[1].after_json).toContain('公共法律服务体系建设规划');
  });

  it('voids a record with a reason: kept and audited, gone from lists unless asked, closed to edits', async () => {
    const created = await create(staff, 'study-sessions', study({ meeting: '误登记的会议', heldOn: '2024-06-01' }));
    const noReason = await staff.post<Failure>(`/api/leadership/study-sessions/${created.id}/void`, { reason: '', version: 1 });
    expect(noReason.body.fields).toContainEqual({ path: 'body.reason', message: '请填写作废原因' });
    const voided = await staff.post<Item>(`/api/leadership/study-sessions/${created.id}/void`, { reason: '重复登记', version: 1 });
    expect(voided.body).toMatchObject({ isVoided: true, voidReason: '重复登记', version: 2 });
    expect((await list(staff, '/api/leadership/study-sessions?q=误登记')).total).toBe(0);
    expect((await list(staff, '/api/leadership/study-sessions?q=误登记&includeVoided=true')).total).toBe(1);
    const edit = await staff.put<Failure>(`/api/leadership/study-sessions/${created.id}`, { ...study(), version: 2 });
    expect(edit.status).toBe(409);
    expect(edit.body.message).toBe('该会前学法记录已作废，不能再修改');
    const audit = await ctx.platform.db.selectFrom('audit_log').select('after_json').where('action', '=', 'leadership.study_session.void').where('target_id', '=', String(created.id)).executeTakeFirstOrThrow();
    expect(audit.after_json).toContain('重复登记');
  });

  it('offers no delete', async () => {
    const created = await create(staff, 'study-sessions', study());
    expect((await staff.delete(`/api/leadership/study-sessions/${created.id}`)).status).toBe(404);
    expect((await staff.get(`/api/leadership/study-sessions/${created.id}`)).status).toBe(200);
  });
});

describe('data scope', () => {
  it('lets a department keep its own records only; others read as absent', async () => {
    const own = await create(market, 'study-sessions', study({ orgId: orgs.get('market'), meeting: '县市场监管局党组会' }));
    const health = await create(staff, 'study-sessions', study({ orgId: orgs.get('health'), meeting: '县卫健局党组会' }));
    const outside = await market.post<Failure>('/api/leadership/study-sessions', study({ orgId: orgs.get('health') }));
    expect(outside.status).toBe(400);
    expect(outside.body.message).toBe('所选单位超出您的数据范围');
    const seen = (await list(market, '/api/leadership/study-sessions?pageSize=100')).items;
    expect(seen.map((r) => r.id)).toContain(own.id);
    expect(seen.every((r) => r.orgId === orgs.get('market'))).toBe(true);
    expect((await market.get(`/api/leadership/study-sessions/${health.id}`)).status).toBe(404);
    expect((await market.put(`/api/leadership/study-sessions/${health.id}`, { ...study({ orgId: orgs.get('market') }), version: 1 })).status).toBe(404);
    expect((await market.post(`/api/leadership/study-sessions/${health.id}/void`, { reason: '试图作废', version: 1 })).status).toBe(404);
    // A record of its own may not be moved to another organisation.
    const moved = await market.put<Failure>(`/api/leadership/study-sessions/${own.id}`, { ...study({ orgId: orgs.get('health') }), version: own.version });
    expect(moved.status).toBe(400);
  });

  it('lets a county leader read every register but write none', async () => {
    const created = await create(staff, 'oaths', oath());
    expect((await leader.get(`/api/leadership/oaths/${created.id}`)).status).toBe(200);
    expect((await leader.post('/api/leadership/oaths', oath())).status).toBe(403);
  });
});

describe('述法, 宪法宣誓 and 学法培训 registers', () => {
  it('records law reports and filters them by form', async () => {
    const onSite = await create(staff, 'law-reports', report());
    const written = await create(staff, 'law-reports', report({ leaderName: '王镇长', position: '东城镇镇长', orgId: orgs.get('dongcheng'), form: 'written', occasion: null, comments: '' }));
    expect(onSite).toMatchObject({ form: 'on_site', formLabel: '现场述法', orgName: '县市场监督管理局' });
    expect(written).toMatchObject({ formLabel: '书面述法', occasion: null, comments: null });
    const onSiteOnly = await list(staff, '/api/leadership/law-reports?form=on_site&from=2024-01-01&to=2024-12-31');
    expect(onSiteOnly.items.map((r) => r.id)).toContain(onSite.id);
    expect(onSiteOnly.items.map((r) => r.id)).not.toContain(written.id);
    const badForm = await staff.post<Failure>('/api/leadership/law-reports', report({ form: 'oral' }));
    expect(badForm.body.fields).toContainEqual({ path: 'body.form', message: '请选择述法形式（现场述法或书面述法）' });
    expect((await staff.get('/api/leadership/law-reports?form=oral')).status).toBe(400);
  });

  it('records an oath ceremony with the legal basis by default and checks the names against the count', async () => {
    const created = await create(staff, 'oaths', oath());
    expect(created).toMatchObject({ swornCount: 3, names: ['张一', '王二'] });
    expect(created.basis).toContain('关于实行宪法宣誓制度的决定');
    const tooMany = await staff.post<Failure>('/api/leadership/oaths', oath({ swornCount: 1 }));
    expect(tooMany.body.fields).toContainEqual({ path: 'body.names', message: '宣誓人名单有2人，多于宣誓人数' });
    const nobody = await staff.post<Failure>('/api/leadership/oaths', oath({ swornCount: 0, names: [] }));
    expect(nobody.body.fields).toContainEqual({ path: 'body.swornCount', message: '宣誓人数至少为1' });
  });

  it('records trainings by audience and filters them', async () => {
    const enforcement = await create(staff, 'trainings', training());
    const cadres = await create(staff, 'trainings', training({ audience: 'leading_cadres', title: '领导干部学法讲座', participantCount: 40 }));
    expect(enforcement).toMatchObject({ audienceLabel: '行政执法人员', hours: 3.5, participantCount: 120 });
    const only = await list(staff, '/api/leadership/trainings?audience=enforcement_officers');
    expect(only.items.map((r) => r.id)).toContain(enforcement.id);
    expect(only.items.map((r) => r.id)).not.toContain(cadres.id);
    const bad = await staff.post<Failure>('/api/leadership/trainings', training({ audience: 'everyone', hours: 0, participantCount: 0 }));
    expect(bad.body.fields).toEqual(expect.arrayContaining([
      { path: 'body.audience', message: '请选择培训对象' },
      { path: 'body.hours', message: '培训学时应大于0' },
      { path: 'body.participantCount', message: '参训人数至少为1' },
    ]));
  });
});
