import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../test/support/http.ts';

type Indicator = { id: string; value: number | null; source: string; isEnterable: boolean; recordsUrl: string | null; group: string; unit: string };
type Page = { items: { id: number; swornCount?: number; participantCount?: number }[]; total: number };

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;
let orgs: Map<string, number>;

/** The organisations records are spread over, and what each one's subtree holds. */
const CODES = ['county', 'market', 'dongcheng', 'dongcheng.sfs', 'shihe'] as const;
type Code = (typeof CODES)[number];
const inDongcheng = (code: Code) => code === 'dongcheng' || code === 'dongcheng.sfs';

type Generated = { register: string; code: Code; heldOn: string; isVoided: boolean; body: Record<string, unknown> };

/** A small deterministic generator (LCG) so the records vary but every run is the same. */
function generator(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)], int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

function generate(): Generated[] {
  const g = generator(20240101);
  const records: Generated[] = [];
  const dates = ['2023-12-31', '2024-01-01', '2024-03-15', '2024-07-01', '2024-12-31', '2025-01-01'];
  for (let i = 0; i < 44; i++) {
    const code = g.pick(CODES);
    const heldOn = g.pick(dates);
    const isVoided = i % 9 === 4;
    const register = g.pick(['study-sessions', 'law-reports', 'oaths', 'trainings'] as const);
    const body: Record<string, unknown> = register === 'study-sessions'
      ? { meeting: `第${i}次常务会议`, topics: '学法', laws: ['中华人民共和国统计法'] }
      : register === 'law-reports'
        ? { leaderName: `负责人${i}`, position: '主要负责人', form: g.pick(['on_site', 'written']) }
        : register === 'oaths'
          ? { place: '会议室', organiser: '县人大常委会', swornCount: g.int(1, 9) }
          : { title: `培训${i}`, audience: g.pick(['leading_cadres', 'enforcement_officers', 'public_servants', 'other']), hours: 2, participantCount: g.int(1, 200), organiser: '县司法局' };
    records.push({ register, code, heldOn, isVoided, body });
  }
  return records;
}

const records = generate();

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  const rows = await ctx.platform.db.selectFrom('organization').select(['id', 'code']).execute();
  orgs = new Map(rows.map((r) => [r.code, r.id]));
  for (const r of records) {
    const res = await staff.post<{ id: number; version: number }>(`/api/leadership/${r.register}`, { ...r.body, orgId: orgs.get(r.code), heldOn: r.heldOn });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    if (r.isVoided) expect((await staff.post(`/api/leadership/${r.register}/${res.body.id}/void`, { reason: '登记有误', version: res.body.version })).status).toBe(200);
  }
});
afterAll(async () => {
  await ctx.close();
});

/** The expected figure, counted straight from the generated records. */
function expected(id: string, within: (code: Code) => boolean): number {
  const live = records.filter((r) => !r.isVoided && r.heldOn >= '2024-01-01' && r.heldOn <= '2024-12-31' && within(r.code));
  const of = (register: string) => live.filter((r) => r.register === register);
  const total = (items: Generated[], key: string) => items.reduce((s, r) => s + Number(r.body[key]), 0);
  switch (id) {
    case 'leadership.preMeetingStudy': return of('study-sessions').length;
    case 'leadership.lawReports': return of('law-reports').length;
    case 'leadership.lawReportsOnSite': return of('law-reports').filter((r) => r.body.form === 'on_site').length;
    case 'leadership.oathCeremonies': return of('oaths').length;
    case 'leadership.oathPersons': return total(of('oaths'), 'swornCount');
    case 'leadership.trainings': return of('trainings').length;
    case 'leadership.trainingParticipants': return total(of('trainings'), 'participantCount');
    case 'leadership.enforcementTrainings': return of('trainings').filter((r) => r.body.audience === 'enforcement_officers').length;
    default: throw new Error(id);
  }
}

const IDS = [
  'leadership.preMeetingStudy', 'leadership.lawReports', 'leadership.lawReportsOnSite', 'leadership.oathCeremonies',
  'leadership.oathPersons', 'leadership.trainings', 'leadership.trainingParticipants', 'leadership.enforcementTrainings',
];
const SUMS: Record<string, 'swornCount' | 'participantCount'> = { 'leadership.oathPersons': 'swornCount', 'leadership.trainingParticipants': 'participantCount' };

describe('法治建设第一责任人 indicators', () => {
  it('counts the records of the year in force, for the whole county and for a township subtree, and lists exactly them', async () => {
    // The generator must exercise every figure, or the comparison proves little.
    for (const id of IDS) expect(expected(id, () => true), id).toBeGreaterThan(0);
    for (const [org, within] of [[null, () => true], ['dongcheng', inDongcheng]] as const) {
      const suffix = org ? `&org=${orgs.get(org)}` : '';
      for (const id of IDS) {
        const indicator = (await staff.get<Indicator>(`/api/indicators/${id}?year=2024${suffix}`)).body;
        const want = expected(id, within);
        expect(indicator, `${id} ${org ?? 'all'}`).toMatchObject({ value: want, group: '法治建设第一责任人', isEnterable: true });
        if (want === 0) continue;
        expect(indicator.source).toBe('computed');
        const url = indicator.recordsUrl!;
        expect(url).toMatch(/^\/api\/leadership\/(study-sessions|law-reports|oaths|trainings)\?/);
        expect(url).toContain('from=2024-01-01');
        expect(url).toContain('to=2024-12-31');
        if (org) expect(url).toContain(`orgTree=${orgs.get(org)}`);
        const page = (await staff.get<Page>(url)).body;
        const key = SUMS[id];
        const shown = key ? page.items.reduce((s, r) => s + Number(r[key]), 0) : page.total;
        expect(shown, `records behind ${id}`).toBe(want);
      }
    }
  });

  it('links 现场述法 and 行政执法人员培训 to lists filtered the same way', async () => {
    const onSite = (await staff.get<Indicator>('/api/indicators/leadership.lawReportsOnSite?year=2024')).body;
    expect(new URL(onSite.recordsUrl!, 'http://x').searchParams.get('form')).toBe('on_site');
    const enforcement = (await staff.get<Indicator>('/api/indicators/leadership.enforcementTrainings?year=2024')).body;
    expect(new URL(enforcement.recordsUrl!, 'http://x').searchParams.get('audience')).toBe('enforcement_officers');
  });

  it('has no records for a year without any, so an entered figure may stand in', async () => {
    const empty = (await staff.get<Indicator>('/api/indicators/leadership.preMeetingStudy?year=2020')).body;
    expect(empty).toMatchObject({ value: 0, isEnterable: true });
  });
});
