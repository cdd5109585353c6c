import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf, requirePermission } from '../http/guards.ts';
import { actorOf } from '../http/request-context.ts';
import { ZDate } from '../http/paging.ts';
import { DAY_KINDS, DAY_KIND_LABELS, type DayInfo } from './calendar.ts';
import { datesOfMonth } from './dates.ts';
import { days, describeLimit, dueDate, workingDays } from './deadline.ts';
import { MAX_YEAR, MIN_YEAR, ZCalendarImport } from './import-parse.ts';
import { importCalendarYear, listCalendarYears, loadCalendar, setCalendarDay } from './store.ts';

const TAGS = ['工作日历'];
const MAX_PERIOD = 3650;

const ZMonthQuery = z.object({
  year: z.coerce.number({ error: '年份应为数字' }).int('年份应为整数')
    .min(MIN_YEAR, `年份应在 ${MIN_YEAR} 至 ${MAX_YEAR} 之间`).max(MAX_YEAR, `年份应在 ${MIN_YEAR} 至 ${MAX_YEAR} 之间`),
  month: z.coerce.number({ error: '月份应为数字' }).int('月份应为整数').min(1, '月份应在 1 至 12 之间').max(12, '月份应在 1 至 12 之间'),
});

const ZDateParam = z.object({ date: ZDate });

const ZDayUpdate = z.object({
  kind: z.enum(DAY_KINDS, { error: `类型应为 ${DAY_KINDS.join(' / ')} 之一` }),
  name: z.string({ error: '名称应为字符串' }).trim().max(50, '名称不超过 50 字').nullish(),
});

const ZCount = z.coerce.number({ error: '天数应为数字' }).int('天数应为整数')
  .min(1, '天数至少为 1').max(MAX_PERIOD, `天数不超过 ${MAX_PERIOD}`);

const ZDeadlineQuery = z
  .object({ from: ZDate, days: ZCount.optional(), workingDays: ZCount.optional() })
  .refine((q) => (q.days === undefined) !== (q.workingDays === undefined), {
    message: '请指定 days（日）或 workingDays（工作日）二者之一',
    path: ['days'],
  });

function present(day: DayInfo) {
  return {
    date: day.date,
    weekday: day.weekday,
    kind: day.kind,
    kindLabel: DAY_KIND_LABELS[day.kind],
    isWorkday: day.isWorkday,
    isRestDay: day.isRestDay,
    name: day.name,
  };
}

/** 工作日历: the statutory calendar every 法定期限 is computed on, and its maintenance. */
export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/calendar', {
    schema: { tags: TAGS, summary: '某月的工作日历（工作日、休息日、法定节假日、调休上班日）', querystring: ZMonthQuery },
  }, async (request) => {
    principalOf(request);
    const { year, month } = request.query;
    const calendar = await loadCalendar(app.platform);
    const items = datesOfMonth(year, month).map((date) => present(calendar.dayInfo(date)));
    return { year, month, countAdjustedWorkdays: calendar.options.countAdjustedWorkdays, days: items };
  });

  r.get('/api/calendar/years', {
    schema: { tags: TAGS, summary: '已导入工作日历的年份及数据来源' },
  }, async (request) => {
    principalOf(request);
    return { items: await listCalendarYears(app.platform) };
  });

  r.put('/api/calendar/days/:date', {
    schema: { tags: TAGS, summary: '修改某一天的类型（如地方性放假、通知更正）', params: ZDateParam, body: ZDayUpdate },
  }, async (request) => {
    await requirePermission(request, 'calendar.manage');
    const day = await setCalendarDay(app.platform, actorOf(request), request.params.date, request.body);
    return present(day);
  });

  r.post('/api/calendar/import', {
    schema: {
      tags: TAGS,
      summary: '按国务院放假通知导入一年的工作日历（JSON 日期列表或 CSV 文本），整年替换',
      body: ZCalendarImport,
    },
    bodyLimit: 512 * 1024,
  }, async (request) => {
    await requirePermission(request, 'calendar.manage');
    return importCalendarYear(app.platform, actorOf(request), request.body);
  });

  r.get('/api/calendar/deadline', {
    schema: { tags: TAGS, summary: '期限计算：起算日之次日开始计算，届满日遇休息日顺延（民事诉讼法第八十五条）', querystring: ZDeadlineQuery },
  }, async (request) => {
    principalOf(request);
    const { from, days: dayCount, workingDays: workingDayCount } = request.query;
    const limit = dayCount !== undefined ? days(dayCount) : workingDays(workingDayCount ?? 0);
    const calendar = await loadCalendar(app.platform);
    return { from, limit, limitText: describeLimit(limit), due: dueDate(calendar, from, limit) };
  });
}
