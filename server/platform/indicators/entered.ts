import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * The approved entered value of an indicator for a year: per organisation the latest approved entry,
 * summed over the organisations in scope. null when nothing approved was entered.
 */
export async function approvedEnteredValue(
  db: Kysely<Database>,
  indicatorId: string,
  year: number,
  orgIds: number[] | null,
): Promise<{ value: number; entries: { id: number; orgId: number; value: number; source: string }[] } | null> {
  let query = db
    .selectFrom('entered_figure')
    .select(['id', 'org_id', 'value', 'source', 'reviewed_at'])
    .where('indicator_id', '=', indicatorId)
    .where('year', '=', year)
    .where('status', '=', 'approved');
  if (orgIds) query = query.where('org_id', 'in', orgIds.length ? orgIds : [-1]);
  const rows = await query.orderBy('reviewed_at', 'desc').orderBy('id', 'desc').execute();
  const latest = new Map<number, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.org_id)) latest.set(row.org_id, row);
  if (latest.size === 0) return null;
  const entries = [...latest.values()].map((r) => ({ id: r.id, orgId: r.org_id, value: Number(r.value), source: r.source }));
  return { value: entries.reduce((sum, e) => sum + e.value, 0), entries };
}
