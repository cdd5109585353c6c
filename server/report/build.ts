import type { Tx } from '../platform/context.ts';
import { composeReport, referencedIndicatorIds, type ComposedReport } from './compose.ts';
import { resolveFigures } from './figures.ts';
import { contentOf, findReportFor, frozenFiguresOf, orgOf, type ReportRow } from './store.ts';
import { defaultContent, OUTLINE_INDICATOR_IDS } from './outline.ts';
import { renderReportDocument } from './render-docx.ts';
import { todayInChina } from '../platform/engine/plan.ts';

/**
 * A report with its figures: frozen ones once it is signed (the signed text must not change when records
 * do), otherwise evaluated now from the records and approved entries.
 */
export async function buildReport(db: Tx, row: ReportRow): Promise<ComposedReport> {
  const content = contentOf(row);
  const figures = frozenFiguresOf(row) ?? (await resolveFigures(db, row.org_id, row.year, referencedIndicatorIds(content)));
  return composeReport(content, figures);
}

/** The Word file (GB/T 9704), dated the day it was signed (a draft: today). */
export async function buildReportDocument(db: Tx, row: ReportRow): Promise<{ report: ComposedReport; buffer: Buffer; fileName: string }> {
  const report = await buildReport(db, row);
  const org = await orgOf(db, row.org_id);
  const buffer = await renderReportDocument(report, { orgName: org.name, docNumber: row.doc_number, date: row.signed_on ?? todayInChina() });
  return { report, buffer, fileName: `${report.title}.docx` };
}

/**
 * The saved report of an organisation and year, or (when none was started) the draft a new report would
 * start from — so the command line can produce a year's report before anyone has written a word.
 */
export async function reportRowFor(db: Tx, orgId: number, year: number): Promise<ReportRow> {
  const saved = await findReportFor(db, orgId, year);
  if (saved) return saved;
  const org = await orgOf(db, orgId);
  const figures = await resolveFigures(db, orgId, year, OUTLINE_INDICATOR_IDS);
  const content = defaultContent(org.name, year, (id) => figures[id]);
  const at = new Date().toISOString();
  return {
    id: 0, org_id: orgId, year, state: 'draft', content_json: JSON.stringify(content), figures_json: null, doc_number: null, signed_on: null,
    item_id: null, published_on: null, submitted_by: null, version: 0, created_by: null, created_at: at, updated_at: at,
  };
}
