/**
 * GB/T 9704-2012 page geometry and type, in Word units (twips = 1/20 pt; font sizes in half-points).
 * See DOMAIN.md §10: A4, 天头 37 mm, 订口 28 mm, 版心 156×225 mm, 22 lines × 28 characters.
 */
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);

export const PAGE = { width: 11906, height: 16838 } as const;

export const MARGIN = {
  top: mmToTwips(37),
  left: mmToTwips(28),
  bottom: mmToTwips(35),
  right: mmToTwips(26),
} as const;

export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Rounded down so that 22 lines always fit the 225 mm block (≈ 28.95 pt). */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);

export const FONT = {
  /** 正文 (GB/T 9704 7.1: 3号仿宋体字). */
  body: '仿宋_GB2312',
  /** 标题 and 发文机关标志 (小标宋体). */
  title: '方正小标宋简体',
  /** 一级标题 (一、). */
  heading1: '黑体',
  /** 二级标题 (（一）). */
  heading2: '楷体_GB2312',
  /** 页码 (4号半角宋体). */
  pageNumber: '宋体',
} as const;

/** Half-points: 初号 42 pt, 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE = { chuhao: 84, erhao: 44, sanhao: 32, sihao: 28 } as const;

export const BODY_SIZE = SIZE.sanhao;

/**
 * Character spacing (twips) that squeezes 三号 full-width characters from 16 pt to 15.75 pt, so that 28
 * fit in 156 mm (28 × 315 ≤ 8845). Spacing rather than the docGrid's charSpace: LibreOffice gives a glyph
 * wider than a grid cell two cells (14 characters a line); Word, WPS and LibreOffice all honour this.
 */
export const BODY_CHARACTER_SPACING = Math.floor(TEXT_WIDTH / CHARS_PER_LINE - BODY_SIZE * 10);

/** The pitch of one body character in twips (315). */
export const CHAR_WIDTH = BODY_SIZE * 10 + BODY_CHARACTER_SPACING;

/** Twips for n grid characters, for indents given in characters (空二字, 右空四字). */
export const chars = (n: number): number => Math.round(n * CHAR_WIDTH);

/** 页码 sits 7 mm below the text block (GB/T 9704 7.5); Word places the footer by its bottom edge. */
export const PAGE_NUMBER_LINE = SIZE.sihao * 10;
export const FOOTER_DISTANCE = MARGIN.bottom - mmToTwips(7) - PAGE_NUMBER_LINE;

export const RED = 'FF0000';

/**
 * Visual width in grid characters: CJK and full-width characters take one, ASCII half (Arabic numerals
 * in dates are half-width). Used to centre the 署名 over the 成文日期.
 */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return width;
}

/** GB/T 9704 7.3.5: 成文日期 in Arabic numerals, year in full, month and day without leading zeros. */
export function formatChineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`成文日期格式应为 YYYY-MM-DD：${isoDate}`);
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (heading numbers never go beyond that). */
export function chineseNumeral(n: number): string {
  if (n <= 0 || n >= 100 || !Number.isInteger(n)) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones];
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`;
}
