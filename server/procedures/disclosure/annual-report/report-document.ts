import type { DocumentBlock, OfficialDocumentSpec } from '../../../platform/documents/spec.ts';
import { APPLICANT_TYPES } from '../outcomes.ts';
import type { DisclosureAnnualReport } from './report.ts';
import { TABLE3_COLUMNS, TABLE3_ROWS } from './table3.ts';
import { TABLE4_COLUMNS, TABLE4_LABELS } from './table4.ts';

export type ReportNarrative = { problems: string; other: string };

const p = (text: string): DocumentBlock => ({ type: 'paragraph', text });
const h = (title: string): DocumentBlock => ({ type: 'heading', level: 1, title, isNumbered: false });

/** The annual report in the 国办公开办函〔2021〕30号 layout: six sections, tables 2–4; entered figures marked 填报. */
export function disclosureReportSpec(report: DisclosureAnnualReport, narrative: ReportNarrative, orgName: string, date: string): OfficialDocumentSpec {
  const t2Rows = report.table2.map((c) => [c.title, c.value == null ? '—' : `${c.value}`, c.unit, c.source === 'entered' ? '填报' : c.source === 'computed' ? '平台统计' : '未填报']);
  const t3Header = ['', ...TABLE3_COLUMNS.map((c) => (c === 'total' ? '总计' : APPLICANT_TYPES[c]))];
  const t3Rows = TABLE3_ROWS.map((r) => [r.label, ...TABLE3_COLUMNS.map((c) => String(report.table3[r.key][c]))]);
  const t4Header = ['', ...TABLE4_COLUMNS.map((c) => TABLE4_LABELS[c])];
  const t4 = report.table4;
  const t4Rows = [
    ['行政复议', ...TABLE4_COLUMNS.map((c) => String(t4.reconsideration[c]))],
    ['行政诉讼（未经复议直接起诉）', ...TABLE4_COLUMNS.map((c) => String(t4.directSuit[c]))],
    ['行政诉讼（复议后起诉）', ...TABLE4_COLUMNS.map((c) => String(t4.suitAfterReview[c]))],
  ];
  return {
    layout: 'instrument',
    title: `${orgName}\n${report.year}年政府信息公开工作年度报告`,
    issuingOrgName: orgName,
    blocks: [
      p(`本报告根据《中华人民共和国政府信息公开条例》第四十九条、第五十条和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）编制。本报告所列数据统计期限为${report.year}年1月1日至12月31日。`),
      h('一、总体情况'),
      p(report.overview),
      h('二、主动公开政府信息情况'),
      { type: 'table', hasHeaderRow: true, widths: [5, 2, 1, 2], rows: [['项目', '数量', '单位', '来源'], ...t2Rows] },
      h('三、收到和处理政府信息公开申请情况'),
      { type: 'table', hasHeaderRow: true, widths: [8, 2, 2, 2, 2, 2, 2, 2], rows: [t3Header, ...t3Rows] },
      h('四、政府信息公开行政复议、行政诉讼情况'),
      { type: 'table', hasHeaderRow: true, widths: [5, 2, 2, 2, 2, 2], rows: [t4Header, ...t4Rows] },
      h('五、存在的主要问题及改进情况'),
      p(narrative.problems),
      h('六、其他需要报告的事项'),
      p(narrative.other),
    ],
    signature: orgName,
    date,
  };
}
