import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../test/support/http.ts';
import { SAMPLE_INPUTS } from '../../../test/factories/litigation.ts';

type Detail = { id: number; version: number; state: string };
type Indicator = { id: string; value: number; numerator?: number; denominator?: number; recordsUrl: string | null };

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;
let marketId: number;

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  marketId = (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items.find((o) => o.code === 'market')!.id;
});
afterAll(async () => {
  await ctx.close();
});

async function run(steps: [string, Record<string, unknown>][], courtCaseNo: string): Promise<Detail> {
  let d = (await staff.post<Detail>('/api/cases/litigation', { ...SAMPLE_INPUTS.register, defendantOrgId: marketId, courtCaseNo })).body;
  for (const [action, input] of steps) {
    const res = await staff.post<Detail>(`/api/cases/litigation/${d.id}/actions/${action}`, { version: d.version, ...input });
    expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
    d = res.body;
  }
  return d;
}

describe('litigation indicators', () => {
  it('computes 败诉率 with either base and 负责人出庭应诉率 from the records', async () => {
    const defence: [string, Record<string, unknown>] = ['submitDefence', { on: '2024-09-20', ...SAMPLE_INPUTS.submitDefence }];
    const withHead: [string, Record<string, unknown>] = ['recordHearing', { on: '2024-10-31', ...SAMPLE_INPUTS.recordHearing }];
    const staffOnly: [string, Record<string, unknown>] = ['recordHearing', {
      on: '2024-10-31', ...SAMPLE_INPUTS.recordHearing, isHeadPresent: false, head: undefined, absenceReason: '需要履行他人不能代替的公务',
    }];
    await run([defence, withHead, ['recordJudgment', { ...SAMPLE_INPUTS.recordJudgment, outcome: 'revoke' }], ['closeAsFinal', { on: '2024-12-17', ...SAMPLE_INPUTS.closeAsFinal }]], '（2024）川1724行初1号');
    await run([defence, staffOnly, ['recordJudgment', SAMPLE_INPUTS.recordJudgment], ['closeAsFinal', { on: '2024-12-17', ...SAMPLE_INPUTS.closeAsFinal }]], '（2024）川1724行初2号');
    await run([defence, ['withdraw', SAMPLE_INPUTS.withdraw]], '（2024）川1724行初3号');

    const get = async (id: string) => (await staff.get<Indicator>(`/api/indicators/${id}?year=2024`)).body;
    expect(await get('litigation.received.first')).toMatchObject({ value: 3 });
    expect(await get('litigation.concluded')).toMatchObject({ value: 3 });
    expect(await get('litigation.lossRate')).toMatchObject({ value: 33.3, numerator: 1, denominator: 3 });
    expect(await get('litigation.winRate')).toMatchObject({ value: 33.3, numerator: 1, denominator: 3 });
    expect(await get('litigation.headAttendanceRate')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    const losses = await staff.get<{ total: number }>((await get('litigation.lossRate')).recordsUrl!);
    expect(losses.body.total).toBe(1);

    const admin = await loginAs(ctx.app, 'admin', TEST_ADMIN_PASSWORD);
    expect((await admin.put('/api/settings/litigation.lossRateBase', { value: 'judged' })).status).toBe(200);
    expect(await get('litigation.lossRate')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });
});

describe('cases of the government apart from those of its departments', () => {
  it('splits by the defendant’s kind and links to exactly the cases counted', async () => {
    const countyId = (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items.find((o) => o.code === 'county')!.id;
    const res = await staff.post<Detail>('/api/cases/litigation', {
      ...SAMPLE_INPUTS.register, defendantOrgId: countyId, court: '示例市中级人民法院', courtCaseNo: '（2024）川17行初9号',
    });
    expect(res.status).toBe(201);
    const get = async (id: string) => (await staff.get<Indicator>(`/api/indicators/${id}?year=2024`)).body;
    const all = (await get('litigation.received.first')).value;
    expect(await get('litigation.government.received.first')).toMatchObject({ value: 1 });
    expect(await get('litigation.department.received')).toMatchObject({ value: all - 1 });
    const listed = await staff.get<{ total: number; items: { id: number }[] }>((await get('litigation.government.received.first')).recordsUrl!);
    expect(listed.body.items.map((c) => c.id)).toEqual([res.body.id]);
  });
});
