import type { Transaction } from 'kysely';
import type { Database } from '../server/db/schema.ts';
import { appendAudit } from '../server/platform/audit/append.ts';
import { loadPrincipal } from '../server/platform/auth/principal.ts';
import { inTransaction, nowIso, type Actor, type Platform } from '../server/platform/context.ts';
import { applyAction } from '../server/platform/engine/apply-action.ts';
import { todayInChina } from '../server/platform/engine/plan.ts';
import { issueDocNumber } from '../server/platform/numbering/issue.ts';
import type { BenchContext, BenchRow } from './support/context.ts';

/** What the actions benchmark needs: it runs in-process, before the server starts. */
export type ActionsContext = Pick<BenchContext, 'platform' | 'config' | 'manifest' | 'adminUserId'>;

/** A mediation case's short life, each step one applyAction: register (no document), accept (starts the clock), fail (stops it). */
const registerInput = (n: number) => ({
  receivedOn: todayInChina(), source: 'party_application', category: 'neighbourhood', summary: `基准测试纠纷${n}`, amount: 2000, peopleCount: 2,
  parties: [
    { kind: 'person', name: '刘一', idNumber: '11010519491231002X', phone: '13800001111', role: 'applicant' },
    { kind: 'person', name: '陈二', role: 'respondent' },
  ],
});
const ACCEPT = { mediators: ['调解员甲'] };
const FAIL = { reason: '双方分歧较大', advisedRoutes: ['提起诉讼'] };
const BASELINE_PROCEDURE = 'bench_baseline';

type Writer = (platform: Platform, n: number) => Promise<number>;

/**
 * 2. Sustained applyAction throughput: 8 writers, each walking its own cases through register → accept → fail
 * (audit chain, case numbers, clocks, events, personal data sealed; no Word documents) in the benchmark committee.
 * Baseline: the same 8 writers committing the equivalent rows in bare transactions — case row with the version
 * check, event, clock, case number, audit record — without the engine's reads, checks and planning. The ratio is
 * the share of the database's own write rate the engine keeps. Target ≥ 500 actions/s on SQLite.
 */
export async function actionsBench(ctx: ActionsContext): Promise<BenchRow[]> {
  const { platform, config, manifest } = ctx;
  const principal = await loadPrincipal(platform.db, ctx.adminUserId);
  if (!principal) throw new Error('admin has no principal');
  const actor: Actor = { id: ctx.adminUserId, name: '基准测试', ip: '127.0.0.1' };
  const orgId = manifest.labOrgId;

  const engine: Writer = async (p, n) => {
    const created = await applyAction(p, principal, actor, { procedure: 'mediation', caseId: null, action: 'register', orgId, input: registerInput(n) });
    const accepted = await applyAction(p, principal, actor, { procedure: 'mediation', caseId: created.caseId, action: 'accept', version: created.version, input: ACCEPT });
    await applyAction(p, principal, actor, { procedure: 'mediation', caseId: created.caseId, action: 'fail', version: accepted.version, input: FAIL });
    return 3;
  };
  const bare: Writer = (p, n) => bareCycle(p, actor, orgId, n);

  const warm = Math.min(1, config.actionSeconds / 2);
  await runWriters(platform, engine, config.writers, warm);
  const rate = await runWriters(platform, engine, config.writers, config.actionSeconds);
  await runWriters(platform, bare, config.writers, warm);
  const baseRate = await runWriters(platform, bare, config.writers, config.actionSeconds);
  return [{
    benchmark: `2 办理操作 applyAction（${config.writers} 个并发写入者，${platform.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}）`,
    figure: `${Math.round(rate)} 次/秒`,
    target: '≥ 500 次/秒（SQLite）',
    baseline: `裸事务写同样的行：${Math.round(baseRate)} 次/秒`,
    ratio: rate / baseRate,
    isPass: rate >= 500,
  }];
}

