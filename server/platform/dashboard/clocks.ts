import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { findProcedure, listProcedures } from '../engine/registry.ts';

export type ClockCount = { overdue: number; dueSoon: number; overdueUrl: string | null; dueSoonUrl: string | null };
export type ProcedureClockCount = ClockCount & { procedure: string; title: string };
export type DepartmentClocks = { orgId: number; orgName: string; overdue: number; dueSoon: number; byProcedure: ProcedureClockCount[] };

export type ClockOverview = {
  today: string;
  /** Last day counted as 临期 (today + the clock.nearDueWorkingDays setting, in working days). */
  dueSoonUntil: string;
  procedures: { key: string; title: string }[];
  departments: DepartmentClocks[];
  byProcedure: ProcedureClockCount[];
  total: { overdue: number; dueSoon: number };
};

/** The case list (GET /api/cases/<procedure>) with the same filter as the count; the UI turns it into a link. */
function listUrl(procedure: string, clockStatus: 'overdue' | 'due_soon', orgTree: number | null): string {
  const query = new URLSearchParams({ clockStatus, ...(orgTree ? { orgTree: String(orgTree) } : {}) });
  return `/api/cases/${procedure}?${query}`;
}

/** /1/4/9/ → 4: the department or township under the county (depth 2); the county itself for its own cases. */
function departmentOf(path: string): { id: number; isRoot: boolean } {
  const ids = path.split('/').filter(Boolean).map(Number);
  return ids.length >= 2 ? { id: ids[1], isRoot: false } : { id: ids[0], isRoot: true };
}

/**
 * Running cases whose soonest due date is past (超期) or within the 临期 threshold, by department and procedure.
 * A case counts once, by its soonest running clock (proc_case.next_due_on), with the same comparison against
 * today as the case list's clockStatus filter, so each count matches the list it links to.
 */
export async function clockOverview(db: Kysely<Database>, orgIds: number[] | null, today: string, dueSoonUntil: string): Promise<ClockOverview> {
  let query = db.selectFrom('proc_case').innerJoin('organization', 'organization.id', 'proc_case.org_id')
    .where('proc_case.next_due_on', 'is not', null).where('proc_case.next_due_on', '<=', dueSoonUntil);
  if (orgIds) query = query.where('proc_case.org_id', 'in', orgIds.length ? orgIds : [-1]);
  const rows = await query
    .select((eb) => [
      'proc_case.procedure as procedure', 'organization.path as path',
      eb.fn.sum<number | string>(eb.case().when('proc_case.next_due_on', '<', today).then(1).else(0).end()).as('overdue'),
      eb.fn.sum<number | string>(eb.case().when('proc_case.next_due_on', '>=', today).then(1).else(0).end()).as('due_soon'),
    ])
    .groupBy(['proc_case.procedure', 'organization.path'])
    .execute();

  const procedures = listProcedures().map((p) => ({ key: p.key, title: p.title }));
  const departments = new Map<number, { isRoot: boolean; counts: Map<string, { overdue: number; dueSoon: number }> }>();
  for (const row of rows) {
    if (!findProcedure(row.procedure)) continue;
    const department = departmentOf(row.path);
    const entry = departments.get(department.id) ?? { isRoot: department.isRoot, counts: new Map() };
    const counts = entry.counts.get(row.procedure) ?? { overdue: 0, dueSoon: 0 };
    counts.overdue += Number(row.overdue);
    counts.dueSoon += Number(row.due_soon);
    entry.counts.set(row.procedure, counts);
    departments.set(department.id, entry);
  }
  const names = departments.size
    ? await db.selectFrom('organization').select(['id', 'name', 'sort']).where('id', 'in', [...departments.keys()]).execute()
    : [];

  const cell = (procedure: string, counts: { overdue: number; dueSoon: number }, orgTree: number | null, hasLink: boolean): ProcedureClockCount => ({
    procedure, title: findProcedure(procedure)!.title, ...counts,
    // A list filtered by the county's subtree would show every department's cases, so the county's own have no link.
    overdueUrl: hasLink && counts.overdue ? listUrl(procedure, 'overdue', orgTree) : null,
    dueSoonUrl: hasLink && counts.dueSoon ? listUrl(procedure, 'due_soon', orgTree) : null,
  });

  const result: DepartmentClocks[] = [];
  for (const [orgId, entry] of departments) {
    const org = names.find((n) => n.id === orgId);
    const byProcedure = procedures.filter((p) => entry.counts.has(p.key)).map((p) => cell(p.key, entry.counts.get(p.key)!, orgId, !entry.isRoot));
    result.push({
      orgId, orgName: entry.isRoot ? `${org?.name ?? ''}（本级）` : org?.name ?? '', byProcedure,
      overdue: byProcedure.reduce((sum, c) => sum + c.overdue, 0), dueSoon: byProcedure.reduce((sum, c) => sum + c.dueSoon, 0),
    });
  }
  const sortOf = (id: number) => names.find((n) => n.id === id)?.sort ?? 0;
  result.sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || sortOf(a.orgId) - sortOf(b.orgId));

  const byProcedure = procedures.map((p) => {
    const counts = { overdue: 0, dueSoon: 0 };
    for (const c of result.flatMap((d) => d.byProcedure).filter((x) => x.procedure === p.key)) {
      counts.overdue += c.overdue;
      counts.dueSoon += c.dueSoon;
    }
    return cell(p.key, counts, null, true);
  });
  return {
    today, dueSoonUntil, procedures, departments: result, byProcedure,
    total: { overdue: byProcedure.reduce((s, c) => s + c.overdue, 0), dueSoon: byProcedure.reduce((s, c) => s + c.dueSoon, 0) },
  };
}
