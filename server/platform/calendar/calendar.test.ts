import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { createCalendar, type Calendar } from './calendar.ts';
import { loadChineseDays } from './chinese-days-source.ts';
import { days, dueDate, workingDays } from './deadline.ts';

// Expectations are checked by hand against 国务院办公厅关于2024年、2025年、2026年部分节假日安排的通知.
const data = loadChineseDays();
const official = createCalendar(data.exceptions, data.years, { countAdjustedWorkdays: true });
const adjustedNotCounted = createCalendar(data.exceptions, data.years, { countAdjustedWorkdays: false });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
}

function datesBetween(first: string, last: string): string[] {
  const result: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d.toISOString().slice(0, 10) <= last; d.setUTCDate(d.getUTCDate() + 1)) {
    result.push(d.toISOString().slice(0, 10));
  }
  return result;
}

describe('the official dataset', () => {
  it('covers 2004 to 2026 and names its source', () => {
    expect(data.years[0]).toBe(2004);
    expect(data.years[data.years.length - 1]).toBe(2026);
    expect(data.source).toBe('chinese-days@1.5.7');
  });
});

describe('working days and rest days per the State Council notices', () => {
  it.each(['2024-09-29', '2024-10-12', '2025-01-26', '2025-02-08', '2026-01-04', '2026-02-14', '2026-02-28'])(
    'counts the 调休 make-up day %s (a weekend day) as a working day',
    (date) => {
      expect(official.dayInfo(date)).toMatchObject({ kind: 'adjusted_workday', isWorkday: true, isRestDay: false });
    },
  );

  it('rests through National Day 2024, 10-01 to 10-07, weekend days of the block included', () => {
    for (const date of datesBetween('2024-10-01', '2024-10-07')) {
      expect(official.dayInfo(date)).toMatchObject({ kind: 'holiday', name: '国庆节', isWorkday: false, isRestDay: true });
    }
  });

  it('rests through the 2025 Spring Festival, 01-28 to 02-04', () => {
    for (const date of datesBetween('2025-01-28', '2025-02-04')) {
      expect(official.isWorkday(date)).toBe(false);
      expect(official.dayInfo(date).name).toBe('春节');
    }
    expect(official.isWorkday('2025-01-27')).toBe(true);
    expect(official.isWorkday('2025-02-05')).toBe(true);
  });

  it('rests on 2026 New Year 01-01 to 01-03 and works on Sunday 01-04', () => {
    expect(datesBetween('2026-01-01', '2026-01-03').map((d) => official.isWorkday(d))).toEqual([false, false, false]);
    expect(official.isWorkday('2026-01-04')).toBe(true);
  });

  it('treats an ordinary weekend as a weekend and 除夕 2024-02-09 (a Friday the notice leaves working) as a workday', () => {
    expect(official.dayInfo('2024-06-08')).toMatchObject({ kind: 'weekend', weekday: 6, name: null, isRestDay: true });
    expect(official.dayInfo('2024-02-09')).toMatchObject({ kind: 'workday', weekday: 5, isWorkday: true });
  });
});

describe('calendar-day periods (民事诉讼法第八十五条)', () => {
  it('does not count the start day', () => {
    expect(official.addCalendarDays('2024-09-06', 24)).toBe('2024-09-30');
  });

  it('moves a period ending inside National Day to the first working day after it', () => {
    // 2024-09-06 + 25 days = 2024-10-01 (国庆) → 10-02 … 10-07 also rest → 2024-10-08.
    expect(official.addCalendarDays('2024-09-06', 25)).toBe('2024-10-08');
  });

  it('moves a period ending on a weekend past a holiday that follows it', () => {
    // 2024-06-08 Sat, 06-09 Sun, 06-10 端午 → Tuesday 2024-06-11.
    expect(official.addCalendarDays('2024-06-01', 7)).toBe('2024-06-11');
  });

  it('ends on a 调休 make-up Sunday, which is not a rest day', () => {
    expect(official.addCalendarDays('2024-09-19', 10)).toBe('2024-09-29');
    // 2026-01-01 元旦 → 01-02, 01-03 rest → Sunday 2026-01-04 is worked.
    expect(official.addCalendarDays('2025-12-22', 10)).toBe('2026-01-04');
  });

  it('leaves calendar-day periods to the law whatever the 调休 setting', () => {
    expect(adjustedNotCounted.addCalendarDays('2025-12-22', 10)).toBe('2026-01-04');
    expect(adjustedNotCounted.addCalendarDays('2024-09-06', 25)).toBe('2024-10-08');
  });
});

