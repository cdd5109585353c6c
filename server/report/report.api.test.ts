import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../test/support/platform.ts';
import { anonymous, loginAs, type Agent } from '../../test/support/http.ts';
import { MEDIATION_SAMPLES } from '../../test/factories/mediation.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';

type Content = { title: string; recipient: string; preamble: string; parts: { key: string; title: string; body: string; subsections: { title: string; body: string }[] }[] };
type Detail = { id: number; version: number; state: string; docNumber: string | null; itemId: number | null; content: Content; actions: string[]; deadlines: { report: string; publish: string }; events: { action: string }[] };
type Figure = { indicatorId: string; value: number | null; source: string; recordsUrl: string | null; entries?: { orgName: string; source: string }[] };
type Preview = { html: string; figures: Figure[]; problems: string[]; isFrozen: boolean };
type Case = { id: number; version: number };

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;
let admin: Agent;
let leader: Agent;
let department: Agent;
let orgs: { id: number; code: string }[];
const orgId = (code: string) => orgs.find((o) => o.code === code)!.id;

async function mediationCase(receivedOn: string, isAgreed: boolean): Promise<void> {
  let d = (await staff.post<Case>('/api/cases/mediation', { ...MEDIATION_SAMPLES.register, receivedOn, orgId: orgId('dongcheng.twh') })).body;
  d = (await staff.post<Case>(`/api/cases/mediation/${d.id}/actions/accept`, { version: d.version, on: receivedOn, ...MEDIATION_SAMPLES.accept })).body;
  const res = isAgreed
    ? await staff.post<Case>(`/api/cases/mediation/${d.id}/actions/reachAgreement`, { version: d.version, on: receivedOn, ...MEDIATION_SAMPLES.reachAgreement, effectiveOn: receivedOn })
    : await staff.post<Case>(`/api/cases/mediation/${d.id}/actions/fail`, { version: d.version, on: receivedOn, ...MEDIATION_SAMPLES.fail });
  expect(res.status, res.text).toBe(200);
}

const detail = async (id: number) => (await staff.get<Detail>(`/api/annual-reports/${id}`)).body;
const act = (agent: Agent, d: Detail, action: string, body: Record<string, unknown> = {}) =>
  agent.post(`/api/annual-reports/${d.id}/actions/${action}`, { version: d.version, ...body });

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  admin = await loginAs(ctx.app, 'admin', TEST_ADMIN_PASSWORD);
  leader = await loginAs(ctx.app, 'leader', TEST_ADMIN_PASSWORD);
  department = await loginAs(ctx.app, 'scjg', TEST_ADMIN_PASSWORD);
  orgs = (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items;
  await mediationCase('2024-03-05', true);
  await mediationCase('2024-06-10', true);
  await mediationCase('2024-07-01', false);
  // 合同审查 is not kept on the platform: the Justice Bureau enters it and another user approves it.
  const entry = await staff.post<{ id: number }>('/api/entered-figures', { indicatorId: 'legality.contractsReviewed', orgId: orgId('justice'), year: 2024, value: 429, source: '县司法局合同审查台账' });
  expect(entry.status, entry.text).toBe(201);
  expect((await admin.post(`/api/entered-figures/${entry.body.id}/review`, { decision: 'approve' })).status).toBe(200);
});
afterAll(() => ctx.close());

