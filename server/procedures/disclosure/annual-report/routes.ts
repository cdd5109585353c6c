import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../../platform/errors.ts';
import { requireScope } from '../../../platform/http/guards.ts';
import { subtreeOrgIds } from '../../../platform/access/scope.ts';
import { renderOfficialDocument } from '../../../platform/documents/render.ts';
import { contentDisposition } from '../../../platform/files/names.ts';
import { todayInChina } from '../../../platform/engine/plan.ts';
import { buildDisclosureReport } from './report.ts';
import { disclosureReportSpec } from './report-document.ts';

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
