import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { inTransaction } from '../context.ts';
import { indexDocument, indexNewDocuments, removeDocument, type SearchDocument } from './index-store.ts';
import { RANKED_CANDIDATES, searchDocuments } from './search.ts';

let ctx: TestPlatform;

const doc = (subjectId: number, title: string, body: string, extra: Partial<SearchDocument> = {}): SearchDocument => ({
  subjectType: 'test', subjectId, orgId: 1, kind: 'k', title, body, publishedAt: `2024-05-${String(subjectId).padStart(2, '0')}T00:00:00.000Z`, ...extra,
});

const find = async (q: string, extra: { orgIds?: number[]; kind?: string; page?: number; pageSize?: number } = {}) =>
  searchDocuments(ctx.platform.db, ctx.platform.dialect, { q, subjectType: 'test', page: 1, pageSize: 20, ...extra });
const ids = async (q: string) => (await find(q)).items.map((h) => h.subjectId);

beforeAll(async () => {
  ctx = await createTestPlatform();
  await inTransaction(ctx.platform, async (trx) => {
    const { dialect } = ctx.platform;
    await indexDocument(trx, dialect, doc(1, '关于张三不服行政处罚的行政复议决定书', '本机关依法作出行政复议决定如下：维持原行政行为。'));
    await indexDocument(trx, dialect, doc(2, '2024年政府信息公开工作年度报告', '本年度收到政府信息公开申请99件，行政复议1件。', { orgId: 2 }));
    await indexDocument(trx, dialect, doc(3, '县教育局招生政策解读', '义务教育阶段招生工作坚持免试就近入学。', { kind: 'other' }));
    await indexDocument(trx, dialect, doc(4, '临时记录', '将被移出索引的复议材料'));
    await indexDocument(trx, dialect, doc(5, 'Report ABC-2024', '英文 Mixed 文本'));
  });
});
afterAll(async () => {
  await ctx?.close();
});

describe(`full-text search on ${process.env.FAZHI_TEST_DB ?? 'sqlite'}`, () => {
  it('finds 行政复议决定书 by 复议, by 行政复议决定 and by a single character', async () => {
    expect(await ids('复议')).toEqual(expect.arrayContaining([1, 2, 4]));
    expect(await ids('行政复议决定')).toEqual([1]);
    expect(await ids('复')).toEqual(expect.arrayContaining([1, 2, 4]));
    expect(await ids('书')).toEqual([1]);
    expect(await ids('招生')).toEqual([3]);
  });

  it('ranks a title match above a body match', async () => {
    expect((await ids('复议'))[0]).toBe(1);
  });

  it('finds two-character words jieba cut differently and words in other scripts by prefix', async () => {
    // 复议决定 is not a jieba word of the text; its bigrams are all there.
    expect(await ids('复议决定')).toEqual([1]);
    expect(await ids('免试')).toEqual([3]);
    expect(await ids('abc')).toEqual([5]);
    expect(await ids('mix')).toEqual([5]);
    expect(await ids('2024')).toEqual(expect.arrayContaining([2, 5]));
  });

  it('filters by organisation and kind, and pages', async () => {
    expect((await find('复议', { orgIds: [2] })).items.map((h) => h.subjectId)).toEqual([2]);
    expect((await find('复议', { orgIds: [] })).total).toBe(0);
    expect((await find('教育', { kind: 'k' })).total).toBe(0);
    const paged = await find('复议', { pageSize: 2, page: 2 });
    expect(paged.total).toBe(3);
    expect(paged.items).toHaveLength(1);
  });

  it('returns escaped snippets with the terms marked', async () => {
    const [hit] = (await find('行政复议决定')).items;
    expect(hit.titleHtml).toBe('关于张三不服行政处罚的<mark>行政复议决定</mark>书');
    expect(hit.snippetHtml).toContain('<mark>');
  });

  it('finds nothing for punctuation or query syntax, without failing', async () => {
    for (const q of ['《》', '"', "'", 'AND', '*', '复议" OR "', "复议' | '", '(', ':']) {
      const result = await find(q);
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
    expect((await find('《》')).total).toBe(0);
  });

  it('replaces a record on re-indexing and forgets it on removal', async () => {
    await inTransaction(ctx.platform, (trx) => indexDocument(trx, ctx.platform.dialect, doc(4, '临时记录', '已改为调解材料')));
    expect(await ids('复议')).not.toContain(4);
    expect(await ids('调解')).toEqual([4]);
    await inTransaction(ctx.platform, (trx) => removeDocument(trx, ctx.platform.dialect, 'test', 4));
    expect(await ids('调解')).toEqual([]);
  });

  it('indexes a long document', async () => {
    const body = '政府信息公开'.repeat(8000);
    await inTransaction(ctx.platform, (trx) => indexDocument(trx, ctx.platform.dialect, doc(9, '长文档', body)));
    expect(await ids('长文档')).toEqual([9]);
  });

  it('ranks only the newest matches when there are more than it ranks, and says so', async () => {
    const many = Array.from({ length: RANKED_CANDIDATES + 30 }, (_, i) =>
      doc(1000 + i, `第${i}号公告`, i === 5 ? '调解协议履行情况' : '普通公告正文', { subjectType: 'many' }));
    // The one title match is among the oldest: outside the newest RANKED_CANDIDATES.
    many[3] = doc(1003, '人民调解公告', '普通公告正文', { subjectType: 'many' });
    await inTransaction(ctx.platform, (trx) => indexNewDocuments(trx, ctx.platform.dialect, many));
    const search = (q: string, page = 1) => searchDocuments(ctx.platform.db, ctx.platform.dialect, { q, subjectType: 'many', page, pageSize: 20 });

    const common = await search('公告');
    expect(common.isCapped).toBe(true);
    expect(common.total).toBe(RANKED_CANDIDATES);
    expect(common.items.map((h) => h.subjectId)).not.toContain(1003);
    const lastPage = await search('公告', RANKED_CANDIDATES / 20);
    expect(lastPage.items).toHaveLength(20);
    expect((await search('公告', RANKED_CANDIDATES / 20 + 1)).items).toEqual([]);

    // Few matches: all of them, counted exactly, the title match first.
    const rare = await search('调解');
    expect(rare.isCapped).toBe(false);
    expect(rare.total).toBe(2);
    expect(rare.items.map((h) => h.subjectId)).toEqual([1003, 1005]);
  });
});
