import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { inTransaction, nowIso, type Actor, type Platform } from '../context.ts';
import { appendAudit } from '../audit/append.ts';
import { hasPermission, scopeFor, scopeIncludesOrg, type Principal } from '../access/scope.ts';
import { loadCalendar } from '../calendar/store.ts';
import { allSettingValues, getSetting } from '../settings/service.ts';
import { NEAR_DUE_WORKING_DAYS } from '../settings/core-settings.ts';
import { issueDocNumber } from '../numbering/issue.ts';
import { facetColumns } from './case-facets.ts';
import type { ProcedureDefinition } from './define.ts';
import { findProcedure } from './registry.ts';
import { planAction, todayInChina, type ActionPlan, type CaseSnapshot } from './plan.ts';
import { writeClockEvents } from './case-clocks.ts';
import { maskedView, sealPersonalData } from './personal-data.ts';
import { caseNumberFallback, caseNumberKind, issueCaseDocuments } from './case-documents.ts';

export type ActionRequest = {
  procedure: string;
  /** null for the procedure's create action. */
  caseId: number | null;
  action: string;
  /** Legal date the action happened on; default today (China time). */
  on?: string;
  /** The case version the caller saw; a different current version answers CONFLICT. */
  version?: number;
  /** For the create action: the handling organisation (must be in the caller's scope). */
  orgId?: number;
  input: unknown;
};

export type ActionResult = { caseId: number; version: number; state: string; plan: ActionPlan; documentIds: number[] };

/**
 * The only writer of a case's state (DESIGN property 2). One transaction: permission and scope, the
 * from-state, the input, the optimistic version check, clocks, the event, documents with their numbers,
 * the search text and the audit record. Anything failing rolls all of it back.
 */