describe('annual rule-of-law report', () => {
  let report: Detail;

  it('starts from the five-part outline, citing only the figures that have data', async () => {
    const res = await staff.post<{ id: number }>('/api/annual-reports', { orgId: orgId('county'), year: 2024 });
    expect(res.status, res.text).toBe(201);
    report = await detail(res.body.id);
    expect(report.state).toBe('draft');
    expect(report.content.parts.map((p) => p.key)).toEqual(['measures', 'shortcomings', 'duties', 'plans', 'other']);
    expect(report.content.title).toBe('示例县人民政府2024年法治政府建设工作报告');
    const stability = report.content.parts[0].subsections.find((s) => s.title === '全力维护社会发展大局稳定')!;
    expect(stability.body).toContain('{{mediation.handled}}');
    // No 重大行政决策 records and nothing entered: the sentence citing it is left out.
    expect(JSON.stringify(report.content)).not.toContain('decision.majorDecisions');
    expect(report.deadlines).toMatchObject({ report: '2025-03-01', publish: '2025-04-01' });
    const again = await staff.post('/api/annual-reports', { orgId: orgId('county'), year: 2024 });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ALREADY_EXISTS' });
  });

  it('refuses a reference to an unknown indicator and a stale version, changing nothing', async () => {
    const content = structuredClone(report.content);
    content.parts[1].subsections = [{ title: '小节', body: '共计{{no.such.indicator}}。' }];
    const bad = await staff.put(`/api/annual-reports/${report.id}`, { version: report.version, content });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'parts.1.subsections.0.body' }] });
    expect(String(bad.body.message)).toContain('no.such.indicator');
    const stale = await staff.put(`/api/annual-reports/${report.id}`, { version: report.version + 5, content: report.content });
    expect(stale.status).toBe(409);
    expect((await detail(report.id)).version).toBe(report.version);
  });

  it('previews every figure with its source and the records behind it', async () => {
    const content = structuredClone(report.content);
    content.parts[0].subsections[2].body = '严格按照规定审查备案各类合同文件{{legality.contractsReviewed}}<script>alert(1)</script>。';
    expect((await staff.put(`/api/annual-reports/${report.id}`, { version: report.version, content })).status).toBe(200);
    report = await detail(report.id);
    const preview = (await staff.get<Preview>(`/api/annual-reports/${report.id}/preview`)).body;
    const handled = preview.figures.find((f) => f.indicatorId === 'mediation.handled')!;
    expect(handled).toMatchObject({ value: 3, source: 'computed' });
    expect(handled.recordsUrl).toContain('/api/cases/mediation?');
    const rate = preview.figures.find((f) => f.indicatorId === 'mediation.successRate')!;
    expect(rate).toMatchObject({ value: 66.7, numerator: 2, denominator: 3 });
    const contracts = preview.figures.find((f) => f.indicatorId === 'legality.contractsReviewed')!;
    expect(contracts).toMatchObject({ value: 429, source: 'entered', entries: [{ orgName: '县司法局', source: '县司法局合同审查台账' }] });
    expect(preview.html).toContain('调处矛盾纠纷<a class="figure figure-computed"');
    expect(preview.html).toContain('429件<sup>填报</sup>');
    expect(preview.html).toContain('&lt;script&gt;');
    expect(preview.html).not.toContain('<script>');
    expect(preview.isFrozen).toBe(false);
  });

  it('will not go to review while a required part is empty, as the preview already says', async () => {
    const preview = (await staff.get<Preview>(`/api/annual-reports/${report.id}/preview`)).body;
    expect(preview.problems).toContain('“存在的不足和原因”部分尚未填写');
    const res = await act(staff, report, 'submit');
    expect(res.status).toBe(400);
    expect(String(res.body.message)).toContain('存在的不足和原因');
    expect((await detail(report.id)).state).toBe('draft');
  });

  it('goes through 审核, 签发 and 公开, freezing its figures when signed', async () => {
    const content = structuredClone(report.content);
    content.parts[1].body = '普法广度和深度不足。';
    content.parts[2].body = '县政府主要负责人专题研究法治政府建设工作。';
    content.parts[3].body = '持续强化政治理论学习。';
    expect((await staff.put(`/api/annual-reports/${report.id}`, { version: report.version, content })).status).toBe(200);
    report = await detail(report.id);
    expect(report.actions).toContain('submit');
    expect((await act(staff, report, 'submit')).status).toBe(200);
    report = await detail(report.id);
    expect(report.actions).not.toContain('edit');
    expect(report.actions).not.toContain('approve');
    // Four eyes: the writer does not approve their own report.
    expect((await act(staff, report, 'approve')).status).toBe(403);
    expect((await act(admin, report, 'approve')).status).toBe(200);
    report = await detail(report.id);
    expect((await act(staff, report, 'sign')).status).toBe(403);
    const signed = await act(leader, report, 'sign');
    expect(signed.status, signed.text).toBe(200);
    report = await detail(report.id);
    expect(report.docNumber).toMatch(/^示府〔\d{4}〕1号$/);

    await mediationCase('2024-08-01', true);
    const frozen = (await staff.get<Preview>(`/api/annual-reports/${report.id}/preview`)).body;
    expect(frozen.isFrozen).toBe(true);
    expect(frozen.figures.find((f) => f.indicatorId === 'mediation.handled')!.value).toBe(3);

    const published = await act(staff, report, 'publish');
    expect(published.status, published.text).toBe(200);
    report = await detail(report.id);
    expect(report.state).toBe('published');
    expect(report.events.map((e) => e.action)).toEqual(['create', 'edit', 'edit', 'submit', 'approve', 'sign', 'publish']);

    const page = await ctx.app.inject({ url: `/items/${report.itemId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('示例县人民政府2024年法治政府建设工作报告');
    expect(page.body).toContain('各调委会共调处矛盾纠纷3件');
    expect(page.body).toContain('本报告数据来源');
    expect(await verifyAuditChain(ctx.platform.db)).toMatchObject({ ok: true });

    // Both deadlines of the county's report are met; a department that has not started shows 尚未起草.
    const deadlines = (await leader.get<{ items: { sourceId: string; orgName: string; title: string; deadline: string; isDone: boolean; note: string | null }[] }>('/api/deadlines?year=2024')).body.items
      .filter((d) => d.sourceId === 'annualReport');
    expect(deadlines.filter((d) => d.orgName === '示例县人民政府')).toEqual([
      expect.objectContaining({ deadline: '2025-03-01', isDone: true, title: '示例县人民政府2024年法治政府建设年度报告（报送）' }),
      expect.objectContaining({ deadline: '2025-04-01', isDone: true }),
    ]);
    expect(deadlines.find((d) => d.orgName === '县市场监督管理局')).toMatchObject({ isDone: false, note: '尚未起草' });
  });

  it('comes out as a GB/T 9704 Word file with its headings and the data sources', async () => {
    const file = await staff.download(`/api/annual-reports/${report.id}/document`);
    expect(file.status).toBe(200);
    const xml = await (await JSZip.loadAsync(file.buffer)).file('word/document.xml')!.async('string');
    for (const text of ['示例县人民政府文件', report.docNumber!, '2024年度推进法治政府建设主要举措和成效', '全力维护社会发展大局稳定', '附：本报告数据来源', '填报并经审核：县司法局（县司法局合同审查台账）']) {
      expect(xml).toContain(text);
    }
  });

  it('keeps reports within the data scope: a department writes its own and cannot see the county one', async () => {
    expect((await department.get(`/api/annual-reports/${report.id}`)).status).toBe(404);
    expect((await department.post('/api/annual-reports', { orgId: orgId('county'), year: 2024 })).status).toBe(404);
    const own = await department.post<{ id: number }>('/api/annual-reports', { orgId: orgId('market'), year: 2024 });
    expect(own.status, own.text).toBe(201);
    const list = (await department.get<{ items: { orgId: number }[]; total: number }>('/api/annual-reports?year=2024')).body;
    expect(list.items.map((i) => i.orgId)).toEqual([orgId('market')]);
    expect((await department.post(`/api/annual-reports/${own.body.id}/actions/sign`, { version: 1 })).status).toBe(403);
    expect((await anonymous(ctx.app).get('/api/annual-reports')).status).toBe(401);
  });
});
