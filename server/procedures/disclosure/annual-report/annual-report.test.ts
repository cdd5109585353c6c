import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../../test/support/http.ts';
import { DISCLOSURE_SAMPLES } from '../../../../test/factories/disclosure.ts';
import { loadPrincipal } from '../../../platform/auth/principal.ts';
import { collectDeadlines } from '../../../platform/deadlines/collect.ts';
import { ANSWER_OUTCOME_KEYS, APPLICANT_TYPES, OUTCOMES, type ApplicantType } from '../outcomes.ts';

type Detail = { id: number; version: number };
type Deadline = { sourceId: string; orgId: number; orgName: string; year: number; deadline: string; isDone: boolean; doneOn: string | null; note: string | null; link: string | null; status: string; statusLabel: string };
type Report = { table3: Record<string, Record<string, number>>; table2: { id: string; value: number | null; source: string }[]; problems: string[]; deadline: string; overview: string };

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;
let marketId: number;
const SOURCE = 'disclosure.annualReport';
const TYPES = Object.keys(APPLICANT_TYPES) as ApplicantType[];
const expected: Record<string, Record<string, number>> = {};
const bump = (row: string, column: string) => {
  expected[row] ??= {};
  expected[row][column] = (expected[row][column] ?? 0) + 1;
  expected[row].total = (expected[row].total ?? 0) + 1;
};

async function request(receivedOn: string, type: ApplicantType): Promise<Detail> {
  const applicant = type === 'natural_person'
    ? { type, kind: 'person', name: '申请人' }
    : { type, kind: 'organization', name: `${APPLICANT_TYPES[type]}申请单位` };
  const res = await staff.post<Detail>('/api/cases/disclosure', { ...DISCLOSURE_SAMPLES.register, submittedOn: receivedOn, applicant, orgId: marketId });
  expect(res.status).toBe(201);
  return res.body;
}
async function answer(d: Detail, on: string, outcome: string) {
  const input = { outcome, reasons: '理由', accessPath: '门户网站' };
  const res = await staff.post<Detail>(`/api/cases/disclosure/${d.id}/actions/answer`, { version: d.version, on, ...input });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  marketId = (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items.find((o) => o.code === 'market')!.id;

  // Carried over from 2023 and answered in 2024.
  await answer(await request('2023-12-20', 'natural_person'), '2024-01-10', 'disclose');
  bump('二', 'natural_person');
  bump('三(一)', 'natural_person');
  bump('三(七)', 'natural_person');
  // Every answer type, received and answered in 2024, rotating the applicant columns.
  for (const [i, outcome] of ANSWER_OUTCOME_KEYS.entries()) {
    const type = TYPES[i % TYPES.length];
    await answer(await request('2024-03-04', type), '2024-03-20', outcome);
    bump('一', type);
    bump(OUTCOMES[outcome].row, type);
    bump('三(七)', type);
  }
  // 逾期不补正.
  let abandoned = await request('2024-05-06', 'research');
  abandoned = (await staff.post<Detail>(`/api/cases/disclosure/${abandoned.id}/actions/requestCorrection`, { version: abandoned.version, on: '2024-05-08', ...DISCLOSURE_SAMPLES.requestCorrection, deadlineWorkingDays: 5 })).body;
  expect((await staff.post(`/api/cases/disclosure/${abandoned.id}/actions/markAbandoned`, { version: abandoned.version, on: '2024-06-20' })).status).toBe(200);
  bump('一', 'research');
  bump('三(六)1', 'research');
  bump('三(七)', 'research');
  // Still open at the end of 2024.
  await request('2024-12-20', 'legal_service');
  bump('一', 'legal_service');
  bump('四', 'legal_service');
});
afterAll(async () => {
  await ctx.close();
});

