import type { CalendarDay } from './calendar.ts';
import { datesOfYear, isWeekendDayNumber, toDayNumber } from './dates.ts';

/**
 * Every day of a year: weekends and Monday–Friday workdays, then the notice's exceptions
 * (法定节假日 and 调休上班日) applied on top. Exceptions outside the year are ignored.
 */
export function buildYearDays(year: number, exceptions: Iterable<CalendarDay>): CalendarDay[] {
  const prefix = `${year}-`;
  const listed = new Map<string, CalendarDay>();
  for (const day of exceptions) if (day.date.startsWith(prefix)) listed.set(day.date, day);
  return datesOfYear(year).map((date) => {
    const exception = listed.get(date);
    if (exception) return { date, kind: exception.kind, name: exception.name ?? null };
    return { date, kind: isWeekendDayNumber(toDayNumber(date)) ? 'weekend' : 'workday', name: null };
  });
}

/** The days that differ from an ordinary week: what a notice lists, what an audit record needs. */
export function exceptionsOf(days: Iterable<CalendarDay>): CalendarDay[] {
  const result: CalendarDay[] = [];
  for (const day of days) {
    const ordinary = isWeekendDayNumber(toDayNumber(day.date)) ? 'weekend' : 'workday';
    if (day.kind !== ordinary || day.name) result.push({ date: day.date, kind: day.kind, name: day.name ?? null });
  }
  return result;
}
