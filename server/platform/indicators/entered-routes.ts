import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import { requireScope } from '../http/guards.ts';
import { ZIdParam, ZPaging } from '../http/paging.ts';
import { hasPermission, scopeFor, scopeIncludesOrg } from '../access/scope.ts';
import { registerFileAccessCheck } from '../files/access.ts';
import { findIndicator } from './registry.ts';
import { reviewEnteredFigure, submitEnteredFigure, ZEnteredFigure, ZEnteredReview } from './entered-service.ts';

/** 填报: a department enters a figure with its source; the rule-of-law office approves or rejects it. */
export async function enteredFigureRoutes(app: FastifyInstance): Promise<void> {
  registerFileAccessCheck('entered_figure', async ({ principal, db, record, mode }) => {
    if (mode !== 'read') return false;
    const entry = await db.selectFrom('entered_figure').select('org_id').where('id', '=', Number(record.subjectId)).executeTakeFirst();
    return !!entry && hasPermission(principal, 'indicator.read') && scopeIncludesOrg(await scopeFor(db, principal, 'indicator.read'), entry.org_id);
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.platform;
  const tags = ['指标'];

  r.get('/api/entered-figures', {
    schema: { tags, summary: '填报数据', querystring: ZPaging.extend({ year: z.coerce.number().int().optional(), status: z.enum(['submitted', 'approved', 'rejected']).optional() }) },
  }, async (request) => {
    const { scope } = await requireScope(request, 'indicator.read');
    const q = request.query;
    let query = db.selectFrom('entered_figure')
      .leftJoin('organization', 'organization.id', 'entered_figure.org_id')
      .leftJoin('app_user as enterer', 'enterer.id', 'entered_figure.entered_by')
      .leftJoin('app_user as reviewer', 'reviewer.id', 'entered_figure.reviewed_by');
    if (!scope.isAll) query = query.where('entered_figure.org_id', 'in', scope.orgIds.length ? scope.orgIds : [-1]);
    if (q.year) query = query.where('entered_figure.year', '=', q.year);
    if (q.status) query = query.where('entered_figure.status', '=', q.status);
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await query.selectAll('entered_figure').select(['organization.name as org_name', 'enterer.display_name as entered_by_name', 'reviewer.display_name as reviewed_by_name']).orderBy('entered_figure.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
    return {
      items: rows.map((e) => ({
        id: e.id, indicatorId: e.indicator_id, indicatorTitle: findIndicator(e.indicator_id)?.title ?? e.indicator_id,
        orgId: e.org_id, orgName: e.org_name, year: e.year, value: Number(e.value), source: e.source, note: e.note, fileId: e.file_id,
        status: e.status, enteredBy: e.entered_by, enteredByName: e.entered_by_name, enteredAt: e.entered_at,
        reviewedBy: e.reviewed_by, reviewedByName: e.reviewed_by_name, reviewedAt: e.reviewed_at, reviewNote: e.review_note,
      })),
      total: Number(total), page: q.page, pageSize: q.pageSize,
    };
  });

  r.post('/api/entered-figures', { schema: { tags, summary: '填报一项数据', body: ZEnteredFigure } }, async (request, reply) => {
    const { principal, scope } = await requireScope(request, 'indicator.enter');
    const id = await submitEnteredFigure(app.platform, { principal, scope, actor: actorOf(request) }, request.body);
    reply.status(201);
    return { id };
  });

  r.post('/api/entered-figures/:id/review', { schema: { tags, summary: '审核填报数据', params: ZIdParam, body: ZEnteredReview } }, async (request) => {
    const { principal, scope } = await requireScope(request, 'indicator.approve');
    await reviewEnteredFigure(app.platform, { principal, scope, actor: actorOf(request) }, request.params.id, request.body);
    return { ok: true };
  });
}
