import type { DeadlineItem } from './registry.ts';

export type DeadlineStatus = 'done' | 'pending' | 'due_soon' | 'overdue';

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = { done: '已完成', pending: '未到期', due_soon: '临期', overdue: '已超期' };

export type DeadlineView = DeadlineItem & { doneOn: string | null; note: string | null; daysLeft: number; status: DeadlineStatus; statusLabel: string };

/** Whole calendar days from `today` to `date` (negative once past), both YYYY-MM-DD. */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/**
 * 已完成 once done, whenever that was; otherwise 已超期 after the deadline day, 临期 within `nearDays` calendar
 * days of it (the deadline day itself counts as 0 days left), 未到期 before that.
 */
export function deadlineView(item: DeadlineItem, today: string, nearDays: number): DeadlineView {
  const daysLeft = daysBetween(today, item.deadline);
  const status: DeadlineStatus = item.isDone ? 'done' : daysLeft < 0 ? 'overdue' : daysLeft <= nearDays ? 'due_soon' : 'pending';
  return { ...item, doneOn: item.doneOn ?? null, note: item.note ?? null, daysLeft, status, statusLabel: DEADLINE_STATUS_LABELS[status] };
}
