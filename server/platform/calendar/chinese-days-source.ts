import { createRequire } from 'node:module';
import { z } from 'zod';
import type { CalendarDay } from './calendar.ts';
import { isValidDate } from './dates.ts';

/**
 * The official dataset the calendar is seeded from: the npm package chinese-days, which follows the
 * State Council notices. Its dist/chinese-days.json holds three maps keyed by 'YYYY-MM-DD', each value
 * "English name,中文名,法定天数":
 * - holidays: every day off of a holiday block, weekends inside the block included (2024-10-05);
 * - workdays: 调休上班日, weekend days that are worked (2024-09-29);
 * - inLieuDays: weekdays off in exchange for a 调休上班日; always also in `holidays`, so not needed here.
 */
export type ChineseDaysData = {
  source: string;
  years: number[];
  exceptions: CalendarDay[];
};

const ZDayMap = z.record(z.string(), z.string());
const ZData = z.object({ holidays: ZDayMap, workdays: ZDayMap });

const require = createRequire(import.meta.url);
let cached: ChineseDaysData | undefined;

/** Chinese name out of "National Day,国庆节,3". */
function chineseName(value: string): string | null {
  const parts = value.split(',');
  const name = (parts.length >= 3 ? parts.slice(1, -1).join(',') : parts[1] ?? '').trim();
  return name || null;
}

export function loadChineseDays(): ChineseDaysData {
  if (cached) return cached;
  const version = (require('chinese-days/package.json') as { version: string }).version;
  const data = ZData.parse(require('chinese-days/dist/chinese-days.json'));
  const exceptions: CalendarDay[] = [];
  const years = new Set<number>();
  const add = (map: Record<string, string>, kind: CalendarDay['kind']) => {
    for (const [date, value] of Object.entries(map)) {
      if (!isValidDate(date)) throw new Error(`chinese-days: invalid date key ${date}`);
      exceptions.push({ date, kind, name: chineseName(value) });
      years.add(Number(date.slice(0, 4)));
    }
  };
  add(data.holidays, 'holiday');
  add(data.workdays, 'adjusted_workday');
  exceptions.sort((a, b) => a.date.localeCompare(b.date));
  cached = { source: `chinese-days@${version}`, years: [...years].sort((a, b) => a - b), exceptions };
  return cached;
}
