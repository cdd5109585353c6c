import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors.ts';
import { scopeIncludesOrg } from '../access/scope.ts';
import { actorOf } from '../http/request-context.ts';
import { requireScope } from '../http/guards.ts';
import { ZDate, ZIdParam, ZPaging } from '../http/paging.ts';
import { loadCalendar } from '../calendar/store.ts';
import { todayInChina } from '../engine/plan.ts';
import { periodNorms, ZConsultationInput, ZDecision } from './rules.ts';
import { concludeConsultation, createConsultation, decideComment, openConsultation, updateConsultation } from './service.ts';
import { consultationDetail, listConsultations } from './queries.ts';

const PERMISSION = 'consultation.manage';

/** Staff side of 征求意见; the public reads and comments through the portal. */
export async function consultationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { platform } = app;
  const tags = ['征求意见'];

  const inScope = async (request: Parameters<typeof requireScope>[0], id: number) => {
    const { scope } = await requireScope(request, PERMISSION);
    const row = await platform.db.selectFrom('consultation').select('org_id').where('id', '=', id).executeTakeFirst();
    if (!row || !scopeIncludesOrg(scope, row.org_id)) throw notFound('征求意见');
  };

  r.get('/api/consultations/meta', {
    schema: { tags, summary: '草案类型及征求意见期限要求', querystring: z.object({ opensOn: ZDate.optional() }) },
  }, async (request) => {
    await requireScope(request, PERMISSION);
    const opensOn = request.query.opensOn ?? todayInChina();
    return { opensOn, today: todayInChina(), subjectKinds: periodNorms(await loadCalendar(platform), opensOn) };
  });

  r.get('/api/consultations', { schema: { tags, summary: '征求意见列表', querystring: ZPaging } }, async (request) => {
    const { scope } = await requireScope(request, PERMISSION);
    return listConsultations(platform.db, scope, request.query, false);
  });

  r.post('/api/consultations', { schema: { tags, summary: '新建征求意见稿', body: ZConsultationInput } }, async (request, reply) => {
    const { scope } = await requireScope(request, PERMISSION);
    if (!scopeIncludesOrg(scope, request.body.orgId)) throw notFound('组织');
    const id = await createConsultation(platform, actorOf(request), request.body);
    reply.status(201);
    return { id };
  });

  r.get('/api/consultations/:id', { schema: { tags, summary: '征求意见稿及收到的意见', params: ZIdParam } }, async (request) => {
    await inScope(request, request.params.id);
    return consultationDetail(platform.db, platform.cipher, request.params.id);
  });

  r.put('/api/consultations/:id', {
    schema: { tags, summary: '修改草稿', params: ZIdParam, body: ZConsultationInput.and(z.object({ version: z.number().int().positive() })) },
  }, async (request) => {
    await inScope(request, request.params.id);
    const { version, ...input } = request.body;
    await updateConsultation(platform, actorOf(request), request.params.id, version, input);
    return { ok: true };
  });

  r.post('/api/consultations/:id/open', { schema: { tags, summary: '发布（向社会公开征求意见）', params: ZIdParam } }, async (request) => {
    await inScope(request, request.params.id);
    await openConsultation(platform, actorOf(request), request.params.id);
    return { ok: true };
  });

  r.put('/api/consultations/:id/comments/:commentId', {
    schema: { tags, summary: '意见采纳处理', params: ZIdParam.extend({ commentId: z.coerce.number().int().positive() }), body: ZDecision },
  }, async (request) => {
    await inScope(request, request.params.id);
    await decideComment(platform, actorOf(request), request.params.id, request.params.commentId, request.body);
    return { ok: true };
  });

  r.post('/api/consultations/:id/conclude', {
    schema: { tags, summary: '公布采纳情况说明', params: ZIdParam, body: z.object({ summary: z.string().trim().min(1, '请填写采纳情况说明').max(20000) }) },
  }, async (request) => {
    await inScope(request, request.params.id);
    await concludeConsultation(platform, actorOf(request), request.params.id, request.body.summary);
    return { ok: true };
  });
}
