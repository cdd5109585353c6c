import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../test/support/http.ts';
import { MEDIATION_SAMPLES } from '../../../test/factories/mediation.ts';

type Detail = { id: number; version: number; state: string; clocks: { key: string; dueOn: string | null; status: string }[]; documents: { title: string; docNumber: string | null }[]; fields: Record<string, unknown> };
type Indicator = { id: string; value: number; numerator?: number; denominator?: number; breakdown?: { label: string; value: number }[] };

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;
let committeeOrg: number;

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  committeeOrg = (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items.find((o) => o.code === 'dongcheng.twh')!.id;
});
afterAll(async () => {
  await ctx.close();
});

async function step(d: Detail, action: string, body: Record<string, unknown>): Promise<Detail> {
  const res = await staff.post<Detail>(`/api/cases/mediation/${d.id}/actions/${action}`, { version: d.version, ...body });
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

describe('a mediation case', () => {
  it('runs from registration to a confirmed written agreement with documents and the 30-day window', async () => {
    let d = (await staff.post<Detail>('/api/cases/mediation', { ...MEDIATION_SAMPLES.register, orgId: committeeOrg, isOnBehalf: true })).body;
    expect(d.documents.map((x) => x.title)).toEqual(['人民调解申请书']);
    d = await step(d, 'accept', { on: '2024-09-21', ...MEDIATION_SAMPLES.accept });
    expect(d.clocks.find((c) => c.key === 'mediation')?.dueOn).toBe('2024-10-21');
    d = await step(d, 'recordSession', MEDIATION_SAMPLES.recordSession);
    d = await step(d, 'reachAgreement', MEDIATION_SAMPLES.reachAgreement);
    expect(d.state).toBe('agreed');
    expect(d.clocks.find((c) => c.key === 'judicialConfirmation')?.dueOn).toBe('2024-10-28');
    expect(d.documents.find((x) => x.title === '人民调解协议书')?.docNumber).toBe('调协〔2024〕1号');
    d = await step(d, 'recordJudicialConfirmation', { on: '2024-10-08', ...MEDIATION_SAMPLES.recordJudicialConfirmation });
    d = await step(d, 'recordJudicialConfirmation', { on: '2024-10-15', stage: 'confirmed', court: '示例县人民法院', rulingNo: '（2024）川1724民特15号' });
    expect(d.clocks.find((c) => c.key === 'judicialConfirmation')?.status).toBe('stopped');
    d = await step(d, 'recordFollowUp', { on: '2024-11-01', ...MEDIATION_SAMPLES.recordFollowUp });
    expect(d.documents.map((x) => x.title)).toContain('人民调解回访记录');
  });
});

describe('mediation indicators', () => {
  it('match counts made directly from generated data', async () => {
    // A small deterministic generator: outcomes, categories and sources rotate through the cases.
    const outcomes = ['agreed', 'agreed', 'agreed', 'failed', 'declined', 'mediating'] as const;
    const categories = ['neighbourhood', 'marriage_family', 'labour'];
    const expected = { handled: 0, successful: 0, concluded: 0, group: 0, performed: 0, amount: 0, byCategory: new Map<string, number>() };
    for (let i = 0; i < 24; i++) {
      const outcome = outcomes[i % outcomes.length];
      const category = categories[i % categories.length];
      const peopleCount = i % 7 === 0 ? 8 : 2;
      let d = (await staff.post<Detail>('/api/cases/mediation', {
        ...MEDIATION_SAMPLES.register, orgId: committeeOrg, receivedOn: '2023-03-01', category, peopleCount,
        source: i % 2 ? 'grid_report' : 'party_application',
      })).body;
      if (outcome === 'declined') {
        await step(d, 'decline', { on: '2023-03-02', ...MEDIATION_SAMPLES.decline });
        continue;
      }
      d = await step(d, 'accept', { on: '2023-03-02', ...MEDIATION_SAMPLES.accept });
      expected.handled += 1;
      expected.byCategory.set(category, (expected.byCategory.get(category) ?? 0) + 1);
      if (peopleCount >= 5) expected.group += 1;
      if (outcome === 'agreed') {
        d = await step(d, 'reachAgreement', { ...MEDIATION_SAMPLES.reachAgreement, effectiveOn: '2023-03-10', form: i % 2 ? 'oral' : 'written', agreementAmount: 1234.5 * i });
        expected.amount += 1234.5 * i;
        expected.successful += 1;
        expected.concluded += 1;
        if (i % 4 === 0) {
          await step(d, 'recordPerformance', { on: '2023-04-01', ...MEDIATION_SAMPLES.recordPerformance });
          expected.performed += 1;
        }
      } else if (outcome === 'failed') {
        await step(d, 'fail', { on: '2023-03-10', ...MEDIATION_SAMPLES.fail });
        expected.concluded += 1;
      }
    }
    const get = async (id: string) => (await staff.get<Indicator>(`/api/indicators/${id}?year=2023`)).body;
    expect((await get('mediation.handled')).value).toBe(expected.handled);
    expect((await get('mediation.successful')).value).toBe(expected.successful);
    const rate = await get('mediation.successRate');
    expect(rate).toMatchObject({ numerator: expected.successful, denominator: expected.concluded });
    expect(rate.value).toBe(Math.round((expected.successful * 1000) / expected.concluded) / 10);
    expect((await get('mediation.groupDisputes')).value).toBe(expected.group);
    expect((await get('mediation.performanceRate')).numerator).toBe(expected.performed);
    // Summed by the database from the cases' data (万元, two decimals).
    expect((await get('mediation.agreementAmount')).value).toBe(Math.round(expected.amount / 100) / 100);
    const byCategory = await get('mediation.byCategory');
    expect(byCategory.breakdown?.find((b) => b.label === '邻里纠纷')?.value).toBe(expected.byCategory.get('neighbourhood'));
    const byOrg = await get('mediation.byOrganisation');
    expect(byOrg.breakdown).toEqual([{ label: '东城镇', value: expected.handled }]);
    const byCommittee = await get('mediation.byCommittee');
    expect(byCommittee.breakdown).toEqual([{ label: '东城镇人民调解委员会', value: expected.handled }]);

    // The statistics page evaluates every indicator at once, its case counts batched into shared passes:
    // each figure must equal the one evaluated alone.
    const all = (await staff.get<{ items: Indicator[] }>('/api/indicators?year=2023')).body.items;
    const mediationFigures = all.filter((i) => i.id.startsWith('mediation.'));
    expect(mediationFigures.length).toBeGreaterThan(10);
    for (const figure of all) {
      const alone = await get(figure.id);
      expect({ id: figure.id, value: figure.value, numerator: figure.numerator, denominator: figure.denominator, breakdown: figure.breakdown })
        .toEqual({ id: alone.id, value: alone.value, numerator: alone.numerator, denominator: alone.denominator, breakdown: alone.breakdown });
    }
  });
});

describe('case list export', () => {
  it('exports the filtered list to xlsx within the caller’s scope', async () => {
    const res = await staff.download('/api/cases/mediation/export?facet=outcome:agreed&openedFrom=2023-01-01&openedTo=2023-12-31');
    expect(res.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('案号');
    const agreed = (await staff.get<{ total: number }>('/api/cases/mediation?facet=outcome:agreed&openedFrom=2023-01-01&openedTo=2023-12-31')).body.total;
    expect(sheet.rowCount - 1).toBe(agreed);
    const market = await loginAs(ctx.app, 'scjg', TEST_ADMIN_PASSWORD);
    const other = await market.download('/api/cases/mediation/export');
    const otherBook = new ExcelJS.Workbook();
    await otherBook.xlsx.load(other.buffer as unknown as ArrayBuffer);
    expect(otherBook.worksheets[0].rowCount).toBe(1);
  });
});

describe('司法所 staff', () => {
  it('handle cases of the committee their office guides, and no other township’s', async () => {
    const sfs = await loginAs(ctx.app, 'sfs', TEST_ADMIN_PASSWORD);
    const orgs = (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items;
    const own = await sfs.post<Detail>('/api/cases/mediation', { ...MEDIATION_SAMPLES.register, orgId: orgs.find((o) => o.code === 'dongcheng.twh')!.id });
    expect(own.status).toBe(201);
    const other = await sfs.post('/api/cases/mediation', { ...MEDIATION_SAMPLES.register, orgId: orgs.find((o) => o.code === 'shihe.twh')!.id });
    expect(other.status).toBe(400);
  });
});
