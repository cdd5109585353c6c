import { REQUIRED_PARTS, type ReportContent } from './content.ts';
import { referencedIds } from '../../common/figure-references.ts';

/**
 * The outline a new report starts from: the five contents of DOMAIN.md §9, with 主要举措和成效 split into the
 * subsections county reports use (the Dazhu 2024 report's own structure). Each subsection starts with
 * sentences citing the figures the platform holds for the year; a sentence whose figures have no data yet is
 * left out. Staff add the judgement, shortcomings and plans, which no record can supply.
 */
type Subsection = { title: string; sentences: string[] };

const MEASURES: Subsection[] = [
  {
    title: '坚持党对法治政府建设的全面领导',
    sentences: [
      '政府常务会议会前学法{{leadership.preMeetingStudy}}。',
      '{{leadership.lawReports}}党政主要负责人进行了现场述法或书面述法。',
      '组织宪法宣誓{{leadership.oathCeremonies}}，{{leadership.oathPersons}}参加宣誓。',
    ],
  },
  {
    title: '助力服务保障经济社会高质量发展',
    sentences: [
      '梳理惠企政策{{service.enterprisePolicies}}，办结各类“一件事”{{service.oneThingDone:approx}}。',
      '梳理“川渝通办”事项{{service.crossRegionItems}}。',
    ],
  },
  {
    title: '坚持科学民主依法决策',
    sentences: [
      '按程序出台重大行政决策{{decision.majorDecisions}}。',
      '备案审查各类合同文件{{legality.contractsReviewed}}，解答涉法事务咨询{{legality.consultations:approx}}。',
      '出台并报备行政规范性文件{{normative.issued}}。',
    ],
  },
  {
    title: '全力维护社会发展大局稳定',
    sentences: [
      '各调委会共调处矛盾纠纷{{mediation.handled}}，调解成功{{mediation.successful}}，调解成功率{{mediation.successRate}}。',
      '审结行政复议案件{{reconsideration.concluded}}（其中纠错{{reconsideration.corrected}}），行政复议纠错率{{reconsideration.correctionRate}}。',
      '审结行政应诉案件{{litigation.concluded}}，行政机关败诉率{{litigation.lossRate}}，负责人出庭应诉率{{litigation.headAttendanceRate}}。',
      '开展行政执法人员培训{{leadership.enforcementTrainings}}，{{enforcement.qualificationExam}}参加行政执法资格考试。',
    ],
  },
  {
    title: '持续优化政府职能',
    sentences: ['发布政策解读{{publishing.interpretations:approx}}，受理政府信息公开申请{{disclosure.requests}}。'],
  },
  {
    title: '强化行政权力制约监督',
    sentences: ['备案审查重大行政处罚（行政强制）决定{{enforcement.majorDecisionsFiled}}，评查行政执法案卷{{enforcement.filesReviewed}}，发出行政执法监督建议书{{enforcement.supervisionLetters}}。'],
  },
];

/** Indicator ids the default outline may cite (evaluated once when a report is created). */
export const OUTLINE_INDICATOR_IDS = referencedIds(MEASURES.flatMap((s) => s.sentences));

/** What the outline needs to know of a figure: its value, and for a rate its denominator. */
export type FigureProbe = (indicatorId: string) => { value: number | null; denominator?: number } | undefined;

/**
 * A sentence is kept when each of its figures can be printed (a value; a rate with a denominator) and at
 * least one is not zero: "审结行政复议案件0件" is no measure worth reporting.
 */
export function defaultContent(orgName: string, year: number, probe: FigureProbe): ReportContent {
  const keep = (sentence: string) => {
    const figures = referencedIds([sentence]).map(probe);
    return figures.every((f) => f != null && f.value !== null && f.denominator !== 0) && figures.some((f) => (f?.value ?? 0) > 0);
  };
  return {
    title: `${orgName}${year}年法治政府建设工作报告`,
    recipient: '',
    preamble: `现将${orgName}${year}年法治政府建设工作情况报告如下。`,
    parts: REQUIRED_PARTS.map((part) => ({
      key: part.key,
      title: part.title(year),
      body: '',
      subsections: part.key === 'measures' ? MEASURES.map((s) => ({ title: s.title, body: s.sentences.filter(keep).join('') })) : [],
    })),
  };
}