/** Actions per second of `writers` concurrent loops over `seconds`; each loop finishes the cycle it is in. */
async function runWriters(platform: Platform, writer: Writer, writers: number, seconds: number): Promise<number> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let counter = 0;
  const loops = Array.from({ length: writers }, async () => {
    let done = 0;
    while (performance.now() < deadline) done += await writer(platform, (counter += 1));
    return done;
  });
  const actions = (await Promise.all(loops)).reduce((a, b) => a + b, 0);
  return actions / ((performance.now() - started) / 1000);
}

/** The three transactions applyAction would commit for register, accept and fail, written directly. */
async function bareCycle(platform: Platform, actor: Actor, orgId: number, n: number): Promise<number> {
  const today = todayInChina();
  const at = nowIso();
  const data = JSON.stringify({ ...registerInput(n), parties: [{ kind: 'person', name: '刘一', role: 'applicant' }, { kind: 'person', name: '陈二', role: 'respondent' }] });
  const event = (trx: Transaction<Database>, caseId: number, seq: number, action: string, from: string | null, to: string) =>
    trx.insertInto('case_event').values({ case_id: caseId, seq, action, on_date: today, from_state: from, to_state: to, input_json: '{}', actor_id: actor.id, actor_name: actor.name, at }).execute();
  const audit = (trx: Transaction<Database>, caseId: number, action: string, version: number) =>
    appendAudit(trx, platform.dialect, actor, { action: `bench.baseline.${action}`, targetType: 'case', targetId: caseId, after: { version, on: today } });
  const caseId = await inTransaction(platform, async (trx) => {
    const number = await issueDocNumber(trx, platform.dialect, { orgId, kind: `case:${BASELINE_PROCEDURE}`, year: Number(today.slice(0, 4)), fallback: { pattern: '{prefix}〔{year}〕{seq}号', prefix: '基准' } });
    const row = await trx.insertInto('proc_case').values({
      procedure: BASELINE_PROCEDURE, table_version: '1', case_no: number.text, title: '刘一与陈二纠纷', state: 'registered', org_id: orgId, handler_id: actor.id,
      data_json: data, version: 1, opened_on: today, closed_on: null, last_event_on: today, next_due_on: null, clock_status: 'idle',
      search_text: `${number.text} 刘一 陈二`, facets_json: '{"outcome":"registered"}', created_by: actor.id, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    await event(trx, row.id, 1, 'register', null, 'registered');
    await audit(trx, row.id, 'register', 1);
    return row.id;
  });
  await inTransaction(platform, async (trx) => {
    await trx.updateTable('proc_case').set({ state: 'mediating', data_json: data, version: 2, updated_at: at }).where('id', '=', caseId).where('version', '=', 1).execute();
    await trx.insertInto('case_clock').values({ case_id: caseId, clock_key: 'mediation', events_json: JSON.stringify([{ kind: 'start', on: today }]), run: 'running', due_on: today, status: 'normal', status_checked_on: today }).execute();
    await trx.updateTable('proc_case').set({ next_due_on: today, clock_status: 'normal' }).where('id', '=', caseId).execute();
    await event(trx, caseId, 2, 'accept', 'registered', 'mediating');
    await audit(trx, caseId, 'accept', 2);
  });
  await inTransaction(platform, async (trx) => {
    await trx.updateTable('proc_case').set({ state: 'failed', data_json: data, version: 3, closed_on: today, updated_at: at }).where('id', '=', caseId).where('version', '=', 2).execute();
    await trx.updateTable('case_clock').set({ events_json: JSON.stringify([{ kind: 'start', on: today }, { kind: 'stop', on: today }]), run: 'stopped', status: 'stopped' }).where('case_id', '=', caseId).where('clock_key', '=', 'mediation').execute();
    await trx.updateTable('proc_case').set({ next_due_on: null, clock_status: 'stopped' }).where('id', '=', caseId).execute();
    await event(trx, caseId, 3, 'fail', 'mediating', 'failed');
    await audit(trx, caseId, 'fail', 3);
  });
  return 3;
}
