/** What a document template produces and renderOfficialDocument lays out (GB/T 9704-2012). */

export type HeadingLevel = 1 | 2 | 3 | 4;

export type DocumentBlock =
  /** A body paragraph: 3号仿宋, first line indented two characters. */
  | { type: 'paragraph'; text: string }
  /**
   * A heading, numbered automatically per level (一、 / （一） / 1. / （1）) unless isNumbered is false;
   * `text` runs on in 仿宋 after the heading, as GB/T 9704 allows for levels 3 and 4.
   */
  | { type: 'heading'; level: HeadingLevel; title: string; text?: string; isNumbered?: boolean }
  /** A simple grid of text; the first row is bold when hasHeaderRow. widths are relative (default equal). */
  | { type: 'table'; rows: string[][]; hasHeaderRow?: boolean; widths?: number[] };

export type OfficialDocumentSpec = {
  /** 标题; '\n' breaks it into lines (GB/T 9704 asks for a trapezoid or diamond shape). */
  title: string;
  /** 发文字号, e.g. 示府复决〔2024〕3号. */
  docNumber?: string | null;
  /** 发文机关 full name: the 发文机关标志 of the 'file' layout, the first title line of the 'instrument' layout. */
  issuingOrgName: string;
  /**
   * 'file' (default): 文件格式 — red 发文机关标志 "<机关>文件", 发文字号 centred, red separator line.
   * 'instrument': 文书 layout used for notices and decisions to parties — 机关 and 标题 centred,
   * 发文字号 right-aligned below, no red masthead.
   */
  layout?: 'file' | 'instrument';
  /** Overrides the 发文机关标志 text of the 'file' layout (default "<issuingOrgName>文件"). */
  mastheadText?: string;
  /** 主送机关 (or the party addressed), printed flush left with a full-width colon. */
  recipient?: string;
  blocks: DocumentBlock[];
  /** 附件说明: attachment names, numbered when more than one. */
  attachments?: string[];
  /** 发文机关署名 (落款). */
  signature: string;
  /** 成文日期 as YYYY-MM-DD; printed 2024年3月5日. */
  date: string;
  /** false: the layout for a document without a seal (署名右空二字). Default true (seal over the date). */
  isSealed?: boolean;
  /** 附注, printed in parentheses below the date, e.g. 此件公开发布. */
  footnote?: string;
  /** 抄送机关 (版记). */
  copyTo?: string[];
  /** 印发机关和印发日期 (版记). */
  printedBy?: { org: string; date: string };
};
