import { subtreeOrgIds } from '../server/platform/access/scope.ts';
import { evaluateIndicators } from '../server/platform/indicators/evaluate.ts';
import { listIndicators } from '../server/platform/indicators/registry.ts';
import { buildReportDocument, reportRowFor } from '../server/report/build.ts';
import { captureQueries, replay, type CapturedQuery } from './support/capture.ts';
import { median, timed, type BenchContext, type BenchRow } from './support/context.ts';

/**
 * 4. Figures. (a) Every indicator for the whole installation's root (the province, or the one county) for the
 * year, as the statistics page asks the real server (GET /api/indicators?year=&org=). (b) The annual rule-of-law
 * report of one county, composed and rendered to Word as `npx fazhi report --format docx` does (in-process).
 * Baseline of each: the raw statements behind it, captured from the same computation and replayed back to back.
 * Targets: report ≤ 2 s (one county); all indicators ≤ 10 s (the province, on PostgreSQL).
 */
export async function indicatorsBench(ctx: BenchContext): Promise<BenchRow[]> {
  const { platform, manifest, config } = ctx;
  const year = manifest.year;
  const root = manifest.rootOrgId;
  const url = `${ctx.server.url}/api/indicators?year=${year}&org=${root}`;
  const fetchAll = async () => {
    const answer = await fetch(url, { headers: { cookie: ctx.session.cookie } });
    if (!answer.ok) throw new Error(`GET /api/indicators answered ${answer.status}: ${await answer.text()}`);
    return ((await answer.json()) as { items: unknown[] }).items.length;
  };
  const count = await fetchAll(); // warm-up, unmeasured
  const apiSeconds: number[] = [];
  for (let i = 0; i < config.repeats; i += 1) apiSeconds.push((await timed(fetchAll)).seconds);

  const orgIds = await subtreeOrgIds(platform.db, [root]);
  const { queries: indicatorQueries } = await captureQueries(platform.db, async (db) => {
    await evaluateIndicators(db, listIndicators(), { year, org: root, orgIds });
  });
  const rawSeconds = await replayTimes(ctx, indicatorQueries);
  const scope = manifest.counties > 1 ? `全省 ${manifest.counties} 个县` : '全县';

  const county = await platform.db.selectFrom('organization').select(['id', 'name']).where('code', '=', manifest.firstCountyCode).executeTakeFirstOrThrow();
  const build = async (db = platform.db) => buildReportDocument(db, await reportRowFor(db, county.id, year));
  const { result: report } = await timed(() => build()); // warm-up: docx templates, fonts
  const reportSeconds: number[] = [];
  for (let i = 0; i < config.repeats; i += 1) reportSeconds.push((await timed(() => build())).seconds);
  const { queries: reportQueries } = await captureQueries(platform.db, (db) => build(db));
  const reportRawSeconds = await replayTimes(ctx, reportQueries);
  ctx.log(`  indicators: ${count} indicators, ${indicatorQueries.length} statements; report: ${report.report.figures.length} figures, ${reportQueries.length} statements, ${Math.round(report.buffer.length / 1024)} KB docx`);

  const api = median(apiSeconds);
  const raw = median(rawSeconds);
  const doc = median(reportSeconds);
  const docRaw = median(reportRawSeconds);
  return [
    {
      benchmark: `4 全部指标（${scope}，${platform.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}）`,
      figure: `${seconds(api)}（${count} 项，中位数/${config.repeats} 次）`,
      target: '≤ 10 s（全省，PostgreSQL）',
      baseline: `同 ${indicatorQueries.length} 条 SQL 直接执行：${seconds(raw)}`,
      ratio: api / raw,
      isPass: api <= 10,
    },
    {
      benchmark: `4 年度报告（${county.name}，docx）`,
      figure: `${seconds(doc)}（中位数/${config.repeats} 次）`,
      target: '≤ 2 s（一个县）',
      baseline: `同 ${reportQueries.length} 条 SQL 直接执行：${seconds(docRaw)}`,
      ratio: doc / docRaw,
      isPass: doc <= 2,
    },
  ];
}

async function replayTimes(ctx: BenchContext, queries: CapturedQuery[]): Promise<number[]> {
  await replay(ctx.platform.db, queries);
  const times: number[] = [];
  for (let i = 0; i < ctx.config.repeats; i += 1) times.push((await timed(() => replay(ctx.platform.db, queries))).seconds);
  return times;
}

function seconds(value: number): string {
  return value < 1 ? `${Math.round(value * 1000)} ms` : `${value.toFixed(2)} s`;
}
