import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../test/support/http.ts';
import { SAMPLE_INPUTS } from '../../../test/factories/litigation.ts';
import { SAMPLE_INPUTS as REVIEW_INPUTS } from '../../../test/factories/reconsideration.ts';

type Clock = { key: string; dueOn: string | null; run: string; status: string; isLate: boolean; expiryNote: { note: string } | null };
type Detail = {
  id: number; version: number; state: string; caseNo: string; clocks: Clock[];
  documents: { id: number; title: string; docNumber: string | null; url: string }[];
  abilities: { key: string }[]; fields: Record<string, unknown>; links: { relation: string; toType: string; toId: number }[];
};

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;
let marketId: number;
let justiceId: number;

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  const orgs = (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items;
  marketId = orgs.find((o) => o.code === 'market')!.id;
  justiceId = orgs.find((o) => o.code === 'justice')!.id;
});
afterAll(async () => {
  await ctx.close();
});

const clock = (detail: Detail, key: string) => detail.clocks.find((c) => c.key === key)!;
const register = (overrides: Record<string, unknown> = {}) =>
  staff.post<Detail>('/api/cases/litigation', { ...SAMPLE_INPUTS.register, defendantOrgId: marketId, ...overrides });
const act = (id: number, action: string, body: Record<string, unknown>) => staff.post<Detail>(`/api/cases/litigation/${id}/actions/${action}`, body);
const documentXml = async (url: string) => {
  const download = await staff.download(url);
  expect(download.status).toBe(200);
  return (await JSZip.loadAsync(download.buffer)).file('word/document.xml')!.async('string');
};

describe('a first-instance case across the 2024 National Day holiday', () => {
  it('computes the defence and appeal periods and issues numbered court papers', async () => {
    const created = await register();
    expect(created.status).toBe(201);
    let detail = created.body;
    expect(detail.state).toBe('defending');
    // 收到起诉状副本 2024-09-16; the 15th day, 10-01, falls in the holiday (10-01…10-07) → 10-08 (第六十七条; 解释第四十八条).
    expect(clock(detail, 'defence')).toMatchObject({ run: 'running', dueOn: '2024-10-08' });
    expect(detail.fields).toMatchObject({ defendantName: '县市场监督管理局', isAppealable: true, coDefendants: [] });
    expect(detail.links).toEqual([expect.objectContaining({ relation: 'challenges', toType: 'act' })]);

    detail = (await act(detail.id, 'submitDefence', { on: '2024-10-08', version: detail.version, ...SAMPLE_INPUTS.submitDefence })).body;
    expect(detail.state).toBe('trial');
    expect(clock(detail, 'defence')).toMatchObject({ run: 'stopped', dueOn: '2024-10-08', isLate: false });

    const heard = await act(detail.id, 'recordHearing', { version: detail.version, ...SAMPLE_INPUTS.recordHearing });
    expect(heard.status).toBe(200);
    detail = heard.body;
    expect(detail.fields).toMatchObject({ isHeadAttended: true, hearings: [expect.objectContaining({ hearingOn: '2024-10-31', head: expect.objectContaining({ name: '王副局长' }) })] });

    detail = (await act(detail.id, 'recordJudgment', { version: detail.version, ...SAMPLE_INPUTS.recordJudgment })).body;
    expect(detail.state).toBe('judged');
    // Served 2024-11-29 (Fri) + 15 = 12-14 (Sat) → 12-16 (Mon) (第八十五条).
    expect(clock(detail, 'appeal')).toMatchObject({ run: 'running', dueOn: '2024-12-16' });
    expect(detail.abilities.map((a) => a.key)).toEqual(['fileAppeal', 'closeAsFinal', 'recordOtherRuling']);

    const early = await act(detail.id, 'closeAsFinal', { version: detail.version, effectiveOn: '2024-12-16' });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    detail = (await act(detail.id, 'closeAsFinal', { version: detail.version, effectiveOn: '2024-12-17' })).body;
    expect(detail.state).toBe('closed');
    expect(clock(detail, 'appeal').run).toBe('stopped');

    expect(detail.documents.map((d) => [d.title, d.docNumber])).toEqual([
      ['行政诉讼答辩状', '诉答〔2024〕1号'],
      ['行政机关负责人出庭应诉身份证明书', '诉身〔2024〕1号'],
      ['出庭应诉授权委托书', '诉委〔2024〕1号'],
    ]);
    const defence = await documentXml(detail.documents[0].url);
    for (const text of ['行政诉讼答辩状', '诉答〔2024〕1号', '县市场监督管理局', '第六十七条第一款', '现场检查笔录', '示例县人民法院']) expect(defence).toContain(text);
    const identity = await documentXml(detail.documents[1].url);
    expect(identity).toContain('参与分管被诉行政行为实施工作的副职级别的负责人');
    const authorization = await documentXml(detail.documents[2].url);
    for (const text of ['授权委托书', '赵科长', '法规股股长', '代理权限']) expect(authorization).toContain(text);
  });
});

