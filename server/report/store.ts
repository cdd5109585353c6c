import type { Selectable } from 'kysely';
import type { Tx } from '../platform/context.ts';
import type { AnnualReportTable } from '../db/schema-report.ts';
import { notFound } from '../platform/errors.ts';
import { ZReportContent, type ReportContent } from './content.ts';
import type { FigureSet } from './figures.ts';

export type ReportRow = Selectable<AnnualReportTable>;

export async function findReport(db: Tx, id: number): Promise<ReportRow | undefined> {
  return db.selectFrom('annual_report').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findReportFor(db: Tx, orgId: number, year: number): Promise<ReportRow | undefined> {
  return db.selectFrom('annual_report').selectAll().where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst();
}

export async function requireReport(db: Tx, id: number): Promise<ReportRow> {
  const row = await findReport(db, id);
  if (!row) throw notFound('年度报告');
  return row;
}

export function contentOf(row: ReportRow): ReportContent {
  return ZReportContent.parse(JSON.parse(row.content_json));
}

export function frozenFiguresOf(row: ReportRow): FigureSet | null {
  return row.figures_json ? (JSON.parse(row.figures_json) as FigureSet) : null;
}

export async function orgOf(db: Tx, orgId: number): Promise<{ id: number; name: string; shortName: string | null; kind: string }> {
  const org = await db.selectFrom('organization').select(['id', 'name', 'short_name', 'kind']).where('id', '=', orgId).executeTakeFirst();
  if (!org) throw notFound('组织');
  return { id: org.id, name: org.name, shortName: org.short_name, kind: org.kind };
}
