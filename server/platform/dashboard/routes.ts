import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../http/guards.ts';
import { loadCalendar } from '../calendar/store.ts';
import { getSetting } from '../settings/service.ts';
import { NEAR_DUE_WORKING_DAYS } from '../settings/core-settings.ts';
import { safeAddWorkingDays } from '../engine/case-list.ts';
import { todayInChina } from '../engine/plan.ts';
import { collectDeadlines } from '../deadlines/collect.ts';
import { headlineIndicators } from './headline.ts';
import { clockOverview } from './clocks.ts';

const ZQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/**
 * 领导驾驶舱: one page over the caller's whole scope for a year — the headline indicators against last year, the
 * running clocks that are 超期 or 临期 by department, and the deadlines of the reports on last year's work.
 */
export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { platform } = app;
  const { db } = platform;

  r.get('/api/dashboard/leader', {
    schema: { tags: ['指标'], summary: '领导驾驶舱（核心指标同比、超期临期案件、报告期限）', querystring: ZQuery },
  }, async (request) => {
    const { principal, scope } = await requireScope(request, 'indicator.read');
    const today = todayInChina();
    const year = request.query.year ?? Number(today.slice(0, 4));
    const orgIds = scope.isAll ? null : scope.orgIds;
    const calendar = await loadCalendar(platform);
    const dueSoonUntil = safeAddWorkingDays(calendar, today, await getSetting(db, NEAR_DUE_WORKING_DAYS));
    const headlines = await headlineIndicators(db, year, orgIds);
    const clocks = await clockOverview(db, orgIds, today, dueSoonUntil);
    // Reports on last year's work fall due in the year shown (条例第四十九条: by 31 January / 31 March, …).
    const deadlines = await collectDeadlines({ db, principal, year: year - 1, today });
    return { year, today, headlines, clocks, deadlines };
  });
}
