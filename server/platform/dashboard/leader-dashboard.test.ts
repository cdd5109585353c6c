import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../test/support/http.ts';
import { DISCLOSURE_SAMPLES } from '../../../test/factories/disclosure.ts';
import { MEDIATION_SAMPLES } from '../../../test/factories/mediation.ts';
import { HEADLINE_INDICATORS } from './settings.ts';

type Detail = { id: number; version: number; nextDueOn: string | null };
type Cell = { procedure: string; overdue: number; dueSoon: number; overdueUrl: string | null; dueSoonUrl: string | null };
type Figure = { value: number | null; source: string; denominator?: number; recordsUrl: string | null };
type Dashboard = {
  year: number;
  today: string;
  headlines: (Figure & { id: string; lastYear: Figure; change: number | null; changeRate: number | null })[];
  clocks: { dueSoonUntil: string; departments: { orgId: number; orgName: string; overdue: number; dueSoon: number; byProcedure: Cell[] }[]; byProcedure: Cell[]; total: { overdue: number; dueSoon: number } };
  deadlines: { items: { sourceId: string; orgId: number; year: number; status: string }[] };
};

// The server's "today" is fixed, so which clocks are 超期 or 临期 does not depend on when the suite runs.
const TODAY = '2025-06-16';
let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;
let leader: Agent;
const org: Record<string, number> = {};

async function request(orgCode: string, submittedOn: string): Promise<Detail> {
  const res = await staff.post<Detail>('/api/cases/disclosure', { ...DISCLOSURE_SAMPLES.register, submittedOn, orgId: org[orgCode] });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(`${TODAY}T02:00:00Z`));
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  leader = await loginAs(ctx.app, 'leader', TEST_ADMIN_PASSWORD);
  for (const o of (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items) org[o.code] = o.id;

  // 县市场监管局: two requests past their 20 working days (第三十三条), one answered in time.
  await request('market', '2025-03-03');
  await request('market', '2025-04-01');
  const answered = await request('market', '2025-03-03');
  expect((await staff.post(`/api/cases/disclosure/${answered.id}/actions/answer`, { version: answered.version, on: '2025-03-10', outcome: 'disclose', reasons: '理由', accessPath: '门户网站' })).status).toBe(200);
  // 县生态环境局: one from last year still unanswered, one whose period ends within the 临期 threshold.
  await request('eco', '2024-11-04');
  const dueSoon = await request('eco', '2025-05-19');
  expect(dueSoon.nextDueOn).toBe('2025-06-17');
  // 东城镇: its mediation committee (below the 司法所) let the 30-day mediation period run out.
  const dispute = await staff.post<Detail>('/api/cases/mediation', { ...MEDIATION_SAMPLES.register, receivedOn: '2025-04-01', orgId: org['dongcheng.twh'] });
  expect(dispute.status).toBe(201);
  expect((await staff.post(`/api/cases/mediation/${dispute.body.id}/actions/accept`, { version: dispute.body.version, on: '2025-04-02', ...MEDIATION_SAMPLES.accept })).status).toBe(200);
});
afterAll(async () => {
  await ctx.close();
  vi.useRealTimers();
});

const counts = (d: Dashboard) => d.clocks.departments.map((x) => [x.orgName, x.overdue, x.dueSoon]);

