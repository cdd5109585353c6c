import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hasPermission, scopeFor, type Principal, type Scope } from '../access/scope.ts';
import { getSetting } from '../settings/service.ts';
import { DEFAULT_DEADLINE_PERMISSION, listDeadlineSources } from './registry.ts';
import { DEADLINE_NEAR_DAYS } from './settings.ts';
import { deadlineView, type DeadlineView } from './status.ts';

export type DeadlineQuery = {
  db: Kysely<Database>;
  principal: Principal;
  /** The report year (报告年度). */
  year: number;
  today: string;
  /** Only the caller's own organisations (home page), not everything the scope reaches (驾驶舱). */
  isMine?: boolean;
};

/** Organisations a source may list for the caller: the scope, narrowed to the caller's own when asked. */
function visibleOrgIds(scope: Scope, principal: Principal, isMine: boolean): number[] | null {
  if (isMine) return scope.isAll ? principal.orgIds : principal.orgIds.filter((id) => scope.orgIds.includes(id));
  return scope.isAll ? null : scope.orgIds;
}

/**
 * Every registered source's deadlines the caller may see, with days left and status, soonest first. A source
 * whose permission the caller lacks is left out; items outside the visible organisations are dropped even if
 * a source returned them.
 */
export async function collectDeadlines(query: DeadlineQuery): Promise<{ nearDays: number; items: DeadlineView[] }> {
  const { db, principal, year, today } = query;
  const nearDays = await getSetting(db, DEADLINE_NEAR_DAYS);
  const items: DeadlineView[] = [];
  for (const source of listDeadlineSources()) {
    const permission = source.permission ?? DEFAULT_DEADLINE_PERMISSION;
    if (!hasPermission(principal, permission)) continue;
    const scope = await scopeFor(db, principal, permission);
    const orgIds = visibleOrgIds(scope, principal, !!query.isMine);
    if (orgIds && orgIds.length === 0) continue;
    const listed = await source.list({ db, principal, scope, orgIds, year, today });
    for (const item of listed) {
      if (orgIds && !orgIds.includes(item.orgId)) continue;
      items.push(deadlineView(item, today, nearDays));
    }
  }
  // Array sort is stable: within one day, each source keeps its own order (government before departments, …).
  items.sort((a, b) => a.deadline.localeCompare(b.deadline));
  return { nearDays, items };
}
