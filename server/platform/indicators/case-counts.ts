import { containsText } from '../../db/like.ts';
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
