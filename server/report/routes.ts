import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerPermissions } from '../platform/access/permission-registry.ts';
import { hasPermission, scopeIncludesOrg } from '../platform/access/scope.ts';
import { notFound } from '../platform/errors.ts';
import { contentDisposition } from '../platform/files/names.ts';
import { principalOf, requireScope } from '../platform/http/guards.ts';
import { ZDate, ZIdParam, ZPaging, offsetOf } from '../platform/http/paging.ts';
import { actorOf } from '../platform/http/request-context.ts';
import { contentProblems, REQUIRED_PARTS, ZReportContent } from './content.ts';
import { buildReport, buildReportDocument } from './build.ts';
import { renderReportHtml } from './render-html.ts';
import { reportDeadlinesOf } from './deadlines.ts';
import { createReport, saveReport, transitionReport } from './service.ts';
import { contentOf, requireReport, type ReportRow } from './store.ts';
import { availableActions, REPORT_PERMISSIONS, REPORT_STATES, type ReportPermission } from './workflow.ts';

registerPermissions('法治政府建设年度报告', REPORT_PERMISSIONS);

const ZActionParams = ZIdParam.extend({ action: z.enum(['submit', 'approve', 'return', 'sign', 'publish']) });
const ZTransition = z.object({ version: z.number().int().positive(), note: z.string().trim().max(1000).optional(), on: ZDate.optional() });

/** 法治政府建设年度报告: drafts, their figures and preview, the Word file, and the workflow to publication. */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.platform;
  const tags = ['年度报告'];

  /** The report, if the caller's scope for the permission reaches its organisation; otherwise 404. */
  const reportFor = async (request: FastifyRequest, id: number, permission: ReportPermission): Promise<ReportRow> => {
    const { scope } = await requireScope(request, permission);
    const row = await requireReport(db, id);
    if (!scopeIncludesOrg(scope, row.org_id)) throw notFound('年度报告');
    return row;
  };

  r.get('/api/annual-reports', {
    schema: { tags, summary: '年度报告列表', querystring: ZPaging.extend({ year: z.coerce.number().int().min(2000).max(2100).optional(), state: z.enum(Object.keys(REPORT_STATES) as [string, ...string[]]).optional() }) },
  }, async (request) => {
    const { scope } = await requireScope(request, 'report.read');
    const q = request.query;
    let query = db.selectFrom('annual_report').innerJoin('organization', 'organization.id', 'annual_report.org_id');
    if (!scope.isAll) query = query.where('annual_report.org_id', 'in', scope.orgIds.length ? scope.orgIds : [-1]);
    if (q.year) query = query.where('annual_report.year', '=', q.year);
    if (q.state) query = query.where('annual_report.state', '=', q.state);
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await query.selectAll('annual_report').select('organization.name as org_name')
      .orderBy('annual_report.year', 'desc').orderBy('organization.path').limit(q.pageSize).offset(offsetOf(q)).execute();
    return {
      items: rows.map((row) => ({ ...summaryOf(row), orgName: row.org_name, title: contentOf(row).title })),
      total: Number(total), page: q.page, pageSize: q.pageSize,
    };
  });

  r.post('/api/annual-reports', {
    schema: { tags, summary: '新建年度报告（按默认提纲，引用已有数据）', body: z.object({ orgId: z.number().int().positive(), year: z.number().int().min(2000).max(2100) }) },
  }, async (request, reply) => {
    const { scope } = await requireScope(request, 'report.edit');
    if (!scopeIncludesOrg(scope, request.body.orgId)) throw notFound('组织');
    const id = await createReport(app.platform, actorOf(request), request.body);
    reply.status(201);
    return { id };
  });

  r.get('/api/annual-reports/:id', { schema: { tags, summary: '年度报告', params: ZIdParam } }, async (request) => {
    const row = await reportFor(request, request.params.id, 'report.read');
    const principal = principalOf(request);
    const [org, events] = await Promise.all([
      db.selectFrom('organization').select(['name', 'kind']).where('id', '=', row.org_id).executeTakeFirstOrThrow(),
      db.selectFrom('annual_report_event').selectAll().where('report_id', '=', row.id).orderBy('id').execute(),
    ]);
    return {
      ...summaryOf(row), orgName: org.name, content: contentOf(row),
      requiredParts: REQUIRED_PARTS.filter((p) => p.isRequired).map((p) => p.key),
      actions: availableActions(row.state, (p) => hasPermission(principal, p)).filter((a) => !(a === 'approve' && row.submitted_by === principal.userId)),
      deadlines: reportDeadlinesOf(row.year),
      events: events.map((e) => ({ action: e.action, fromState: e.from_state, toState: e.to_state, note: e.note, actorName: e.actor_name, at: e.at })),
    };
  });

  r.put('/api/annual-reports/:id', {
    schema: { tags, summary: '保存报告正文', params: ZIdParam, body: z.object({ version: z.number().int().positive(), content: ZReportContent }) },
  }, async (request) => {
    await reportFor(request, request.params.id, 'report.edit');
    await saveReport(app.platform, actorOf(request), request.params.id, request.body.version, request.body.content);
    return { ok: true };
  });

  r.get('/api/annual-reports/:id/preview', { schema: { tags, summary: '预览：每个数字及其来源', params: ZIdParam } }, async (request) => {
    const row = await reportFor(request, request.params.id, 'report.read');
    const report = await buildReport(db, row);
    // The same problems a submission would be refused for: empty required parts, then the figures.
    const problems = [...contentProblems(contentOf(row)), ...report.problems];
    return { html: renderReportHtml(report, 'preview'), figures: report.figures, problems, isFrozen: row.figures_json !== null };
  });

  r.get('/api/annual-reports/:id/document', { schema: { tags, summary: '下载 Word 文件（GB/T 9704）', params: ZIdParam } }, async (request, reply) => {
    const row = await reportFor(request, request.params.id, 'report.read');
    const { buffer, fileName } = await buildReportDocument(db, row);
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', contentDisposition(fileName))
      .send(buffer);
  });

  r.post('/api/annual-reports/:id/actions/:action', { schema: { tags, summary: '提交审核、审核通过、退回、签发、公开', params: ZActionParams, body: ZTransition } }, async (request) => {
    const { id, action } = request.params;
    const permission = { submit: 'report.edit', approve: 'report.review', return: 'report.review', sign: 'report.sign', publish: 'report.publish' }[action] as ReportPermission;
    await reportFor(request, id, permission);
    await transitionReport(app.platform, actorOf(request), id, action, request.body);
    return { ok: true };
  });
}

function summaryOf(row: ReportRow) {
  return {
    id: row.id, orgId: row.org_id, year: row.year, state: row.state, stateLabel: REPORT_STATES[row.state as keyof typeof REPORT_STATES] ?? row.state,
    version: row.version, docNumber: row.doc_number, signedOn: row.signed_on, itemId: row.item_id, publishedOn: row.published_on,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}
