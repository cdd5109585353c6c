import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../test/support/http.ts';
import { DISCLOSURE_SAMPLES } from '../../../test/factories/disclosure.ts';
import { lookupPublicRequest, publicRequestDocument, submitPublicRequest } from './public-requests.ts';

type Clock = { key: string; dueOn: string | null; run: string; remaining: number | null };
type Detail = { id: number; version: number; state: string; caseNo: string; clocks: Clock[]; documents: { id: number; title: string; docNumber: string | null; url: string }[]; links: { relation: string; toId: number }[] };

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;
let countyId: number;

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  countyId = (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items.find((o) => o.code === 'county')!.id;
});
afterAll(async () => {
  await ctx.close();
});

const clock = (d: Detail, key: string) => d.clocks.find((c) => c.key === key)!;
const act = async (d: Detail, action: string, body: Record<string, unknown>) => {
  const res = await staff.post<Detail>(`/api/cases/disclosure/${d.id}/actions/${action}`, { version: d.version, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('a disclosure request across the 2024 National Day holiday', () => {
  it('restarts on correction, pauses for the third party, extends, and answers with a numbered reply', async () => {
    const created = await staff.post<Detail>('/api/cases/disclosure', { ...DISCLOSURE_SAMPLES.register, orgId: countyId });
    expect(created.status).toBe(201);
    let d = created.body;
    expect(clock(d, 'answer').dueOn).toBe('2024-10-23');

    d = await act(d, 'requestCorrection', { on: '2024-09-27', ...DISCLOSURE_SAMPLES.requestCorrection });
    expect(clock(d, 'answer').run).toBe('paused');
    expect(clock(d, 'correction').dueOn).toBe('2024-10-23');

    d = await act(d, 'receiveCorrection', { on: '2024-10-10' });
    expect(clock(d, 'answer').dueOn).toBe('2024-11-06');

    d = await act(d, 'consultThirdParty', { on: '2024-10-14', ...DISCLOSURE_SAMPLES.consultThirdParty });
    expect(clock(d, 'answer')).toMatchObject({ run: 'paused', remaining: 18 });
    expect(clock(d, 'thirdParty').dueOn).toBe('2024-11-04');

    d = await act(d, 'thirdPartyReplied', { on: '2024-10-21', ...DISCLOSURE_SAMPLES.thirdPartyReplied });
    expect(clock(d, 'answer').dueOn).toBe('2024-11-14');

    d = await act(d, 'extend', { on: '2024-11-01', ...DISCLOSURE_SAMPLES.extend });
    expect(clock(d, 'answer').dueOn).toBe('2024-12-12');

    d = await act(d, 'answer', { on: '2024-12-10', ...DISCLOSURE_SAMPLES.answer });
    expect(d.state).toBe('answered');
    expect(d.links.map((l) => l.relation)).toContain('answered_by_act');
    const reply = d.documents.find((doc) => doc.title === '政府信息公开申请答复书')!;
    expect(reply.docNumber).toBe('依申请答〔2024〕1号');
    const zip = await JSZip.loadAsync((await staff.download(reply.url)).buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('不予公开');
    expect(xml).toContain('第十五条');
  });
});

describe('requests from the public portal', () => {
  it('returns a 查询码 that shows the status and, once answered, the answer', async () => {
    const { queryCode, caseNo } = await submitPublicRequest(ctx.platform, {
      orgId: countyId, applicant: { type: 'commercial', kind: 'organization', name: '某某科技有限公司', idNumber: '91350100M000100Y43' },
      description: '本县2024年财政预算公开文件', form: 'electronic', delivery: 'online',
    }, '127.0.0.1');
    expect(queryCode).toMatch(/^[A-Z2-9]{12}$/);
    const status = await lookupPublicRequest(ctx.platform, queryCode);
    expect(status).toMatchObject({ caseNo, stateTitle: '办理中', answeredOn: null, documents: [] });
    expect(await lookupPublicRequest(ctx.platform, 'AAAAAAAAAAAA')).toBeNull();

    const list = await staff.get<{ items: Detail[] }>(`/api/cases/disclosure?q=${encodeURIComponent('财政预算')}`);
    const d = list.body.items[0];
    const full = (await staff.get<Detail>(`/api/cases/disclosure/${d.id}`)).body;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await act(full, 'answer', { on: today, outcome: 'already_public', accessPath: '县人民政府门户网站“财政预决算”栏目' });
    const answered = await lookupPublicRequest(ctx.platform, queryCode.toLowerCase());
    expect(answered?.answeredOn).toBe(today);
    expect(answered?.documents.map((x) => x.title)).toEqual(['政府信息公开申请答复书']);
    const doc = await publicRequestDocument(ctx.platform, queryCode, answered!.documents[0].id);
    expect(doc?.title).toBe('政府信息公开申请答复书');
    expect(await publicRequestDocument(ctx.platform, 'BBBBBBBBBBBB', answered!.documents[0].id)).toBeNull();
  });
});

describe('case numbers of different organisations', () => {
  it('runs one series per organisation, prefixed with its short name, without collisions', async () => {
    const orgs = (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items;
    const numbers: string[] = [];
    for (const code of ['edu', 'health']) {
      const res = await staff.post<{ caseNo: string }>('/api/cases/disclosure', { ...DISCLOSURE_SAMPLES.register, submittedOn: '2024-05-06', orgId: orgs.find((o) => o.code === code)!.id });
      expect(res.status).toBe(201);
      numbers.push(res.body.caseNo);
    }
    expect(numbers).toEqual(['示教依申请〔2024〕1号', '示卫健依申请〔2024〕1号']);
  });
});
