import type { Transaction } from 'kysely';
import { cachedByGeneration } from '../cache/generations.ts';
import type { CalendarDayTable, Database } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../audit/append.ts';
import { inTransaction, nowIso, SYSTEM_ACTOR, type Actor, type Platform } from '../context.ts';
import { AppError } from '../errors.ts';
import { COUNT_ADJUSTED_WORKDAYS } from '../settings/core-settings.ts';
import { getSetting } from '../settings/service.ts';
import {
  calendarMissing, createCalendar, DAY_KINDS, DAY_KIND_LABELS, kindConflict,
  type Calendar, type CalendarDay, type CalendarOptions, type DayInfo, type DayKind,
} from './calendar.ts';
import { loadChineseDays } from './chinese-days-source.ts';
import { toDayNumber } from './dates.ts';
import { parseCalendarImport } from './import-parse.ts';
import { buildYearDays, exceptionsOf } from './year-days.ts';

/**
 * The calendar tables: calendar_year lists the years whose notice is loaded (a year absent there is
 * CALENDAR_MISSING, never guessed); calendar_day holds every day of those years. `is_workday` stores the
 * legal reading (调休上班日 = 1); whether 调休上班日 count for 工作日 periods is the setting, applied on load.
 * Every write goes through this module, in one transaction with its audit record.
 */
export const ADMIN_SOURCE = 'admin';

type CacheEntry = { version: string; days: CalendarDay[]; years: number[]; calendars: Map<boolean, Calendar> };

// One cache per platform. The version (number of years, latest update) also notices writes made by
// another process, such as `fazhi calendar import` while the server runs.
const cache = new WeakMap<Platform, CacheEntry>();

export function invalidateCalendarCache(platform: Platform): void {
  cache.delete(platform);
}

async function calendarVersion(db: Db): Promise<string> {
  return cachedByGeneration(db, 'calendar', 'version', async () => {
    const row = await db
      .selectFrom('calendar_year')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('at')])
      .executeTakeFirst();
    return `${Number(row?.n ?? 0)}|${row?.at ?? ''}`;
  });
}

function asKind(value: string, date: string): DayKind {
  const kind = DAY_KINDS.find((k) => k === value);
  if (!kind) throw new Error(`calendar_day ${date} has unknown kind ${value}`);
  return kind;
}

/** The calendar from the tables, with COUNT_ADJUSTED_WORKDAYS from settings unless given. */
export async function loadCalendar(platform: Platform, options?: Partial<CalendarOptions>): Promise<Calendar> {
  const countAdjustedWorkdays = options?.countAdjustedWorkdays ?? (await getSetting(platform.db, COUNT_ADJUSTED_WORKDAYS));
  const version = await calendarVersion(platform.db);
  let entry = cache.get(platform);
  if (!entry || entry.version !== version) {
    const [rows, years] = await Promise.all([
      platform.db.selectFrom('calendar_day').select(['date', 'kind', 'name']).execute(),
      platform.db.selectFrom('calendar_year').select('year').execute(),
    ]);
    entry = {
      version,
      days: rows.map((row) => ({ date: row.date, kind: asKind(row.kind, row.date), name: row.name })),
      years: years.map((row) => Number(row.year)),
      calendars: new Map(),
    };
    cache.set(platform, entry);
  }
  let calendar = entry.calendars.get(countAdjustedWorkdays);
  if (!calendar) {
    calendar = createCalendar(entry.days, entry.years, { countAdjustedWorkdays });
    entry.calendars.set(countAdjustedWorkdays, calendar);
  }
  return calendar;
}

export type CalendarYearInfo = { year: number; source: string; updatedAt: string };

export async function listCalendarYears(platform: Platform): Promise<CalendarYearInfo[]> {
  const rows = await platform.db.selectFrom('calendar_year').selectAll().orderBy('year').execute();
  return rows.map((row) => ({ year: Number(row.year), source: row.source, updatedAt: row.updated_at }));
}

function toRow(day: CalendarDay, source: string): CalendarDayTable {
  const isWorkday = day.kind === 'workday' || day.kind === 'adjusted_workday';
  return { date: day.date, is_workday: isWorkday ? 1 : 0, kind: day.kind, name: day.name ?? null, source };
}

const INSERT_CHUNK = 400;

async function insertDays(trx: Transaction<Database>, rows: CalendarDayTable[], keepExisting: boolean): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const insert = trx.insertInto('calendar_day').values(rows.slice(i, i + INSERT_CHUNK));
    await (keepExisting ? insert.onConflict((oc) => oc.column('date').doNothing()) : insert).execute();
  }
}

async function yearRow(trx: Transaction<Database>, year: number) {
  return trx.selectFrom('calendar_year').selectAll().where('year', '=', year).executeTakeFirst();
}

function yearBounds(year: number): [string, string] {
  return [`${year}-01-01`, `${year}-12-31`];
}

export type SeedResult = { source: string; years: number[]; days: number };

/**
 * Loads every year chinese-days covers that calendar_year does not list yet, one row per day.
 * Idempotent; a year already present (seeded, imported or edited) is never touched.
 */
