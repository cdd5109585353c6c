import { findIndicator } from '../platform/indicators/registry.ts';
import { paragraphsOf, type ReportContent } from './content.ts';
import type { FigureSet, ReportFigure } from './figures.ts';
import { formatFigure, referencedIds, segmentsOf } from '../../common/figure-references.ts';

/** A paragraph with its references resolved: the printed text of each figure and the figure behind it. */
export type ComposedSegment = { text: string } | { text: string; figure: ReportFigure };
export type ComposedParagraph = ComposedSegment[];

export type ComposedReport = {
  title: string;
  recipient: string;
  preamble: ComposedParagraph[];
  parts: { key: string; title: string; paragraphs: ComposedParagraph[]; subsections: { title: string; paragraphs: ComposedParagraph[] }[] }[];
  /** Every figure cited, in order of first appearance: the 数据来源 list printed with the report. */
  figures: ReportFigure[];
  /** Why the report cannot go on: unknown indicators, figures with neither records nor an approved entry. */
  problems: string[];
};

/** Every text of the content that may carry references, in reading order. */
export function contentTexts(content: ReportContent): string[] {
  return [content.preamble, ...content.parts.flatMap((p) => [p.body, ...p.subsections.map((s) => s.body)])];
}

export function referencedIndicatorIds(content: ReportContent): string[] {
  return referencedIds(contentTexts(content));
}

/** Unknown indicator ids, with where they occur, as field errors of a save. */
export function unknownReferences(content: ReportContent): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const check = (text: string, path: string) => {
    for (const id of referencedIds([text])) if (!findIndicator(id)) errors.push({ path, message: `引用了不存在的指标“${id}”` });
  };
  check(content.preamble, 'preamble');
  content.parts.forEach((part, i) => {
    check(part.body, `parts.${i}.body`);
    part.subsections.forEach((s, j) => check(s.body, `parts.${i}.subsections.${j}.body`));
  });
  return errors;
}

/** Resolves the references of the content against the figures. */
export function composeReport(content: ReportContent, figures: FigureSet): ComposedReport {
  const cited = new Map<string, ReportFigure>();
  const problems = new Set<string>();
  const compose = (body: string): ComposedParagraph[] =>
    paragraphsOf(body).map((paragraph) =>
      segmentsOf(paragraph).map((segment) => {
        if (!('reference' in segment)) return segment;
        const figure = figures[segment.reference.indicatorId];
        if (!figure) {
          problems.add(`引用了不存在的指标“${segment.reference.indicatorId}”`);
          return { text: segment.token };
        }
        cited.set(figure.indicatorId, figure);
        if (figure.value === null) {
          problems.add(`“${figure.title}”没有数据：平台尚无相应记录，也没有审核通过的填报数据`);
          return { text: `【${figure.title}：暂无数据】`, figure };
        }
        if (figure.denominator === 0) {
          problems.add(`“${figure.title}”无法计算：本期没有可作分母的记录`);
          return { text: `【${figure.title}：无法计算】`, figure };
        }
        return { text: formatFigure(figure.value, figure.unit, segment.reference.format), figure };
      }),
    );
  const parts = content.parts.map((part) => ({
    key: part.key, title: part.title, paragraphs: compose(part.body),
    subsections: part.subsections.map((s) => ({ title: s.title, paragraphs: compose(s.body) })),
  }));
  return { title: content.title, recipient: content.recipient, preamble: compose(content.preamble), parts, figures: [...cited.values()], problems: [...problems] };
}

export function paragraphText(paragraph: ComposedParagraph): string {
  return paragraph.map((s) => s.text).join('');
}

/** How a figure's source is stated in the 数据来源 list: records it can be traced to, or who entered it. */
export function sourceStatement(figure: ReportFigure): string {
  if (figure.source === 'computed') {
    const arithmetic = figure.denominator !== undefined ? `（${figure.numerator} ÷ ${figure.denominator}，四舍五入保留一位小数）` : '';
    return `平台统计，可查记录${arithmetic}`;
  }
  if (figure.source === 'entered') {
    const who = (figure.entries ?? []).map((e) => `${e.orgName}（${e.source}）`).join('；');
    return `填报并经审核：${who}`;
  }
  return '暂无数据';
}
