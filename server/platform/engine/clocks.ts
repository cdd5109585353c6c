import type { Calendar } from '../calendar/calendar.ts';
import { addDays, toDayNumber } from '../calendar/dates.ts';
import { dueDate, type PeriodLimit } from '../calendar/deadline.ts';
import { AppError } from '../errors.ts';

/**
 * A statutory clock (法定期限) is a log of events; its due date is always recomputed from the log on the
 * official calendar (DESIGN property 3), never stored as truth.
 *
 * - start / restart: a fresh period from that day (the day itself not counted). restart is used where the
 *   law says the period runs again from a new event, e.g. 政府信息公开条例 第三十条: 答复期限自收到补正的申请之日起计算.
 * - pause / resume: time between is not counted (e.g. 第三十三条第三款 征求第三方意见所需时间不计算在期限内;
 *   行政复议法 第三十九条 中止). The day a pause begins and the days up to the resumption are not counted;
 *   counting resumes on the day after the resumption, like a new start.
 * - extend: adds to the period (行政复议法 第六十二条 延长不得超过三十日); same unit adds to the count,
 *   another unit is added after the current due date.
 * - stop: the procedure step is done; the due date stays for the record (办结是否超期).
 */
export type ClockEventKind = 'start' | 'pause' | 'resume' | 'restart' | 'extend' | 'stop';

export type ClockEvent = { kind: ClockEventKind; on: string; limit?: PeriodLimit; note?: string };

export type ClockRun = 'idle' | 'running' | 'paused' | 'stopped';

export type ClockComputation = {
  run: ClockRun;
  limit: PeriodLimit | null;
  startedOn: string | null;
  dueOn: string | null;
  pausedOn: string | null;
  stoppedOn: string | null;
  /** Units of the period left when paused (same unit as `limit`). */
  remaining: number | null;
  /** Set when the due date falls in a year whose calendar is not loaded: the clock cannot be computed. */
  calendarProblem: string | null;
};

type Anchor = { date: string; remaining: number; unit: PeriodLimit['unit']; extraAfter: PeriodLimit[] };

export function computeClock(calendar: Calendar, events: readonly ClockEvent[], defaultLimit: PeriodLimit): ClockComputation {
  let run: ClockRun = 'idle';
  let limit: PeriodLimit | null = null;
  let startedOn: string | null = null;
  let pausedOn: string | null = null;
  let stoppedOn: string | null = null;
  let anchor: Anchor | null = null;
  let frozenDue: string | null = null;
  let isStoppedWhilePaused = false;

  const due = (a: Anchor): string => {
    let result = dueDate(calendar, a.date, { unit: a.unit, count: a.remaining });
    for (const extra of a.extraAfter) result = dueDate(calendar, result, extra);
    return result;
  };

  try {
    for (const event of events) {
      switch (event.kind) {
        case 'start':
        case 'restart': {
          limit = event.limit ?? defaultLimit;
          anchor = { date: event.on, remaining: limit.count, unit: limit.unit, extraAfter: [] };
          startedOn = event.on;
          run = 'running';
          pausedOn = stoppedOn = frozenDue = null;
          isStoppedWhilePaused = false;
          break;
        }
        case 'pause': {
          if (run !== 'running' || !anchor) break;
          const currentDue = due(anchor);
          if (toDayNumber(event.on) > toDayNumber(currentDue)) {
            frozenDue = currentDue;
          } else {
            anchor.remaining -= usedBefore(calendar, anchor, event.on);
          }
          pausedOn = event.on;
          run = 'paused';
          break;
        }
        case 'resume': {
          if (run !== 'paused' || !anchor) break;
          if (!frozenDue) anchor.date = event.on;
          pausedOn = null;
          run = 'running';
          break;
        }
        case 'extend': {
          if (!anchor || !limit || !event.limit || run === 'stopped' || run === 'idle') break;
          if (event.limit.unit === anchor.unit) anchor.remaining += event.limit.count;
          else anchor.extraAfter.push(event.limit);
          limit = event.limit.unit === limit.unit ? { unit: limit.unit, count: limit.count + event.limit.count } : limit;
          if (frozenDue) frozenDue = null;
          break;
        }
        case 'stop': {
          // Stopping an already stopped clock (several actions may end one step) keeps the first stop date.
          if (run === 'idle' || run === 'stopped') break;
          isStoppedWhilePaused = run === 'paused';
          stoppedOn = event.on;
          run = 'stopped';
          break;
        }
      }
    }
    // A paused period has no due date until it resumes, unless it was already overdue when paused.
    const hasOpenDue = anchor != null && run !== 'paused' && !isStoppedWhilePaused;
    const dueOn = frozenDue ?? (hasOpenDue && anchor ? due(anchor) : null);
    return { run, limit, startedOn, dueOn, pausedOn, stoppedOn, remaining: anchor?.remaining ?? null, calendarProblem: null };
  } catch (error) {
    if (error instanceof AppError && error.code === 'CALENDAR_MISSING') {
      return { run, limit, startedOn, dueOn: null, pausedOn, stoppedOn, remaining: anchor?.remaining ?? null, calendarProblem: error.message };
    }
    throw error;
  }
}

/** Counted units strictly after the anchor and before the pause day (the pause day itself is not counted). */
function usedBefore(calendar: Calendar, anchor: Anchor, pauseOn: string): number {
  const dayBefore = addDays(pauseOn, -1);
  if (toDayNumber(dayBefore) <= toDayNumber(anchor.date)) return 0;
  if (anchor.unit === 'workingDays') return calendar.workingDaysBetween(anchor.date, dayBefore);
  return toDayNumber(dayBefore) - toDayNumber(anchor.date);
}

/** 正常 / 临期 / 超期 / 暂停 / 已停止 (and 未开始), as the UI and the reminder job show them. */
export type ClockStatus = 'idle' | 'normal' | 'due_soon' | 'overdue' | 'elapsed' | 'paused' | 'stopped' | 'unknown';

export const CLOCK_STATUS_LABELS: Record<ClockStatus, string> = {
  idle: '未开始',
  normal: '正常',
  due_soon: '临期',
  overdue: '超期',
  elapsed: '已届满',
  paused: '暂停',
  stopped: '已停止',
  unknown: '无法计算',
};

/**
 * `isWindow`: the period is a window for someone else to act (e.g. 上诉期限), not a duty of the office, so
 * its end is 已届满 rather than 超期.
 */
export function clockStatus(calendar: Calendar, clock: ClockComputation, today: string, nearDueWorkingDays: number, isWindow = false): ClockStatus {
  if (clock.run === 'idle') return 'idle';
  if (clock.run === 'stopped') return 'stopped';
  if (clock.run === 'paused') return 'paused';
  if (!clock.dueOn) return 'unknown';
  if (toDayNumber(today) > toDayNumber(clock.dueOn)) return isWindow ? 'elapsed' : 'overdue';
  try {
    return calendar.workingDaysBetween(today, clock.dueOn) <= nearDueWorkingDays ? 'due_soon' : 'normal';
  } catch {
    return 'normal';
  }
}

/** Whether a stopped clock ended after its due date (办结超期). */
export function isStoppedLate(clock: ClockComputation): boolean {
  return clock.run === 'stopped' && !!clock.dueOn && !!clock.stoppedOn && toDayNumber(clock.stoppedOn) > toDayNumber(clock.dueOn);
}
