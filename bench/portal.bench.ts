import { searchDocuments } from '../server/platform/search/search.ts';
import { publishedItem } from '../server/portal/public-queries.ts';
import { captureQueries, explain, type CapturedQuery } from './support/capture.ts';
import { onBaseline, onServer, registerBaseline, type BenchContext, type BenchRow } from './support/context.ts';
import { formatLoad, isHealthy, warmAndRun, type LoadOptions } from './support/load.ts';

/** Queries people type: single characters, two-character words and four-character phrases of government work. */
const QUERIES: Record<1 | 2 | 4, string[]> = {
  1: ['县', '法', '局', '镇', '村', '政', '安', '民', '农', '水', '路', '税', '医', '学', '林', '环'],
  2: ['复议', '处罚', '许可', '预算', '规划', '安全', '教育', '医疗', '农村', '道路', '环境', '招标', '养老', '就业', '防汛', '食品'],
  4: ['行政处罚', '乡村振兴', '安全生产', '政务公开', '营商环境', '生态环境', '义务教育', '社会救助', '防汛抗旱', '森林防火', '食品安全', '招商引资', '垃圾分类', '数字政府', '科技创新', '文化旅游'],
};
const SAMPLE_IDS = 5000;

/** A client address per request: the portal's public search is rate-limited per address (60 a minute). */
const fromMany = (n: number) => ({ 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` });

/**
 * 3. The public portal over all published items: an item page, and searches of one, two and four characters —
 * anonymous, at 32 connections, each request with a nonce so the 30-second page cache never answers (the cold
 * path; cached pages are far faster). Baseline: a bare route reading the same item row / running the same FTS
 * statements (captured from the portal's own queries). Targets (1,000,000 items): p95 ≤ 50 ms pages, ≤ 100 ms search.
 */
export async function portalBench(ctx: BenchContext): Promise<BenchRow[]> {
  const { platform, config } = ctx;
  const ids = await sampleItemIds(ctx);
  if (!ids.length) return [skipped('3 公开门户', '没有已发布的信息（生成数据时未包含 items）')];
  const { queries: itemQueries } = await captureQueries(platform.db, (db) => publishedItem(db, ids[0]));
  await registerBaseline(ctx, 'item', [itemQueries], ids[0]);
  const common = { connections: config.connections, seconds: config.loadSeconds };
  const rows: BenchRow[] = [];

  const page = await compare(ctx,
    { ...common, ...onServer(ctx), pathOf: (n) => `/items/${ids[n % ids.length]}?_=${n}` },
    { ...common, ...onBaseline(ctx), pathOf: (n) => `/t/item/${ids[n % ids.length]}` });
  rows.push(row('3 门户信息页面', page, 50, '同一行', config.connections));

  for (const length of [1, 2, 4] as const) {
    const terms = QUERIES[length];
    const variants: CapturedQuery[][] = [];
    let matches = 0;
    for (const q of terms) {
      const { result, queries } = await captureQueries(platform.db, (db) => searchDocuments(db, platform.dialect, { q, subjectType: 'item', page: 1, pageSize: 10 }));
      variants.push(queries);
      matches += result.total;
    }
    await registerBaseline(ctx, `search${length}`, variants);
    ctx.log(`  search ${length} 字: ${terms.length} queries, ${Math.round(matches / terms.length)} matching items on average`);
    if (ctx.isExplaining) for (const query of variants[0]) ctx.log(`  EXPLAIN ${query.sql.slice(0, 140)}…\n    ${(await explain(platform.db, platform.dialect, query)).join('\n    ')}`);
    const result = await compare(ctx,
      { ...common, ...onServer(ctx), pathOf: (n) => `/search?q=${encodeURIComponent(terms[n % terms.length])}&_=${n}`, headers: fromMany },
      { ...common, ...onBaseline(ctx), pathOf: (n) => `/q/search${length}/${n % terms.length}` });
    rows.push(row(`3 门户搜索（${length} 字）`, result, 100, '同一 FTS 查询', config.connections));
  }
  return rows;
}

async function compare(ctx: BenchContext, real: LoadOptions, base: LoadOptions) {
  return { real: await warmAndRun(real, ctx.config.warmSeconds), base: await warmAndRun(base, ctx.config.warmSeconds) };
}

function row(benchmark: string, result: Awaited<ReturnType<typeof compare>>, p95Target: number, what: string, connections: number): BenchRow {
  return {
    benchmark,
    figure: formatLoad(result.real),
    target: `p95 ≤ ${p95Target} ms`,
    baseline: `裸 Fastify ${what}：${formatLoad(result.base)}`,
    ratio: result.base.rps ? result.real.rps / result.base.rps : null,
    isPass: isHealthy(result.real, connections) && result.real.p95 <= p95Target,
  };
}

function skipped(benchmark: string, why: string): BenchRow {
  return { benchmark, figure: `未运行：${why}`, target: '', baseline: '', ratio: null, isPass: null };
}

/** Random published items across the whole id range (ids of generated items are dense). */
async function sampleItemIds(ctx: BenchContext): Promise<number[]> {
  const { db } = ctx.platform;
  const range = await db.selectFrom('info_item').select((eb) => [eb.fn.min<number>('id').as('lo'), eb.fn.max<number>('id').as('hi')]).where('state', '=', 'published').executeTakeFirst();
  if (!range?.lo) return [];
  const lo = Number(range.lo);
  const hi = Number(range.hi);
  const wanted = [...new Set(Array.from({ length: SAMPLE_IDS }, () => lo + Math.floor(Math.random() * (hi - lo + 1))))];
  const found = await db.selectFrom('info_item').select('id').where('state', '=', 'published').where('id', 'in', wanted.slice(0, 30_000)).execute();
  return found.map((r) => Number(r.id)).sort(() => Math.random() - 0.5);
}