describe('the annual disclosure report', () => {
  it('puts every request in its row and applicant column, and balances', async () => {
    const res = await staff.get<Report>(`/api/reports/disclosure?year=2024&org=${marketId}`);
    expect(res.status).toBe(200);
    const { table3, problems, deadline } = res.body;
    expect(problems).toEqual([]);
    expect(deadline).toBe('2025-01-31');
    for (const [row, cells] of Object.entries(table3)) {
      for (const [column, value] of Object.entries(cells)) expect(value, `${row} / ${column}`).toBe(expected[row]?.[column] ?? 0);
    }
    expect(table3['三(七)'].total).toBe(ANSWER_OUTCOME_KEYS.length + 2);
    expect(res.body.overview).toContain(`收到政府信息公开申请${ANSWER_OUTCOME_KEYS.length + 2}件`);
  });

  it('tells each user the reporting deadline of their own organisation (第四十九条)', async () => {
    const thisYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const res = await staff.get<{ year: number; items: Deadline[] }>('/api/deadlines?mine=true');
    expect(res.body.year).toBe(thisYear - 1);
    expect(res.body.items.filter((i) => i.sourceId === SOURCE)).toEqual([expect.objectContaining({ orgName: '县司法局', year: thisYear - 1, deadline: `${thisYear}-01-31`, isDone: false })]);
    const leader = await loginAs(ctx.app, 'leader', TEST_ADMIN_PASSWORD);
    const county = await leader.get<{ items: Deadline[] }>('/api/deadlines?mine=true');
    expect(county.body.items.filter((i) => i.sourceId === SOURCE)).toEqual([expect.objectContaining({ deadline: `${thisYear}-03-31`, link: `/disclosure/annual-report?year=${thisYear - 1}` })]);
  });

  it('lists every department, township and the government county-wide, and only the own department to its staff', async () => {
    const leader = await loginAs(ctx.app, 'leader', TEST_ADMIN_PASSWORD);
    const all = (await leader.get<{ items: Deadline[] }>('/api/deadlines?year=2024')).body.items.filter((i) => i.sourceId === SOURCE);
    const kinds = await ctx.platform.db.selectFrom('organization').select('id').where('kind', 'in', ['government', 'department', 'township']).execute();
    expect(all).toHaveLength(kinds.length);
    expect(all.find((i) => i.orgId === marketId)).toMatchObject({ deadline: '2025-01-31', link: `/disclosure/annual-report?year=2024&org=${marketId}` });
    // Soonest first: the departments' 31 January before the government's 31 March.
    expect(all.at(-1)).toMatchObject({ orgName: '示例县人民政府', deadline: '2025-03-31' });
    const scjg = await loginAs(ctx.app, 'scjg', TEST_ADMIN_PASSWORD);
    const own = (await scjg.get<{ items: Deadline[] }>('/api/deadlines?year=2024')).body.items.filter((i) => i.sourceId === SOURCE);
    expect(own.map((i) => i.orgId)).toEqual([marketId]);
  });

  it('puts the deadlines at given days: 未到期, 临期 within 15 days, 已超期 after the day', async () => {
    const user = await ctx.platform.db.selectFrom('app_user').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow();
    const principal = (await loadPrincipal(ctx.platform.db, user.id))!;
    const at = async (today: string) => {
      const { items } = await collectDeadlines({ db: ctx.platform.db, principal, year: 2024, today });
      return (orgId: number) => items.find((i) => i.sourceId === SOURCE && i.orgId === orgId)!;
    };
    const countyId = (await ctx.platform.db.selectFrom('organization').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
    let find = await at('2025-01-10');
    expect(find(marketId)).toMatchObject({ status: 'pending', statusLabel: '未到期', daysLeft: 21 });
    find = await at('2025-01-16');
    expect(find(marketId)).toMatchObject({ status: 'due_soon', statusLabel: '临期', daysLeft: 15 });
    expect(find(countyId)).toMatchObject({ status: 'pending', daysLeft: 74 });
    find = await at('2025-01-31');
    expect(find(marketId)).toMatchObject({ status: 'due_soon', daysLeft: 0 });
    find = await at('2025-02-01');
    expect(find(marketId)).toMatchObject({ status: 'overdue', statusLabel: '已超期', daysLeft: -1 });
    expect(find(countyId)).toMatchObject({ status: 'pending' });
  });

  it('shows an approved entered figure in table 2, marked as entered', async () => {
    const entry = await staff.post<{ id: number }>('/api/entered-figures', { indicatorId: 'disclosure.t2.penalty.decisions', orgId: marketId, year: 2024, value: 128, source: '县市场监管局行政处罚台账' });
    expect(entry.status).toBe(201);
    const admin = await loginAs(ctx.app, 'admin', TEST_ADMIN_PASSWORD);
    expect((await admin.post(`/api/entered-figures/${entry.body.id}/review`, { decision: 'approve' })).status).toBe(200);
    const report = (await staff.get<Report>(`/api/reports/disclosure?year=2024&org=${marketId}`)).body;
    expect(report.table2.find((c) => c.id === 'disclosure.t2.penalty.decisions')).toMatchObject({ value: 128, source: 'entered' });
    expect(report.table2.find((c) => c.id === 'disclosure.t2.licensing.decisions')).toMatchObject({ value: null, source: 'missing' });
  });

  it('produces a Word file with the six sections and the tables', async () => {
    const res = await ctx.app.inject({
      method: 'POST', url: '/api/reports/disclosure/document',
      payload: { year: 2024, org: marketId, problems: '依申请公开答复质量有待提高。', other: '无。' },
      headers: await sessionHeaders(),
    });
    expect(res.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '填报']) {
      expect(xml).toContain(heading);
    }
  });

  it('submits the report for publication as a 年度报告 item, which appears on the portal once approved', async () => {
    const res = await staff.post<{ itemId: number }>('/api/reports/disclosure/publish', { year: 2024, org: marketId, problems: '无。', other: '无。' });
    expect(res.status).toBe(201);
    const item = await ctx.platform.db.selectFrom('info_item').select(['state', 'category', 'title', 'version']).where('id', '=', res.body.itemId).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ state: 'submitted', category: 'annual_report', title: '县市场监督管理局2024年政府信息公开工作年度报告' });
    const pending = (await staff.get<{ items: Deadline[] }>('/api/deadlines?year=2024')).body.items;
    expect(pending.find((i) => i.sourceId === SOURCE && i.orgId === marketId)).toMatchObject({ isDone: false, note: '已提交，审核中' });
    const admin = await loginAs(ctx.app, 'admin', TEST_ADMIN_PASSWORD);
    expect((await admin.post(`/api/items/${res.body.itemId}/approve`, { version: item.version })).status).toBe(200);
    const page = await ctx.app.inject({ method: 'GET', url: `/items/${res.body.itemId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2024年政府信息公开工作年度报告');
    // The 报告期限 of the market authority for 2024 is now met, with the published item as its link.
    const deadlines = (await staff.get<{ items: Deadline[] }>('/api/deadlines?year=2024')).body.items;
    expect(deadlines.find((i) => i.sourceId === SOURCE && i.orgId === marketId)).toMatchObject({
      isDone: true, status: 'done', statusLabel: '已完成', doneOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), link: `/publishing/items/${res.body.itemId}`,
    });
  });

  it('refuses to produce the report when a concluded request has no outcome', async () => {
    const row = await ctx.platform.db.selectFrom('proc_case').select(['id', 'data_json']).where('procedure', '=', 'disclosure').where('state', '=', 'answered').executeTakeFirstOrThrow();
    const data = JSON.parse(row.data_json);
    delete data.outcome;
    await ctx.platform.db.updateTable('proc_case').set({ data_json: JSON.stringify(data) }).where('id', '=', row.id).execute();
    const report = (await staff.get<Report>(`/api/reports/disclosure?year=2024&org=${marketId}`)).body;
    expect(report.problems.join()).toContain('没有记录办理结果');
    const res = await ctx.app.inject({
      method: 'POST', url: '/api/reports/disclosure/document',
      payload: { year: 2024, org: marketId, problems: '无', other: '无' },
      headers: await sessionHeaders(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('不平衡');
    const publish = await staff.post('/api/reports/disclosure/publish', { year: 2024, org: marketId, problems: '无', other: '无' });
    expect(publish.status).toBe(400);
  });
});

/** Cookie and CSRF headers of a fresh session, for requests whose answer is binary. */
async function sessionHeaders(): Promise<Record<string, string>> {
  const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'fzb', password: TEST_ADMIN_PASSWORD } });
  return { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
}
