import type { CaseCountBatch } from './case-counts.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * An indicator (指标) is declared in code: what it counts, its unit, and how it is computed for a period and
 * an organisation scope from the records (DESIGN property 5). `records` says which list shows the records
 * behind the figure, so every number can be traced.
 */
export type IndicatorUnit = '件' | '人' | '次' | '项' | '%' | '万元' | '条' | '个' | '篇' | '份';

export type IndicatorQuery = {
  db: Kysely<Database>;
  /** Inclusive legal-date bounds, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Organisations whose records count (an organisation and its subtree); null = the whole installation. */
  orgIds: number[] | null;
  /** Reads a setting the formula depends on (e.g. which decisions count as 纠错). */
  setting: <T>(key: string) => Promise<T>;
  /** Set when many indicators are evaluated at once: their case counts are made together (case-counts.ts). */
  countBatch?: CaseCountBatch;
};

/** Query parameters of a records list; a list value repeats the parameter (facet=a&facet=b: both must match). */
export type RecordsFilter = Record<string, string | string[]>;

export type IndicatorValue = {
  value: number;
  /** For rates: the numerator and denominator, so a reader can check the arithmetic. */
  numerator?: number;
  denominator?: number;
  /**
   * The list that shows the records behind the figure: a procedure's case list (/api/cases/<procedure>), or a
   * register's list (/api/<register>, shown in the admin UI at /<register>), with the same filters the figure used.
   */
  records?: { procedure: string; filter: RecordsFilter } | { register: string; filter: RecordsFilter };
};

export type IndicatorDefinition = {
  id: string;
  title: string;
  unit: IndicatorUnit;
  /** What is counted, in Chinese, including the formula for rates and its basis (法定 or 本地口径). */
  description: string;
  group: string;
  /** How the platform computes it from records; absent for figures it cannot compute at all. */
  compute?: (query: IndicatorQuery) => Promise<IndicatorValue>;
  /**
   * Departments may enter (填报) the figure for a year, approved by the rule-of-law office. An entered figure
   * counts only while the platform's own computation finds no records.
   */
  isEnterable?: boolean;
};

const registry = new Map<string, IndicatorDefinition>();

export function defineIndicator(definition: IndicatorDefinition): IndicatorDefinition {
  registry.set(definition.id, definition);
  return definition;
}

export function findIndicator(id: string): IndicatorDefinition | undefined {
  return registry.get(id);
}

export function listIndicators(): IndicatorDefinition[] {
  return [...registry.values()];
}

/** Percentages are rounded half-up to one decimal place everywhere (one stated rounding rule). */
export function percent(numerator: number, denominator: number): number {
  if (denominator === 0) return 0;
  return Math.round((numerator * 1000) / denominator + Number.EPSILON) / 10;
}
