import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../test/support/http.ts';
import { SAMPLE_INPUTS } from '../../../test/factories/reconsideration.ts';
import { multipart } from '../../../test/support/multipart.ts';

type Clock = { key: string; dueOn: string | null; run: string; status: string; isLate: boolean; expiryNote: { note: string } | null };
type Detail = {
  id: number; version: number; state: string; caseNo: string; clocks: Clock[];
  documents: { id: number; title: string; docNumber: string | null; url: string }[];
  abilities: { key: string }[]; fields: Record<string, unknown>; links: { relation: string; toType: string; toId: number }[];
};

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;
let marketId: number;

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  const orgs = (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items;
  marketId = orgs.find((o) => o.code === 'market')!.id;
});
afterAll(async () => {
  await ctx.close();
});

const clock = (detail: Detail, key: string) => detail.clocks.find((c) => c.key === key)!;
const register = (overrides: Record<string, unknown> = {}) =>
  staff.post<Detail>('/api/cases/reconsideration', { ...SAMPLE_INPUTS.register, respondentOrgId: marketId, ...overrides });
const act = (id: number, action: string, body: Record<string, unknown>) => staff.post<Detail>(`/api/cases/reconsideration/${id}/actions/${action}`, body);

describe('a reconsideration case across the 2024 National Day holiday', () => {
  it('computes every deadline from the real actions and issues numbered documents', async () => {
    const created = await register();
    expect(created.status).toBe(201);
    let detail = created.body;
    expect(detail.state).toBe('received');
    expect(clock(detail, 'review').dueOn).toBe('2024-10-10');
    expect(detail.fields.applicants).toEqual([expect.objectContaining({ name: '张三', idNumber: '11010519491231002X' })]);
    expect(detail.links).toEqual([expect.objectContaining({ relation: 'reviews', toType: 'act' })]);

    detail = (await act(detail.id, 'requestCorrection', { on: '2024-09-30', version: detail.version, items: ['提供处罚决定书'] })).body;
    expect(detail.state).toBe('correcting');
    expect(clock(detail, 'review').run).toBe('paused');
    expect(clock(detail, 'correction').dueOn).toBe('2024-10-18');

    detail = (await act(detail.id, 'receiveCorrection', { on: '2024-10-09', version: detail.version })).body;
    expect(clock(detail, 'review')).toMatchObject({ run: 'running', dueOn: '2024-10-15' });

    const accepted = await act(detail.id, 'accept', { on: '2024-10-11', version: detail.version, procedureType: 'ordinary' });
    expect(accepted.status).toBe(200);
    detail = accepted.body;
    expect(clock(detail, 'decision').dueOn).toBe('2024-12-10');
    expect(clock(detail, 'copy').dueOn).toBe('2024-10-21');
    expect(clock(detail, 'review').run).toBe('stopped');

    detail = (await act(detail.id, 'extend', { on: '2024-12-02', version: detail.version, days: 30, approvedBy: '王科长', reason: '案情复杂' })).body;
    expect(clock(detail, 'decision').dueOn).toBe('2025-01-09');

    const decided = await act(detail.id, 'decide', { on: '2025-01-08', version: detail.version, decision: 'revoke', orderRedo: true, facts: '查明', reasoning: '认为' });
    expect(decided.status).toBe(200);
    detail = decided.body;
    expect(detail.state).toBe('decided');
    expect(clock(detail, 'decision')).toMatchObject({ run: 'stopped', dueOn: '2025-01-09', isLate: false });
    expect(detail.abilities.map((a) => a.key)).toEqual(['issueOpinionLetter']);
    expect(detail.documents.map((d) => [d.title, d.docNumber])).toEqual([
      ['行政复议申请补正通知书', '复补〔2024〕1号'],
      ['行政复议受理通知书', '复受〔2024〕1号'],
      ['行政复议延期审理通知书', '复延〔2024〕1号'],
      ['行政复议决定书', '复决〔2025〕1号'],
    ]);

    const download = await staff.download(detail.documents[3].url);
    expect(download.status).toBe(200);
    const zip = await JSZip.loadAsync(download.buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('行政复议决定书');
    expect(xml).toContain('复决〔2025〕1号');
    expect(xml).toContain('撤销被申请人作出的行政处罚决定');
  });

  it('shows 视为受理 when the review period ran out without a decision (第三十条第三款)', async () => {
    const detail = (await register({ receivedOn: '2024-09-02' })).body;
    expect(clock(detail, 'review').expiryNote?.note).toContain('视为受理');
  });

  it('lets one of two concurrent decisions win and answers the other CONFLICT', async () => {
    let detail = (await register({ receivedOn: '2024-11-01' })).body;
    detail = (await act(detail.id, 'accept', { on: '2024-11-04', version: detail.version, procedureType: 'simplified' })).body;
    const body = { on: '2024-11-20', version: detail.version, decision: 'uphold', facts: '查明', reasoning: '认为' };
    const results = await Promise.all([act(detail.id, 'decide', body), act(detail.id, 'decide', body)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body).toMatchObject({ code: 'CONFLICT' });
    const events = await ctx.platform.db.selectFrom('case_event').select('action').where('case_id', '=', detail.id).execute();
    expect(events.filter((e) => e.action === 'decide')).toHaveLength(1);
  });

  it('refuses an action from the wrong state with 409 TRANSITION_NOT_ALLOWED and changes nothing', async () => {
    const detail = (await register({ receivedOn: '2024-11-05' })).body;
    const res = await act(detail.id, 'decide', { on: '2024-11-06', decision: 'uphold', facts: '查明', reasoning: '认为' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    const row = await ctx.platform.db.selectFrom('proc_case').select(['state', 'version']).where('id', '=', detail.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'received', version: 1 });
  });

  it('hides a case outside the scope (404) and masks personal data for roles without .personal', async () => {
    const detail = (await register({ receivedOn: '2024-11-06' })).body;
    const market = await loginAs(ctx.app, 'scjg', TEST_ADMIN_PASSWORD);
    expect((await market.get(`/api/cases/reconsideration/${detail.id}`)).status).toBe(404);
    const leader = await loginAs(ctx.app, 'leader', TEST_ADMIN_PASSWORD);
    const seen = await leader.get<Detail>(`/api/cases/reconsideration/${detail.id}`);
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.body.fields)).not.toContain('11010519491231002X');
    expect(JSON.stringify(seen.body.fields)).toContain('110***********002X');
    expect(seen.body.abilities).toEqual([]);
    const denied = await leader.post(`/api/cases/reconsideration/${detail.id}/actions/accept`, { on: '2024-11-07', procedureType: 'ordinary' });
    expect(denied.status).toBe(403);
    const stored = await ctx.platform.db.selectFrom('proc_case').select('data_json').where('id', '=', detail.id).executeTakeFirstOrThrow();
    expect(stored.data_json).not.toContain('11010519491231002X');
  });

  it('issues case numbers without gaps or duplicates under concurrent registration', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => register({ receivedOn: '2024-12-02' })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const numbers = results.map((r) => Number(/〔2024〕(\d+)号/.exec(r.body.caseNo)![1])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(8);
    expect(numbers[7] - numbers[0]).toBe(7);
  });

  it('lists the case in 待办 and filters the list by state and free text', async () => {
    const detail = (await register({ receivedOn: '2024-12-03', applicants: [{ kind: 'person', name: '李四' }] })).body;
    const tasks = await staff.get<{ items: { id: number }[] }>('/api/tasks?pageSize=100');
    expect(tasks.body.items.map((t) => t.id)).toContain(detail.id);
    const found = await staff.get<{ items: { id: number }[]; total: number }>('/api/cases/reconsideration?q=李四&state=received');
    expect(found.body.items.map((c) => c.id)).toEqual([detail.id]);
  });
});

describe('case attachments', () => {
  it('stores an attachment on a case, readable within the case scope only', async () => {
    const detail = (await register({ receivedOn: '2024-12-04' })).body;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const form = multipart([{ name: 'subjectType', value: 'case' }, { name: 'subjectId', value: String(detail.id) }, { name: 'file', value: pdf, filename: '复议申请书.pdf' }]);
    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'fzb', password: TEST_ADMIN_PASSWORD } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const uploaded = await ctx.app.inject({
      method: 'POST', url: '/api/files', payload: form.body,
      headers: { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken, 'content-type': form.contentType },
    });
    expect(uploaded.statusCode).toBe(201);
    const seen = (await staff.get<Detail & { attachments: { id: number; name: string; url: string }[] }>(`/api/cases/reconsideration/${detail.id}`)).body;
    expect(seen.attachments.map((a) => a.name)).toEqual(['复议申请书.pdf']);
    const leader = await loginAs(ctx.app, 'leader', TEST_ADMIN_PASSWORD);
    expect((await leader.download(seen.attachments[0].url)).status).toBe(200);
    const market = await loginAs(ctx.app, 'scjg', TEST_ADMIN_PASSWORD);
    expect((await market.download(seen.attachments[0].url)).status).toBe(404);
  });
});

