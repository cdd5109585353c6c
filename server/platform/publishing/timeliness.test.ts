import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/calendar.ts';
import { loadChineseDays } from '../calendar/chinese-days-source.ts';
import { AppError } from '../errors.ts';
import { assertAction, canTakeAction, stateAfterApproval } from './states.ts';
import { chinaDateOf, publicationDueOn, timelinessOf } from './timeliness.ts';

const data = loadChineseDays();
const calendar = createCalendar(data.exceptions, data.years, { countAdjustedWorkdays: true });

describe('the Art 26 publication deadline (20 working days from forming)', () => {
  it('skips the National Day holiday and counts its 调休 Sundays and Saturdays', () => {
    // 2024-09-20 (Fri) + 20 working days: 9/29 and 10/12 are worked, 10/1–10/7 are off.
    expect(publicationDueOn(calendar, '2024-09-20')).toBe('2024-10-23');
    // Counting weekdays alone would give 2024-10-18.
    expect(publicationDueOn(calendar, '2024-03-01')).toBe('2024-03-29');
  });

  it('marks an item published after its due date as late, by how many working days', () => {
    const late = timelinessOf(calendar, { state: 'published', dueOn: '2024-10-23', publishedOn: '2024-10-25' }, '2024-12-01', 3);
    expect(late).toMatchObject({ status: 'late', label: '逾期公开', workingDaysLate: 2 });
    expect(timelinessOf(calendar, { state: 'published', dueOn: '2024-10-23', publishedOn: '2024-10-23' }, '2024-12-01', 3).status).toBe('on_time');
    // Withdrawn after publication: still judged by when it was published.
    expect(timelinessOf(calendar, { state: 'withdrawn', dueOn: '2024-10-23', publishedOn: '2024-10-25' }, '2024-12-01', 3).status).toBe('late');
  });

  it('runs unpublished items against today: normal, 临期, 超期', () => {
    const unpublished = (today: string) => timelinessOf(calendar, { state: 'submitted', dueOn: '2024-10-23', publishedOn: null }, today, 3);
    expect(unpublished('2024-09-30')).toMatchObject({ status: 'normal', workingDaysLeft: 13 });
    expect(unpublished('2024-10-18')).toMatchObject({ status: 'due_soon', workingDaysLeft: 3 });
    expect(unpublished('2024-10-23')).toMatchObject({ status: 'due_soon', workingDaysLeft: 0 });
    expect(unpublished('2024-10-24')).toMatchObject({ status: 'overdue', label: '超期未公开', workingDaysLeft: -1 });
    expect(timelinessOf(calendar, { state: 'withdrawn', dueOn: '2024-10-23', publishedOn: null }, '2024-11-01', 3).status).toBe('not_published');
  });

  it('takes the publication date in China time', () => {
    expect(chinaDateOf('2024-10-23T16:30:00.000Z')).toBe('2024-10-24');
    expect(chinaDateOf('2024-10-23T15:59:59.000Z')).toBe('2024-10-23');
  });
});

describe('the item states', () => {
  it('allows review only of submitted items and withdrawal only of public or scheduled ones', () => {
    expect(canTakeAction('draft', 'submit')).toBe(true);
    expect(canTakeAction('draft', 'approve')).toBe(false);
    expect(canTakeAction('submitted', 'approve')).toBe(true);
    expect(canTakeAction('scheduled', 'withdraw')).toBe(true);
    expect(canTakeAction('withdrawn', 'withdraw')).toBe(false);
    expect(canTakeAction('published', 'edit')).toBe(false);
    expect(() => assertAction('published', 'submit')).toThrow(AppError);
    expect(() => assertAction('published', 'submit')).toThrow('“已发布”状态的信息不能提交审核');
  });

  it('schedules an approval whose publication time is ahead, publishes the others now', () => {
    const now = new Date('2024-10-01T00:00:00Z');
    expect(stateAfterApproval(null, now)).toBe('published');
    expect(stateAfterApproval('2024-09-30T00:00:00Z', now)).toBe('published');
    expect(stateAfterApproval('2024-10-02T00:00:00Z', now)).toBe('scheduled');
  });
});
