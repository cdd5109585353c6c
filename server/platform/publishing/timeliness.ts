import type { Calendar } from '../calendar/calendar.ts';

/**
 * 政府信息公开条例第二十六条: 属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内
 * 及时公开。The day of forming is not counted; working days come from the official calendar.
 */
export const PUBLICATION_LIMIT_WORKING_DAYS = 20;
export const PUBLICATION_BASIS = '政府信息公开条例第二十六条';

export function publicationDueOn(calendar: Calendar, formedOn: string): string {
  return calendar.addWorkingDays(formedOn, PUBLICATION_LIMIT_WORKING_DAYS);
}

export type TimelinessStatus = 'normal' | 'due_soon' | 'overdue' | 'on_time' | 'late' | 'not_published';

export const TIMELINESS_LABELS: Record<TimelinessStatus, string> = {
  normal: '正常',
  due_soon: '临期',
  overdue: '超期未公开',
  on_time: '按时公开',
  late: '逾期公开',
  not_published: '未公开',
};

export type Timeliness = {
  status: TimelinessStatus;
  label: string;
  dueOn: string;
  basis: string;
  /** Working days from today to the due date (negative once overdue); only while unpublished. */
  workingDaysLeft: number | null;
  /** Working days published after the due date; only when late. */
  workingDaysLate: number | null;
};

export type TimelinessInput = { state: string; dueOn: string; publishedOn: string | null };

/**
 * Where an item stands against its Art 26 deadline today. Published (or published, then withdrawn)
 * items are on time or late for good; items not yet published run against today; an item withdrawn
 * before it was ever published has no deadline left.
 */
export function timelinessOf(calendar: Calendar, item: TimelinessInput, today: string, nearDueWorkingDays: number): Timeliness {
  const base = { dueOn: item.dueOn, basis: PUBLICATION_BASIS, workingDaysLeft: null, workingDaysLate: null };
  const make = (status: TimelinessStatus, extra: Partial<Timeliness> = {}): Timeliness => ({ ...base, status, label: TIMELINESS_LABELS[status], ...extra });
  if (item.publishedOn) {
    if (item.publishedOn <= item.dueOn) return make('on_time');
    return make('late', { workingDaysLate: safeBetween(calendar, item.dueOn, item.publishedOn) });
  }
  if (item.state === 'withdrawn') return make('not_published');
  const left = safeBetween(calendar, today, item.dueOn);
  if (today > item.dueOn) return make('overdue', { workingDaysLeft: left });
  if (left != null && left <= nearDueWorkingDays) return make('due_soon', { workingDaysLeft: left });
  return make('normal', { workingDaysLeft: left });
}

/** Working days between two dates, or null when a year is missing from the calendar. */
function safeBetween(calendar: Calendar, a: string, b: string): number | null {
  try {
    return calendar.workingDaysBetween(a, b);
  } catch {
    return null;
  }
}

/** The legal date (China time) of an instant. */
export function chinaDateOf(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}
