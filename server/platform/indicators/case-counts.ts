import { sql, type RawBuilder } from 'kysely';
import { containsText } from '../../db/like.ts';
import { jsonNumber, jsonText } from '../../db/json.ts';
import { facetNeedle } from '../engine/case-list.ts';
import type { IndicatorQuery } from './registry.ts';

type CaseCriteria = { opened?: boolean; closed?: boolean; facet?: string[] };

/** Cases of a procedure in the indicator's period (by opening or closing date), organisations and facets. */
function casesQuery(q: IndicatorQuery, procedure: string, criteria: CaseCriteria) {
  let query = q.db.selectFrom('proc_case').where('procedure', '=', procedure);
  if (criteria.opened) query = query.where('opened_on', '>=', q.from).where('opened_on', '<=', q.to);
  if (criteria.closed) query = query.where('closed_on', '>=', q.from).where('closed_on', '<=', q.to);
  if (q.orgIds) query = query.where('org_id', 'in', q.orgIds.length ? q.orgIds : [-1]);
  for (const pair of criteria.facet ?? []) {
    const [name, ...rest] = pair.split(':');
    query = query.where(containsText('facets_json', facetNeedle(name, rest.join(':'))));
  }
  return query;
}

export async function countCases(q: IndicatorQuery, procedure: string, criteria: CaseCriteria): Promise<number> {
  const row = await casesQuery(q, procedure, criteria).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listCaseRows(q: IndicatorQuery, procedure: string, criteria: CaseCriteria) {
  return casesQuery(q, procedure, criteria).select(['id', 'opened_on', 'closed_on', 'state', 'org_id', 'data_json', 'facets_json']).execute();
}

/** How many cases per value of a facet (or per organisation), counted by the database. */
export async function countCasesBy(q: IndicatorQuery, procedure: string, criteria: CaseCriteria, by: { facet: string } | 'org_id'): Promise<Map<string, number>> {
  const key: RawBuilder<unknown> = by === 'org_id' ? sql`org_id` : jsonText(q.db, 'facets_json', [by.facet]);
  const rows = await casesQuery(q, procedure, criteria)
    .select((eb) => [key.as('k'), eb.fn.countAll<number>().as('n')])
    .groupBy(key)
    .execute();
  return new Map(rows.map((row) => [row.k == null ? '' : String(row.k), Number(row.n)]));
}

/** The sum of a number inside the cases' data (absent counts as 0), computed by the database. */
export async function sumCaseData(q: IndicatorQuery, procedure: string, criteria: CaseCriteria, path: string[]): Promise<number> {
  const row = await casesQuery(q, procedure, criteria)
    .select(sql<number | null>`sum(${jsonNumber(q.db, 'data_json', path)})`.as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total ?? 0);
}
