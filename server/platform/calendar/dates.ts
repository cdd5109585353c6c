import { AppError } from '../errors.ts';

/**
 * Calendar dates are 'YYYY-MM-DD' strings, the legal date a thing happened on. All arithmetic
 * goes through a UTC day number (days since 1970-01-01), so time zones and DST never shift a day.
 */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** A real calendar date in 'YYYY-MM-DD' form (rejects 2024-02-30, 2024-13-01, '2024-1-1'). */
export function isValidDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/** Day number of a date; throws VALIDATION_FAILED for anything that is not a real 'YYYY-MM-DD' date. */
export function toDayNumber(date: string): number {
  if (!isValidDate(date)) throw new AppError('VALIDATION_FAILED', `日期“${date}”无效，应为 YYYY-MM-DD 格式的真实日期`);
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekendDayNumber(dayNumber: number): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday === 0 || weekday === 6;
}

export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Every date of a year, in order. */
export function datesOfYear(year: number): string[] {
  const first = Date.UTC(year, 0, 1) / MS_PER_DAY;
  const next = Date.UTC(year + 1, 0, 1) / MS_PER_DAY;
  const dates: string[] = [];
  for (let d = first; d < next; d += 1) dates.push(fromDayNumber(d));
  return dates;
}

/** Every date of a month (month 1–12), in order. */
export function datesOfMonth(year: number, month: number): string[] {
  const first = Date.UTC(year, month - 1, 1) / MS_PER_DAY;
  const next = Date.UTC(year, month, 1) / MS_PER_DAY;
  const dates: string[] = [];
  for (let d = first; d < next; d += 1) dates.push(fromDayNumber(d));
  return dates;
}
