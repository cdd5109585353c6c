import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../test/support/http.ts';
import { SAMPLE_INPUTS } from '../../../test/factories/reconsideration.ts';
import { reconsideration } from './procedure.ts';
import { registerProcedure } from '../../platform/engine/registry.ts';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
});
afterAll(async () => {
  await ctx.close();
});

type Detail = { id: number; tableVersion: string; abilities: { key: string }[] };

describe('a revised procedure table', () => {
  it('opens new cases under the revision while old cases keep the table they were opened under', async () => {
    const orgs = (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items;
    const body = { ...SAMPLE_INPUTS.register, respondentOrgId: orgs.find((o) => o.code === 'market')!.id };
    const old = (await staff.post<Detail>('/api/cases/reconsideration', body)).body;
    expect(old.tableVersion).toBe('2023');

    // A hypothetical later revision of the law that drops 通知补正 from the table.
    const { requestCorrection: _dropped, ...actions } = reconsideration.actions;
    registerProcedure({ ...reconsideration, version: '2099', actions });

    const fresh = (await staff.post<Detail>('/api/cases/reconsideration', { ...body, receivedOn: '2024-10-08' })).body;
    expect(fresh.tableVersion).toBe('2099');
    expect(fresh.abilities.map((a) => a.key)).not.toContain('requestCorrection');
    const reread = (await staff.get<Detail>(`/api/cases/reconsideration/${old.id}`)).body;
    expect(reread.tableVersion).toBe('2023');
    expect(reread.abilities.map((a) => a.key)).toContain('requestCorrection');
  });
});
