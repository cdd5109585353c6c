import type { Calendar } from '../../platform/calendar/calendar.ts';
import { addDays, fromDayNumber, toDayNumber } from '../../platform/calendar/dates.ts';

/** Legal dates for the fixture, on the official calendar (offices act on working days, 调休 included). */
export type FixtureDates = {
  /** The date itself when it is a working day, else the next working day. */
  workday(date: string): string;
  /** n working days after the date (period arithmetic of the calendar: the start day is not counted). */
  afterWorkdays(date: string, n: number): string;
  /** n calendar days after the date, moved on to a working day. */
  afterDays(date: string, n: number): string;
  /** `count` working days spread evenly from `from` to `to` (inclusive), in order. */
  spread(count: number, from: string, to: string): string[];
};

export function fixtureDates(calendar: Calendar): FixtureDates {
  const workday = (date: string) => (calendar.isWorkday(date) ? date : calendar.addWorkingDays(date, 1));
  return {
    workday,
    afterWorkdays: (date, n) => calendar.addWorkingDays(date, n),
    afterDays: (date, n) => workday(addDays(date, n)),
    spread: (count, from, to) => {
      const start = toDayNumber(from);
      const span = toDayNumber(to) - start;
      return Array.from({ length: count }, (_, i) => workday(fromDayNumber(start + Math.floor(((i + 0.5) * span) / count))));
    },
  };
}

/** The later of two legal dates. */
export const later = (a: string, b: string) => (a > b ? a : b);
