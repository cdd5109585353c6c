import {
  AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType,
  type TextRun,
} from 'docx';
import { chars, chineseNumeral, FONT, SIZE, TEXT_WIDTH } from './layout.ts';
import type { DocumentBlock, HeadingLevel } from './spec.ts';
import { bodyParagraph, blankLine, gridParagraph, run } from './text-runs.ts';

/** GB/T 9704 7.3.3: 一、 (黑体) → （一） (楷体) → 1. (仿宋) → （1） (仿宋). */
const HEADING_STYLE: Record<HeadingLevel, { font: string; label: (n: number) => string }> = {
  1: { font: FONT.heading1, label: (n) => `${chineseNumeral(n)}、` },
  2: { font: FONT.heading2, label: (n) => `（${chineseNumeral(n)}）` },
  3: { font: FONT.body, label: (n) => `${n}.` },
  4: { font: FONT.body, label: (n) => `（${n}）` },
};

/** Lays out body blocks in order; heading counters restart below each higher-level heading. */
export function renderBlocks(blocks: DocumentBlock[]): (Paragraph | Table)[] {
  const counters = [0, 0, 0, 0];
  const out: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      out.push(bodyParagraph([run(block.text)]));
    } else if (block.type === 'heading') {
      counters[block.level - 1] += 1;
      for (let deeper = block.level; deeper < counters.length; deeper += 1) counters[deeper] = 0;
      out.push(headingParagraph(block, counters[block.level - 1]));
    } else {
      out.push(simpleTable(block.rows, block.hasHeaderRow ?? false, block.widths));
    }
  }
  return out;
}

function headingParagraph(block: Extract<DocumentBlock, { type: 'heading' }>, n: number): Paragraph {
  const style = HEADING_STYLE[block.level];
  const label = block.isNumbered === false ? '' : style.label(n);
  const children: TextRun[] = [run(`${label}${block.title}`, { font: style.font })];
  if (block.text) children.push(run(block.text));
  return bodyParagraph(children);
}

const TABLE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** Tables are set in 4号仿宋 on single-spaced lines: grid-height rows waste space in narrow cells. */
function simpleTable(rows: string[][], hasHeaderRow: boolean, widths?: number[]): Table {
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const weights = widths && widths.length === columns ? widths : Array.from({ length: columns }, () => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const columnWidths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: TABLE_BORDER, bottom: TABLE_BORDER, left: TABLE_BORDER, right: TABLE_BORDER,
      insideHorizontal: TABLE_BORDER, insideVertical: TABLE_BORDER,
    },
    rows: rows.map((cells, rowIndex) => new TableRow({
      tableHeader: hasHeaderRow && rowIndex === 0,
      children: Array.from({ length: columns }, (_, col) => new TableCell({
        width: { size: columnWidths[col], type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        margins: { left: 80, right: 80, top: 40, bottom: 40 },
        children: [new Paragraph({
          alignment: hasHeaderRow && rowIndex === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: Math.round(SIZE.sihao * 10 * 1.3), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [run(cells[col] ?? '', { size: SIZE.sihao, isBold: hasHeaderRow && rowIndex === 0 })],
        })],
      })),
    })),
  });
}

/**
 * GB/T 9704 7.3.4 附件说明: 正文下空一行左空二字编排“附件：”; several are numbered 1. 2. …, names
 * without final punctuation, later names aligned with the first one's first character.
 */
export function renderAttachments(names: string[]): Paragraph[] {
  if (names.length === 0) return [];
  const label = '附件：';
  const numbered = names.length > 1;
  const lines = names.map((name, i) => {
    const text = `${numbered ? `${i + 1}.` : ''}${name.replace(/[。．.，,；;]+$/, '')}`;
    if (i === 0) return bodyParagraph([run(`${label}${text}`)]);
    return gridParagraph([run(text)], { alignment: AlignmentType.LEFT, indent: { left: chars(2 + label.length) } });
  });
  return [blankLine(), ...lines];
}
