import type { Transaction } from 'kysely';
import type { Db } from '../../../db/client.ts';
import type { Database } from '../../../db/schema.ts';
import { hasPermission, scopeFor, type Principal } from '../../../platform/access/scope.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { inTransaction, nowIso, type Actor, type Platform } from '../../../platform/context.ts';
import { applyAction, type ActionResult } from '../../../platform/engine/apply-action.ts';
import type { AfterApplyContext } from '../../../platform/engine/define.ts';
import { todayInChina } from '../../../platform/engine/plan.ts';
import { findProcedure } from '../../../platform/engine/registry.ts';
import { AppError } from '../../../platform/errors.ts';
import { MANAGE } from './access.ts';
import { reportInScope } from './grid-reports.ts';

export const MEDIATION_PROCEDURE = 'mediation';
export const REGISTER_ACTION = 'register';
/** `mediation_source` code of 网格上报. */
export const GRID_REPORT_SOURCE = 'grid_report';
/** A claim older than this is taken to be left by a crashed request and may be taken again. */
const STALE_CLAIM_MS = 10 * 60_000;

export type CaseRequest = { orgId?: number; on?: string; input?: Record<string, unknown> };

export function isMediationProcedureRegistered(): boolean {
  return findProcedure(MEDIATION_PROCEDURE) !== undefined;
}

type Trx = Transaction<Database>;

/** The report's own facts as the case's starting input; the caller's input wins, source and link do not change. */
async function caseInputFrom(db: Db, reportId: number, given: Record<string, unknown>): Promise<Record<string, unknown>> {
  const report = await db
    .selectFrom('grid_report as r')
    .innerJoin('mediation_grid as g', 'g.id', 'r.grid_id')
    .leftJoin('grid_worker as w', 'w.id', 'r.grid_worker_id')
    .select(['r.id', 'r.description', 'r.parties_json', 'r.place', 'r.category', 'g.name as grid_name', 'w.name as worker_name'])
    .where('r.id', '=', reportId)
    .executeTakeFirstOrThrow();
  const parties = (JSON.parse(report.parties_json) as string[]).map((name) => ({ kind: 'person', name }));
  const defaults: Record<string, unknown> = {
    receivedOn: todayInChina(),
    sourceDetail: `网格上报：${report.grid_name}${report.worker_name ? `，网格员${report.worker_name}` : ''}（排查报告第${report.id}号）`,
    parties, summary: report.description,
    ...(report.place ? { place: report.place } : {}),
    ...(report.category ? { category: report.category } : {}),
    ...(parties.length >= 2 ? { peopleCount: parties.length } : {}),
  };
  return { ...defaults, ...given, source: GRID_REPORT_SOURCE, gridReportId: reportId };
}

/** A case handled by a registered committee is the committee's (its node in the organisation tree). */
async function committeeOrgOf(db: Db, committeeId: unknown): Promise<number | undefined> {
  if (typeof committeeId !== 'number') return undefined;
  const row = await db.selectFrom('mediation_committee').select('org_id').where('id', '=', committeeId).executeTakeFirst();
  return row?.org_id ?? undefined;
}

type Claimed = { version: number; updatedAt: string };

/** open → converting, so two staff cannot open two cases for one report; answers what release restores. */
async function claim(platform: Platform, principal: Principal, reportId: number): Promise<Claimed> {
  const scope = await scopeFor(platform.db, principal, MANAGE);
  return inTransaction(platform, async (trx) => {
    const report = await reportInScope(trx, scope, reportId);
    const isStaleClaim = report.state === 'converting' && Date.now() - Date.parse(report.updated_at) > STALE_CLAIM_MS;
    if (report.state === 'converting' && !isStaleClaim) throw new AppError('CONFLICT', '该排查报告正在转为调解案件，请稍后刷新');
    if (report.state !== 'open' && !isStaleClaim) throw new AppError('TRANSITION_NOT_ALLOWED', '排查报告已处理，不能再转为调解案件');
    const result = await trx.updateTable('grid_report').set({ state: 'converting', version: report.version + 1, updated_at: nowIso() })
      .where('id', '=', reportId).where('version', '=', report.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '排查报告已被他人处理，请刷新后重试');
    return { version: report.version, updatedAt: report.updated_at };
  });
}

