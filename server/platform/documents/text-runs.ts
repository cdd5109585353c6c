import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from 'docx';
import { BODY_SIZE, chars, FONT, LINE_PITCH } from './layout.ts';

type RunStyle = { font?: string; size?: number; isBold?: boolean; color?: string; isBreakBefore?: boolean };

/**
 * A run in one font for every script, so Latin digits do not fall back to a theme font. `content` is
 * text, or field/tab children such as PageNumber.CURRENT and new Tab().
 */
export function run(content: string | IRunOptions['children'], style: RunStyle = {}): TextRun {
  const font = style.font ?? FONT.body;
  return new TextRun({
    ...(typeof content === 'string' ? { text: content } : { children: content }),
    break: style.isBreakBefore ? 1 : undefined,
    font: { ascii: font, hAnsi: font, eastAsia: font, cs: font },
    size: style.size ?? BODY_SIZE,
    sizeComplexScript: style.size ?? BODY_SIZE,
    bold: style.isBold,
    color: style.color,
  });
}

/** Exact line spacing on the page grid: every line of the 版心 is 1/22 of its height. */
export const GRID_SPACING = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** A paragraph on the grid; options may override alignment, indent and spacing. */
export function gridParagraph(children: TextRun[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, ...options, spacing: { ...GRID_SPACING, ...options.spacing }, children });
}

/** 正文 paragraph: first line indented two characters (空二字). */
export function bodyParagraph(children: TextRun[]): Paragraph {
  return gridParagraph(children, { indent: { firstLine: chars(2) } });
}

/** An empty line of the grid (空一行). */
export function blankLine(): Paragraph {
  return gridParagraph([run('')]);
}