describe('working-day periods (行政复议法第八十八条: 三日、五日、七日、十日指工作日)', () => {
  it('counts 5 working days from 2024-09-27 across National Day to 2024-10-10', () => {
    // 09-28 Sat rest; 09-29 Sun 调休 (1); 09-30 (2); 10-01..07 rest; 10-08 (3), 10-09 (4), 10-10 (5).
    expect(official.addWorkingDays('2024-09-27', 5)).toBe('2024-10-10');
  });

  it('gives 2024-10-11 when 调休 make-up days are not counted', () => {
    // 09-30 (1); 10-08 (2), 10-09 (3), 10-10 (4), 10-11 (5).
    expect(adjustedNotCounted.addWorkingDays('2024-09-27', 5)).toBe('2024-10-11');
  });

  it('counts 7 working days across the 2025 Spring Festival', () => {
    // 01-26 Sun 调休 (1), 01-27 (2), 01-28..02-04 rest, 02-05 (3), 02-06 (4), 02-07 (5), 02-08 Sat 调休 (6), 02-10 Mon (7).
    expect(official.addWorkingDays('2025-01-24', 7)).toBe('2025-02-10');
    // Without make-up days: 01-27, 02-05, 02-06, 02-07, 02-10, 02-11, 02-12.
    expect(adjustedNotCounted.addWorkingDays('2025-01-24', 7)).toBe('2025-02-12');
  });

  it('counts the 20 working days of 政府信息公开条例第三十三条 across National Day 2024', () => {
    // 09-23..27 (5), 09-29 (6), 09-30 (7), 10-08..11 (11), 10-12 Sat 调休 (12), 10-14..18 (17), 10-21..23 (20).
    expect(official.addWorkingDays('2024-09-20', 20)).toBe('2024-10-23');
    expect(official.workingDaysBetween('2024-09-20', '2024-10-23')).toBe(20);
  });

  it('crosses into the next year using that year’s notice', () => {
    // 2026-01-01..03 rest; 01-04 Sun 调休 (1), 01-05 (2), 01-06 (3).
    expect(official.addWorkingDays('2025-12-31', 3)).toBe('2026-01-06');
  });

  it('returns the start day for a zero-length period', () => {
    expect(official.addWorkingDays('2024-10-05', 0)).toBe('2024-10-05');
  });
});

describe('workingDaysBetween', () => {
  it('is the inverse of addWorkingDays and negative backwards', () => {
    expect(official.workingDaysBetween('2024-09-27', '2024-10-10')).toBe(5);
    expect(official.workingDaysBetween('2024-10-10', '2024-09-27')).toBe(-5);
    expect(official.workingDaysBetween('2024-10-01', '2024-10-07')).toBe(0);
    expect(adjustedNotCounted.workingDaysBetween('2024-09-27', '2024-10-10')).toBe(4);
  });
});

describe('dueDate', () => {
  it('applies the period unit', () => {
    expect(dueDate(official, '2024-09-06', days(25))).toBe('2024-10-08');
    expect(dueDate(official, '2024-09-27', workingDays(5))).toBe('2024-10-10');
    // 行政复议法第六十二条: 60 days from acceptance on 2024-08-05 → 10-04 (国庆) → 2024-10-08.
    expect(dueDate(official, '2024-08-05', days(60))).toBe('2024-10-08');
  });
});

describe('missing and invalid data', () => {
  it('refuses a year without calendar data instead of guessing from weekdays', () => {
    expect(codeOf(() => official.isWorkday('2030-03-04'))).toBe('CALENDAR_MISSING');
    expect(codeOf(() => official.dayInfo('2003-05-01'))).toBe('CALENDAR_MISSING');
    expect(codeOf(() => official.addWorkingDays('2026-12-28', 5))).toBe('CALENDAR_MISSING');
    expect(codeOf(() => official.addCalendarDays('2026-12-20', 30))).toBe('CALENDAR_MISSING');
    expect(() => official.isWorkday('2030-03-04')).toThrow(/2030年的工作日历尚未导入/);
  });

  it('rejects impossible dates and counts', () => {
    expect(codeOf(() => official.isWorkday('2024-02-30'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => official.addCalendarDays('2024/10/01', 1))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => official.addWorkingDays('2024-10-01', -1))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => official.addWorkingDays('2024-10-01', 1.5))).toBe('VALIDATION_FAILED');
  });

  it('fills unlisted days of a covered year from the weekday', () => {
    const small: Calendar = createCalendar([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }], [2027], { countAdjustedWorkdays: true });
    expect(small.dayInfo('2027-01-01').kind).toBe('holiday');
    expect(small.dayInfo('2027-01-02').kind).toBe('weekend');
    expect(small.dayInfo('2027-01-04').kind).toBe('workday');
    expect(small.coveredYears).toEqual([2027]);
    expect(codeOf(() => small.isWorkday('2026-12-31'))).toBe('CALENDAR_MISSING');
  });
});
