import { defineIndicator, type IndicatorUnit } from '../platform/indicators/registry.ts';

/**
 * Figures an annual rule-of-law report states (DOMAIN.md §9, and the items the Dazhu 2024 report carries) for
 * work the platform keeps no records of yet: 重大行政决策, 规范性文件, 合法性审查, 行政执法监督, 政务服务, 审计.
 * Departments enter (填报) them for a year and the rule-of-law office approves them; they are marked 填报
 * wherever shown. When a procedure for one of these areas is built it takes the id over and computes it, and
 * the computed figure replaces the entered one (server/platform/indicators/evaluate.ts).
 */
type Entry = [id: string, title: string, unit: IndicatorUnit, description: string];

const GROUPS: Record<string, Entry[]> = {
  政务服务与营商环境: [
    ['service.oneThingDone', '办结“一件事”', '件', '期间内办结的“高效办成一件事”集成服务事项（政务服务平台统计）。'],
    ['service.enterprisePolicies', '梳理惠企政策', '条', '县级惠企政策目录清单所列政策条数。'],
    ['service.projectTeams', '重大项目服务专班', '个', '期间内成立的县级重大项目服务专班。'],
    ['service.crossRegionItems', '“川渝通办”事项', '项', '梳理并公开的“川渝通办”事项。'],
    ['service.regionalItems', '区域通办事项（万达开等）', '项', '期间内新增的区域协作通办事项。'],
  ],
  依法决策: [
    ['decision.majorDecisions', '出台重大行政决策', '件', '期间内按《重大行政决策程序暂行条例》程序作出的重大行政决策。'],
    ['decision.postEvaluations', '重大行政决策后评估', '件', '期间内完成实施后评估的重大行政决策（条例第三十五条）。'],
    ['legality.contractsReviewed', '审查、备案合同', '件', '期间内经合法性审查或备案的合同文件。'],
    ['legality.consultations', '解答涉法事务咨询', '次', '期间内解答的涉法事务咨询。'],
    ['normative.issued', '出台并报备行政规范性文件', '件', '期间内制发并按规定报备的行政规范性文件。'],
    ['normative.repealed', '清理废止行政规范性文件', '件', '期间内清理后决定废止的行政规范性文件。'],
    ['normative.keptInForce', '清理后继续有效的行政规范性文件', '件', '清理后继续有效的行政规范性文件。'],
    ['normative.toAmend', '清理后拟修改的行政规范性文件', '件', '清理后拟修改的行政规范性文件。'],
    ['normative.expired', '清理后失效的行政规范性文件', '件', '清理后宣布失效的行政规范性文件。'],
    ['normative.postEvaluations', '行政规范性文件后评估', '件', '期间内完成实施后评估的行政规范性文件。'],
  ],
  行政执法: [
    ['enforcement.powerItemsAdjusted', '动态调整行政权力事项', '项', '期间内动态调整的行政权力事项。'],
    ['enforcement.departmentsAdjusted', '调整行政权力事项的部门', '个', '期间内调整了行政权力事项的行权部门。'],
    ['enforcement.lecturers', '行政执法培训讲师', '人', '遴选组建行政执法培训巡回讲师团的业务骨干。'],
    ['enforcement.qualificationExam', '参加行政执法资格考试', '人', '期间内参加行政执法资格考试的拟执法人员。'],
    ['enforcement.majorDecisionsFiled', '备案审查重大行政处罚（行政强制）决定', '件', '期间内报送备案审查的重大行政处罚、行政强制决定。'],
    ['enforcement.filesReviewed', '评查行政执法案卷', '件', '期间内抽取集中评查的行政执法案卷。'],
    ['enforcement.supervisionLetters', '发出行政执法监督建议书', '份', '期间内发出的行政执法监督建议书。'],
  ],
  政务公开: [
    ['publishing.websiteItems', '通过政府网站公开政府信息', '条', '期间内通过政府门户网站（含尚未迁入本平台的栏目）公开的政府信息条数。'],
    ['publishing.interpretations', '发布政策解读', '篇', '期间内以图文、音频、视频等形式发布的政策解读。'],
  ],
  监督与基层治理: [
    ['audit.projects', '完成审计项目', '个', '期间内完成的审计项目。'],
    ['audit.reports', '提交审计报告、专报、信息', '篇', '期间内提交的审计报告、专报和信息。'],
    ['audit.referrals', '向纪检监察机关移送事项', '件', '期间内审计发现并移送纪检监察机关处理的事项。'],
    ['corrections.justiceOffices', '社区矫正合并监督管理的司法所', '个', '实行片区制管理、合并监督管理社区矫正工作的司法所。'],
  ],
};

for (const [group, entries] of Object.entries(GROUPS)) {
  for (const [id, title, unit, description] of entries) defineIndicator({ id, title, unit, group, description, isEnterable: true });
}
