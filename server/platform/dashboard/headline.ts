import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { getSetting } from '../settings/service.ts';
import { evaluateIndicator } from '../indicators/evaluate.ts';
import { findIndicator, percent } from '../indicators/registry.ts';
import { HEADLINE_INDICATORS } from './settings.ts';

export type HeadlineFigure = {
  value: number | null;
  source: 'computed' | 'entered' | 'missing';
  numerator?: number;
  denominator?: number;
  recordsUrl: string | null;
};

export type Headline = HeadlineFigure & {
  id: string;
  title: string;
  unit: string;
  group: string;
  description: string;
  lastYear: HeadlineFigure;
  /**
   * This year minus last year, in the figure's unit (for a rate: 个百分点); null when either is missing or a rate
   * has no denominator.
   * changeRate: the change as a percentage of last year's figure, for counts and amounts only (null for rates or
   * when last year was 0).
   */
  change: number | null;
  changeRate: number | null;
};

function figureOf(result: Awaited<ReturnType<typeof evaluateIndicator>>): HeadlineFigure {
  return { value: result.value, source: result.source, numerator: result.numerator, denominator: result.denominator, recordsUrl: result.recordsUrl };
}

function isComparable(result: { value: number | null; denominator?: number }): boolean {
  return result.value !== null && result.denominator !== 0;
}

/** The configured headline indicators for a year and the year before, in the caller's scope. */
export async function headlineIndicators(db: Kysely<Database>, year: number, orgIds: number[] | null): Promise<Headline[]> {
  const ids = await getSetting(db, HEADLINE_INDICATORS);
  const headlines: Headline[] = [];
  for (const id of new Set(ids)) {
    const definition = findIndicator(id);
    if (!definition) continue;
    const current = await evaluateIndicator(db, definition, { year, orgIds });
    const previous = await evaluateIndicator(db, definition, { year: year - 1, orgIds });
    // A rate over nothing (0 ÷ 0) is no figure to compare.
    const hasBoth = isComparable(current) && isComparable(previous);
    const change = hasBoth ? Math.round((current.value! - previous.value!) * 100) / 100 : null;
    const changeRate = hasBoth && definition.unit !== '%' && previous.value !== 0 ? percent(current.value! - previous.value!, previous.value!) : null;
    headlines.push({
      id, title: definition.title, unit: definition.unit, group: definition.group, description: definition.description,
      ...figureOf(current), lastYear: figureOf(previous), change, changeRate,
    });
  }
  return headlines;
}
