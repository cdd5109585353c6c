// `npm test`: every database test on SQLite, again on a throwaway PostgreSQL, then the browser tests.
// Usage: node scripts/test.mjs [--only sqlite,postgres,e2e] [vitest filters or options for the DB runs]
// Set FAZHI_TEST_PG_URL to use a running PostgreSQL (an admin URL) instead of starting one.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPgCluster } from './pg-cluster.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const chromium = process.env.FAZHI_CHROMIUM || '/usr/bin/chromium';
const STAGES = ['sqlite', 'postgres', 'e2e'];

const { stages, vitestArgs } = parseArgs(process.argv.slice(2));
// Reports, and TMPDIR of every child: whatever an interrupted run leaves behind goes with this dir.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-test-run-'));
const totals = { passed: 0, failed: 0 };
const lines = [];
let cluster = null;
let child = null;

const cleanup = () => {
  cluster?.stop();
  cluster = null;
  fs.rmSync(workDir, { recursive: true, force: true });
};
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping`);
    child?.kill(signal);
    cleanup();
    process.exit(code);
  });
}
process.on('exit', cleanup);

try {
  if (stages.has('sqlite')) await dbRun('sqlite', {});
  if (stages.has('postgres')) await postgresRun();
  if (stages.has('e2e')) await e2eRun();
} catch (error) {
  fail('runner', error instanceof Error ? error.message : String(error));
} finally {
  cleanup();
}

console.log('\n──────── summary ────────');
for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;

async function dbRun(name, env) {
  await vitestRun(name, [...vitestArgs], { ...env, FAZHI_TEST_DB: name });
}

async function postgresRun() {
  const given = process.env.FAZHI_TEST_PG_URL;
  if (!given) {
    const started = Date.now();
    try {
      cluster = await startPgCluster();
    } catch (error) {
      return fail('postgres', error instanceof Error ? error.message : String(error));
    }
    console.log(`\n[postgres] throwaway cluster ${cluster.url} (${cluster.binDir}) ready in ${seconds(started)}`);
  }
  try {
    await dbRun('postgres', { FAZHI_TEST_PG_URL: given ?? cluster.url });
  } finally {
    cluster?.stop();
    cluster = null;
  }
}

async function e2eRun() {
  if (!isExecutable(chromium)) {
    return fail('e2e', `Chromium not found at ${chromium}: the browser tests cannot run. Install Debian's chromium (apt-get install -y chromium) or set FAZHI_CHROMIUM.`);
  }
  const ui = await runProcess(process.execPath, [path.join(root, 'scripts', 'ensure-ui.mjs')], process.env);
  if (ui !== 0) return fail('e2e', 'building the admin UI (scripts/ensure-ui.mjs) failed');
  const env = { ...process.env, FAZHI_TEST_DB: 'sqlite', FAZHI_CHROMIUM: chromium };
  delete env.DATABASE_URL;
  // The same filters as the database runs: `--only e2e mediation` runs the mediation browser tests only.
  await vitestRun('e2e', ['--config', 'test/e2e/vitest.config.ts', ...vitestArgs], env, true);
}

async function vitestRun(name, args, env, isFullEnv = false) {
  const report = path.join(workDir, `${name}.json`);
  const started = Date.now();
  console.log(`\n════════ ${name} ════════`);
  const argv = [vitestBin, 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const code = await runProcess(process.execPath, argv, isFullEnv ? env : { ...process.env, ...env });
  const counts = readReport(report);
  if (!counts) return fail(name, `vitest exited with ${code} and wrote no report`);
  // A file that fails to load, or whose beforeAll throws, has no failed test of its own: count it once.
  const failed = counts.failed + (code !== 0 && counts.failed === 0 && counts.brokenFiles === 0 ? 1 : counts.brokenFiles);
  totals.passed += counts.passed;
  totals.failed += failed;
  const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
  lines.push(`[${name}] ${counts.passed} passed, ${failed} failed${skipped} in ${seconds(started)}`);
}

function readReport(file) {
  if (!fs.existsSync(file)) return null;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  let brokenFiles = 0;
  for (const result of report.testResults ?? []) {
    const hasFailedTest = (result.assertionResults ?? []).some((a) => a.status === 'failed');
    if (result.status === 'failed' && !hasFailedTest) brokenFiles += 1;
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    brokenFiles,
  };
}

function runProcess(command, argv, env) {
  return new Promise((resolve) => {
    child = spawn(command, argv, { cwd: root, env: { ...env, TMPDIR: workDir }, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(error.message);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      child = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function fail(name, message) {
  console.error(`\n[${name}] ERROR: ${message}`);
  totals.failed += 1;
  lines.push(`[${name}] ERROR: ${message.split('\n')[0]}`);
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

function parseArgs(args) {
  const rest = [];
  let only = STAGES;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? args[(i += 1)] : arg.slice('--only='.length);
      only = (value ?? '').split(',').filter(Boolean);
      const unknown = only.filter((s) => !STAGES.includes(s));
      if (unknown.length || !only.length) {
        console.error(`--only takes a comma list of ${STAGES.join(', ')}`);
        process.exit(2);
      }
    } else {
      rest.push(arg);
    }
  }
  return { stages: new Set(only), vitestArgs: rest };
}
