import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { subtreeOrgIds } from '../platform/access/scope.ts';
import { evaluateIndicators } from '../platform/indicators/evaluate.ts';
import { findIndicator } from '../platform/indicators/registry.ts';

/** A figure a report cites: its value for the report's organisation (with its subtree) and year, and where it came from. */
export type ReportFigure = {
  indicatorId: string;
  title: string;
  unit: string;
  value: number | null;
  source: 'computed' | 'entered' | 'missing';
  /** For rates, so a reader can check the arithmetic. */
  numerator?: number;
  denominator?: number;
  /** The list of the records behind a computed figure. */
  recordsUrl: string | null;
  /** For an entered figure: who entered what, from which source (e.g. 县行政审批局政务服务统计台账). */
  entries?: { orgName: string; value: number; source: string }[];
};

export type FigureSet = Record<string, ReportFigure>;

/** Evaluates the referenced indicators for the organisation's subtree and the year; unknown ids are left out. */
export async function resolveFigures(db: Kysely<Database>, orgId: number, year: number, indicatorIds: string[]): Promise<FigureSet> {
  const orgIds = await subtreeOrgIds(db, [orgId]);
  const figures: FigureSet = {};
  const orgNames = new Map<number, string>();
  const definitions = indicatorIds.flatMap((id) => findIndicator(id) ?? []);
  const results = await evaluateIndicators(db, definitions, { year, org: orgId, orgIds });
  for (const [index, definition] of definitions.entries()) {
    const id = definition.id;
    const result = results[index];
    let entries: ReportFigure['entries'];
    if (result.entries?.length) {
      const missing = result.entries.map((e) => e.orgId).filter((o) => !orgNames.has(o));
      if (missing.length) {
        for (const row of await db.selectFrom('organization').select(['id', 'name']).where('id', 'in', missing).execute()) orgNames.set(row.id, row.name);
      }
      entries = result.entries.map((e) => ({ orgName: orgNames.get(e.orgId) ?? '', value: e.value, source: e.source }));
    }
    figures[id] = {
      indicatorId: id, title: result.title, unit: result.unit, value: result.value, source: result.source,
      ...(result.numerator !== undefined ? { numerator: result.numerator, denominator: result.denominator } : {}),
      recordsUrl: result.recordsUrl, ...(entries ? { entries } : {}),
    };
  }
  return figures;
}