describe('rulings, appeals and the next instance', () => {
  it('starts a 10-day appeal period on a served ruling and links the second instance to the first', async () => {
    let detail = (await register({ receivedOn: '2024-12-02', courtCaseNo: '（2024）川1724行初30号' })).body;
    detail = (await act(detail.id, 'recordRuling', { version: detail.version, kind: 'dismissSuit', servedOn: '2024-12-18' })).body;
    expect(detail.state).toBe('ruled');
    // Served 2024-12-18 + 10 = 12-28 (Sat) → 12-30 (Mon) (第八十五条).
    expect(clock(detail, 'appeal')).toMatchObject({ run: 'running', dueOn: '2024-12-30' });
    const late = await act(detail.id, 'fileAppeal', { version: detail.version, appellant: 'defendant', filedOn: '2024-12-31' });
    expect(late.status).toBe(400);
    detail = (await act(detail.id, 'fileAppeal', { version: detail.version, appellant: 'defendant', filedOn: '2024-12-30' })).body;
    expect(detail.state).toBe('appealed');
    expect(clock(detail, 'appeal')).toMatchObject({ run: 'stopped', isLate: false });
    expect(clock(detail, 'defence').run).toBe('stopped');

    const second = await register({ receivedOn: '2025-01-10', courtCaseNo: '（2025）川17行终5号', court: '示例市中级人民法院', instance: 'second', previousCaseId: detail.id });
    expect(second.status).toBe(201);
    expect(second.body.links).toEqual(expect.arrayContaining([expect.objectContaining({ relation: 'appeal_of', toType: 'case', toId: detail.id })]));
    let appeal = (await act(second.body.id, 'submitDefence', { on: '2025-01-20', version: second.body.version, ...SAMPLE_INPUTS.submitDefence })).body;
    expect(appeal.abilities.map((a) => a.key)).toContain('recordFinalDecision');
    expect(appeal.abilities.map((a) => a.key)).not.toContain('recordJudgment');
    appeal = (await act(appeal.id, 'recordFinalDecision', { version: appeal.version, form: 'ruling', outcome: 'upholdOriginal', servedOn: '2025-03-03' })).body;
    expect(appeal.state).toBe('closed');
  });

  it('closes a withdrawn case without leaving the defence period running', async () => {
    let detail = (await register({ receivedOn: '2024-11-04', courtCaseNo: '（2024）川1724行初25号' })).body;
    detail = (await act(detail.id, 'withdraw', { version: detail.version, servedOn: '2024-11-12', isAfterActChanged: true, actChange: '被告撤销原处罚决定' })).body;
    expect(detail.state).toBe('withdrawn');
    expect(clock(detail, 'defence').run).toBe('stopped');
    expect(detail.abilities).toEqual([]);
  });
});

