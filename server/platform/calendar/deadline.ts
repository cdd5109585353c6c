import type { Calendar } from './calendar.ts';

/**
 * A statutory period (法定期限): a count of calendar days (日) or of working days (工作日).
 * Which one a rule means is a legal question answered next to the rule, e.g. 行政复议法 第八十八条
 * makes its 三日/五日/七日/十日 working days, so its 60-day decision period stays calendar days.
 */
export type PeriodLimit = { unit: 'days' | 'workingDays'; count: number };

/** n calendar days (日). */
export function days(count: number): PeriodLimit {
  return { unit: 'days', count };
}

/** n working days (工作日). */
export function workingDays(count: number): PeriodLimit {
  return { unit: 'workingDays', count };
}

/** '60日' / '5个工作日', for messages and documents. */
export function describeLimit(limit: PeriodLimit): string {
  return limit.unit === 'days' ? `${limit.count}日` : `${limit.count}个工作日`;
}

/**
 * The last day of a period that starts on `startDate` (the day of the triggering event, e.g. 收到申请之日).
 * 民事诉讼法 第八十五条 (via 行政诉讼法 第一百零一条, 行政复议法 第八十八条): the start day is not counted;
 * a calendar-day period ending on a rest day ends on the first working day after it. Working-day
 * periods count only working days, so they never end on a rest day.
 */
export function dueDate(calendar: Calendar, startDate: string, limit: PeriodLimit): string {
  return limit.unit === 'days'
    ? calendar.addCalendarDays(startDate, limit.count)
    : calendar.addWorkingDays(startDate, limit.count);
}
