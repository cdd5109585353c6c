import { defineDeadlineSource } from '../../../platform/deadlines/registry.ts';

export const DISCLOSURE_REPORT_BASIS = '《中华人民共和国政府信息公开条例》第四十九条';

/**
 * 条例第四十九条: each department (and township) publishes last year's report by 31 January; the people's government
 * at county level publishes its own by 31 March.
 */
export function disclosureReportDeadline(year: number, isGovernment: boolean): string {
  return `${year + 1}-${isGovernment ? '03-31' : '01-31'}`;
}

/** The title under which the report is published as a 年度报告 item (the publish route uses the same). */
export function disclosureReportTitle(orgName: string, year: number): string {
  return `${orgName}${year}年政府信息公开工作年度报告`;
}

const ITEM_STATE_NOTES: Record<string, string> = { draft: '已起草，未提交审核', submitted: '已提交，审核中', scheduled: '已审核，待发布' };

defineDeadlineSource({
  id: 'disclosure.annualReport',
  title: '政府信息公开工作年度报告',
  basis: DISCLOSURE_REPORT_BASIS,
  permission: 'disclosure.read',
  list: async ({ db, orgIds, year }) => {
    let orgQuery = db.selectFrom('organization').select(['id', 'name', 'kind']).where('kind', 'in', ['government', 'department', 'township']);
    if (orgIds) orgQuery = orgQuery.where('id', 'in', orgIds.length ? orgIds : [-1]);
    const orgs = await orgQuery.orderBy('sort').orderBy('id').execute();
    if (orgs.length === 0) return [];
    const titles = orgs.map((org) => disclosureReportTitle(org.name, year));
    // Done = published on the portal as a 年度报告 item (the report goes through the ordinary 审核, 第四十九条 公开).
    const items = await db.selectFrom('info_item').select(['id', 'org_id', 'title', 'state', 'published_on'])
      .where('category', '=', 'annual_report').where('title', 'in', titles).where('org_id', 'in', orgs.map((o) => o.id))
      .orderBy('id', 'desc').execute();
    return orgs.map((org) => {
      const title = disclosureReportTitle(org.name, year);
      const mine = items.filter((item) => item.org_id === org.id && item.title === title);
      const published = mine.find((item) => item.state === 'published');
      const latest = mine[0];
      const isGovernment = org.kind === 'government';
      return {
        sourceId: 'disclosure.annualReport',
        title,
        orgId: org.id,
        orgName: org.name,
        year,
        deadline: disclosureReportDeadline(year, isGovernment),
        basis: DISCLOSURE_REPORT_BASIS,
        isDone: !!published,
        doneOn: published?.published_on ?? null,
        note: published ? null : (latest && ITEM_STATE_NOTES[latest.state]) ?? null,
        // The published item, or the report page for that organisation (the government's report covers every unit).
        link: published ? `/publishing/items/${published.id}` : `/disclosure/annual-report?year=${year}${isGovernment ? '' : `&org=${org.id}`}`,
      };
    });
  },
});