describe('co-defendant after an upheld reconsideration (行政诉讼法第二十六条第二款)', () => {
  it('marks the review body as co-defendant and links the reconsideration case', async () => {
    let review = (await staff.post<Detail>('/api/cases/reconsideration', { ...REVIEW_INPUTS.register, receivedOn: '2024-08-01', respondentOrgId: marketId })).body;
    review = (await staff.post<Detail>(`/api/cases/reconsideration/${review.id}/actions/accept`, { on: '2024-08-02', version: review.version, procedureType: 'ordinary' })).body;
    const decided = await staff.post<Detail>(`/api/cases/reconsideration/${review.id}/actions/decide`, { on: '2024-08-30', version: review.version, decision: 'uphold', facts: '查明', reasoning: '认为' });
    expect(decided.body.state).toBe('decided');

    const created = await register({ receivedOn: '2024-09-20', courtCaseNo: '（2024）川1724行初15号', reconsiderationCaseId: review.id });
    expect(created.status).toBe(201);
    expect(created.body.fields.coDefendants).toEqual([expect.objectContaining({ id: justiceId, name: '县司法局', isReviewBody: true })]);
    expect(created.body.fields.reconsideration).toMatchObject({ caseId: review.id, decision: 'uphold', reviewBodyRole: 'co_defendant' });
    expect(created.body.links).toEqual(expect.arrayContaining([
      expect.objectContaining({ relation: 'after_reconsideration', toType: 'case', toId: review.id }),
      expect.objectContaining({ relation: 'challenges', toType: 'act' }),
    ]));

    const missing = await register({ reconsiderationCaseId: 999999 });
    expect(missing.status).toBe(400);
  });
});

describe('负责人出庭 (行政诉讼法第三条第三款)', () => {
  it('refuses a lawyer alone, and records an absent head with the statement and the authorisation', async () => {
    let detail = (await register({ receivedOn: '2024-10-09', courtCaseNo: '（2024）川1724行初20号' })).body;
    detail = (await act(detail.id, 'submitDefence', { on: '2024-10-15', version: detail.version, ...SAMPLE_INPUTS.submitDefence })).body;
    const absent = { version: detail.version, hearingOn: '2024-11-20', isHeadPresent: false, absenceReason: '需要履行他人不能代替的公务', absenceDetail: '参加县防汛抗旱紧急会议' };
    const lawyerOnly = await act(detail.id, 'recordHearing', { ...absent, lawyers: [{ name: '钱律师', firm: '四川某律师事务所' }] });
    expect(lawyerOnly.status).toBe(400);
    expect(lawyerOnly.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('不得仅委托律师出庭') });
    const unchanged = await ctx.platform.db.selectFrom('proc_case').select('version').where('id', '=', detail.id).executeTakeFirstOrThrow();
    expect(unchanged.version).toBe(detail.version);

    const heard = await act(detail.id, 'recordHearing', { ...absent, staff: [{ name: '赵科长', position: '法规股股长' }], lawyers: [{ name: '钱律师', firm: '四川某律师事务所' }] });
    expect(heard.status).toBe(200);
    expect(heard.body.fields).toMatchObject({ isHeadAttended: false });
    const issued = heard.body.documents.map((d) => d.title);
    expect(issued).toEqual(['行政诉讼答辩状', '行政机关负责人不能出庭应诉情况说明', '出庭应诉授权委托书']);
    expect(heard.body.documents.every((d) => /^诉.〔2024〕\d+号$/.test(d.docNumber ?? ''))).toBe(true);
    const statement = await documentXml(heard.body.documents[1].url);
    for (const text of ['需要履行他人不能代替的公务', '参加县防汛抗旱紧急会议', '第八条、第九条', '赵科长']) expect(statement).toContain(text);
  });

  it('hides the case from a department outside the scope and masks the plaintiff’s ID for the leader', async () => {
    const detail = (await register({ receivedOn: '2024-11-05', courtCaseNo: '（2024）川1724行初26号' })).body;
    const market = await loginAs(ctx.app, 'scjg', TEST_ADMIN_PASSWORD);
    expect((await market.get(`/api/cases/litigation/${detail.id}`)).status).toBe(404);
    const leader = await loginAs(ctx.app, 'leader', TEST_ADMIN_PASSWORD);
    const seen = await leader.get<Detail>(`/api/cases/litigation/${detail.id}`);
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.body.fields)).not.toContain('11010519491231002X');
    expect(seen.body.abilities).toEqual([]);
  });
});
