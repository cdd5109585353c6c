import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors.ts';
import { hasPermission, scopeFor, scopeIncludesOrg } from '../access/scope.ts';
import { actorOf } from '../http/request-context.ts';
import { principalOf, requirePermission } from '../http/guards.ts';
import { ZDate, ZPaging } from '../http/paging.ts';
import { loadCalendar } from '../calendar/store.ts';
import { getSetting } from '../settings/service.ts';
import { NEAR_DUE_WORKING_DAYS } from '../settings/core-settings.ts';
import { findProcedure, listProcedures } from './registry.ts';
import { applyAction } from './apply-action.ts';
import { listCases } from './case-list.ts';
import { loadCaseDetail } from './case-detail.ts';
import { procedureTable } from './procedure-table.ts';
import { todayInChina } from './plan.ts';
import { registerCaseFileAccess } from './case-files.ts';
import { exportCases } from './case-export.ts';
import { contentDisposition } from '../files/names.ts';

const ZProcedureParam = z.object({ procedure: z.string().max(60) });
const ZCaseParam = ZProcedureParam.extend({ id: z.coerce.number().int().positive() });
const ZActionParam = ZCaseParam.extend({ action: z.string().max(60) });
const ZActionBody = z.record(z.string(), z.unknown());
const ZList = ZPaging.extend({
  state: z.string().max(40).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  clockStatus: z.enum(['normal', 'due_soon', 'overdue', 'paused', 'stopped']).optional(),
  openedFrom: ZDate.optional(),
  openedTo: ZDate.optional(),
  closedFrom: ZDate.optional(),
  closedTo: ZDate.optional(),
  orgTree: z.coerce.number().int().positive().optional(),
  facet: z.union([z.string().max(100), z.array(z.string().max(100)).max(10)]).transform((v) => (Array.isArray(v) ? v : [v])).optional(),
  q: z.string().trim().max(100).optional(),
  isOpen: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  sort: z.enum(['due', 'opened', 'updated']).default('due'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

/** Splits the engine's own fields (legal date, seen version, handling organisation) from the action's input. */
function splitBody(body: Record<string, unknown>) {
  const { on, version, orgId, ...input } = body;
  const parsed = z.object({ on: ZDate.optional(), version: z.number().int().positive().optional(), orgId: z.number().int().positive().optional() })
    .parse({ on, version, orgId });
  return { ...parsed, input };
}

/** The generic case API every registered procedure gets (issue 3). */
export async function engineRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { platform } = app;
  const tags = ['办案'];
  registerCaseFileAccess();

  const procedureOf = (request: FastifyRequest, key: string) => {
    const procedure = findProcedure(key);
    const principal = principalOf(request);
    if (!procedure || !hasPermission(principal, `${key}.read`)) throw notFound('程序');
    return { procedure, principal };
  };

  r.get('/api/procedures', { schema: { tags, summary: '已登记的法定程序' } }, async (request) => {
    const principal = principalOf(request);
    return {
      items: listProcedures()
        .filter((p) => hasPermission(principal, `${p.key}.read`))
        .map((p) => ({ key: p.key, title: p.title, version: p.version, basis: p.basis })),
    };
  });

  r.get('/api/procedures/:procedure', { schema: { tags, summary: '程序表（状态、期限、操作及其法律依据和输入 JSON Schema）', params: ZProcedureParam } }, async (request) => {
    const { procedure } = procedureOf(request, request.params.procedure);
    return procedureTable(procedure);
  });

  r.post('/api/cases/:procedure', { schema: { tags, summary: '登记案件', params: ZProcedureParam, body: ZActionBody } }, async (request, reply) => {
    const { procedure, principal } = procedureOf(request, request.params.procedure);
    const { on, orgId, input } = splitBody(request.body);
    const result = await applyAction(platform, principal, actorOf(request), { procedure: procedure.key, caseId: null, action: procedure.createAction, on, orgId, input });
    reply.status(201);
    return loadCaseDetail(platform, principal, procedure.key, result.caseId);
  });

  r.get('/api/cases/:procedure', { schema: { tags, summary: '案件列表', params: ZProcedureParam, querystring: ZList } }, async (request) => {
    const { procedure, principal } = procedureOf(request, request.params.procedure);
    const calendar = await loadCalendar(platform);
    const nearDue = await getSetting(platform.db, NEAR_DUE_WORKING_DAYS);
    return listCases(platform, principal, procedure, request.query, calendar, todayInChina(), nearDue);
  });

  r.get('/api/cases/:procedure/export', {
    schema: { tags, summary: '导出案件列表（xlsx，筛选条件同列表）', params: ZProcedureParam, querystring: ZList.omit({ page: true, pageSize: true }) },
  }, async (request, reply) => {
    const { procedure, principal } = procedureOf(request, request.params.procedure);
    const calendar = await loadCalendar(platform);
    const nearDue = await getSetting(platform.db, NEAR_DUE_WORKING_DAYS);
    const buffer = await exportCases(platform, principal, procedure, request.query, calendar, todayInChina(), nearDue);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(`${procedure.title}案件列表.xlsx`))
      .send(buffer);
  });

  r.get('/api/cases/:procedure/:id', { schema: { tags, summary: '案件详情', params: ZCaseParam } }, async (request) => {
    const { procedure, principal } = procedureOf(request, request.params.procedure);
    return loadCaseDetail(platform, principal, procedure.key, request.params.id);
  });

  r.post('/api/cases/:procedure/:id/actions/:action', { schema: { tags, summary: '办理操作', params: ZActionParam, body: ZActionBody } }, async (request) => {
    const { procedure, principal } = procedureOf(request, request.params.procedure);
    const { on, version, input } = splitBody(request.body);
    const result = await applyAction(platform, principal, actorOf(request), {
      procedure: procedure.key, caseId: request.params.id, action: request.params.action, on, version, input,
    });
    return loadCaseDetail(platform, principal, procedure.key, result.caseId);
  });

  r.post('/api/clocks/watch', { schema: { tags, summary: '立即检查全部期限（每日任务也会自动运行）' } }, async (request) => {
    await requirePermission(request, 'clock.watch');
    const { watchClocks } = await import('./clock-watch.ts');
    return watchClocks(platform);
  });

  r.get('/api/tasks', { schema: { tags, summary: '待办：本人可办理的案件，期限最近的在前', querystring: ZPaging } }, async (request) => {
    const principal = principalOf(request);
    const { listTasks } = await import('./tasks.ts');
    return listTasks(platform, principal, request.query);
  });
}

export async function isCaseReadable(request: FastifyRequest, procedureKey: string, orgId: number): Promise<boolean> {
  const principal = principalOf(request);
  const permission = `${procedureKey}.read`;
  if (!hasPermission(principal, permission)) return false;
  return scopeIncludesOrg(await scopeFor(request.server.platform.db, principal, permission), orgId);
}
