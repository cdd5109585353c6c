/** Pure formatting and checks of document numbers (发文字号): the server issues with it, the admin UI previews with it. */

export type DocNumberFormat = { pattern: string; prefix: string };

/** GB/T 9704-2012 7.2.4: 机关代字〔年份〕序号号 — full year in 六角括号, no 第, no zero padding. */
export const DEFAULT_DOC_NUMBER_PATTERN = '{prefix}〔{year}〕{seq}号';

const PLACEHOLDER = /\{([a-z]+)\}/g;
const KNOWN_PLACEHOLDERS = new Set(['prefix', 'year', 'seq']);

export function formatDocNumber(format: DocNumberFormat, year: number, seq: number): string {
  return format.pattern.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === 'prefix') return format.prefix;
    if (name === 'year') return String(year);
    if (name === 'seq') return String(seq);
    return whole;
  });
}

/** Problems with a pattern, in Chinese; empty when it is usable. Sequences restart yearly, so {year} is required. */
export function patternProblems(pattern: string): string[] {
  const problems: string[] = [];
  const names = [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const unknown = names.filter((n) => !KNOWN_PLACEHOLDERS.has(n));
  if (unknown.length) problems.push(`不认识的占位符：${unknown.map((n) => `{${n}}`).join('、')}`);
  if (!names.includes('seq')) problems.push('格式中须含序号 {seq}');
  if (!names.includes('year')) problems.push('格式中须含年份 {year}（序号按年度编排）');
  if (/[[\]【】()（）]\s*\{year\}|\{year\}\s*[[\]【】()（）]/.test(pattern)) {
    problems.push('年份须用六角括号〔〕括入，不用方括号或圆括号');
  }
  if (/第\s*\{seq\}/.test(pattern)) problems.push('序号前不加“第”字');
  return problems;
}
