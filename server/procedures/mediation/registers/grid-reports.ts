import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import type { Database } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/scope.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { inTransaction, nowIso, type Actor, type Platform } from '../../../platform/context.ts';
import { todayInChina } from '../../../platform/engine/plan.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { offsetOf } from '../../../platform/http/paging.ts';
import { anchorsInScope, conflict, gridAnchors, gridVisibleTo, scopeIds } from './access.ts';
import { gridInScope } from './grids.ts';
import type { ReportInput, ZReportQuery, ZReportUpdate } from './schemas.ts';
import { assertDictCode, dictLabels, DISPUTE_CATEGORY_DICT, labelOf, REPORT_STATES, RISK_LEVELS } from './vocabulary.ts';

type Trx = Transaction<Database>;

/** A report whose grid is in scope, or NOT_FOUND. */
export async function reportInScope(db: Trx | Db, scope: Scope, id: number) {
  const report = await db.selectFrom('grid_report').selectAll().where('id', '=', id).executeTakeFirst();
  if (!report) throw notFound('排查报告');
  const grid = await db.selectFrom('mediation_grid').select(['township_org_id', 'guide_org_id']).where('id', '=', report.grid_id).executeTakeFirstOrThrow();
  if (!anchorsInScope(scope, gridAnchors(grid))) throw notFound('排查报告');
  return report;
}

async function checkInput(trx: Trx, scope: Scope, input: ReportInput): Promise<void> {
  try {
    await gridInScope(trx, scope, input.gridId);
  } catch {
    throw new AppError('VALIDATION_FAILED', '所选网格不存在或超出您的数据范围', { fields: [{ path: 'gridId', message: '网格不存在或无权访问' }] });
  }
  if (input.gridWorkerId != null) {
    const worker = await trx.selectFrom('grid_worker').select('id').where('id', '=', input.gridWorkerId).where('grid_id', '=', input.gridId).executeTakeFirst();
    if (!worker) throw new AppError('VALIDATION_FAILED', '所选网格员不属于该网格', { fields: [{ path: 'gridWorkerId', message: '网格员不属于该网格' }] });
  }
  await assertDictCode(trx, DISPUTE_CATEGORY_DICT, input.category, 'category', '纠纷类别');
}

const reportValues = (input: ReportInput) => ({
  grid_id: input.gridId, grid_worker_id: input.gridWorkerId ?? null, found_on: input.foundOn, description: input.description,
  parties_json: JSON.stringify(input.parties), place: input.place || null, risk_level: input.riskLevel, category: input.category ?? null,
});