describe('reconsideration indicators', () => {
  it('counts from the records, follows the configured 纠错 formula, and links to the records behind each figure', async () => {
    const t = await createTestApp({ seed: true });
    try {
      const agent = await loginAs(t.app, 'fzb', TEST_ADMIN_PASSWORD);
      const orgs = (await agent.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items;
      const respondentOrgId = orgs.find((o) => o.code === 'market')!.id;
      const decided: string[] = ['revoke', 'uphold', 'orderPerformance', 'dismiss'];
      for (const [i, decision] of decided.entries()) {
        let c = (await agent.post<Detail>('/api/cases/reconsideration', { ...SAMPLE_INPUTS.register, respondentOrgId, receivedOn: `2024-03-0${i + 1}`, channel: i === 0 ? 'petition' : 'post' })).body;
        c = (await agent.post<Detail>(`/api/cases/reconsideration/${c.id}/actions/accept`, { on: '2024-03-08', procedureType: 'ordinary' })).body;
        const res = await agent.post<Detail>(`/api/cases/reconsideration/${c.id}/actions/decide`, { on: i === 3 ? '2024-06-20' : '2024-04-10', decision, facts: '查明', reasoning: '认为' });
        expect(res.status).toBe(200);
      }
      let m = (await agent.post<Detail>('/api/cases/reconsideration', { ...SAMPLE_INPUTS.register, respondentOrgId, receivedOn: '2024-05-06' })).body;
      m = (await agent.post<Detail>(`/api/cases/reconsideration/${m.id}/actions/accept`, { on: '2024-05-07', procedureType: 'simplified' })).body;
      await agent.post(`/api/cases/reconsideration/${m.id}/actions/mediate`, { on: '2024-05-20', terms: '变更罚款数额', signedOn: '2024-05-20' });
      await agent.post('/api/cases/reconsideration', { ...SAMPLE_INPUTS.register, respondentOrgId, receivedOn: '2025-01-06' });

      type Indicator = { id: string; value: number; numerator?: number; denominator?: number; recordsUrl: string | null };
      const all = (await agent.get<{ items: Indicator[] }>('/api/indicators?year=2024')).body.items;
      const value = (id: string) => all.find((i) => i.id === id)!;
      expect(value('reconsideration.received').value).toBe(5);
      expect(value('reconsideration.accepted').value).toBe(5);
      expect(value('reconsideration.fromPetitions').value).toBe(1);
      expect(value('reconsideration.concluded').value).toBe(5);
      expect(value('reconsideration.decision.revoke').value).toBe(1);
      expect(value('reconsideration.correctionRate')).toMatchObject({ value: 40, numerator: 2, denominator: 5 });
      // The 2024-03-04 case was decided on 2024-06-20, after its 60-day period ended on 2024-05-07.
      expect(value('reconsideration.onTimeRate')).toMatchObject({ numerator: 4, denominator: 5, value: 80 });

      const records = await agent.get<{ items: { id: number }[] }>(value('reconsideration.decision.revoke').recordsUrl!);
      expect(records.body.items).toHaveLength(1);
      const concludedRecords = await agent.get<{ total: number }>(value('reconsideration.concluded').recordsUrl!);
      expect(concludedRecords.body.total).toBe(5);

      const admin = await loginAs(t.app, 'admin', TEST_ADMIN_PASSWORD);
      expect((await admin.put('/api/settings/reconsideration.correctionIncludesMediation', { value: true })).status).toBe(200);
      const comprehensive = await agent.get<Indicator>('/api/indicators/reconsideration.correctionRate?year=2024');
      expect(comprehensive.body).toMatchObject({ value: 60, numerator: 3, denominator: 5 });
    } finally {
      await t.close();
    }
  });
});

describe('document template wording', () => {
  it('uses an administrator’s wording for an organisation, and the default elsewhere', async () => {
    const admin = await loginAs(ctx.app, 'admin', TEST_ADMIN_PASSWORD);
    const templates = (await admin.get<{ items: { kind: string; texts: { slot: string; defaultText: string }[] }[] }>('/api/document-templates')).body.items;
    expect(templates.find((t) => t.kind === 'reconsideration.decision')?.texts.map((t) => t.slot)).toEqual(['remedy']);
    const orgs = (await admin.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items;
    const justice = orgs.find((o) => o.code === 'justice')!.id;
    const wording = '申请人如不服本决定，可以自收到本决定书之日起十五日内向示例县人民法院提起行政诉讼。';
    expect((await admin.put('/api/document-templates/reconsideration.decision/texts/remedy', { orgId: justice, text: wording })).status).toBe(200);
    expect((await staff.put('/api/document-templates/reconsideration.decision/texts/remedy', { text: 'x' })).status).toBe(403);

    let d = (await register({ receivedOn: '2024-12-05' })).body;
    d = (await act(d.id, 'accept', { on: '2024-12-06', version: d.version, procedureType: 'simplified' })).body;
    d = (await act(d.id, 'decide', { on: '2024-12-20', version: d.version, decision: 'uphold', facts: '查明', reasoning: '认为' })).body;
    const decision = d.documents.find((doc) => doc.title === '行政复议决定书')!;
    const xml = await (await JSZip.loadAsync((await staff.download(decision.url)).buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('示例县人民法院提起行政诉讼');
    expect((await admin.delete(`/api/document-templates/reconsideration.decision/texts/remedy?orgId=${justice}`)).status).toBe(200);
  });
});
