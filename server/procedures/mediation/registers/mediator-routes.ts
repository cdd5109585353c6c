import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../platform/errors.ts';
import { ZIdParam } from '../../../platform/http/paging.ts';
import { actorOf } from '../../../platform/http/request-context.ts';
import { manageScope, readScope } from './access.ts';
import { addTraining, createMediator, listMediators, mediatorDetail, removeTraining, updateMediator } from './mediators.ts';
import { ZMediatorInput, ZMediatorQuery, ZMediatorUpdate, ZTrainingInput } from './schemas.ts';

/** 人民调解员 register (第十三条、第十四条) with training records. */
export async function mediatorRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { platform } = app;
  const tags = ['人民调解'];

  r.get('/api/mediation/mediators', { schema: { tags, summary: '人民调解员列表', querystring: ZMediatorQuery } }, async (request) => {
    return listMediators(platform.db, await readScope(request), request.query);
  });

  r.get('/api/mediation/mediators/:id', { schema: { tags, summary: '人民调解员详情（含培训记录）', params: ZIdParam } }, async (request) => {
    const detail = await mediatorDetail(platform.db, await readScope(request), request.params.id);
    if (!detail) throw notFound('人民调解员');
    return detail;
  });

  r.post('/api/mediation/mediators', { schema: { tags, summary: '登记人民调解员', body: ZMediatorInput } }, async (request, reply) => {
    const id = await createMediator(platform, actorOf(request), await manageScope(request), request.body);
    reply.status(201);
    return { id };
  });

  r.put('/api/mediation/mediators/:id', { schema: { tags, summary: '修改人民调解员信息', params: ZIdParam, body: ZMediatorUpdate } }, async (request) => {
    await updateMediator(platform, actorOf(request), await manageScope(request), request.params.id, request.body);
    return { ok: true };
  });

  r.post('/api/mediation/mediators/:id/trainings', { schema: { tags, summary: '添加培训记录', params: ZIdParam, body: ZTrainingInput } }, async (request, reply) => {
    const id = await addTraining(platform, actorOf(request), await manageScope(request), request.params.id, request.body);
    reply.status(201);
    return { id };
  });

  r.delete('/api/mediation/mediators/:id/trainings/:trainingId', {
    schema: { tags, summary: '删除误录的培训记录', params: ZIdParam.extend({ trainingId: z.coerce.number().int().positive() }) },
  }, async (request) => {
    await removeTraining(platform, actorOf(request), await manageScope(request), request.params.id, request.params.trainingId);
    return { ok: true };
  });
}
