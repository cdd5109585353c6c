import type { DocumentBlock, OfficialDocumentSpec } from '../platform/documents/spec.ts';
import { renderOfficialDocument } from '../platform/documents/render.ts';
import { paragraphText, sourceStatement, type ComposedReport } from './compose.ts';

export type ReportDocumentMeta = { orgName: string; docNumber: string | null; date: string };

/** The report as a GB/T 9704 文件: parts as 一、 headings, subsections as （一）, the 数据来源 table last. */
export function reportDocumentSpec(report: ComposedReport, meta: ReportDocumentMeta): OfficialDocumentSpec {
  const blocks: DocumentBlock[] = report.preamble.map((p) => ({ type: 'paragraph', text: paragraphText(p) }));
  for (const part of report.parts) {
    if (!part.paragraphs.length && !part.subsections.length) continue;
    blocks.push({ type: 'heading', level: 1, title: part.title });
    for (const p of part.paragraphs) blocks.push({ type: 'paragraph', text: paragraphText(p) });
    for (const subsection of part.subsections) {
      blocks.push({ type: 'heading', level: 2, title: subsection.title });
      for (const p of subsection.paragraphs) blocks.push({ type: 'paragraph', text: paragraphText(p) });
    }
  }
  if (report.figures.length) {
    // DESIGN property 5: every figure says where it came from, entered (填报) ones included.
    blocks.push({ type: 'heading', level: 1, title: '附：本报告数据来源', isNumbered: false });
    blocks.push({
      type: 'table', hasHeaderRow: true, widths: [1, 5, 3, 7],
      rows: [['序号', '指标', '数值', '来源'], ...report.figures.map((f, i) => [String(i + 1), f.title, f.value === null ? '—' : `${f.value}${f.unit}`, sourceStatement(f)])],
    });
  }
  return {
    title: report.title, docNumber: meta.docNumber, issuingOrgName: meta.orgName, layout: 'file',
    recipient: report.recipient || undefined, blocks, signature: meta.orgName, date: meta.date, footnote: '此件公开发布',
  };
}

export function renderReportDocument(report: ComposedReport, meta: ReportDocumentMeta): Promise<Buffer> {
  return renderOfficialDocument(reportDocumentSpec(report, meta));
}
