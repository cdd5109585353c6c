import type { Platform } from '../context.ts';
import { hasPermission, scopeFor, type Principal } from '../access/scope.ts';
import { loadCalendar } from '../calendar/store.ts';
import { getSetting } from '../settings/service.ts';
import { NEAR_DUE_WORKING_DAYS } from '../settings/core-settings.ts';
import { listProcedures } from './registry.ts';
import { caseSummary } from './case-view.ts';
import { safeAddWorkingDays, withLiveStatus } from './case-list.ts';
import { todayInChina } from './plan.ts';

/**
 * 待办: open cases, across procedures, in a state where the user holds the permission of at least one
 * possible action and the case is in that permission's scope; soonest due first.
 */
export async function listTasks(platform: Platform, principal: Principal, paging: { page: number; pageSize: number }) {
  const { db } = platform;
  const clauses: { procedure: string; states: string[]; orgIds: number[] | null }[] = [];
  for (const procedure of listProcedures()) {
    const byPermission = new Map<string, string[]>();
    for (const [, action] of Object.entries(procedure.actions)) {
      if (!action.from.length || !hasPermission(principal, action.permission)) continue;
      byPermission.set(action.permission, [...(byPermission.get(action.permission) ?? []), ...action.from]);
    }
    for (const [permission, states] of byPermission) {
      const scope = await scopeFor(db, principal, permission);
      clauses.push({ procedure: procedure.key, states: [...new Set(states)], orgIds: scope.isAll ? null : scope.orgIds });
    }
  }
  if (clauses.length === 0) return { items: [], total: 0, ...paging };
  const base = db
    .selectFrom('proc_case')
    .leftJoin('organization', 'organization.id', 'proc_case.org_id')
    .where('proc_case.closed_on', 'is', null)
    .where((eb) => eb.or(clauses.map((c) => eb.and([
      eb('proc_case.procedure', '=', c.procedure),
      eb('proc_case.state', 'in', c.states),
      ...(c.orgIds ? [eb('proc_case.org_id', 'in', c.orgIds.length ? c.orgIds : [-1])] : []),
    ]))));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('proc_case')
    .select('organization.name as org_name')
    .orderBy((eb) => eb.case().when('proc_case.next_due_on', 'is', null).then(1).else(0).end())
    .orderBy('proc_case.next_due_on', 'asc')
    .orderBy('proc_case.id', 'asc')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  const calendar = await loadCalendar(platform);
  const today = todayInChina();
  const nearDueLimit = safeAddWorkingDays(calendar, today, await getSetting(db, NEAR_DUE_WORKING_DAYS));
  const procedures = new Map(listProcedures().map((p) => [p.key, p]));
  return {
    items: rows.map((row) => ({
      ...withLiveStatus(caseSummary(procedures.get(row.procedure)!, row, row.org_name), today, nearDueLimit),
      procedureTitle: procedures.get(row.procedure)!.title,
    })),
    total: Number(total),
    ...paging,
  };
}
