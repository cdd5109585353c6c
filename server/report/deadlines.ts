import { defineDeadlineSource } from '../platform/deadlines/registry.ts';
import { REPORT_STATES } from './workflow.ts';

/**
 * When a year's report is due (DOMAIN.md §9, 法治政府建设与责任落实督察工作规定): governments and departments
 * report to the Party committee (and the people's congress, or the department's superior) by 3月1日, and
 * publish by 4月1日 of the following year. Both dates are ◐ in DOMAIN.md; they are stated here once.
 */
export const REPORT_BASIS = '《法治政府建设与责任落实督察工作规定》（DOMAIN.md §9）';

export function reportDeadlinesOf(year: number): { report: string; publish: string; basis: string } {
  return { report: `${year + 1}-03-01`, publish: `${year + 1}-04-01`, basis: REPORT_BASIS };
}

/** Signing (签发) is when the report goes to the Party committee: the 报送 deadline is met then. */
const SIGNED_STATES = new Set(['signed', 'published']);

defineDeadlineSource({
  id: 'annualReport',
  title: '法治政府建设年度报告',
  basis: REPORT_BASIS,
  permission: 'report.read',
  list: async ({ db, orgIds, year }) => {
    let orgQuery = db.selectFrom('organization').select(['id', 'name']).where('kind', 'in', ['government', 'department']).where('is_enabled', '=', 1);
    if (orgIds) orgQuery = orgQuery.where('id', 'in', orgIds.length ? orgIds : [-1]);
    const orgs = await orgQuery.orderBy('sort').orderBy('id').execute();
    if (orgs.length === 0) return [];
    const reports = await db.selectFrom('annual_report').select(['id', 'org_id', 'state', 'signed_on', 'published_on'])
      .where('year', '=', year).where('org_id', 'in', orgs.map((o) => o.id)).execute();
    const deadlines = reportDeadlinesOf(year);
    return orgs.flatMap((org) => {
      const report = reports.find((r) => r.org_id === org.id);
      const note = report ? `当前状态：${REPORT_STATES[report.state as keyof typeof REPORT_STATES] ?? report.state}` : '尚未起草';
      const link = report ? `/reports/${report.id}` : `/reports?year=${year}`;
      const common = { sourceId: 'annualReport', orgId: org.id, orgName: org.name, year, basis: REPORT_BASIS, link };
      const isSigned = !!report && SIGNED_STATES.has(report.state);
      const isPublished = report?.state === 'published';
      return [
        { ...common, title: `${org.name}${year}年法治政府建设年度报告（报送）`, deadline: deadlines.report, isDone: isSigned, doneOn: isSigned ? report.signed_on : null, note: isSigned ? null : note },
        { ...common, title: `${org.name}${year}年法治政府建设年度报告（公开）`, deadline: deadlines.publish, isDone: isPublished, doneOn: isPublished ? report.published_on : null, note: isPublished ? null : note },
      ];
    });
  },
});