export async function applyAction(platform: Platform, principal: Principal, actor: Actor, request: ActionRequest): Promise<ActionResult> {
  const latest = findProcedure(request.procedure);
  if (!latest) throw notFound('程序');
  const existing = request.caseId == null ? null : await platform.db.selectFrom('proc_case').selectAll().where('id', '=', request.caseId).where('procedure', '=', request.procedure).executeTakeFirst();
  if (request.caseId != null && !existing) throw notFound('案件');
  const procedure = existing ? findProcedure(request.procedure, existing.table_version) : latest;
  if (!procedure) throw new Error(`procedure ${request.procedure} version ${existing?.table_version} is not registered`);
  // Own keys only: an action named `toString` or `constructor` is no action, not Object.prototype's.
  const definition = Object.hasOwn(procedure.actions, request.action) ? procedure.actions[request.action] : undefined;
  if (!definition) throw notFound('操作');

  const scope = await scopeFor(platform.db, principal, definition.permission);
  const orgId = existing?.org_id ?? request.orgId ?? principal.orgIds[0];
  // Out of scope reads as absent (404), never as forbidden, so case existence does not leak.
  if (existing && !hasPermission(principal, `${procedure.key}.read`) && !hasPermission(principal, definition.permission)) throw notFound('案件');
  if (existing && !scopeIncludesOrg(scope, existing.org_id) && !(await scopeAllowsRead(platform, principal, procedure, existing.org_id))) throw notFound('案件');
  if (!hasPermission(principal, definition.permission)) {
    await inTransaction(platform, (trx) =>
      appendAudit(trx, platform.dialect, actor, { action: 'access.denied', targetType: 'case', targetId: request.caseId, after: { permission: definition.permission, action: request.action } }),
    );
    throw new AppError('FORBIDDEN', `没有“${definition.title}”的权限`);
  }
  if (orgId == null || !scopeIncludesOrg(scope, orgId)) {
    if (!existing) throw new AppError('VALIDATION_FAILED', '办理机关超出您的数据范围', { fields: [{ path: 'orgId', message: '超出数据范围' }] });
    throw new AppError('FORBIDDEN', `案件不在您“${definition.title}”的数据范围内`);
  }
  // A scope of 全部 admits any id; an organisation that does not exist is bad input, not a failed insert (500).
  if (!existing && !(await platform.db.selectFrom('organization').select('id').where('id', '=', orgId).executeTakeFirst())) {
    throw new AppError('VALIDATION_FAILED', '办理机关不存在', { fields: [{ path: 'orgId', message: '办理机关不存在' }] });
  }

  const calendar = await loadCalendar(platform);
  const nearDue = await getSetting(platform.db, NEAR_DUE_WORKING_DAYS);
  const settings = await allSettingValues(platform.db);
  const today = todayInChina();

  return inTransaction(platform, async (trx) => {
    const current = existing ? await trx.selectFrom('proc_case').selectAll().where('id', '=', existing.id).executeTakeFirstOrThrow() : null;
    if (current && request.version != null && current.version !== request.version) throw conflict();
    const snapshot: CaseSnapshot | null = current
      ? { state: current.state, data: JSON.parse(current.data_json), lastEventOn: current.last_event_on, takenActions: await takenActions(trx, current.id) }
      : null;
    const plan = planAction(procedure, snapshot, request.action, request.input, request.on, today, calendar, settings);
    const { on } = plan;
    const sealedData = sealPersonalData(plan.data, platform.cipher);
    const at = nowIso();
    const isFinal = procedure.finalStates.includes(plan.toState);

    let caseId: number;
    let version: number;
    let caseNo: string;
    if (!current) {
      const number = await issueDocNumber(trx, platform.dialect, {
        orgId, kind: caseNumberKind(procedure), year: Number(on.slice(0, 4)), fallback: await caseNumberFallback(trx, procedure, orgId),
      });
      caseNo = number.text;
      const row = await trx
        .insertInto('proc_case')
        .values({
          procedure: procedure.key, table_version: procedure.version, case_no: caseNo, title: procedure.caseTitle(plan.data),
          state: plan.toState, org_id: orgId, handler_id: userIdOf(principal), data_json: JSON.stringify(sealedData), version: 1,
          opened_on: on, closed_on: isFinal ? on : null, last_event_on: on, next_due_on: null, clock_status: 'idle',
          search_text: `${caseNo} ${procedure.searchText(maskedView(plan.data))}`, ...facetColumns(procedure, plan.toState, plan.data), created_by: userIdOf(principal), created_at: at, updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      caseId = row.id;
      version = 1;
    } else {
      caseId = current.id;
      caseNo = current.case_no;
      version = current.version + 1;
      const updated = await trx
        .updateTable('proc_case')
        .set({
          state: plan.toState, title: procedure.caseTitle(plan.data), data_json: JSON.stringify(sealedData), version,
          last_event_on: on, closed_on: isFinal ? (current.closed_on ?? on) : null, updated_at: at,
          search_text: `${caseNo} ${procedure.searchText(maskedView(plan.data))}`,
          ...facetColumns(procedure, plan.toState, plan.data),
        })
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw conflict();
    }

    const extra = await definition.afterApply?.({ trx, platform, caseId, orgId, actor, input: plan.input, data: plan.data, on });
    if (extra) {
      plan.data = { ...plan.data, ...extra };
      await trx.updateTable('proc_case').set({ data_json: JSON.stringify(sealPersonalData(plan.data, platform.cipher)), ...facetColumns(procedure, plan.toState, plan.data) }).where('id', '=', caseId).execute();
    }
    const summary = await writeClockEvents(trx, caseId, procedure, plan.clockEvents, calendar, today, nearDue);
    await trx.updateTable('proc_case').set({ next_due_on: summary.nextDueOn, clock_status: summary.worstStatus }).where('id', '=', caseId).execute();
    const seq = current ? (await nextEventSeq(trx, caseId)) : 1;
    await trx
      .insertInto('case_event')
      .values({
        case_id: caseId, seq, action: plan.action, on_date: on, from_state: plan.fromState, to_state: plan.toState,
        input_json: JSON.stringify(sealPersonalData(plan.input, platform.cipher)), actor_id: actor.id, actor_name: actor.name, at,
      })
      .execute();
    const documentIds = await issueCaseDocuments(trx, platform, procedure, { caseId, caseNo, orgId, plan, actor });
    await appendAudit(trx, platform.dialect, actor, {
      action: `${procedure.key}.${plan.action}`,
      targetType: 'case',
      targetId: caseId,
      before: current ? { state: current.state, version: current.version } : null,
      after: { state: plan.toState, version, on, input: maskedView(plan.input), documents: documentIds },
    });
    return { caseId, version, state: plan.toState, plan, documentIds };
  });
}

/** Facets as canonical JSON ({"a":"x","b":"y"}), so a filter can match `"a":"x"` as text on both backends. */
/** Principals that are not accounts (the public portal) have user id 0: nobody is recorded as handler. */
function userIdOf(principal: Principal): number | null {
  return principal.userId > 0 ? principal.userId : null;
}

function conflict(): AppError {
  return new AppError('CONFLICT', '案件已被他人更新，请刷新后重试');
}

async function takenActions(trx: Transaction<Database>, caseId: number): Promise<string[]> {
  return (await trx.selectFrom('case_event').select('action').where('case_id', '=', caseId).execute()).map((r) => r.action);
}

async function nextEventSeq(trx: Transaction<Database>, caseId: number): Promise<number> {
  const row = await trx.selectFrom('case_event').select((eb) => eb.fn.max('seq').as('seq')).where('case_id', '=', caseId).executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

/** A case visible through the procedure's read permission but not the action's scope is known to exist. */
async function scopeAllowsRead(platform: Platform, principal: Principal, procedure: ProcedureDefinition, orgId: number): Promise<boolean> {
  const readPermission = `${procedure.key}.read`;
  if (!hasPermission(principal, readPermission)) return false;
  return scopeIncludesOrg(await scopeFor(platform.db, principal, readPermission), orgId);
}
