import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/calendar.ts';
import { loadChineseDays } from '../calendar/chinese-days-source.ts';
import { days, workingDays } from '../calendar/deadline.ts';
import { clockStatus, computeClock, isStoppedLate, type ClockEvent } from './clocks.ts';

// Dates checked by hand against the State Council holiday notices for 2024–2026.
const data = loadChineseDays();
const calendar = createCalendar(data.exceptions, data.years, { countAdjustedWorkdays: true });
const ev = (kind: ClockEvent['kind'], on: string, limit?: ClockEvent['limit']): ClockEvent => ({ kind, on, limit });

describe('clock due dates', () => {
  it('counts 5 working days from 2024-09-27 across National Day to 2024-10-10 (行政复议法第三十条)', () => {
    const clock = computeClock(calendar, [ev('start', '2024-09-27')], workingDays(5));
    expect(clock).toMatchObject({ run: 'running', dueOn: '2024-10-10', startedOn: '2024-09-27' });
  });

  it('does not count paused time: 20 working days from 2024-11-01, paused 11-11, resumed 11-20 → 2024-12-11', () => {
    const events = [ev('start', '2024-11-01'), ev('pause', '2024-11-11')];
    const paused = computeClock(calendar, events, workingDays(20));
    expect(paused).toMatchObject({ run: 'paused', dueOn: null, remaining: 15, pausedOn: '2024-11-11' });
    const resumed = computeClock(calendar, [...events, ev('resume', '2024-11-20')], workingDays(20));
    expect(resumed).toMatchObject({ run: 'running', dueOn: '2024-12-11' });
  });

  it('runs the whole period again on restart (政府信息公开条例第三十条): 2024-11-15 + 20 working days → 2024-12-13', () => {
    const clock = computeClock(calendar, [ev('start', '2024-11-01'), ev('restart', '2024-11-15')], workingDays(20));
    expect(clock.dueOn).toBe('2024-12-13');
  });

  it('extends a 60-day period by 30 days (行政复议法第六十二条) and rolls a Sunday to Monday', () => {
    const start = computeClock(calendar, [ev('start', '2024-08-05')], days(60));
    expect(start.dueOn).toBe('2024-10-08');
    const extended = computeClock(calendar, [ev('start', '2024-08-05'), ev('extend', '2024-09-30', days(30))], days(60));
    expect(extended.dueOn).toBe('2024-11-04');
    expect(extended.limit).toEqual(days(90));
  });

  it('takes the limit given at start over the default (简易程序 30 日)', () => {
    const clock = computeClock(calendar, [ev('start', '2024-08-05', days(30))], days(60));
    expect(clock.dueOn).toBe('2024-09-04');
  });

  it('keeps the due date when stopped and tells whether it was late', () => {
    const base = [ev('start', '2024-08-05'), ev('extend', '2024-09-30', days(30))];
    const onTime = computeClock(calendar, [...base, ev('stop', '2024-11-04')], days(60));
    expect(onTime).toMatchObject({ run: 'stopped', dueOn: '2024-11-04', stoppedOn: '2024-11-04' });
    expect(isStoppedLate(onTime)).toBe(false);
    const late = computeClock(calendar, [...base, ev('stop', '2024-11-05')], days(60));
    expect(isStoppedLate(late)).toBe(true);
  });

  it('keeps the first stop date when several actions stop the same clock', () => {
    const clock = computeClock(calendar, [ev('start', '2024-11-01'), ev('stop', '2024-11-05'), ev('stop', '2024-12-20')], workingDays(20));
    expect(clock).toMatchObject({ run: 'stopped', stoppedOn: '2024-11-05' });
    expect(isStoppedLate(clock)).toBe(false);
  });

  it('shows a lapsed window as 已届满, not 超期', () => {
    const window = computeClock(calendar, [ev('start', '2024-11-29')], days(15));
    expect(clockStatus(calendar, window, '2024-12-20', 3, true)).toBe('elapsed');
    expect(clockStatus(calendar, window, '2024-12-20', 3)).toBe('overdue');
  });

  it('keeps an already-missed due date when paused after it', () => {
    const clock = computeClock(calendar, [ev('start', '2024-11-01'), ev('pause', '2024-12-02'), ev('resume', '2024-12-10')], workingDays(20));
    expect(clock.dueOn).toBe('2024-11-29');
  });

  it('reports a missing calendar year instead of guessing', () => {
    const clock = computeClock(calendar, [ev('start', '2026-12-20')], workingDays(20));
    expect(clock.dueOn).toBeNull();
    expect(clock.calendarProblem).toMatch(/2027/);
  });
});

describe('clock status', () => {
  const running = computeClock(calendar, [ev('start', '2024-11-01'), ev('pause', '2024-11-11'), ev('resume', '2024-11-20')], workingDays(20));

  it('is 正常 more than 3 working days before the due date', () => {
    expect(clockStatus(calendar, running, '2024-12-05', 3)).toBe('normal');
  });
  it('is 临期 within 3 working days of the due date', () => {
    expect(clockStatus(calendar, running, '2024-12-06', 3)).toBe('due_soon');
    expect(clockStatus(calendar, running, '2024-12-11', 3)).toBe('due_soon');
  });
  it('is 超期 after the due date', () => {
    expect(clockStatus(calendar, running, '2024-12-12', 3)).toBe('overdue');
  });
  it('is 暂停, 已停止 or 未开始 whatever the date', () => {
    expect(clockStatus(calendar, computeClock(calendar, [ev('start', '2024-11-01'), ev('pause', '2024-11-04')], workingDays(20)), '2025-06-01', 3)).toBe('paused');
    expect(clockStatus(calendar, computeClock(calendar, [ev('start', '2024-11-01'), ev('stop', '2024-11-04')], workingDays(20)), '2025-06-01', 3)).toBe('stopped');
    expect(clockStatus(calendar, computeClock(calendar, [], workingDays(20)), '2025-06-01', 3)).toBe('idle');
  });
});