/** 排查: what a grid worker (or staff on their behalf) found; it waits for staff to open a case or close it. */
export async function createReport(platform: Platform, actor: Actor, scope: Scope, input: ReportInput): Promise<number> {
  return inTransaction(platform, async (trx) => {
    await checkInput(trx, scope, input);
    const at = nowIso();
    const row = await trx
      .insertInto('grid_report')
      .values({ ...reportValues(input), state: 'open', case_id: null, close_reason: null, handled_on: null, handled_by: null, version: 1, created_by: actor.id, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, platform.dialect, actor, { action: 'mediation.grid_report.create', targetType: 'grid_report', targetId: row.id, after: input });
    return row.id;
  });
}

export async function updateReport(platform: Platform, actor: Actor, scope: Scope, id: number, body: z.output<typeof ZReportUpdate>): Promise<void> {
  const { version, ...input } = body;
  await inTransaction(platform, async (trx) => {
    const current = await reportInScope(trx, scope, id);
    if (current.state !== 'open') throw new AppError('TRANSITION_NOT_ALLOWED', '排查报告已处理，不能再修改');
    await checkInput(trx, scope, input);
    const result = await trx.updateTable('grid_report').set({ ...reportValues(input), version: version + 1, updated_at: nowIso() })
      .where('id', '=', id).where('version', '=', version).where('state', '=', 'open').executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('排查报告');
    await appendAudit(trx, platform.dialect, actor, { action: 'mediation.grid_report.update', targetType: 'grid_report', targetId: id, before: current, after: { ...input, version: version + 1 } });
  });
}

/** Closed without a case (化解在萌芽、不属于民间纠纷 …): the reason is kept. */
export async function closeReport(platform: Platform, actor: Actor, scope: Scope, id: number, reason: string, version?: number): Promise<void> {
  await inTransaction(platform, async (trx) => {
    const current = await reportInScope(trx, scope, id);
    if (current.state !== 'open') throw new AppError('TRANSITION_NOT_ALLOWED', `排查报告${labelOf(REPORT_STATES, current.state)}，不能关闭`);
    if (version != null && version !== current.version) throw conflict('排查报告');
    const result = await trx.updateTable('grid_report')
      .set({ state: 'closed', close_reason: reason, handled_on: todayInChina(), handled_by: actor.id, version: current.version + 1, updated_at: nowIso() })
      .where('id', '=', id).where('version', '=', current.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('排查报告');
    await appendAudit(trx, platform.dialect, actor, { action: 'mediation.grid_report.close', targetType: 'grid_report', targetId: id, before: { state: current.state }, after: { state: 'closed', reason } });
  });
}

function reportQuery(db: Db) {
  return db
    .selectFrom('grid_report as r')
    .innerJoin('mediation_grid as g', 'g.id', 'r.grid_id')
    .leftJoin('organization as t', 't.id', 'g.township_org_id')
    .leftJoin('grid_worker as w', 'w.id', 'r.grid_worker_id')
    .leftJoin('proc_case as pc', 'pc.id', 'r.case_id');
}

function selectReports(query: ReturnType<typeof reportQuery>) {
  return query
    .selectAll('r')
    .select(['g.name as grid_name', 'g.township_org_id', 'g.guide_org_id', 't.name as township_org_name', 'w.name as grid_worker_name', 'pc.case_no'])
    .execute();
}

type ReportRow = Awaited<ReturnType<typeof selectReports>>[number];

function viewOf(r: ReportRow, categories: Map<string, string>) {
  return {
    id: r.id, gridId: r.grid_id, gridName: r.grid_name, townshipOrgId: r.township_org_id, townshipOrgName: r.township_org_name,
    gridWorkerId: r.grid_worker_id, gridWorkerName: r.grid_worker_name, foundOn: r.found_on, description: r.description,
    parties: JSON.parse(r.parties_json) as string[], place: r.place, riskLevel: r.risk_level, riskLevelLabel: labelOf(RISK_LEVELS, r.risk_level),
    category: r.category, categoryLabel: r.category ? (categories.get(r.category) ?? r.category) : null,
    state: r.state, stateLabel: labelOf(REPORT_STATES, r.state), caseId: r.case_id, caseNo: r.case_no ?? null,
    closeReason: r.close_reason, handledOn: r.handled_on, version: r.version, createdAt: r.created_at,
  };
}

export async function listReports(db: Db, scope: Scope, query: z.output<typeof ZReportQuery>) {
  let q = reportQuery(db);
  const ids = scopeIds(scope);
  if (ids) q = q.where(gridVisibleTo('g', ids));
  if (query.state) q = q.where('r.state', '=', query.state);
  if (query.gridId) q = q.where('r.grid_id', '=', query.gridId);
  if (query.townshipOrgId) q = q.where('g.township_org_id', '=', query.townshipOrgId);
  if (query.riskLevel) q = q.where('r.risk_level', '=', query.riskLevel);
  if (query.from) q = q.where('r.found_on', '>=', query.from);
  if (query.to) q = q.where('r.found_on', '<=', query.to);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await selectReports(q.orderBy('r.found_on', 'desc').orderBy('r.id', 'desc').limit(query.pageSize).offset(offsetOf(query)));
  const categories = await dictLabels(db, DISPUTE_CATEGORY_DICT);
  return { items: rows.map((r) => viewOf(r, categories)), total: Number(total), page: query.page, pageSize: query.pageSize };
}

export async function reportDetail(db: Db, scope: Scope, id: number) {
  const [row] = await selectReports(reportQuery(db).where('r.id', '=', id));
  if (!row || !anchorsInScope(scope, gridAnchors(row))) return null;
  return viewOf(row, await dictLabels(db, DISPUTE_CATEGORY_DICT));
}
