import { chineseNumeral } from '../platform/documents/layout.ts';
import { paragraphText, sourceStatement, type ComposedParagraph, type ComposedReport } from './compose.ts';

const SOURCE_LABELS = { computed: '平台统计', entered: '填报', missing: '暂无数据' } as const;

/**
 * The report as HTML. 'portal': the body of the published item — plain figures, the 数据来源 table at the
 * end, only tags the item sanitizer keeps. 'preview': for staff — each figure marked with its source and
 * linked to the records behind it (the admin UI turns recordsUrl links into its own pages).
 */
export function renderReportHtml(report: ComposedReport, mode: 'portal' | 'preview'): string {
  const out: string[] = [];
  if (report.recipient) out.push(`<p>${escapeHtml(report.recipient)}：</p>`);
  for (const paragraph of report.preamble) out.push(`<p>${renderParagraph(paragraph, mode)}</p>`);
  let partNumber = 0;
  for (const part of report.parts) {
    // An optional part left empty (其他) is not printed, and the numbering closes up.
    if (!part.paragraphs.length && !part.subsections.length) continue;
    out.push(`<h2>${chineseNumeral(++partNumber)}、${escapeHtml(part.title)}</h2>`);
    for (const paragraph of part.paragraphs) out.push(`<p>${renderParagraph(paragraph, mode)}</p>`);
    part.subsections.forEach((subsection, j) => {
      out.push(`<h3>（${chineseNumeral(j + 1)}）${escapeHtml(subsection.title)}</h3>`);
      for (const paragraph of subsection.paragraphs) out.push(`<p>${renderParagraph(paragraph, mode)}</p>`);
    });
  }
  if (report.figures.length) {
    out.push('<h2>附：本报告数据来源</h2>');
    out.push('<table><thead><tr><th scope="col">序号</th><th scope="col">指标</th><th scope="col">数值</th><th scope="col">来源</th></tr></thead><tbody>');
    report.figures.forEach((figure, i) => {
      const value = figure.value === null ? '—' : `${figure.value}${figure.unit}`;
      out.push(`<tr><td>${i + 1}</td><td>${escapeHtml(figure.title)}</td><td>${escapeHtml(value)}</td><td>${escapeHtml(sourceStatement(figure))}</td></tr>`);
    });
    out.push('</tbody></table>');
  }
  return out.join('\n');
}

function renderParagraph(paragraph: ComposedParagraph, mode: 'portal' | 'preview'): string {
  if (mode === 'portal') return escapeHtml(paragraphText(paragraph));
  return paragraph
    .map((segment) => {
      if (!('figure' in segment)) return escapeHtml(segment.text);
      const { figure } = segment;
      const attributes = `class="figure figure-${figure.source}" data-indicator="${escapeHtml(figure.indicatorId)}" title="${escapeHtml(`${figure.title}（${SOURCE_LABELS[figure.source]}）`)}"`;
      return figure.recordsUrl
        ? `<a ${attributes} href="${escapeHtml(figure.recordsUrl)}">${escapeHtml(segment.text)}</a>`
        : `<span ${attributes}>${escapeHtml(segment.text)}<sup>${SOURCE_LABELS[figure.source]}</sup></span>`;
    })
    .join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
