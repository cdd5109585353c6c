import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../platform/errors.ts';
import { requireScope } from '../../../platform/http/guards.ts';
import { ZIdParam } from '../../../platform/http/paging.ts';
import { actorOf } from '../../../platform/http/request-context.ts';
import { manageScope, PERSONAL, readScope } from './access.ts';
import { committeeDetail, listCommittees } from './committee-queries.ts';
import { createCommittee, revealMemberPhone, updateCommittee } from './committees.ts';
import { ZCommitteeInput, ZCommitteeQuery, ZCommitteeUpdate } from './schemas.ts';

/** 调委会 register: committees with their members; composition warnings (第八条、第九条) on every read. */
export async function committeeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { platform } = app;
  const tags = ['人民调解'];

  r.get('/api/mediation/committees', { schema: { tags, summary: '人民调解委员会列表（含组成情况提示）', querystring: ZCommitteeQuery } }, async (request) => {
    return listCommittees(platform.db, await readScope(request), request.query);
  });

  r.get('/api/mediation/committees/:id', { schema: { tags, summary: '人民调解委员会详情（成员、调解员、提示）', params: ZIdParam } }, async (request) => {
    const detail = await committeeDetail(platform.db, await readScope(request), request.params.id);
    if (!detail) throw notFound('调委会');
    return detail;
  });

  r.post('/api/mediation/committees', { schema: { tags, summary: '登记人民调解委员会', body: ZCommitteeInput } }, async (request, reply) => {
    const id = await createCommittee(platform, actorOf(request), await manageScope(request), request.body);
    reply.status(201);
    return { id };
  });

  r.put('/api/mediation/committees/:id', { schema: { tags, summary: '修改人民调解委员会（含成员名单）', params: ZIdParam, body: ZCommitteeUpdate } }, async (request) => {
    await updateCommittee(platform, actorOf(request), await manageScope(request), request.params.id, request.body);
    return { ok: true };
  });

  r.get('/api/mediation/committees/:id/members/:memberId/phone', {
    schema: { tags, summary: '查看成员完整电话（记录审计）', params: ZIdParam.extend({ memberId: z.coerce.number().int().positive() }) },
  }, async (request) => {
    const { scope } = await requireScope(request, PERSONAL);
    const phone = await revealMemberPhone(platform, actorOf(request), scope, request.params.id, request.params.memberId);
    return { phone };
  });
}
