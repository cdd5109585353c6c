import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../http/guards.ts';
import { todayInChina } from '../engine/plan.ts';
import { collectDeadlines } from './collect.ts';

const ZQuery = z.object({
  /** The report year (报告年度); by default last year, whose reports fall due this year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

/** 报告期限: every module's report deadlines visible to the caller (each source checks its own permission). */
export async function deadlineRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.platform;

  r.get('/api/deadlines', {
    schema: { tags: ['报告期限'], summary: '报告期限（year 为报告年度，默认上一年；mine=true 只列本人所属机关）', querystring: ZQuery },
  }, async (request) => {
    const principal = principalOf(request);
    const today = todayInChina();
    const year = request.query.year ?? Number(today.slice(0, 4)) - 1;
    const { nearDays, items } = await collectDeadlines({ db, principal, year, today, isMine: request.query.mine });
    return { year, today, nearDays, items };
  });
}
