import { AppError } from '../errors.ts';
import { fromDayNumber, isWeekendDayNumber, toDayNumber, weekdayOfDayNumber, yearOfDayNumber } from './dates.ts';

/**
 * The statutory calendar (工作日历), pure: no database, no clock. Built from calendar rows and the
 * list of years whose State Council holiday notice (国务院办公厅关于某年部分节假日安排的通知) is loaded.
 *
 * Day counting (DOMAIN.md "Day counting"; 民事诉讼法（2023）第八十五条, applied to administrative
 * litigation by 行政诉讼法 第一百零一条 and to administrative reconsideration by 行政复议法 第八十八条):
 * - 期间开始的时和日，不计算在期间内 — the day the period starts is not counted;
 * - 期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期 — a calendar-day period
 *   whose last day is a rest day (weekend or 法定节假日; a 调休上班日 is not a rest day) ends on the
 *   first working day after it;
 * - 行政复议法 第八十八条第二款: 本法关于行政复议期间有关"三日"、"五日"、"七日"、"十日"的规定是指工作日，
 *   不含法定休假日 — such periods count working days (weekends and holidays skipped).
 * Whether a 调休上班日 counts as a working day for working-day periods is not written in the law;
 * it is the COUNT_ADJUSTED_WORKDAYS setting (default: counted, as in practice).
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'adjusted_workday'] as const satisfies readonly DayKind[];

export const DAY_KIND_LABELS: Record<DayKind, string> = {
  workday: '工作日',
  weekend: '休息日',
  holiday: '法定节假日',
  adjusted_workday: '调休上班日',
};

export type CalendarDay = { date: string; kind: DayKind; name: string | null };

export type DayInfo = CalendarDay & {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Counts toward a working-day (工作日) period under the calendar's options. */
  isWorkday: boolean;
  /** Weekend or holiday: a calendar-day period ending here rolls forward (民事诉讼法第八十五条). */
  isRestDay: boolean;
};

export type CalendarOptions = { countAdjustedWorkdays: boolean };

export type Calendar = {
  readonly coveredYears: readonly number[];
  readonly options: CalendarOptions;
  isCovered(year: number): boolean;
  dayInfo(date: string): DayInfo;
  isWorkday(date: string): boolean;
  isRestDay(date: string): boolean;
  /** The n-th working day after `from` (`from` itself is not counted); n = 0 gives `from`. */
  addWorkingDays(from: string, n: number): string;
  /**
   * `from` + n days; if that day is a rest day, the first day after it that is not. A 调休上班日 is a working
   * day in law, so a period may end on one whatever COUNT_ADJUSTED_WORKDAYS says (2025-12-22 + 10 → 2026-01-04).
   */
  addCalendarDays(from: string, n: number): string;
  /** Working days d with a < d ≤ b (negative when b is before a), so addWorkingDays(a, n) = b ⇒ n. */
  workingDaysBetween(a: string, b: string): number;
};

/** The kind a day has when the notice lists no exception for it: Monday–Friday work, weekends rest. */
export function ordinaryKind(date: string): 'workday' | 'weekend' {
  return isWeekendDayNumber(toDayNumber(date)) ? 'weekend' : 'workday';
}

/** Why a kind cannot be given to a date (a 调休上班日 on a Tuesday makes no sense), or null if it can. */
export function kindConflict(date: string, kind: DayKind): string | null {
  const weekend = isWeekendDayNumber(toDayNumber(date));
  if (weekend && kind === 'workday') return `${date} 是周末，调休上班请选择“调休上班日”`;
  if (!weekend && kind === 'weekend') return `${date} 不是周末，不能设为“休息日”，放假请选择“法定节假日”`;
  if (!weekend && kind === 'adjusted_workday') return `${date} 不是周末，不能设为“调休上班日”`;
  return null;
}

export function isWorkdayKind(kind: DayKind, options: CalendarOptions): boolean {
  if (kind === 'workday') return true;
  return kind === 'adjusted_workday' && options.countAdjustedWorkdays;
}

export function isRestKind(kind: DayKind): boolean {
  return kind === 'weekend' || kind === 'holiday';
}

export function calendarMissing(year: number): AppError {
  return new AppError(
    'CALENDAR_MISSING',
    `${year}年的工作日历尚未导入，无法按法定节假日计算期限。请系统管理员在“工作日历”中导入国务院办公厅关于${year}年部分节假日安排的通知`,
    { details: { year } },
  );
}

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > 36_500) {
    throw new AppError('VALIDATION_FAILED', `期限天数“${n}”无效，应为 0 至 36500 之间的整数`);
  }
}

/**
 * Builds the calendar. Days of a covered year that `days` does not list take their ordinary kind,
 * so a notice's exception list is enough; a day in a year not covered is never guessed and throws
 * CALENDAR_MISSING.
 */
export function createCalendar(
  days: Iterable<CalendarDay>,
  coveredYears: Iterable<number>,
  options: CalendarOptions,
): Calendar {
  const years = new Set(coveredYears);
  const byDay = new Map<number, CalendarDay>();
  for (const day of days) byDay.set(toDayNumber(day.date), { date: day.date, kind: day.kind, name: day.name ?? null });

  const covered = (dayNumber: number): void => {
    const year = yearOfDayNumber(dayNumber);
    if (!years.has(year)) throw calendarMissing(year);
  };

  const kindOf = (dayNumber: number): DayKind => {
    covered(dayNumber);
    const listed = byDay.get(dayNumber);
    if (listed) return listed.kind;
    return isWeekendDayNumber(dayNumber) ? 'weekend' : 'workday';
  };

  const workday = (dayNumber: number): boolean => isWorkdayKind(kindOf(dayNumber), options);
  const rest = (dayNumber: number): boolean => isRestKind(kindOf(dayNumber));

  const startOf = (from: string, n: number): number => {
    checkCount(n);
    const start = toDayNumber(from);
    covered(start);
    return start;
  };

  return {
    coveredYears: [...years].sort((a, b) => a - b),
    options: { ...options },
    isCovered: (year) => years.has(year),

    dayInfo(date) {
      const dayNumber = toDayNumber(date);
      const kind = kindOf(dayNumber);
      return {
        date,
        kind,
        name: byDay.get(dayNumber)?.name ?? null,
        weekday: weekdayOfDayNumber(dayNumber),
        isWorkday: isWorkdayKind(kind, options),
        isRestDay: isRestKind(kind),
      };
    },

    isWorkday: (date) => workday(toDayNumber(date)),
    isRestDay: (date) => rest(toDayNumber(date)),

    addWorkingDays(from, n) {
      let day = startOf(from, n);
      for (let counted = 0; counted < n; ) {
        day += 1;
        if (workday(day)) counted += 1;
      }
      return fromDayNumber(day);
    },

    addCalendarDays(from, n) {
      let day = startOf(from, n) + n;
      while (rest(day)) day += 1;
      return fromDayNumber(day);
    },

    workingDaysBetween(a, b) {
      const start = toDayNumber(a);
      const end = toDayNumber(b);
      covered(start);
      covered(end);
      const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
      let count = 0;
      for (let day = low + 1; day <= high; day += 1) if (workday(day)) count += 1;
      return sign * count;
    },
  };
}