export async function seedCalendarFromChineseDays(platform: Platform, actor: Actor = SYSTEM_ACTOR): Promise<SeedResult> {
  const data = loadChineseDays();
  const result = await inTransaction(platform, async (trx): Promise<SeedResult> => {
    const present = new Set((await trx.selectFrom('calendar_year').select('year').execute()).map((row) => Number(row.year)));
    const missing = data.years.filter((year) => !present.has(year));
    if (!missing.length) return { source: data.source, years: [], days: 0 };
    const at = nowIso();
    let count = 0;
    for (const year of missing) {
      const rows = buildYearDays(year, data.exceptions).map((day) => toRow(day, data.source));
      await insertDays(trx, rows, true);
      await trx.insertInto('calendar_year').values({ year, source: data.source, updated_at: at }).execute();
      count += rows.length;
    }
    await appendAudit(trx, platform.dialect, actor, {
      action: 'calendar.seed',
      targetType: 'calendar',
      targetId: data.source,
      after: { source: data.source, years: missing, days: count },
    });
    return { source: data.source, years: missing, days: count };
  });
  if (result.years.length) invalidateCalendarCache(platform);
  return result;
}

/** Seeds only when no year is loaded at all (a fresh database), e.g. before the CLI computes a deadline. */
export async function ensureCalendarSeeded(platform: Platform): Promise<SeedResult | null> {
  const any = await platform.db.selectFrom('calendar_year').select('year').limit(1).executeTakeFirst();
  return any ? null : seedCalendarFromChineseDays(platform);
}

export type DayUpdate = { kind: DayKind; name?: string | null };

/** An administrator's correction of one day (e.g. a local holiday); the year must already be loaded. */
export async function setCalendarDay(platform: Platform, actor: Actor, date: string, update: DayUpdate): Promise<DayInfo> {
  toDayNumber(date);
  if (!DAY_KINDS.includes(update.kind)) {
    throw new AppError('VALIDATION_FAILED', `日期类型“${String(update.kind)}”无效`, { fields: [{ path: 'kind', message: '日期类型无效' }] });
  }
  const conflict = kindConflict(date, update.kind);
  if (conflict) throw new AppError('VALIDATION_FAILED', conflict, { fields: [{ path: 'kind', message: conflict }] });
  const name = update.name?.trim() || null;
  if (name && name.length > 50) throw new AppError('VALIDATION_FAILED', '名称不超过 50 字', { fields: [{ path: 'name', message: '名称不超过 50 字' }] });
  const year = Number(date.slice(0, 4));

  const changed = await inTransaction(platform, async (trx) => {
    if (!(await yearRow(trx, year))) throw calendarMissing(year);
    const before = await trx.selectFrom('calendar_day').selectAll().where('date', '=', date).executeTakeFirst();
    if (before && before.kind === update.kind && (before.name ?? null) === name) return false;
    const row = toRow({ date, kind: update.kind, name }, ADMIN_SOURCE);
    if (before) await trx.updateTable('calendar_day').set(row).where('date', '=', date).execute();
    else await trx.insertInto('calendar_day').values(row).execute();
    await trx.updateTable('calendar_year').set({ updated_at: nowIso() }).where('year', '=', year).execute();
    await appendAudit(trx, platform.dialect, actor, {
      action: 'calendar.day.update',
      targetType: 'calendar_day',
      targetId: date,
      before: before ? describeRow(before) : null,
      after: describeRow(row),
    });
    return true;
  });
  if (changed) invalidateCalendarCache(platform);
  return (await loadCalendar(platform)).dayInfo(date);
}

function describeRow(row: CalendarDayTable) {
  const kind = asKind(row.kind, row.date);
  return { date: row.date, kind, kindLabel: DAY_KIND_LABELS[kind], name: row.name, isWorkday: row.is_workday === 1, source: row.source };
}

export type ImportResult = { year: number; source: string; days: number; holidays: number; adjustedWorkdays: number; replaced: boolean };

/**
 * Loads a year from its State Council notice (JSON or CSV, see import-parse.ts): every day of the year is
 * rewritten (ordinary weekends and workdays plus the listed exceptions) in one audited transaction.
 * Any invalid row rejects the whole import before anything is written.
 */
export async function importCalendarYear(platform: Platform, actor: Actor, input: unknown): Promise<ImportResult> {
  const { year, source, exceptions } = parseCalendarImport(input);
  const days = buildYearDays(year, exceptions);
  const [first, last] = yearBounds(year);
  const result = await inTransaction(platform, async (trx): Promise<ImportResult> => {
    const previousYear = await yearRow(trx, year);
    const previousDays = await trx
      .selectFrom('calendar_day')
      .select(['date', 'kind', 'name'])
      .where('date', '>=', first)
      .where('date', '<=', last)
      .orderBy('date')
      .execute();
    await trx.deleteFrom('calendar_day').where('date', '>=', first).where('date', '<=', last).execute();
    await insertDays(trx, days.map((day) => toRow(day, source)), false);
    const at = nowIso();
    if (previousYear) await trx.updateTable('calendar_year').set({ source, updated_at: at }).where('year', '=', year).execute();
    else await trx.insertInto('calendar_year').values({ year, source, updated_at: at }).execute();
    await appendAudit(trx, platform.dialect, actor, {
      action: 'calendar.year.import',
      targetType: 'calendar',
      targetId: year,
      before: previousYear
        ? { source: previousYear.source, exceptions: exceptionsOf(previousDays.map((d) => ({ ...d, kind: asKind(d.kind, d.date) }))) }
        : null,
      after: { source, exceptions },
    });
    return {
      year,
      source,
      days: days.length,
      holidays: exceptions.filter((d) => d.kind === 'holiday').length,
      adjustedWorkdays: exceptions.filter((d) => d.kind === 'adjusted_workday').length,
      replaced: !!previousYear,
    };
  });
  invalidateCalendarCache(platform);
  return result;
}
