import {
  AlignmentType, BorderStyle, LineRuleType, Paragraph, Tab, Table, TableCell, TableLayoutType, TableRow, TabStopType, WidthType,
  type TabStopDefinition, type TextRun,
} from 'docx';
import { chars, formatChineseDate, SIZE, TEXT_WIDTH, textWidthInChars } from './layout.ts';
import type { OfficialDocumentSpec } from './spec.ts';
import { blankLine, bodyParagraph, gridParagraph, run } from './text-runs.ts';

/**
 * 落款 (GB/T 9704 7.3.5). Sealed: 成文日期右空四字, 署名 centred over the date, two blank lines above so
 * the seal's top stays within one line of the body. Unsealed: 署名右空二字 after one blank line, the
 * date starting two characters further right, both moved left if the date is the longer one.
 */
export function renderSignature(spec: OfficialDocumentSpec): Paragraph[] {
  const date = formatChineseDate(spec.date);
  const signatureWidth = textWidthInChars(spec.signature);
  const dateWidth = textWidthInChars(date);
  let signatureRight: number;
  let dateRight: number;
  if (spec.isSealed === false) {
    signatureRight = 2;
    dateRight = signatureWidth - 2 - dateWidth;
    if (dateRight < 2) {
      dateRight = 2;
      signatureRight = dateWidth + 4 - signatureWidth;
    }
  } else {
    dateRight = 4;
    signatureRight = Math.max(0, dateRight + (dateWidth - signatureWidth) / 2);
  }
  const rightAligned = (text: string, right: number) =>
    gridParagraph([run(text)], { alignment: AlignmentType.RIGHT, indent: { right: chars(right) } });
  const blanks = spec.isSealed === false ? [blankLine()] : [blankLine(), blankLine()];
  return [...blanks, rightAligned(spec.signature, signatureRight), rightAligned(date, dateRight), ...renderFootnote(spec.footnote)];
}

/** 附注: 居左空二字加圆括号, on the line below the date (GB/T 9704 7.3.6). */
function renderFootnote(footnote: string | undefined): Paragraph[] {
  if (!footnote) return [];
  const text = /^[（(].*[)）]$/.test(footnote) ? footnote : `（${footnote}）`;
  return [bodyParagraph([run(text)])];
}

// 版记 lines: first and last thick (0.35 mm ≈ 1 pt), the ones between thin (0.25 mm ≈ 0.75 pt); eighths of a point.
const THICK = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;
const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

const COLOPHON_SPACING = { line: Math.round(SIZE.sihao * 10 * 1.6), lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/**
 * 版记 (GB/T 9704 8): 抄送 and 印发机关/印发日期 in 4号仿宋, 左右各空一字, between rules as wide as the text
 * block. It follows the 落款 in the flow, one line below, kept on one page: GB/T 9704 puts it at the
 * foot of the last page, but frames anchored there render differently in Word, WPS and LibreOffice, so
 * whoever prints the document moves it down with blank lines if needed.
 */
export function renderColophon(spec: OfficialDocumentSpec): (Table | Paragraph)[] {
  const rows: TableRow[] = [];
  const paragraph = (children: TextRun[], indent: { left: number; right: number; hanging?: number }, tabStops?: TabStopDefinition[]) =>
    new Paragraph({ alignment: AlignmentType.LEFT, keepNext: true, keepLines: true, indent, tabStops, spacing: COLOPHON_SPACING, children });
  const row = (content: Paragraph) =>
    new TableRow({
      cantSplit: true,
      children: [new TableCell({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, margins: { left: 0, right: 0, top: 40, bottom: 40 }, children: [content] })],
    });
  if (spec.copyTo?.length) {
    const names = spec.copyTo.map((n) => n.replace(/[，,、。；;]+$/, '')).join('，');
    // 回行时与冒号后的首字对齐: a hanging indent as wide as “抄送：”.
    const hanging = 3 * SIZE.sihao * 10;
    rows.push(row(paragraph([run(`抄送：${names}。`, { size: SIZE.sihao })], { left: chars(1) + hanging, right: chars(1), hanging })));
  }
  if (spec.printedBy) {
    const children = [
      run(spec.printedBy.org, { size: SIZE.sihao }),
      run([new Tab()], { size: SIZE.sihao }),
      run(`${formatChineseDate(spec.printedBy.date)}印发`, { size: SIZE.sihao }),
    ];
    // Tab positions count from the text block's left edge, so the right tab sits one character in.
    rows.push(row(paragraph(children, { left: chars(1), right: chars(1) }, [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - chars(1) }])));
  }
  if (rows.length === 0) return [];
  return [
    blankLine(),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [TEXT_WIDTH],
      layout: TableLayoutType.FIXED,
      borders: { top: THICK, bottom: THICK, insideHorizontal: THIN, left: NONE, right: NONE, insideVertical: NONE },
      rows,
    }),
    // A body must end with a paragraph; a tiny one, so that it never spills onto a page of its own.
    new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [run('', { size: 2 })] }),
  ];
}
