import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform } from '../../../test/support/platform.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { searchDocuments } from '../search/search.ts';
import { importItems, type ImportedItemInput } from './import-items.ts';
import { AppError } from '../errors.ts';

const actor = { id: null, name: '迁移', ip: null };
const ALL = { isAll: true } as const;

let ctx: Awaited<ReturnType<typeof createTestPlatform>>;
let marketId: number;
let eduId: number;

beforeAll(async () => {
  ctx = await createTestPlatform({ seed: true });
  const orgs = await ctx.platform.db.selectFrom('organization').select(['id', 'code']).execute();
  marketId = orgs.find((o) => o.code === 'market')!.id;
  eduId = orgs.find((o) => o.code === 'edu')!.id;
});
afterAll(async () => {
  await ctx?.close();
});

const item = (n: number, overrides: Partial<ImportedItemInput> = {}): ImportedItemInput => ({
  orgId: marketId, category: 'penalty', title: `旧网站行政处罚公示第${n}号`, formedOn: '2024-03-01',
  bodyHtml: `<p>当事人不服的，可以申请行政复议。编号${n}</p><script>alert(1)</script>`, publishedAt: '2024-03-05T09:00:00+08:00', ...overrides,
});
const found = async (q: string) =>
  (await searchDocuments(ctx.platform.db, ctx.platform.dialect, { q, subjectType: 'item', page: 1, pageSize: 50 })).items.map((h) => h.subjectId);

describe('importing items published on an old website', () => {
  it('writes them as published in batches, each with its index entries and one audit record', async () => {
    const auditBefore = await ctx.platform.db.selectFrom('audit_log').select('seq').where('action', '=', 'item.import').execute();
    const result = await importItems(ctx.platform, actor, ALL, [1, 2, 3, 4, 5].map((n) => item(n, n === 5 ? { orgId: eduId, category: 'planning', title: '教育发展规划' } : {})), { batchSize: 2 });
    expect(result).toMatchObject({ imported: 5, batches: 3 });

    const rows = await ctx.platform.db.selectFrom('info_item').selectAll().where('id', 'in', result.ids).orderBy('id').execute();
    expect(rows.map((r) => r.state)).toEqual(Array(5).fill('published'));
    expect(rows[0]).toMatchObject({ published_on: '2024-03-05', published_at: '2024-03-05T01:00:00.000Z', due_on: '2024-03-29', source: '县市场监督管理局' });
    expect(rows[0].body_html).not.toContain('script');

    expect(await found('复议')).toEqual(expect.arrayContaining(result.ids.slice(0, 4)));
    expect(await found('规划')).toEqual([result.ids[4]]);
    expect(await found('罚')).toHaveLength(4);
    expect(await found('行政处罚公示')).toHaveLength(4);

    const audits = await ctx.platform.db.selectFrom('audit_log').select(['after_json']).where('action', '=', 'item.import').orderBy('seq').execute();
    expect(audits.length - auditBefore.length).toBe(3);
    expect(JSON.parse(audits[audits.length - 1].after_json!)).toMatchObject({ count: 1, firstId: result.ids[4], lastId: result.ids[4], orgIds: [eduId] });
    expect((await verifyAuditChain(ctx.platform.db)).ok).toBe(true);
  });

  it('refuses the whole call, naming every bad item, and writes nothing', async () => {
    const before = await ctx.platform.db.selectFrom('info_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const call = importItems(ctx.platform, actor, { isAll: false, orgIds: [marketId], selfUserId: 1 }, [
      item(10),
      item(11, { publishedAt: '2999-01-01T00:00:00Z' }),
      item(12, { orgId: eduId }),
      item(13, { category: 'nope' }),
      item(14, { publishedAt: '2024-02-01T00:00:00Z' }),
    ]);
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields?.map((f) => f.path)).toEqual(['items.1.publishedAt', 'items.2.orgId', 'items.3.category', 'items.4.publishedAt']);
    const after = await ctx.platform.db.selectFrom('info_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('names malformed input by its place in the list', async () => {
    const error = await importItems(ctx.platform, actor, ALL, [item(20), { ...item(21), title: '' }]).catch((e: unknown) => e);
    expect((error as AppError).fields?.[0].path).toBe('items.1.title');
  });
});
