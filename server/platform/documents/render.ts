import {
  AlignmentType, BorderStyle, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, type Table,
} from 'docx';
import { renderAttachments, renderBlocks } from './blocks.ts';
import { renderColophon, renderSignature } from './closing.ts';
import {
  BODY_CHARACTER_SPACING, BODY_SIZE, FONT, FOOTER_DISTANCE, LINE_PITCH, MARGIN, mmToTwips, PAGE, PAGE_NUMBER_LINE, RED, SIZE,
  TEXT_WIDTH,
} from './layout.ts';
import type { OfficialDocumentSpec } from './spec.ts';
import { blankLine, gridParagraph, run } from './text-runs.ts';

const NORMAL_RUN = {
  font: { ascii: FONT.body, hAnsi: FONT.body, eastAsia: FONT.body, cs: FONT.body },
  size: BODY_SIZE,
  characterSpacing: BODY_CHARACTER_SPACING,
};
const NORMAL_PARAGRAPH = { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } };

/**
 * Lays out an official document per GB/T 9704-2012 as a .docx: A4, margins 37/28/35/26 mm, 22 lines of
 * 28 characters in 3号仿宋, title in 2号小标宋, page numbers “— n —” in 4号宋体, odd pages right and even
 * pages left, one character in.
 */
export async function renderOfficialDocument(spec: OfficialDocumentSpec): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    ...(spec.layout === 'instrument' ? instrumentHead(spec) : fileHead(spec)),
    ...recipient(spec.recipient),
    ...renderBlocks(spec.blocks),
    ...renderAttachments(spec.attachments ?? []),
    ...renderSignature(spec),
    ...renderColophon(spec),
  ];
  const document = new Document({
    title: spec.title.replace(/\n/g, ''),
    creator: spec.issuingOrgName,
    evenAndOddHeaderAndFooters: true,
    styles: {
      // 三号仿宋 squeezed to 28 a line, in the document defaults and in Normal itself (LibreOffice reads the latter).
      default: { document: { run: NORMAL_RUN, paragraph: NORMAL_PARAGRAPH } },
      paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, run: NORMAL_RUN, paragraph: NORMAL_PARAGRAPH }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: mmToTwips(15), footer: FOOTER_DISTANCE, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** 页码 (GB/T 9704 7.5): 4号半角宋体 “— 1 —”; 单页码居右空一字，双页码居左空一字. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = SIZE.sihao * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        spacing: { line: PAGE_NUMBER_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [run(['— ', PageNumber.CURRENT, ' —'], { font: FONT.pageNumber, size: SIZE.sihao })],
      }),
    ],
  });
}

/**
 * 文件格式版头 (GB/T 9704 7.2): red 发文机关标志 35 mm below the top of the text block, 发文字号 two lines
 * below it, and a red rule as wide as the text block 4 mm under the number; the title two lines below.
 */
function fileHead(spec: OfficialDocumentSpec): Paragraph[] {
  const mark = spec.mastheadText ?? `${spec.issuingOrgName}文件`;
  // As large as 初号 allows, smaller for long names so that the mark stays on one line.
  const markSize = Math.min(SIZE.chuhao, Math.floor((TEXT_WIDTH / 10 / Math.max(1, [...mark].length)) * 2 * 0.95));
  const masthead = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: mmToTwips(35), after: 0, line: Math.round(markSize * 10 * 1.2), lineRule: LineRuleType.EXACT },
    children: [run(mark, { font: FONT.title, size: markSize, color: RED })],
  });
  const number = gridParagraph([run(spec.docNumber ?? '')], {
    alignment: AlignmentType.CENTER,
    spacing: { before: 2 * LINE_PITCH },
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
  });
  return [masthead, number, ...titleLines(spec.title, 2 * LINE_PITCH)];
}

/** 文书 layout: 发文机关 and 标题 centred in 小标宋, 发文字号 right-aligned on the next line, no red masthead. */
function instrumentHead(spec: OfficialDocumentSpec): Paragraph[] {
  const head = titleLines(`${spec.issuingOrgName}\n${spec.title}`, 0);
  if (!spec.docNumber) return head;
  return [...head, gridParagraph([run(spec.docNumber)], { alignment: AlignmentType.RIGHT })];
}

/** 标题: 2号小标宋, centred; '\n' starts a new line of the same paragraph. */
function titleLines(title: string, before: number): Paragraph[] {
  const lines = title.split('\n').map((l) => l.trim()).filter(Boolean);
  return [
    gridParagraph(
      lines.map((line, i) => run(line, { font: FONT.title, size: SIZE.erhao, isBreakBefore: i > 0 })),
      { alignment: AlignmentType.CENTER, spacing: { before } },
    ),
  ];
}

/** 主送机关: 标题下空一行，居左顶格，最后一个机关名称后标全角冒号. */
function recipient(name: string | undefined): Paragraph[] {
  if (!name) return [blankLine()];
  const text = /[：:]$/.test(name) ? name.replace(/:$/, '：') : `${name}：`;
  return [blankLine(), gridParagraph([run(text)], { alignment: AlignmentType.LEFT })];
}
