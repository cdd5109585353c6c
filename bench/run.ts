// `npm run bench -- [--size tiny|county|province] [--only case-list,actions,…] [--dialect sqlite|postgres] [--data-dir DIR]
//   [--seconds N] [--explain] [--json FILE]`: runs the benchmarks against the real server and prints one table (docs/PERFORMANCE.md).
// tiny generates its own small data (in a temp dir, or a throwaway PostgreSQL cluster); county and province run on
// data made beforehand by `npm run bench:data` in --data-dir (and DATABASE_URL for PostgreSQL).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { actionsBench } from './actions.bench.ts';
import { caseListBench } from './case-list.bench.ts';
import { generateBenchData } from './data/generator.ts';
import { importBench } from './import.bench.ts';
import { indicatorsBench } from './indicators.bench.ts';
import { memoryRow, startRssSampler } from './memory.bench.ts';
import { portalBench } from './portal.bench.ts';
import { startBaselineServer, startServer, type Child } from './support/children.ts';
import { login, SIZES, type BenchContext, type BenchRow, type Size } from './support/context.ts';
import { formatTable } from './support/table.ts';
import { BENCH_ADMIN_PASSWORD, openTarget, readManifest, resolveTarget, type Manifest, type Target } from './support/target.ts';

/** The benchmarks that talk to the server, in the order they run (actions runs first, before the server starts). */
const BENCHES = {
  'case-list': caseListBench,
  portal: portalBench,
  indicators: indicatorsBench,
  import: importBench,
} as const;
type BenchName = keyof typeof BENCHES | 'actions' | 'memory';
const NAMES: BenchName[] = ['actions', 'case-list', 'portal', 'indicators', 'import', 'memory'];

/** The tiny data set: one county at 3% of its volume, three townships. */
const TINY = { counties: 1, scale: 0.03, townships: 3 };

type PgCluster = { url: string; stop: () => void };

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string', default: 'tiny' }, only: { type: 'string' }, dialect: { type: 'string' },
      'data-dir': { type: 'string' }, explain: { type: 'boolean', default: false }, json: { type: 'string' }, seconds: { type: 'string' },
    },
  });
  const size = values.size as Size;
  if (!SIZES[size]) return usage(`--size 只能是 ${Object.keys(SIZES).join('、')}`);
  const only = (values.only?.split(',') ?? NAMES) as BenchName[];
  if (only.some((n) => !NAMES.includes(n))) return usage(`--only 只能是 ${NAMES.join('、')} 的组合（逗号分隔）`);
  if (values.dialect && values.dialect !== 'sqlite' && values.dialect !== 'postgres') return usage('--dialect 只能是 sqlite 或 postgres');
  const log = (line: string) => console.log(line);
  const cleanups: (() => Promise<void> | void)[] = [];
  const started = Date.now();
  // Interrupted, it still stops the server children and a throwaway PostgreSQL cluster and removes temp data.
  const onSignal = () => {
    void Promise.allSettled([...cleanups].reverse().map((cleanup) => Promise.resolve().then(cleanup))).then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const target = await prepareTarget(size, values['data-dir'], values.dialect, cleanups);
    const platform = await openTarget(target);
    cleanups.push(() => platform.db.destroy());
    if (size === 'tiny') {
      const { isNew, manifest } = await generateBenchData(platform, { ...TINY, year: 2024, parts: ['mediation', 'cases', 'items'], log: () => {} });
      log(`tiny 数据${isNew ? '已生成' : '已存在'}：${JSON.stringify(manifest.totals)}`);
    }
    const manifest = await readManifest(platform);
    if (!manifest) return usage('目标库中没有生成的基准数据：先运行 npm run bench:data -- --counties N --year 2024 --data-dir DIR（见 docs/PERFORMANCE.md）');
    const seconds = values.seconds ? Number(values.seconds) : null;
    if (seconds != null && !(seconds > 0)) return usage('--seconds 应为正数');
    const config = seconds ? { ...SIZES[size], loadSeconds: seconds, actionSeconds: seconds } : SIZES[size];
    log(`基准测试：规模 ${size}，${platform.dialect}，数据 ${manifest.counties} 个县 ${manifest.year} 年（${Object.entries(manifest.totals).map(([k, v]) => `${k} ${v}`).join('，')}），${os.cpus().length} 核，Node ${process.versions.node}`);

    const rows: BenchRow[] = [];
    let hasFailed = false;
    const attempt = async (name: string, run: () => Promise<BenchRow[]>, server?: Child) => {
      log(`▶ ${name}`);
      try {
        rows.push(...await run());
      } catch (error) {
        hasFailed = true;
        rows.push({ benchmark: name, figure: `失败：${error instanceof Error ? error.message : String(error)}`.slice(0, 300), target: '', baseline: '', ratio: null, isPass: false });
        log(`  ${name} failed: ${error instanceof Error ? error.stack : String(error)}${server ? `\n${server.output().slice(-2000)}` : ''}`);
      }
    };
    const admin = await platform.db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    // In-process writers run before the server starts: two processes writing one SQLite file collide (SQLITE_BUSY on
    // the upgrade of a deferred transaction), which would measure the collision instead of the engine.
    if (only.includes('actions')) await attempt('actions', () => actionsBench({ platform, config, manifest, adminUserId: admin.id }));

    const serverBenches = only.filter((n): n is keyof typeof BENCHES => n in BENCHES);
    const report = (all: BenchRow[], isFailed: boolean) => {
      printResults(all, { started, json: values.json, size, dialect: platform.dialect, manifest });
      return isFailed ? 1 : 0;
    };
    if (!serverBenches.length && !only.includes('memory')) return report(rows, hasFailed);

    const server = await startServer(target, BENCH_ADMIN_PASSWORD);
    cleanups.push(() => server.stop());
    const baseline = await startBaselineServer(target);
    cleanups.push(() => baseline.stop());
    await new Promise((resolve) => setTimeout(resolve, config.settleSeconds * 1000));
    const rss = startRssSampler(server);
    cleanups.push(() => rss.stop());
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
    cleanups.push(() => fs.rmSync(tmpDir, { recursive: true, force: true }));
    const ctx: BenchContext = {
      size, config, target, platform, manifest, server, baseline, adminUserId: admin.id, tmpDir, log, isExplaining: values.explain,
      session: await login(server.url, 'admin', BENCH_ADMIN_PASSWORD),
    };

    for (const name of serverBenches) await attempt(name, () => BENCHES[name](ctx), server);
    if (only.includes('memory')) rows.push(memoryRow(rss.idleMb, server.rssMb(), rss.peakMb()));
    return report(rows, hasFailed);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    for (const cleanup of cleanups.reverse()) await Promise.resolve().then(cleanup).catch(() => {});
  }
}

