import type { LocationQueryRaw, RouteLocationRaw } from 'vue-router';
import type { Indicator } from '@/api/report-types.ts';
import { recordsRoute } from '@/utils/figures.ts';

/** 调解工作台: the headline figures and the links from every number to the case records behind it. */
export type Headline = { id: string; title: string };

export const HEADLINES: Headline[] = [
  { id: 'mediation.handled', title: '调处' },
  { id: 'mediation.successful', title: '成功' },
  { id: 'mediation.successRate', title: '成功率' },
  { id: 'mediation.agreementAmount', title: '协议金额' },
  { id: 'mediation.judicialConfirmations', title: '司法确认' },
  { id: 'mediation.groupDisputes', title: '群体性' },
  { id: 'mediation.escalated', title: '激化' },
];

export type Month = { month: number; from: string; to: string };

/** The twelve months of a year with their first and last day (YYYY-MM-DD). */
export function monthsOf(year: number): Month[] {
  return Array.from({ length: 12 }, (_, i) => {
    const last = new Date(Date.UTC(year, i + 1, 0)).getUTCDate();
    const mm = String(i + 1).padStart(2, '0');
    return { month: i + 1, from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
  });
}

export function findIndicator(items: Indicator[], id: string): Indicator | undefined {
  return items.find((i) => i.id === id);
}

/** The admin case list for an indicator, with extra filters (a category facet, an organisation subtree). */
export function indicatorLink(indicator: Indicator | undefined, extra: LocationQueryRaw = {}): RouteLocationRaw | null {
  const records = recordsRoute(indicator?.recordsUrl ?? null);
  if (!records || typeof records.to !== 'object' || !('query' in records.to)) return records?.to ?? null;
  const base = (records.to.query ?? {}) as LocationQueryRaw;
  const facets = [base.facet, extra.facet].flat().filter((f): f is string => typeof f === 'string');
  return { ...records.to, query: { ...base, ...extra, ...(facets.length ? { facet: facets } : {}) } };
}

/** Handled disputes of one month (the trend line's point). */
export function monthLink(month: Month, org: number | null): RouteLocationRaw {
  const query: LocationQueryRaw = { openedFrom: month.from, openedTo: month.to, facet: 'handled:yes' };
  if (org) query.orgTree = String(org);
  return { name: 'case-list', params: { procedure: 'mediation' }, query };
}

export function figureText(indicator: Indicator | undefined): string {
  if (!indicator || indicator.value === null || indicator.denominator === 0) return '—';
  const text = indicator.value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  return indicator.unit === '%' ? `${text}%` : text;
}