/**
 * Marks the report converted, inside whatever transaction holds the case: the engine's, when the procedure's
 * `register` calls `linkGridReport` from its afterApply, or a follow-up one here. Idempotent.
 */
async function markConverted(trx: Trx, platform: Platform, actor: Actor, reportId: number, caseId: number): Promise<boolean> {
  const report = await trx.selectFrom('grid_report').select(['state', 'case_id', 'version']).where('id', '=', reportId).executeTakeFirst();
  if (!report) throw new AppError('VALIDATION_FAILED', `排查报告第${reportId}号不存在`, { fields: [{ path: 'gridReportId', message: '排查报告不存在' }] });
  if (report.state === 'converted' && report.case_id === caseId) return false;
  if (report.state !== 'open' && report.state !== 'converting') throw new AppError('TRANSITION_NOT_ALLOWED', `排查报告第${reportId}号已处理，不能再转为调解案件`);
  await trx.updateTable('grid_report')
    .set({ state: 'converted', case_id: caseId, handled_on: todayInChina(), handled_by: actor.id, version: report.version + 1, updated_at: nowIso() })
    .where('id', '=', reportId).execute();
  await appendAudit(trx, platform.dialect, actor, { action: 'mediation.grid_report.convert', targetType: 'grid_report', targetId: reportId, before: { state: report.state }, after: { state: 'converted', caseId } });
  return true;
}

/**
 * For the mediation procedure's `register` afterApply: when the input names a `gridReportId`, the report is
 * marked converted in the engine's own transaction (case and link commit together).
 */
export async function linkGridReport(ctx: AfterApplyContext): Promise<void> {
  const reportId = ctx.input.gridReportId;
  if (typeof reportId !== 'number') return;
  await markConverted(ctx.trx, ctx.platform, ctx.actor, reportId, ctx.caseId);
}

/**
 * 网格上报 → 人民调解案件: registers a case through the engine (`mediation`/`register`, source 网格上报) with the
 * report's facts as defaults, then records the case on the report. The report is claimed first; if the case
 * cannot be registered (invalid input, no permission) the claim is released and the error answered.
 */
export async function convertReportToCase(platform: Platform, principal: Principal, actor: Actor, reportId: number, caseRequest: CaseRequest = {}): Promise<ActionResult> {
  if (!hasPermission(principal, MANAGE)) throw new AppError('FORBIDDEN', '没有“mediation.manage”权限');
  if (!isMediationProcedureRegistered()) throw new AppError('TRANSITION_NOT_ALLOWED', '人民调解程序尚未启用，暂不能把排查报告转为调解案件');
  const claimed = await claim(platform, principal, reportId);
  let result: ActionResult;
  try {
    const input = await caseInputFrom(platform.db, reportId, caseRequest.input ?? {});
    const orgId = caseRequest.orgId ?? (await committeeOrgOf(platform.db, input.committeeId));
    result = await applyAction(platform, principal, actor, {
      procedure: MEDIATION_PROCEDURE, caseId: null, action: REGISTER_ACTION, on: caseRequest.on, orgId, input,
    });
  } catch (error) {
    // The refusal leaves the report as it was, version included: an editor who has it open is not told of a conflict.
    await platform.db.updateTable('grid_report').set({ state: 'open', version: claimed.version, updated_at: claimed.updatedAt })
      .where('id', '=', reportId).where('state', '=', 'converting').where('version', '=', claimed.version + 1).execute();
    throw error;
  }
  await inTransaction(platform, (trx) => markConverted(trx, platform, actor, reportId, result.caseId));
  return result;
}
