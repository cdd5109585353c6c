import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../test/support/http.ts';
import { SAMPLE_INPUTS } from '../../../test/factories/reconsideration.ts';
import { watchClocks } from './clock-watch.ts';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
});
afterAll(async () => {
  await ctx.close();
});

type Message = { id: number; kind: string; title: string; link: string; readAt: string | null };

describe('the clock watch job', () => {
  it('messages the handler once when a clock is 超期, also for a case entered late', async () => {
    const orgs = (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items;
    const created = await staff.post<{ id: number; caseNo: string }>('/api/cases/reconsideration', {
      ...SAMPLE_INPUTS.register, respondentOrgId: orgs.find((o) => o.code === 'market')!.id, receivedOn: '2024-09-02',
    });
    expect(created.status).toBe(201);
    const first = await watchClocks(ctx.platform);
    expect(first.messages).toBe(1);
    const again = await watchClocks(ctx.platform);
    expect(again.messages).toBe(0);

    const inbox = (await staff.get<{ items: Message[]; unread: number }>('/api/messages')).body;
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'clock.overdue', link: `/admin/cases/reconsideration/${created.body.id}` });
    expect(inbox.items[0].title).toContain(created.body.caseNo);
    expect((await staff.post(`/api/messages/${inbox.items[0].id}/read`)).status).toBe(200);
    expect((await staff.get<{ unread: number }>('/api/messages')).body.unread).toBe(0);

    const other = await loginAs(ctx.app, 'scjg', TEST_ADMIN_PASSWORD);
    expect((await other.get<{ total: number }>('/api/messages')).body.total).toBe(0);
    expect((await other.post(`/api/messages/${inbox.items[0].id}/read`)).status).toBe(404);
  });

  it('walks every running clock page by page, each alert once', async () => {
    const orgs = (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items;
    for (let i = 0; i < 5; i += 1) {
      const created = await staff.post('/api/cases/reconsideration', {
        ...SAMPLE_INPUTS.register, respondentOrgId: orgs.find((o) => o.code === 'market')!.id, receivedOn: '2024-09-03',
      });
      expect(created.status).toBe(201);
    }
    const running = (await ctx.platform.db.selectFrom('case_clock').select((eb) => eb.fn.countAll<number>().as('n')).where('run', '=', 'running').executeTakeFirstOrThrow()).n;
    // Pages of two: several pages, some ending between two clocks of one case.
    const paged = await watchClocks(ctx.platform, undefined, 2);
    expect(paged.checked).toBe(Number(running));
    expect(paged.messages).toBe(5);
    expect((await watchClocks(ctx.platform, undefined, 2)).messages).toBe(0);
    expect((await watchClocks(ctx.platform)).checked).toBe(Number(running));
  });

  it('runs on demand for those allowed, refusing others', async () => {
    const admin = await loginAs(ctx.app, 'admin', TEST_ADMIN_PASSWORD);
    expect((await admin.post('/api/clocks/watch')).status).toBe(200);
    expect((await staff.post('/api/clocks/watch')).status).toBe(403);
  });
});
