import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../../platform/errors.ts';
import { principalOf, requireScope } from '../../../platform/http/guards.ts';
import { actorOf } from '../../../platform/http/request-context.ts';
import { inTransaction } from '../../../platform/context.ts';
import { storeFile } from '../../../platform/files/store.ts';
import { createItem } from '../../../platform/publishing/service.ts';
import { transitionItem } from '../../../platform/publishing/transitions.ts';
import { scopeFor, subtreeOrgIds } from '../../../platform/access/scope.ts';
import { renderOfficialDocument } from '../../../platform/documents/render.ts';
import { contentDisposition } from '../../../platform/files/names.ts';
import { todayInChina } from '../../../platform/engine/plan.ts';
import { buildDisclosureReport } from './report.ts';
import { disclosureReportSpec } from './report-document.ts';
import { disclosureReportTitle } from './deadlines.ts';

const ZQuery = z.object({ year: z.coerce.number().int().min(2008).max(2100), org: z.coerce.number().int().positive().optional() });
const ZDocument = ZQuery.extend({
  problems: z.string().trim().min(1, '请填写存在的主要问题及改进情况').max(20000),
  other: z.string().trim().min(1, '请填写其他需要报告的事项（没有的写“无”）').max(20000),
});

/** 政府信息公开工作年度报告 (条例第四十九条、第五十条) computed from the records. */
export async function disclosureReportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.platform;
  const tags = ['政府信息公开'];

  const load = async (request: FastifyRequest, year: number, orgId: number | undefined) => {
    const { scope } = await requireScope(request, 'disclosure.read');
    if (orgId == null && !scope.isAll) throw new AppError('VALIDATION_FAILED', '请选择报告的机关', { fields: [{ path: 'org', message: '必填' }] });
    const org = orgId == null ? null : await db.selectFrom('organization').select(['id', 'name', 'kind']).where('id', '=', orgId).executeTakeFirst();
    if (orgId != null && (!org || (!scope.isAll && !scope.orgIds.includes(orgId)))) throw notFound('组织');
    const orgIds = org ? await subtreeOrgIds(db, [org.id]) : null;
    return buildDisclosureReport(db, year, org ?? null, orgIds);
  };

  r.get('/api/reports/disclosure', { schema: { tags, summary: '政府信息公开工作年度报告（表二至表四及平衡校验）', querystring: ZQuery } }, async (request) =>
    load(request, request.query.year, request.query.org));

  // 公开 (条例第四十九条): the report goes to the portal as a 年度报告 item through the ordinary review (审核).
  r.post('/api/reports/disclosure/publish', { schema: { tags, summary: '将年度报告提交公开（进入信息发布审核）', body: ZDocument } }, async (request, reply) => {
    const { year, org, problems, other } = request.body;
    const report = await load(request, year, org);
    if (report.problems.length) {
      throw new AppError('VALIDATION_FAILED', `表三数据不平衡，不能公开：${report.problems.join('；')}`, { details: { problems: report.problems } });
    }
    const orgRow = report.org ?? (await db.selectFrom('organization').select(['id', 'name', 'kind']).where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow());
    const buffer = await renderOfficialDocument(disclosureReportSpec(report, { problems, other }, orgRow.name, todayInChina()));
    const title = disclosureReportTitle(orgRow.name, year);
    const actor = actorOf(request);
    const file = await inTransaction(app.platform, (trx) => storeFile(trx, app.platform, { buffer, originalName: `${title}.docx`, actor }));
    const principal = principalOf(request);
    const scopes = { edit: await scopeFor(db, principal, 'item.edit'), read: await scopeFor(db, principal, 'item.read') };
    const itemId = await createItem(app.platform, actor, scopes, {
      orgId: orgRow.id, category: 'annual_report', title, docNumber: null, formedOn: todayInChina(), isChange: false, source: orgRow.name,
      bodyHtml: `<p>${escapeHtml(report.overview)}</p><p>全文见附件。</p>`, publishAt: null, attachmentIds: [file.id], interpretsIds: [],
    });
    await transitionItem(app.platform, actor, scopes.edit, itemId, 'submit', { version: 1 });
    reply.status(201);
    return { itemId };
  });

  r.post('/api/reports/disclosure/document', { schema: { tags, summary: '生成年度报告 Word 文件（GB/T 9704）', body: ZDocument } }, async (request, reply) => {
    const { year, org, problems, other } = request.body;
    const report = await load(request, year, org);
    if (report.problems.length) {
      throw new AppError('VALIDATION_FAILED', `表三数据不平衡，不能生成报告：${report.problems.join('；')}`, { details: { problems: report.problems } });
    }
    const orgName = report.org?.name ?? (await db.selectFrom('organization').select('name').where('parent_id', 'is', null).orderBy('id').executeTakeFirst())?.name ?? '';
    const buffer = await renderOfficialDocument(disclosureReportSpec(report, { problems, other }, orgName, todayInChina()));
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', contentDisposition(`${orgName}${year}年政府信息公开工作年度报告.docx`))
      .send(buffer);
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
