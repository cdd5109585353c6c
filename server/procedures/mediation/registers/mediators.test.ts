import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../../test/support/http.ts';
import { orgIdsByCode, soundMembers, userIn } from './testing.ts';

type Mediator = { id: number; name: string; committeeName: string; trainingCount: number; trainingHours: number; lastTrainedOn: string | null; version: number };
type MediatorDetail = Mediator & { trainings: { id: number; trainedOn: string; hours: number; topic: string }[] };

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;
let shiheSfs: Agent;
let dongchengCommittee: number;

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  const orgs = await orgIdsByCode(ctx.platform);
  shiheSfs = await userIn(ctx.app, ctx.platform, 'sh_sfs', orgs.get('shihe.sfs')!, 'department_staff', TEST_ADMIN_PASSWORD);
  const res = await staff.post<{ id: number }>('/api/mediation/committees', {
    name: '东城镇幸福村人民调解委员会', kind: 'village_resident', parentOrgId: orgs.get('dongcheng'), members: soundMembers(),
  });
  dongchengCommittee = res.body.id;
});
afterAll(async () => {
  await ctx.close();
});

const mediator = (overrides: Record<string, unknown> = {}) => ({
  committeeId: dongchengCommittee, name: '陈调解', gender: 'female', employment: 'full_time', isCommitteeMember: false, qualification: '法律职业资格', ...overrides,
});

describe('人民调解员 register', () => {
  it('records mediators with training records and totals their hours', async () => {
    const { id } = (await staff.post<{ id: number }>('/api/mediation/mediators', mediator())).body;
    expect((await staff.post(`/api/mediation/mediators/${id}/trainings`, { trainedOn: '2024-05-10', hours: 4, topic: '人民调解法与调解技巧', organiser: '县司法局' })).status).toBe(201);
    expect((await staff.post(`/api/mediation/mediators/${id}/trainings`, { trainedOn: '2024-11-02', hours: 2.5, topic: '民法典婚姻家庭编', organiser: '县人民法院' })).status).toBe(201);
    const d = (await staff.get<MediatorDetail>(`/api/mediation/mediators/${id}`)).body;
    expect(d).toMatchObject({ committeeName: '东城镇幸福村人民调解委员会', trainingCount: 2, trainingHours: 6.5, lastTrainedOn: '2024-11-02' });
    expect(d.trainings.map((t) => t.hours)).toEqual([2.5, 4]);
    const list = (await staff.get<{ items: Mediator[] }>(`/api/mediation/mediators?committeeId=${dongchengCommittee}`)).body.items;
    expect(list.find((m) => m.id === id)?.trainingHours).toBe(6.5);
    expect((await staff.delete(`/api/mediation/mediators/${id}/trainings/${d.trainings[0].id}`)).status).toBe(200);
    const actions = await ctx.platform.db.selectFrom('audit_log').select('action').where('target_type', '=', 'mediator').where('target_id', '=', String(id)).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['mediation.mediator.create', 'mediation.mediator.training.add', 'mediation.mediator.training.add', 'mediation.mediator.training.remove']);
  });

  it('updates with the version seen and refuses a stale one', async () => {
    const { id } = (await staff.post<{ id: number }>('/api/mediation/mediators', mediator({ name: '刘兼职', employment: 'part_time' }))).body;
    expect((await staff.put(`/api/mediation/mediators/${id}`, { ...mediator({ name: '刘兼职', employment: 'full_time' }), version: 1 })).status).toBe(200);
    expect((await staff.put(`/api/mediation/mediators/${id}`, { ...mediator({ name: '刘兼职' }), version: 1 })).status).toBe(409);
  });

  it('validates input in Chinese', async () => {
    const res = await staff.post<{ fields: { path: string; message: string }[] }>('/api/mediation/mediators', mediator({ employment: 'volunteer', name: '' }));
    expect(res.status).toBe(400);
    expect(res.body.fields).toContainEqual({ path: 'body.employment', message: '请选择专职或兼职' });
    expect(res.body.fields).toContainEqual({ path: 'body.name', message: '请填写姓名' });
    const training = await staff.post<{ fields: { path: string; message: string }[] }>('/api/mediation/mediators/1/trainings', { trainedOn: '2999-01-01', hours: 0, topic: '培训', organiser: '县司法局' });
    expect(training.body.fields).toContainEqual({ path: 'body.trainedOn', message: '培训日期不能晚于今天' });
    expect(training.body.fields).toContainEqual({ path: 'body.hours', message: '学时应大于0' });
  });

  it('keeps mediators of other townships out of a 司法所\'s reach', async () => {
    const { id } = (await staff.post<{ id: number }>('/api/mediation/mediators', mediator({ name: '周某' }))).body;
    expect((await shiheSfs.get<{ total: number }>('/api/mediation/mediators')).body.total).toBe(0);
    expect((await shiheSfs.get(`/api/mediation/mediators/${id}`)).status).toBe(404);
    expect((await shiheSfs.post(`/api/mediation/mediators/${id}/trainings`, { trainedOn: '2024-05-10', hours: 1, topic: '培训', organiser: '县司法局' })).status).toBe(404);
    const foreign = await shiheSfs.post('/api/mediation/mediators', mediator({ name: '越权' }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toBe('所选调委会不存在或超出您的数据范围');
  });
});
