/**
 * The figures of the 2024 report the platform keeps no records for, entered (填报) by the responsible body and
 * approved by the rule-of-law office (server/report/entered-catalogue.ts). Where the report rounds (“3万余”,
 * “1.1万余”, “300余”, “80余”, “50余”) the entry is a plausible exact figure above the rounded one, as a ledger would give it.
 * [indicator id, value, responsible organisation (code under dazhu.), source (数据来源)]
 */
export type EnteredFigureRow = readonly [indicatorId: string, value: number, org: string, source: string];

export const DAZHU_2024_FIGURES: readonly EnteredFigureRow[] = [
  // “办结各类‘一件事’3万余件，按时办结率和满意率均达100%。”
  ['service.oneThingDone', 30126, 'approval', '县行政审批局政务服务统计台账'],
  // “制作县级惠企政策目录清单，梳理惠企政策40条”
  ['service.enterprisePolicies', 40, 'drc', '县级惠企政策目录清单'],
  // “成立‘1+1+N’县级重大项目服务专班15个”
  ['service.projectTeams', 15, 'drc', '县重大项目服务专班成立文件汇总'],
  // “梳理‘川渝通办’事项226项”
  ['service.crossRegionItems', 226, 'approval', '“川渝通办”事项清单'],
  // “万达开第二批通办事项9项”
  ['service.regionalItems', 9, 'approval', '万达开第二批通办事项清单'],
  // “按程序出台了《大竹县国家现代农业产业园建设规划（2024—2028年）》等4件重大行政决策。”
  ['decision.majorDecisions', 4, 'gov-office', '县政府2024年度重大行政决策事项目录及决策文件'],
  // “对2件重大行政决策以及2件行政规范性文件进行了实施情况后评估”
  ['decision.postEvaluations', 2, 'justice', '重大行政决策实施后评估报告'],
  // “备案审查各类合同文件429件”
  ['legality.contractsReviewed', 429, 'justice', '县司法局合同审查备案登记台账'],
  // “解答涉法事务咨询300余次”
  ['legality.consultations', 312, 'justice', '县司法局涉法事务咨询登记台账'],
  // “出台并报备2件县级行政规范性文件”
  ['normative.issued', 2, 'justice', '行政规范性文件备案登记表'],
  // “对2024年前县政府出台的行政规范性文件进行清理，废止2件，继续有效42件，拟修改3件，失效15件”
  ['normative.repealed', 2, 'justice', '县政府行政规范性文件清理结果目录'],
  ['normative.keptInForce', 42, 'justice', '县政府行政规范性文件清理结果目录'],
  ['normative.toAmend', 3, 'justice', '县政府行政规范性文件清理结果目录'],
  ['normative.expired', 15, 'justice', '县政府行政规范性文件清理结果目录'],
  // “对2件重大行政决策以及2件行政规范性文件进行了实施情况后评估”
  ['normative.postEvaluations', 2, 'justice', '行政规范性文件实施后评估报告'],
  // “动态调整县商务局、县气象局等12个行权部门80余项行政权力事项”
  ['enforcement.powerItemsAdjusted', 83, 'approval', '行政权力事项权责清单动态调整目录'],
  ['enforcement.departmentsAdjusted', 12, 'approval', '行政权力事项权责清单动态调整目录'],
  // “遴选17名业务骨干组建成大竹县行政执法培训巡回讲师团”
  ['enforcement.lecturers', 17, 'justice', '大竹县行政执法培训巡回讲师团名单'],
  // “各行政执法主体共计388名拟执法人员参加了行政执法资格考试”
  ['enforcement.qualificationExam', 388, 'justice', '行政执法资格考试报名及考试情况统计表'],
  // “备案审查28件重大行政处罚（行政强制）决定”
  ['enforcement.majorDecisionsFiled', 28, 'justice', '重大行政执法决定备案登记台账'],
  // “随机抽取60件涉企行政处罚和行政强制案卷集中评查”
  ['enforcement.filesReviewed', 60, 'justice', '2024年涉企行政执法案卷评查结果通报'],
  // “发出行政执法监督建议书7份”
  ['enforcement.supervisionLetters', 7, 'justice', '行政执法监督建议书发文登记'],
  // “通过县政府网站公开政府信息1.1万余条”
  ['publishing.websiteItems', 11352, 'gov-office', '县政府门户网站信息发布统计'],
  // “借助图文、音频、视频、数字人等形式发布解读50余篇”
  ['publishing.interpretations', 53, 'gov-office', '县政府网站政策解读栏目发布统计'],
  // “完成8大类24个审计项目，提交审计报告、专报、信息等13篇，向纪委监察机关移送处理事项75件”
  ['audit.projects', 24, 'audit', '县审计局2024年度审计项目计划执行情况'],
  ['audit.reports', 13, 'audit', '县审计局审计报告及专报信息发文登记'],
  ['audit.referrals', 75, 'audit', '县审计局移送处理事项登记台账'],
  // “实行社区矫正片区制管理，对全县31个司法所的社区矫正工作进行合并监督管理”
  ['corrections.justiceOffices', 31, 'justice', '县司法局社区矫正片区制管理实施方案'],
];
