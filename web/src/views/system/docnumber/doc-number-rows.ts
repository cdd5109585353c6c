import type { DocNumberFormat, DocNumberFormatRow, DocNumberSeries } from '@/api/report-types.ts';
import { patternProblems } from '@common/doc-number.ts';

/**
 * One editable line of the page: a series' default format (orgId null) or an organisation's own. A
 * default line that is not set stays visible so the administrator sees which series have no format.
 */
export type FormatLine = {
  key: number;
  kind: string;
  titles: string[];
  orgId: number | null;
  prefix: string;
  pattern: string;
  isSet: boolean;
};

let nextKey = 1;

export function newLine(series: DocNumberSeries, orgId: number | null, pattern: string, isSet: boolean): FormatLine {
  return { key: nextKey++, kind: series.kind, titles: series.titles, orgId, prefix: '', pattern, isSet };
}

/** Every series from `kinds` (and any series only the saved formats still name), default line first. */
export function buildLines(items: DocNumberFormatRow[], kinds: DocNumberSeries[], defaultPattern: string): FormatLine[] {
  const series = [...kinds];
  for (const item of items) if (!series.some((s) => s.kind === item.kind)) series.push({ kind: item.kind, titles: [] });
  const lines: FormatLine[] = [];
  for (const s of series) {
    const own = items.filter((i) => i.kind === s.kind);
    const fallback = own.find((i) => i.orgId === null);
    lines.push(fallback ? { ...newLine(s, null, fallback.pattern, true), prefix: fallback.prefix } : newLine(s, null, defaultPattern, false));
    for (const i of own.filter((o) => o.orgId !== null)) lines.push({ ...newLine(s, i.orgId, i.pattern, true), prefix: i.prefix });
  }
  return lines;
}

/** The PUT body: the lines that are set, in page order; `keys` maps an item's index back to its line. */
export function toItems(lines: FormatLine[]): { items: DocNumberFormat[]; keys: number[] } {
  const set = lines.filter((l) => l.isSet);
  return {
    items: set.map((l) => ({ orgId: l.orgId, kind: l.kind, prefix: l.prefix.trim(), pattern: l.pattern.trim() })),
    keys: set.map((l) => l.key),
  };
}

/** The same checks as the server's, per line key: pattern, missing 机关代字, missing or repeated organisation. */
export function lineProblems(lines: FormatLine[]): Record<number, string[]> {
  const problems: Record<number, string[]> = {};
  const seen = new Set<string>();
  for (const line of lines.filter((l) => l.isSet)) {
    const list = patternProblems(line.pattern.trim());
    if (line.pattern.includes('{prefix}') && !line.prefix.trim()) list.push('请填写机关代字');
    const key = `${line.orgId ?? 'default'}|${line.kind}`;
    if (line.orgId === null && line.key !== lines.find((l) => l.kind === line.kind)?.key) list.push('请选择单位');
    else if (seen.has(key)) list.push('该单位已有本系列的格式');
    seen.add(key);
    if (list.length) problems[line.key] = list;
  }
  return problems;
}
