import type { Platform } from '../context.ts';
import { scopeFor, subtreeOrgIds, type Principal } from '../access/scope.ts';
import type { Calendar } from '../calendar/calendar.ts';
import { containsText } from '../../db/like.ts';
import type { ProcedureDefinition } from './define.ts';
import { caseSummary } from './case-view.ts';

export type CaseListFilter = {
  state?: string;
  orgId?: number;
  clockStatus?: 'normal' | 'due_soon' | 'overdue' | 'paused' | 'stopped';
  openedFrom?: string;
  openedTo?: string;
  closedFrom?: string;
  closedTo?: string;
  /** An organisation and everything below it. */
  orgTree?: number;
  /** 'name:value' pairs, all of which must match the case's facets. */
  facet?: string[];
  q?: string;
  isOpen?: boolean;
  sort: 'due' | 'opened' | 'updated';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

/**
 * Lists one procedure's cases in the caller's read scope. Clock status filters are computed against
 * today from the cached soonest due date, so 临期/超期 stay right between the daily refreshes.
 */
export async function listCases(platform: Platform, principal: Principal, procedure: ProcedureDefinition, filter: CaseListFilter, calendar: Calendar, today: string, nearDue: number) {
  const scope = await scopeFor(platform.db, principal, `${procedure.key}.read`);
  const nearDueLimit = safeAddWorkingDays(calendar, today, nearDue);
  let query = platform.db.selectFrom('proc_case').where('proc_case.procedure', '=', procedure.key);
  if (!scope.isAll) query = query.where('proc_case.org_id', 'in', scope.orgIds.length ? scope.orgIds : [-1]);
  if (filter.state) query = query.where('proc_case.state', '=', filter.state);
  if (filter.orgId) query = query.where('proc_case.org_id', '=', filter.orgId);
  if (filter.openedFrom) query = query.where('proc_case.opened_on', '>=', filter.openedFrom);
  if (filter.openedTo) query = query.where('proc_case.opened_on', '<=', filter.openedTo);
  if (filter.closedFrom) query = query.where('proc_case.closed_on', '>=', filter.closedFrom);
  if (filter.closedTo) query = query.where('proc_case.closed_on', '<=', filter.closedTo);
  if (filter.orgTree) {
    const tree = await subtreeOrgIds(platform.db, [filter.orgTree]);
    query = query.where('proc_case.org_id', 'in', tree.length ? tree : [-1]);
  }
  for (const pair of filter.facet ?? []) {
    const [name, ...rest] = pair.split(':');
    query = query.where(containsText('proc_case.facets_json', facetNeedle(name, rest.join(':'))));
  }
  if (filter.isOpen != null) query = query.where('proc_case.closed_on', filter.isOpen ? 'is' : 'is not', null);
  if (filter.q) {
    const text = filter.q;
    query = query.where((eb) => eb.or([containsText('proc_case.search_text', text), containsText('proc_case.title', text)]));
  }
  switch (filter.clockStatus) {
    case 'overdue':
      query = query.where('proc_case.next_due_on', '<', today);
      break;
    case 'due_soon':
      query = query.where('proc_case.next_due_on', '>=', today).where('proc_case.next_due_on', '<=', nearDueLimit);
      break;
    case 'normal':
      query = query.where('proc_case.next_due_on', '>', nearDueLimit);
      break;
    case 'paused':
    case 'stopped':
      query = query.where('proc_case.next_due_on', 'is', null).where('proc_case.clock_status', '=', filter.clockStatus);
      break;
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const sortColumn = filter.sort === 'due' ? 'proc_case.next_due_on' : filter.sort === 'opened' ? 'proc_case.opened_on' : 'proc_case.updated_at';
  // The page in two steps: the ids in order (from the indexes, without reading whole case rows), then those rows.
  let ordered = query.select('proc_case.id');
  // Cases without a running clock sort after those with one, whatever the direction.
  if (filter.sort === 'due') ordered = ordered.orderBy((eb) => eb.case().when('proc_case.next_due_on', 'is', null).then(1).else(0).end());
  const ids = (await ordered
    .orderBy(sortColumn, filter.order)
    .orderBy('proc_case.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute()).map((r) => r.id);
  const found = ids.length
    ? await platform.db.selectFrom('proc_case').leftJoin('organization', 'organization.id', 'proc_case.org_id')
      .selectAll('proc_case').select('organization.name as org_name').where('proc_case.id', 'in', ids).execute()
    : [];
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = ids.map((id) => byId.get(id)).filter((row) => row !== undefined);
  return {
    items: rows.map((row) => withLiveStatus(caseSummary(procedure, row, row.org_name), today, nearDueLimit)),
    total: Number(total),
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** The cached status is from the last action; a running clock's status is recomputed against today. */
export function withLiveStatus<T extends { nextDueOn: string | null; clockStatus: string; clockStatusLabel: string }>(item: T, today: string, nearDueLimit: string): T {
  if (!item.nextDueOn) return item;
  if (item.nextDueOn < today) return { ...item, clockStatus: 'overdue', clockStatusLabel: '超期' };
  if (item.nextDueOn <= nearDueLimit) return { ...item, clockStatus: 'due_soon', clockStatusLabel: '临期' };
  return { ...item, clockStatus: 'normal', clockStatusLabel: '正常' };
}

export function safeAddWorkingDays(calendar: Calendar, from: string, n: number): string {
  try {
    return calendar.addWorkingDays(from, n);
  } catch {
    // Without next year's calendar, count the threshold in calendar days rather than fail the list.
    const date = new Date(`${from}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + n);
    return date.toISOString().slice(0, 10);
  }
}

/** The text a facet takes inside canonical JSON: "name":"value". */
export function facetNeedle(name: string, value: string): string {
  return JSON.stringify({ [name]: value }).slice(1, -1);
}
