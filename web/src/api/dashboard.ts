import { http } from './client.ts';
import type { DeadlineList } from './deadlines.ts';
import type { FigureSource } from './report-types.ts';

/** 领导驾驶舱 (GET /api/dashboard/leader, server/platform/dashboard). */
export type HeadlineFigure = { value: number | null; source: FigureSource; numerator?: number; denominator?: number; recordsUrl: string | null };

export type Headline = HeadlineFigure & {
  id: string;
  title: string;
  unit: string;
  group: string;
  description: string;
  lastYear: HeadlineFigure;
  /** This year minus last year (for a rate: 个百分点); null when either figure is missing. */
  change: number | null;
  /** The change as a percentage of last year's figure (counts and amounts only). */
  changeRate: number | null;
};

/** Cases whose soonest running clock is 超期 / 临期; the URLs are the case lists that show them. */
export type ClockCell = { procedure: string; title: string; overdue: number; dueSoon: number; overdueUrl: string | null; dueSoonUrl: string | null };

export type DepartmentClocks = { orgId: number; orgName: string; overdue: number; dueSoon: number; byProcedure: ClockCell[] };

export type ClockOverview = {
  today: string;
  dueSoonUntil: string;
  procedures: { key: string; title: string }[];
  departments: DepartmentClocks[];
  byProcedure: ClockCell[];
  total: { overdue: number; dueSoon: number };
};

export type LeaderDashboard = { year: number; today: string; headlines: Headline[]; clocks: ClockOverview; deadlines: Omit<DeadlineList, 'year' | 'today'> };

export const dashboardApi = {
  leader: (year: number) => http.get<LeaderDashboard>('/dashboard/leader', { year }),
};
