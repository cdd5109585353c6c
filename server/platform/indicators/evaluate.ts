import type { Kysely } from 'kysely';
import { CaseCountBatch } from './case-counts.ts';
import type { Database } from '../../db/schema.ts';
import { settingDefinition } from '../settings/registry.ts';
import { getSetting } from '../settings/service.ts';
import { approvedEnteredValue } from './entered.ts';
import type { IndicatorDefinition, IndicatorValue } from './registry.ts';

export type IndicatorResult = Omit<IndicatorValue, 'value'> & {
  id: string;
  title: string;
  unit: string;
  group: string;
  description: string;
  /** Departments may enter (填报) this figure. */
  isEnterable: boolean;
  /** computed: from the platform's records; entered: 填报 and approved; missing: neither is available. */
  source: 'computed' | 'entered' | 'missing';
  value: number | null;
  recordsUrl: string | null;
  entries?: { id: number; orgId: number; value: number; source: string }[];
};

/**
 * One indicator for a year and organisation scope. A computed figure wins once the platform holds records
 * for it; until then an approved entered figure stands in, marked as entered wherever it is shown.
 */
export async function evaluateIndicator(
  db: Kysely<Database>,
  definition: IndicatorDefinition,
  scope: { year: number; org?: number; orgIds: number[] | null; countBatch?: CaseCountBatch },
): Promise<IndicatorResult> {
  const base = { id: definition.id, title: definition.title, unit: definition.unit, group: definition.group, description: definition.description, isEnterable: !!definition.isEnterable };
  const computed = definition.compute
    ? await definition.compute({
      db, from: `${scope.year}-01-01`, to: `${scope.year}-12-31`, orgIds: scope.orgIds, countBatch: scope.countBatch,
      setting: async <T>(key: string) => {
        const setting = settingDefinition(key);
        if (!setting) throw new Error(`indicator ${definition.id} reads unknown setting ${key}`);
        return (await getSetting(db, setting)) as T;
      },
    })
    : null;
  const hasRecords = !!computed && (computed.denominator ?? computed.value) > 0;
  if (definition.isEnterable && !hasRecords) {
    const entered = await approvedEnteredValue(db, definition.id, scope.year, scope.orgIds);
    if (entered) return { ...base, source: 'entered', value: entered.value, entries: entered.entries, recordsUrl: null };
  }
  if (!computed) return { ...base, source: 'missing', value: null, recordsUrl: null };
  // The case list that shows exactly the records counted (same period, organisation subtree and facets).
  const records = computed.records;
  const recordsUrl = records
    ? `${'procedure' in records ? `/api/cases/${records.procedure}` : `/api/${records.register}`}?${new URLSearchParams([
      ...Object.entries(records.filter).flatMap(([key, value]) => [value].flat().map((one) => [key, one])),
      ...(scope.org ? [['orgTree', String(scope.org)]] : []),
      ['pageSize', '100'],
    ])}`
    : null;
  return { ...base, ...computed, source: 'computed', recordsUrl };
}

/**
 * Several indicators for the same year and organisations, evaluated at once so the case counts they share are
 * made in one pass per procedure (CaseCountBatch); results in the order of `definitions`.
 */
export function evaluateIndicators(
  db: Kysely<Database>,
  definitions: IndicatorDefinition[],
  scope: { year: number; org?: number; orgIds: number[] | null },
): Promise<IndicatorResult[]> {
  const countBatch = new CaseCountBatch();
  return Promise.all(definitions.map((definition) => evaluateIndicator(db, definition, { ...scope, countBatch })));
}