describe('the leader dashboard', () => {
  it('groups overdue and due-soon cases by department, a township counting its committee\'s', async () => {
    const res = await leader.get<Dashboard>('/api/dashboard/leader');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2025, today: TODAY });
    expect(counts(res.body)).toEqual([['县市场监督管理局', 2, 0], ['县生态环境局', 1, 1], ['东城镇', 1, 0]]);
    expect(res.body.clocks.total).toEqual({ overdue: 4, dueSoon: 1 });
    const eco = res.body.clocks.departments.find((d) => d.orgId === org.eco)!;
    expect(eco.byProcedure).toEqual([expect.objectContaining({ procedure: 'disclosure', overdue: 1, dueSoon: 1 })]);
    expect(res.body.clocks.byProcedure.filter((c) => c.overdue + c.dueSoon > 0).map((c) => [c.procedure, c.overdue, c.dueSoon]))
      .toEqual([['disclosure', 3, 1], ['mediation', 1, 0]]);
  });

  it('links every count to the case list that shows exactly those cases', async () => {
    const { clocks } = (await leader.get<Dashboard>('/api/dashboard/leader')).body;
    const cells = [...clocks.departments.flatMap((d) => d.byProcedure), ...clocks.byProcedure];
    let checked = 0;
    for (const cell of cells) {
      for (const [url, count] of [[cell.overdueUrl, cell.overdue], [cell.dueSoonUrl, cell.dueSoon]] as const) {
        if (count === 0) {
          expect(url).toBeNull();
          continue;
        }
        expect(url).toMatch(/^\/api\/cases\/\w+\?clockStatus=(overdue|due_soon)/);
        const list = await leader.get<{ total: number }>(url!);
        expect(list.body.total, url!).toBe(count);
        checked += 1;
      }
    }
    expect(checked).toBe(7);
    expect(clocks.departments.find((d) => d.orgId === org.dongcheng)!.byProcedure[0].overdueUrl).toBe(`/api/cases/mediation?clockStatus=overdue&orgTree=${org.dongcheng}`);
  });

  it('shows by default one headline per declared indicator of the default set, across the procedures', async () => {
    const { headlines } = (await leader.get<Dashboard>('/api/dashboard/leader')).body;
    expect(headlines.map((h) => h.id)).toEqual(HEADLINE_INDICATORS.defaultValue);
    expect(new Set(headlines.map((h) => h.id.split('.')[0]))).toEqual(new Set(['reconsideration', 'litigation', 'disclosure', 'mediation']));
    // No review was concluded in either year: a rate of 0 ÷ 0 is not compared.
    expect(headlines.find((h) => h.id === 'reconsideration.correctionRate')).toMatchObject({ lastYear: { denominator: 0 }, change: null, changeRate: null });
  });

  it('compares each headline indicator with last year, in the configured order, skipping unknown ids', async () => {
    const admin = await loginAs(ctx.app, 'admin', TEST_ADMIN_PASSWORD);
    expect((await admin.put('/api/settings/dashboard.headlineIndicators', { value: ['disclosure.requests', 'no.such.indicator', 'reconsideration.received'] })).status).toBe(200);
    const { headlines } = (await leader.get<Dashboard>('/api/dashboard/leader?year=2025')).body;
    expect(headlines.map((h) => h.id)).toEqual(['disclosure.requests', 'reconsideration.received']);
    expect(headlines[0]).toMatchObject({ value: 4, source: 'computed', lastYear: { value: 1, source: 'computed' }, change: 3, changeRate: 300 });
    expect(headlines[0].recordsUrl).toContain('openedFrom=2025-01-01');
    expect(headlines[0].lastYear.recordsUrl).toContain('openedTo=2024-12-31');
    expect(headlines[1]).toMatchObject({ value: 0, lastYear: { value: 0 }, change: 0, changeRate: null });
    // Looking back a year: 2024 against 2023.
    const earlier = (await leader.get<Dashboard>('/api/dashboard/leader?year=2024')).body.headlines[0];
    expect(earlier).toMatchObject({ value: 1, lastYear: { value: 0 }, change: 1, changeRate: null });
  });

  it('lists the deadlines of the reports on last year\'s work', async () => {
    const { deadlines } = (await leader.get<Dashboard>('/api/dashboard/leader')).body;
    const disclosure = deadlines.items.filter((i) => i.sourceId === 'disclosure.annualReport');
    expect(disclosure.length).toBeGreaterThan(10);
    expect(disclosure.every((i) => i.year === 2024 && i.status === 'overdue')).toBe(true);
  });

  it('shows a department user only their own department', async () => {
    const scjg = await loginAs(ctx.app, 'scjg', TEST_ADMIN_PASSWORD);
    const res = await scjg.get<Dashboard>('/api/dashboard/leader');
    expect(res.status).toBe(200);
    expect(counts(res.body)).toEqual([['县市场监督管理局', 2, 0]]);
    expect(res.body.clocks.total).toEqual({ overdue: 2, dueSoon: 0 });
    expect(res.body.headlines.find((h) => h.id === 'disclosure.requests')).toMatchObject({ value: 3, lastYear: { value: 0 } });
    expect(new Set(res.body.deadlines.items.map((i) => i.orgId))).toEqual(new Set([org.market]));
    expect(res.body.deadlines.items.filter((i) => i.sourceId === 'disclosure.annualReport')).toHaveLength(1);
  });

  it('shows a 司法所 its township\'s committee', async () => {
    const sfs = await loginAs(ctx.app, 'sfs', TEST_ADMIN_PASSWORD);
    expect(counts((await sfs.get<Dashboard>('/api/dashboard/leader')).body)).toEqual([['东城镇', 1, 0]]);
  });
});
