import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import type { Actor, Platform } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  ensureCalendarSeeded, importCalendarYear, listCalendarYears, loadCalendar, seedCalendarFromChineseDays, setCalendarDay,
} from './store.ts';

const ADMIN: Actor = { id: null, name: '测试管理员', ip: '127.0.0.1' };

// A made-up notice for 2027 (2027-01-01 is a Friday).
const NOTICE_2027 = [
  'date,kind,name',
  '2027-01-01,休,元旦',
  '2027-02-05,休,春节',
  '2027-02-06,休,春节',
  '2027-02-07,休,春节',
  '2027-02-08,休,春节',
  '2027-02-09,休,春节',
  '2027-02-10,休,春节',
  '2027-02-11,休,春节',
  '2027-02-20,班,春节',
].join('\n');

async function auditActions(platform: Platform): Promise<string[]> {
  const rows = await platform.db.selectFrom('audit_log').select('action').orderBy('seq').execute();
  return rows.map((r) => r.action);
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('calendar store', () => {
  let t: TestPlatform;
  let platform: Platform;

  beforeAll(async () => {
    t = await createTestPlatform();
    platform = t.platform;
  });
  afterAll(async () => {
    await t.close();
  });

  it('seeds every chinese-days year once, with one audit record', async () => {
    const first = await seedCalendarFromChineseDays(platform);
    expect(first.years[0]).toBe(2004);
    expect(first.years).toContain(2026);
    const dayCount = await platform.db.selectFrom('calendar_day').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(dayCount.n)).toBe(first.days);
    expect(first.days).toBe(8401);
    const again = await seedCalendarFromChineseDays(platform);
    expect(again.years).toEqual([]);
    expect(await ensureCalendarSeeded(platform)).toBeNull();
    expect(await auditActions(platform)).toEqual(['calendar.seed']);

    const row = await platform.db.selectFrom('calendar_day').selectAll().where('date', '=', '2024-09-29').executeTakeFirstOrThrow();
    expect(row).toEqual({ date: '2024-09-29', is_workday: 1, kind: 'adjusted_workday', name: '国庆节', source: 'chinese-days@1.5.7' });
    const years = await listCalendarYears(platform);
    expect(years[0]).toMatchObject({ year: 2004, source: 'chinese-days@1.5.7' });
  });

  it('computes deadlines from the tables and follows the 调休 setting', async () => {
    expect((await loadCalendar(platform)).addWorkingDays('2024-09-27', 5)).toBe('2024-10-10');
    expect((await loadCalendar(platform, { countAdjustedWorkdays: false })).addWorkingDays('2024-09-27', 5)).toBe('2024-10-11');
    await platform.db.insertInto('setting').values({ key: 'calendar.countAdjustedWorkdays', value_json: 'false', updated_at: '2024-01-01T00:00:00Z', updated_by: null }).execute();
    expect((await loadCalendar(platform)).addWorkingDays('2024-09-27', 5)).toBe('2024-10-11');
    await platform.db.deleteFrom('setting').where('key', '=', 'calendar.countAdjustedWorkdays').execute();
  });

  it('records an administrator’s edit of a day and uses it at once', async () => {
    const calendar = await loadCalendar(platform);
    expect(calendar.isWorkday('2025-03-03')).toBe(true);
    const day = await setCalendarDay(platform, ADMIN, '2025-03-03', { kind: 'holiday', name: '地方性放假' });
    expect(day).toMatchObject({ kind: 'holiday', isWorkday: false, name: '地方性放假' });
    expect((await loadCalendar(platform)).isWorkday('2025-03-03')).toBe(false);

    const audit = await platform.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'calendar.day.update', target_type: 'calendar_day', target_id: '2025-03-03', actor_name: '测试管理员' });
    expect(JSON.parse(audit.before_json ?? 'null')).toMatchObject({ kind: 'workday', source: 'chinese-days@1.5.7' });
    expect(JSON.parse(audit.after_json ?? 'null')).toMatchObject({ kind: 'holiday', name: '地方性放假', source: 'admin' });
  });

  it('never lets a later seed overwrite the edit', async () => {
    await seedCalendarFromChineseDays(platform);
    expect((await loadCalendar(platform)).dayInfo('2025-03-03').kind).toBe('holiday');
  });

  it('refuses edits that contradict the weekday or fall in a year without data', async () => {
    expect((await rejection(setCalendarDay(platform, ADMIN, '2025-03-04', { kind: 'adjusted_workday' }))).code).toBe('VALIDATION_FAILED');
    expect((await rejection(setCalendarDay(platform, ADMIN, '2030-03-04', { kind: 'holiday' }))).code).toBe('CALENDAR_MISSING');
    expect((await rejection(setCalendarDay(platform, ADMIN, '2025-02-30', { kind: 'holiday' }))).code).toBe('VALIDATION_FAILED');
  });

  it('imports a new year from a CSV notice, whole, in one audited write', async () => {
    expect((await rejection(loadCalendar(platform).then((c) => c.isWorkday('2027-02-08'))))).toMatchObject({ code: 'CALENDAR_MISSING' });
    const before = (await auditActions(platform)).length;
    const result = await importCalendarYear(platform, ADMIN, { csv: NOTICE_2027, source: '测试通知' });
    expect(result).toEqual({ year: 2027, source: '测试通知', days: 365, holidays: 8, adjustedWorkdays: 1, replaced: false });
    expect((await auditActions(platform)).slice(before)).toEqual(['calendar.year.import']);

    const calendar = await loadCalendar(platform);
    expect(calendar.dayInfo('2027-02-08')).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(calendar.dayInfo('2027-02-20')).toMatchObject({ kind: 'adjusted_workday', isWorkday: true });
    expect(calendar.dayInfo('2027-03-06').kind).toBe('weekend');
    // 2026-12-31 Thu + 1 working day: 2027-01-01 元旦, 01-02/03 weekend → Monday 2027-01-04.
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('replaces a year on re-import and keeps the previous exceptions in the audit record', async () => {
    const result = await importCalendarYear(platform, ADMIN, { year: 2027, days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    expect(result.replaced).toBe(true);
    expect((await loadCalendar(platform)).dayInfo('2027-02-08').kind).toBe('workday');
    const audit = await platform.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json ?? 'null').exceptions).toHaveLength(9);
    expect(JSON.parse(audit.after_json ?? 'null').exceptions).toHaveLength(1);
  });

  it('writes nothing when any CSV row is bad', async () => {
    const before = await auditActions(platform);
    const bad = `${NOTICE_2027}\n2027-02-31,休,春节`;
    const error = await rejection(importCalendarYear(platform, ADMIN, { csv: bad, year: 2027 }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('第11行');
    expect(await auditActions(platform)).toEqual(before);
    expect((await loadCalendar(platform)).dayInfo('2027-02-08').kind).toBe('workday');
  });
});
