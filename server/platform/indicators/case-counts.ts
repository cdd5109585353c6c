import { sql, type RawBuilder } from 'kysely';
import { containsText } from '../../db/like.ts';
import { jsonNumber, jsonText } from '../../db/json.ts';
import { facetNeedle } from '../engine/case-list.ts';
import type { IndicatorQuery } from './registry.ts';

type CaseCriteria = { opened?: boolean; closed?: boolean; facet?: string[] };

/** `name:value` as a condition on the case's facets (the value may itself hold colons). */
function facetCondition(pair: string) {
  const [name, ...rest] = pair.split(':');
  return containsText('facets_json', facetNeedle(name, rest.join(':')));
}

/** Cases of a procedure in the indicator's period (by opening or closing date), organisations and facets. */
function casesQuery(q: IndicatorQuery, procedure: string, criteria: CaseCriteria) {
  let query = q.db.selectFrom('proc_case').where('procedure', '=', procedure);
  if (criteria.opened) query = query.where('opened_on', '>=', q.from).where('opened_on', '<=', q.to);
  if (criteria.closed) query = query.where('closed_on', '>=', q.from).where('closed_on', '<=', q.to);
  if (q.orgIds) query = query.where('org_id', 'in', q.orgIds.length ? q.orgIds : [-1]);
  for (const pair of criteria.facet ?? []) query = query.where(facetCondition(pair));
  return query;
}

export async function countCases(q: IndicatorQuery, procedure: string, criteria: CaseCriteria): Promise<number> {
  if (q.countBatch) return q.countBatch.count(q, procedure, criteria);
  const row = await casesQuery(q, procedure, criteria).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

type Waiting = { facet: string[]; resolve: (n: number) => void; reject: (error: unknown) => void };

/**
 * Counts asked for together, made in one pass. When many indicators are evaluated at once (the statistics page,
 * a report), most of them count the same procedure's cases of the same period and organisations, differing only
 * in facets; each such count is a full pass over those cases. The batch holds the counts asked for until the
 * current turn of the event loop ends, then runs one statement per procedure and period with one
 * `sum(case when <facets> …)` column per count: a province's twelve mediation counts cost one pass, not twelve
 * (docs/PERFORMANCE.md).
 */
export class CaseCountBatch {
  private groups = new Map<string, { q: IndicatorQuery; procedure: string; criteria: CaseCriteria; waiting: Waiting[] }>();
  private isScheduled = false;

  count(q: IndicatorQuery, procedure: string, criteria: CaseCriteria): Promise<number> {
    const { facet = [], ...period } = criteria;
    const key = JSON.stringify([procedure, period, q.from, q.to, q.orgIds]);
    let group = this.groups.get(key);
    if (!group) {
      group = { q, procedure, criteria: period, waiting: [] };
      this.groups.set(key, group);
    }
    const promise = new Promise<number>((resolve, reject) => group.waiting.push({ facet, resolve, reject }));
    if (!this.isScheduled) {
      this.isScheduled = true;
      setImmediate(() => void this.flush());
    }
    return promise;
  }

  private async flush(): Promise<void> {
    const groups = [...this.groups.values()];
    this.groups = new Map();
    this.isScheduled = false;
    await Promise.all(groups.map(async ({ q, procedure, criteria, waiting }) => {
      try {
        const columns = waiting.map(({ facet }, i) => {
          const conditions = facet.map(facetCondition);
          const when = conditions.length ? sql.join(conditions, sql` and `) : sql`1 = 1`;
          return sql<number>`sum(case when ${when} then 1 else 0 end)`.as(`c${i}`);
        });
        const row = (await casesQuery(q, procedure, criteria).select(columns).executeTakeFirstOrThrow()) as Record<string, unknown>;
        waiting.forEach((w, i) => w.resolve(Number(row[`c${i}`] ?? 0)));
      } catch (error) {
        waiting.forEach((w) => w.reject(error));
      }
    }));
  }
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
