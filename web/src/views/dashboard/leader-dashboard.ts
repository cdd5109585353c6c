import type { ClockCell, ClockOverview, DepartmentClocks, Headline } from '@/api/dashboard.ts';

/** 领导驾驶舱: the change against last year in words, and the chart options built from the server's figures. */

export type ClockStatusKey = 'overdue' | 'dueSoon';
export const CLOCK_STATUS_TITLES: Record<ClockStatusKey, string> = { overdue: '超期', dueSoon: '临期' };

function number(value: number): string {
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/** 12, 33.3%; — when there is no figure or a rate has nothing to divide by (0 ÷ 0). */
export function figureText(figure: { value: number | null; denominator?: number }, unit: string): string {
  const value = chartValue(figure);
  if (value === null) return '—';
  return unit === '%' ? `${number(value)}%` : number(value);
}

export function chartValue(figure: { value: number | null; denominator?: number }): number | null {
  return figure.denominator === 0 ? null : figure.value;
}

/** ↑ 3 件（+300%）, ↓ 2.5 个百分点, → 持平; null when either year has no figure. */
export function changeText(headline: Headline): { arrow: '↑' | '↓' | '→'; text: string } | null {
  const { change, changeRate, unit } = headline;
  if (change === null) return null;
  if (change === 0) return { arrow: '→', text: '持平' };
  const arrow = change > 0 ? '↑' : '↓';
  if (unit === '%') return { arrow, text: `${number(Math.abs(change))} 个百分点` };
  const rate = changeRate === null ? '' : `（${changeRate > 0 ? '+' : ''}${number(changeRate)}%）`;
  return { arrow, text: `${number(Math.abs(change))} ${unit}${rate}` };
}

/** Headlines of one unit per chart, so counts and rates never share an axis. */
export function headlinesByUnit(headlines: Headline[]): { unit: string; items: Headline[] }[] {
  const groups: { unit: string; items: Headline[] }[] = [];
  for (const headline of headlines) {
    const group = groups.find((g) => g.unit === headline.unit);
    if (group) group.items.push(headline);
    else groups.push({ unit: headline.unit, items: [headline] });
  }
  return groups;
}

/** Whether any of the indicators has a figure in either year (a chart of nothing is left out). */
export function hasFigures(items: Headline[]): boolean {
  return items.some((h) => chartValue(h) !== null || chartValue(h.lastYear) !== null);
}

/** Bars of this year (series 0) and last year (series 1) for indicators of one unit. */
export function comparisonOption(items: Headline[], year: number, unit: string) {
  const suffix = unit === '%' ? '%' : ` ${unit}`;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}${suffix}`) },
    legend: { bottom: 0 },
    grid: { left: 10, right: 20, top: 20, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: items.map((h) => h.title), axisLabel: { interval: 0, width: 90, overflow: 'break' } },
    yAxis: { type: 'value', name: unit, minInterval: unit === '%' ? 0 : 1 },
    series: [
      { type: 'bar', name: `${year}年`, data: items.map((h) => chartValue(h)), label: { show: true, position: 'top' } },
      { type: 'bar', name: `${year - 1}年`, data: items.map((h) => chartValue(h.lastYear)), label: { show: true, position: 'top' } },
    ],
  };
}

/** The procedures that have any 超期 or 临期 case, in the server's order. */
export function activeProcedures(clocks: ClockOverview): { key: string; title: string }[] {
  return clocks.procedures.filter((p) => clocks.byProcedure.some((c) => c.procedure === p.key && c.overdue + c.dueSoon > 0));
}

export function cellOf(department: DepartmentClocks, procedure: string): ClockCell | undefined {
  return department.byProcedure.find((c) => c.procedure === procedure);
}

export type ClockSeries = { procedure: string; status: ClockStatusKey };

const PALETTE = ['#b92c28', '#3a6fb0', '#c98a1b', '#3f8f5a', '#7b4ea3', '#2a8c99'];

/**
 * Departments down the side; for each, an 超期 stack and a 临期 stack, each split by procedure, so a click names
 * the department, the procedure and the status — exactly one case list. `series` maps a series index back.
 */
export function clockChartOption(clocks: ClockOverview): { option: Record<string, unknown>; series: ClockSeries[]; departments: DepartmentClocks[] } {
  const departments = [...clocks.departments].reverse();
  const procedures = activeProcedures(clocks);
  const series: ClockSeries[] = [];
  const chartSeries = [];
  for (const status of ['overdue', 'dueSoon'] as const) {
    for (const [i, p] of procedures.entries()) {
      series.push({ procedure: p.key, status });
      chartSeries.push({
        type: 'bar', stack: status, name: `${p.title}·${CLOCK_STATUS_TITLES[status]}`, barMaxWidth: 18,
        itemStyle: { color: PALETTE[i % PALETTE.length], opacity: status === 'overdue' ? 1 : 0.45 },
        data: departments.map((d) => cellOf(d, p.key)?.[status] || null),
      });
    }
  }
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', bottom: 0, itemGap: 24 },
    grid: { left: 10, right: 30, top: 10, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: '件' },
    yAxis: { type: 'category', data: departments.map((d) => d.orgName) },
    series: chartSeries,
  };
  return { option, series, departments };
}