/** Prints the table (benchmarks in their numbered order) and writes the JSON. */
function printResults(rows: BenchRow[], run: { started: number; json?: string; size: Size; dialect: string; manifest: Manifest }): void {
  const order = (row: BenchRow) => Number.parseInt(row.benchmark, 10) || 99;
  console.log(`\n${formatTable([...rows].sort((a, b) => order(a) - order(b)))}\n`);
  console.log(`比值：1、3 为本服务吞吐 ÷ 基线吞吐；2 为引擎吞吐 ÷ 裸事务吞吐；4、5 为耗时 ÷ 基线耗时；6 为结束时 RSS ÷ 空闲 RSS。用时 ${Math.round((Date.now() - run.started) / 1000)} s。`);
  if (run.json) fs.writeFileSync(run.json, JSON.stringify({ size: run.size, dialect: run.dialect, manifest: run.manifest, rows }, null, 2));
}

/** tiny makes its own target when none is given; the full sizes need the one bench:data filled. */
async function prepareTarget(size: Size, dataDir: string | undefined, dialect: string | undefined, cleanups: (() => Promise<void> | void)[]): Promise<Target> {
  const wantsPostgres = dialect === 'postgres' || (!dialect && !!process.env.DATABASE_URL);
  let databaseUrl = wantsPostgres ? process.env.DATABASE_URL : undefined;
  if (size !== 'tiny') {
    if (dialect === 'postgres' && !databaseUrl) throw new Error('--dialect postgres 需要 DATABASE_URL（bench:data 生成数据所用的同一个库）');
    return resolveTarget(dataDir, databaseUrl ?? '');
  }
  if (wantsPostgres && !databaseUrl) {
    const specifier = '../scripts/pg-cluster.mjs';
    const { startPgCluster } = (await import(specifier)) as { startPgCluster: () => Promise<PgCluster> };
    const cluster = await startPgCluster();
    cleanups.push(() => cluster.stop());
    databaseUrl = cluster.url;
  }
  let dir = dataDir;
  if (!dir) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-data-'));
    const made = dir;
    cleanups.push(() => fs.rmSync(made, { recursive: true, force: true }));
  }
  return resolveTarget(dir, databaseUrl ?? '');
}

function usage(message: string): number {
  console.error(message);
  return 2;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
