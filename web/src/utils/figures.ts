import type { RouteLocationRaw } from 'vue-router';
import type { FigureSource, Indicator } from '@/api/report-types.ts';

/** How a figure was obtained, shown next to every figure (平台统计 / 填报 / 未提供). */
export const figureSourceLabels: Record<FigureSource, string> = { computed: '平台统计', entered: '填报', missing: '未提供' };

export const figureSourceTags: Record<FigureSource, 'success' | 'warning' | 'info'> = { computed: 'success', entered: 'warning', missing: 'info' };

export const figureSourceHints: Record<FigureSource, string> = {
  computed: '由平台根据办案记录计算',
  entered: '平台尚无相应记录，采用经审核的填报数据',
  missing: '平台尚无相应记录，也没有审核通过的填报数据',
};

/** 12 件, 33.3%, 1.5 万元; — when there is no figure. */
export function formatFigure(value: number | null, unit: string): string {
  if (value === null) return '—';
  const text = value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/**
 * The admin page for an indicator's recordsUrl with the same filters the server used for the figure, so a
 * click shows exactly the records counted: /api/cases/<procedure>?… is the case list, /api/<register>?… the
 * register's page at /<register>. null when there is no list.
 */
export function recordsRoute(recordsUrl: string | null): { permission: string | null; to: RouteLocationRaw } | null {
  if (!recordsUrl) return null;
  const url = new URL(recordsUrl, 'http://records.invalid');
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length > 1 ? values : values[0];
  }
  const caseList = /^\/api\/cases\/([^/]+)$/.exec(url.pathname);
  if (caseList) {
    const procedure = decodeURIComponent(caseList[1]);
    return { permission: `${procedure}.read`, to: { name: 'case-list', params: { procedure }, query } };
  }
  const register = /^\/api\/(.+)$/.exec(url.pathname);
  // Registers check their own permission on the server; the page says so when it refuses.
  return register ? { permission: null, to: { path: `/${register[1]}`, query } } : null;
}

/** Indicators in their groups, in the order the server lists them. */
export function groupIndicators(items: Indicator[]): { group: string; items: Indicator[] }[] {
  const groups: { group: string; items: Indicator[] }[] = [];
  for (const item of items) {
    const found = groups.find((g) => g.group === item.group);
    if (found) found.items.push(item);
    else groups.push({ group: item.group, items: [item] });
  }
  return groups;
}

/**
 * Indicators a department may enter (填报). The list API has no isEnterable flag yet: an indicator the
 * platform cannot compute (未提供) or whose figure is an approved entry (填报) is taken as enterable;
 * the server refuses the others with its own message.
 */
export function isEnterable(indicator: Indicator): boolean {
  return indicator.source === 'missing' || indicator.source === 'entered';
}

/** Year choices: from 2008 (政府信息公开条例 in force) to next year, newest first. */
export function yearOptions(): number[] {
  const last = new Date().getFullYear() + 1;
  return Array.from({ length: last - 2008 + 1 }, (_, i) => last - i);
}
