import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { getSetting } from '../../../platform/settings/service.ts';
import { CORRECTION_DECISIONS } from '../../reconsideration/indicators.ts';
import { computeTable2, type Table2Cell } from './table2.ts';
import { checkTable3, computeTable3, loadRequests, type Table3 } from './table3.ts';
import { computeTable4, type Table4 } from './table4.ts';
import { disclosureReportDeadline } from './deadlines.ts';

export type DisclosureAnnualReport = {
  year: number;
  org: { id: number; name: string; kind: string } | null;
  /** 政府信息公开条例第四十九条: departments report by 31 January, the government by 31 March of the next year. */
  deadline: string;
  table2: Table2Cell[];
  table3: Table3;
  table4: Table4;
  /** Broken balance rules of table 3; a report with problems cannot be published. */
  problems: string[];
  /** Requests concluded without a recorded outcome (they break the balance until fixed). */
  unclassifiedCaseIds: number[];
  overview: string;
};

export async function buildDisclosureReport(
  db: Kysely<Database>,
  year: number,
  org: { id: number; name: string; kind: string } | null,
  orgIds: number[] | null,
): Promise<DisclosureAnnualReport> {
  const requests = await loadRequests(db, orgIds, `${year}-12-31`);
  const { table: table3, unclassified } = computeTable3(requests, year);
  const table4 = await computeTable4(db, year, orgIds, await getSetting(db, CORRECTION_DECISIONS));
  const table2 = await computeTable2(db, year, orgIds);
  const problems = checkTable3(table3);
  if (unclassified.length) problems.push(`${unclassified.length} 件已办结的申请没有记录办理结果（案件 ${unclassified.join('、')}）`);
  const isGovernment = !org || org.kind === 'government';
  return {
    year,
    org,
    deadline: disclosureReportDeadline(year, isGovernment),
    table2,
    table3,
    table4,
    problems,
    unclassifiedCaseIds: unclassified,
    overview: overviewOf(year, table3, table4),
  };
}

/** 一、总体情况: the sentences a machine can write from the figures; staff add judgement in 五、六. */
function overviewOf(year: number, t3: Table3, t4: Table4): string {
  const received = t3['一'].total;
  const concluded = t3['三(七)'].total;
  const disclosed = t3['三(一)'].total + t3['三(二)'].total;
  const reviews = t4.reconsideration.total;
  const suits = t4.directSuit.total + t4.suitAfterReview.total;
  return `${year}年，本机关共收到政府信息公开申请${received}件，上年结转${t3['二'].total}件；办结${concluded}件，其中予以公开或部分公开${disclosed}件；结转下年度继续办理${t3['四'].total}件。因政府信息公开工作被申请行政复议${reviews}件、被提起行政诉讼${suits}件。`;
}
