import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/**
 * Table 4 因政府信息公开工作被申请行政复议、提起行政诉讼情况: reconsideration and litigation cases received in the
 * year against an organisation in scope whose act was a disclosure answer (信息公开答复), by result.
 */
export const TABLE4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export const TABLE4_LABELS: Record<(typeof TABLE4_COLUMNS)[number], string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' };
export type Table4Row = Record<(typeof TABLE4_COLUMNS)[number], number>;
export type Table4 = { reconsideration: Table4Row; directSuit: Table4Row; suitAfterReview: Table4Row };

const empty = (): Table4Row => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });

type CaseRow = { closed_on: string | null; state: string; data: Record<string, unknown> };

async function casesAbout(db: Kysely<Database>, procedure: string, year: number): Promise<CaseRow[]> {
  const rows = await db
    .selectFrom('proc_case')
    .select(['closed_on', 'state', 'data_json'])
    .where('procedure', '=', procedure)
    .where('opened_on', '>=', `${year}-01-01`)
    .where('opened_on', '<=', `${year}-12-31`)
    .execute();
  return rows
    .map((r) => ({ closed_on: r.closed_on, state: r.state, data: JSON.parse(r.data_json) as Record<string, unknown> }))
    .filter((r) => (r.data.act as { kind?: string } | undefined)?.kind === '信息公开答复');
}

export async function computeTable4(db: Kysely<Database>, year: number, orgIds: number[] | null, correctionDecisions: string[]): Promise<Table4> {
  const end = `${year}-12-31`;
  const inScope = (orgId: unknown) => orgIds == null || orgIds.includes(Number(orgId));
  const table: Table4 = { reconsideration: empty(), directSuit: empty(), suitAfterReview: empty() };
  const bump = (row: Table4Row, column: keyof Table4Row) => {
    row[column] += 1;
    row.total += 1;
  };

  for (const c of await casesAbout(db, 'reconsideration', year)) {
    if (!inScope(c.data.respondentOrgId)) continue;
    if (!c.closed_on || c.closed_on > end) { bump(table.reconsideration, 'pending'); continue; }
    const decision = (c.data.decision as { decision?: string } | undefined)?.decision;
    if (decision === 'uphold') bump(table.reconsideration, 'upheld');
    else if (decision && correctionDecisions.includes(decision)) bump(table.reconsideration, 'corrected');
    else bump(table.reconsideration, 'other');
  }
  for (const c of await casesAbout(db, 'litigation', year)) {
    if (!inScope(c.data.defendantOrgId)) continue;
    const row = c.data.reconsiderationCaseId ? table.suitAfterReview : table.directSuit;
    if (!c.closed_on || c.closed_on > end) { bump(row, 'pending'); continue; }
    const judgment = (c.data.finalDecision ?? c.data.judgment) as { isLoss?: boolean } | undefined;
    if (!judgment) bump(row, 'other');
    else bump(row, judgment.isLoss ? 'corrected' : 'upheld');
  }
  return table;
}
