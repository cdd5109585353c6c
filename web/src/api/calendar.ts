import { http } from './client.ts';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

export type CalendarDayView = {
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  kind: DayKind;
  kindLabel: string;
  isWorkday: boolean;
  isRestDay: boolean;
  name: string | null;
};

export type CalendarMonth = { year: number; month: number; countAdjustedWorkdays: boolean; days: CalendarDayView[] };

export type CalendarYear = { year: number; source: string; updatedAt: string };

export type CalendarImportBody = { year?: number; source?: string; days?: { date: string; kind: string; name?: string | null }[]; csv?: string };

export type DeadlineQuery = { from: string; days?: number; workingDays?: number };

export type DeadlineResult = { from: string; limit: { unit: 'days' | 'workingDays'; count: number }; limitText: string; due: string };

export type ImportResult = { year: number; source: string; days: number; holidays: number; adjustedWorkdays: number; replaced: boolean };

export const calendarApi = {
  month: (year: number, month: number) => http.get<CalendarMonth>('/calendar', { year, month }, { isSilent: true }),
  years: () => http.get<{ items: CalendarYear[] }>('/calendar/years'),
  setDay: (date: string, kind: DayKind, name: string | null) =>
    http.put<CalendarDayView>(`/calendar/days/${date}`, { kind, name }, { isSilent: true }),
  importYear: (body: CalendarImportBody) => http.post<ImportResult>('/calendar/import', body, { isSilent: true }),
  deadline: (query: DeadlineQuery) => http.get<DeadlineResult>('/calendar/deadline', query, { isSilent: true }),
};

export const DAY_KIND_LABELS: Record<DayKind, string> = {
  workday: '工作日',
  weekend: '休息日',
  holiday: '法定节假日',
  adjusted_workday: '调休上班日',
};
