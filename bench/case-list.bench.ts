import { loadPrincipal } from '../server/platform/auth/principal.ts';
import { loadCalendar } from '../server/platform/calendar/store.ts';
import { listCases, type CaseListFilter } from '../server/platform/engine/case-list.ts';
import { todayInChina } from '../server/platform/engine/plan.ts';
import { getSetting } from '../server/platform/settings/service.ts';
import { NEAR_DUE_WORKING_DAYS } from '../server/platform/settings/core-settings.ts';
import { mediation } from '../server/procedures/mediation/procedure.ts';
import { captureQueries, explain, type CapturedQuery } from './support/capture.ts';
import { onBaseline, onServer, registerBaseline, type BenchContext, type BenchRow } from './support/context.ts';
import { formatLoad, isHealthy, warmAndRun } from './support/load.ts';

const STATES = ['mediating', 'agreed', 'failed'] as const;
const MAX_COUNTIES = 24;

/**
 * 1. The mediation case list as a county's 司法局 opens it: one state, the county's organisations (orgTree),
 * page 1 of 20, soonest due first — through the real server (session, scope, the whole app) at 32 connections.
 * Baseline: a bare Fastify route replaying the list's own count and page statements (captured from listCases
 * for the same filters), on the same database. Targets (a province's 600,000 cases on SQLite): p95 ≤ 30 ms and
 * ≥ 40% of the baseline's throughput.
 */
export async function caseListBench(ctx: BenchContext): Promise<BenchRow[]> {
  const { platform, manifest, config } = ctx;
  const step = Math.max(1, Math.floor(manifest.countyOrgIds.length / MAX_COUNTIES));
  const counties = manifest.countyOrgIds.filter((_, i) => i % step === 0).slice(0, MAX_COUNTIES);
  const filters: CaseListFilter[] = counties.flatMap((orgTree) => STATES.map((state) => ({ state, orgTree, sort: 'due' as const, order: 'asc' as const, page: 1, pageSize: 20 })));
  const paths = filters.map((f) => `/api/cases/mediation?state=${f.state}&orgTree=${f.orgTree}&page=1&pageSize=20&sort=due&order=asc`);

  const principal = await loadPrincipal(platform.db, ctx.adminUserId);
  if (!principal) throw new Error('admin has no principal');
  const calendar = await loadCalendar(platform);
  const nearDue = await getSetting(platform.db, NEAR_DUE_WORKING_DAYS);
  const variants: CapturedQuery[][] = [];
  let total = 0;
  for (const filter of filters) {
    const { result, queries } = await captureQueries(platform.db, (db) => listCases({ ...platform, db }, principal, mediation, filter, calendar, todayInChina(), nearDue), (sql) => /from "proc_case"/.test(sql));
    variants.push(queries);
    total += result.total;
  }
  await registerBaseline(ctx, 'caseList', variants);
  ctx.log(`  case list: ${filters.length} filters (${counties.length} counties × ${STATES.length} states), ${Math.round(total / filters.length)} matching cases on average`);
  if (ctx.isExplaining) {
    for (const query of variants[1] ?? variants[0]) ctx.log(`  EXPLAIN ${query.sql.slice(0, 140)}…\n    ${(await explain(platform.db, platform.dialect, query)).join('\n    ')}`);
  }

  const common = { connections: config.connections, seconds: config.loadSeconds };
  const real = await warmAndRun({ ...common, ...onServer(ctx), pathOf: (n) => paths[n % paths.length], headers: { cookie: ctx.session.cookie } }, config.warmSeconds);
  const base = await warmAndRun({ ...common, ...onBaseline(ctx), pathOf: (n) => `/q/caseList/${n % variants.length}` }, config.warmSeconds);
  const ratio = base.rps ? real.rps / base.rps : Number.NaN;
  return [{
    benchmark: '1 案件列表 API（32 连接）',
    figure: formatLoad(real),
    target: 'p95 ≤ 30 ms；≥ 40% 基线吞吐',
    baseline: `裸 Fastify 同 SQL：${formatLoad(base)}`,
    ratio,
    isPass: isHealthy(real, config.connections) && real.p95 <= 30 && ratio >= 0.4,
  }];
}
