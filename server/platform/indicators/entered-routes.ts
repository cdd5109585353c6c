import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { inTransaction, nowIso } from '../context.ts';
import { actorOf } from '../http/request-context.ts';
import { requireScope } from '../http/guards.ts';
import { ZIdParam, ZPaging } from '../http/paging.ts';
import { hasPermission, scopeFor, scopeIncludesOrg } from '../access/scope.ts';
import { registerFileAccessCheck } from '../files/access.ts';
import { findIndicator } from './registry.ts';

const ZEntry = z.object({
  indicatorId: z.string().max(100),
  orgId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  value: z.number().finite().min(0).max(1e12),
  source: z.string().trim().min(1, '请注明数据来源（如统计台账、业务系统）').max(500),
  note: z.string().trim().max(2000).optional(),
  fileId: z.number().int().positive().optional(),
});

const ZReview = z.object({ decision: z.enum(['approve', 'reject']), note: z.string().trim().max(1000).optional() });

/** 填报: a department enters a figure with its source; the rule-of-law office approves or rejects it. */
export async function enteredFigureRoutes(app: FastifyInstance): Promise<void> {
  registerFileAccessCheck('entered_figure', async ({ principal, db, record, mode }) => {
    if (mode !== 'read') return false;
    const entry = await db.selectFrom('entered_figure').select('org_id').where('id', '=', Number(record.subjectId)).executeTakeFirst();
    return !!entry && hasPermission(principal, 'indicator.read') && scopeIncludesOrg(await scopeFor(db, principal, 'indicator.read'), entry.org_id);
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, dialect } = app.platform;
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

  r.post('/api/entered-figures', { schema: { tags, summary: '填报一项数据', body: ZEntry } }, async (request, reply) => {
    const { principal, scope } = await requireScope(request, 'indicator.enter');
    const body = request.body;
    const definition = findIndicator(body.indicatorId);
    if (!definition) throw notFound('指标');
    if (!definition.isEnterable) throw new AppError('VALIDATION_FAILED', `“${definition.title}”由平台根据记录计算，不接受填报`, { fields: [{ path: 'indicatorId', message: '不可填报' }] });
    if (!scopeIncludesOrg(scope, body.orgId)) throw new AppError('VALIDATION_FAILED', '只能为本人数据范围内的单位填报', { fields: [{ path: 'orgId', message: '超出数据范围' }] });
    if (definition.unit === '%' && body.value > 100) throw new AppError('VALIDATION_FAILED', '百分比不能超过 100', { fields: [{ path: 'value', message: '超出范围' }] });
    const id = await inTransaction(app.platform, async (trx) => {
      const row = await trx
        .insertInto('entered_figure')
        .values({
          indicator_id: body.indicatorId, org_id: body.orgId, year: body.year, value: body.value, source: body.source, note: body.note ?? null,
          file_id: body.fileId ?? null, status: 'submitted', entered_by: principal.userId, entered_at: nowIso(), reviewed_by: null, reviewed_at: null, review_note: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (body.fileId) {
        // The evidence file now belongs to the entry: whoever may review the entry may read it.
        const file = await trx.selectFrom('stored_file').select(['id', 'created_by', 'subject_type']).where('id', '=', body.fileId).executeTakeFirst();
        if (!file || file.created_by !== principal.userId || file.subject_type) throw new AppError('VALIDATION_FAILED', '附件无效', { fields: [{ path: 'fileId', message: '附件无效' }] });
        await trx.updateTable('stored_file').set({ subject_type: 'entered_figure', subject_id: String(row.id) }).where('id', '=', file.id).execute();
      }
      await appendAudit(trx, dialect, actorOf(request), { action: 'indicator.enter', targetType: 'entered_figure', targetId: row.id, after: body });
      return row.id;
    });
    reply.status(201);
    return { id };
  });

  r.post('/api/entered-figures/:id/review', { schema: { tags, summary: '审核填报数据', params: ZIdParam, body: ZReview } }, async (request) => {
    const { principal, scope } = await requireScope(request, 'indicator.approve');
    await inTransaction(app.platform, async (trx) => {
      const entry = await trx.selectFrom('entered_figure').selectAll().where('id', '=', request.params.id).executeTakeFirst();
      if (!entry || !scopeIncludesOrg(scope, entry.org_id)) throw notFound('填报数据');
      if (entry.status !== 'submitted') throw new AppError('TRANSITION_NOT_ALLOWED', '该数据已审核');
      if (entry.entered_by === principal.userId) throw new AppError('FORBIDDEN', '不能审核本人填报的数据');
      const status = request.body.decision === 'approve' ? 'approved' : 'rejected';
      await trx.updateTable('entered_figure').set({ status, reviewed_by: principal.userId, reviewed_at: nowIso(), review_note: request.body.note ?? null }).where('id', '=', entry.id).execute();
      await appendAudit(trx, dialect, actorOf(request), { action: `indicator.${status === 'approved' ? 'approve' : 'reject'}`, targetType: 'entered_figure', targetId: entry.id, before: { status: entry.status }, after: { status, note: request.body.note } });
    });
    return { ok: true };
  });
}
