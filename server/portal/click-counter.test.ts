import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/support/platform.ts';
import { createClickCounter } from './click-counter.ts';

let ctx: TestPlatform;
let ids: number[];

beforeAll(async () => {
  ctx = await createTestPlatform({ seed: true });
  const org = await ctx.platform.db.selectFrom('organization').select('id').executeTakeFirstOrThrow();
  const rows = Array.from({ length: 450 }, (_, i) => ({
    org_id: org.id, category: 'other', title: `点击 ${i}`, doc_number: null, body_html: '<p>正文</p>', body_text: '正文',
    formed_on: '2024-03-01', is_change: 0, source: '来源', state: 'published', publish_at: null, published_at: '2024-03-02T00:00:00.000Z',
    published_on: '2024-03-02', due_on: '2024-03-29', reject_reason: null, withdraw_reason: null, withdrawn_at: null, click_count: 10, version: 1,
    created_by: null, created_at: '2024-03-01T00:00:00.000Z', updated_at: '2024-03-01T00:00:00.000Z',
  }));
  ids = [];
  for (let i = 0; i < rows.length; i += 100) {
    ids.push(...(await ctx.platform.db.insertInto('info_item').values(rows.slice(i, i + 100)).returning('id').execute()).map((r) => r.id));
  }
});
afterAll(async () => {
  await ctx.close();
});

const storedCounts = async () => new Map((await ctx.platform.db.selectFrom('info_item').select(['id', 'click_count']).where('id', 'in', ids).execute()).map((r) => [r.id, r.click_count]));

describe('click counter', () => {
  it('writes the views of many items in several transactions, and the count shown never goes back', async () => {
    const clicks = createClickCounter(ctx.platform, { intervalMs: 3_600_000 });
    for (const id of ids) clicks.hit(id, 10);
    expect(clicks.hit(ids[0], 10)).toBe(12);
    await clicks.flush();
    const stored = await storedCounts();
    expect(stored.get(ids[0])).toBe(12);
    expect([...stored.values()].filter((n) => n === 11)).toHaveLength(ids.length - 1);
    expect(clicks.pendingViews).toBe(0);
    // A page cached before the flush still carries the stored count 10: the count shown goes on from 12.
    expect(clicks.hit(ids[0], 10)).toBe(13);
    await clicks.stop();
    expect((await storedCounts()).get(ids[0])).toBe(13);
    expect(clicks.pendingViews).toBe(0);
  });
});
