import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../platform/errors.ts';
import { principalOf, requireScope } from '../../../platform/http/guards.ts';
import { ZIdParam } from '../../../platform/http/paging.ts';
import { actorOf } from '../../../platform/http/request-context.ts';
import { manageScope, PERSONAL, readScope } from './access.ts';
import { convertReportToCase } from './convert.ts';
import { closeReport, createReport, listReports, reportDetail, updateReport } from './grid-reports.ts';
import { createGrid, createWorker, gridDetail, listGrids, revealWorkerPhone, updateGrid, updateWorker } from './grids.ts';
import { ZGridInput, ZGridQuery, ZGridUpdate, ZReportClose, ZReportConvert, ZReportInput, ZReportQuery, ZReportUpdate, ZWorkerInput, ZWorkerUpdate } from './schemas.ts';

const ZWorkerParam = ZIdParam.extend({ workerId: z.coerce.number().int().positive() });

/** 网格 and 网格员, and the 排查 reports grid workers file. */
export async function gridRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { platform } = app;
  const tags = ['人民调解'];

  r.get('/api/mediation/grids', { schema: { tags, summary: '网格列表', querystring: ZGridQuery } }, async (request) => {
    return listGrids(platform.db, await readScope(request), request.query);
  });

  r.get('/api/mediation/grids/:id', { schema: { tags, summary: '网格详情（含网格员）', params: ZIdParam } }, async (request) => {
    const detail = await gridDetail(platform.db, await readScope(request), request.params.id);
    if (!detail) throw notFound('网格');
    return detail;
  });

  r.post('/api/mediation/grids', { schema: { tags, summary: '新建网格', body: ZGridInput } }, async (request, reply) => {
    const id = await createGrid(platform, actorOf(request), await manageScope(request), request.body);
    reply.status(201);
    return { id };
  });

  r.put('/api/mediation/grids/:id', { schema: { tags, summary: '修改网格', params: ZIdParam, body: ZGridUpdate } }, async (request) => {
    await updateGrid(platform, actorOf(request), await manageScope(request), request.params.id, request.body);
    return { ok: true };
  });

  r.post('/api/mediation/grids/:id/workers', { schema: { tags, summary: '添加网格员', params: ZIdParam, body: ZWorkerInput } }, async (request, reply) => {
    const id = await createWorker(platform, actorOf(request), await manageScope(request), request.params.id, request.body);
    reply.status(201);
    return { id };
  });

  r.put('/api/mediation/grids/:id/workers/:workerId', { schema: { tags, summary: '修改网格员', params: ZWorkerParam, body: ZWorkerUpdate } }, async (request) => {
    await updateWorker(platform, actorOf(request), await manageScope(request), request.params.id, request.params.workerId, request.body);
    return { ok: true };
  });

  r.get('/api/mediation/grids/:id/workers/:workerId/phone', { schema: { tags, summary: '查看网格员完整电话（记录审计）', params: ZWorkerParam } }, async (request) => {
    const { scope } = await requireScope(request, PERSONAL);
    return { phone: await revealWorkerPhone(platform, actorOf(request), scope, request.params.id, request.params.workerId) };
  });

  r.get('/api/mediation/grid-reports', { schema: { tags, summary: '矛盾纠纷排查报告列表', querystring: ZReportQuery } }, async (request) => {
    return listReports(platform.db, await readScope(request), request.query);
  });

  r.get('/api/mediation/grid-reports/:id', { schema: { tags, summary: '排查报告详情', params: ZIdParam } }, async (request) => {
    const detail = await reportDetail(platform.db, await readScope(request), request.params.id);
    if (!detail) throw notFound('排查报告');
    return detail;
  });

  r.post('/api/mediation/grid-reports', { schema: { tags, summary: '填报排查报告', body: ZReportInput } }, async (request, reply) => {
    const id = await createReport(platform, actorOf(request), await manageScope(request), request.body);
    reply.status(201);
    return { id };
  });

  r.put('/api/mediation/grid-reports/:id', { schema: { tags, summary: '修改待处理的排查报告', params: ZIdParam, body: ZReportUpdate } }, async (request) => {
    await updateReport(platform, actorOf(request), await manageScope(request), request.params.id, request.body);
    return { ok: true };
  });

  r.post('/api/mediation/grid-reports/:id/close', { schema: { tags, summary: '关闭排查报告（不转案件）', params: ZIdParam, body: ZReportClose } }, async (request) => {
    await closeReport(platform, actorOf(request), await manageScope(request), request.params.id, request.body.reason, request.body.version);
    return { ok: true };
  });

  r.post('/api/mediation/grid-reports/:id/convert', { schema: { tags, summary: '转为人民调解案件（来源：网格上报）', params: ZIdParam, body: ZReportConvert } }, async (request, reply) => {
    await manageScope(request);
    const result = await convertReportToCase(platform, principalOf(request), actorOf(request), request.params.id, request.body);
    reply.status(201);
    return { caseId: result.caseId, state: result.state, version: result.version, documentIds: result.documentIds };
  });
}
