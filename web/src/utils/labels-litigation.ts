import type { FieldMetaMap } from './field-labels.ts';

/** 行政应诉 fields (server/procedures/litigation/schemas.ts and the case data its actions write). */
const INSTANCES = { first: '一审', second: '二审', retrial: '再审' };

const JUDGMENT_OUTCOMES = {
  dismissClaims: '驳回诉讼请求',
  revoke: '撤销',
  partialRevoke: '部分撤销',
  confirmIllegal: '确认违法',
  confirmInvalid: '确认无效',
  orderPerformance: '责令履行',
  change: '变更',
  compensation: '赔偿',
};

const FINAL_OUTCOMES = {
  ...JUDGMENT_OUTCOMES,
  upholdOriginal: '驳回上诉，维持原判决、裁定',
  remand: '撤销原判决，发回重审',
  dismissSuit: '驳回起诉',
};

const RULINGS = { notFiled: '不予立案', dismissSuit: '驳回起诉', jurisdiction: '管辖异议' };

const HEAD_ROLES = {
  principal: '正职负责人',
  deputy: '副职负责人',
  deputyInCharge: '参与分管被诉行政行为实施工作的副职级别的负责人',
  otherInCharge: '其他参与分管的负责人',
};

export const LITIGATION_FIELDS: FieldMetaMap = {
  // 登记应诉案件
  receivedOn: { label: '收到起诉状副本日期' },
  filedOn: { label: '立案日期' },
  court: { label: '受理法院' },
  courtCaseNo: { label: '法院案号', placeholder: '如（2024）川1724行初12号' },
  instance: { label: '审级', options: INSTANCES },
  instanceTitle: { label: '审级' },
  retrialProcedure: { label: '再审适用程序', options: { first: '第一审程序', second: '第二审程序' } },
  previousCaseId: { label: '前审案件编号' },
  plaintiffs: { label: '原告' },
  defendantOrgId: { label: '被告', widget: 'org' },
  coDefendantOrgIds: { label: '共同被告', widget: 'org' },
  legalRepresentative: { label: '法定代表人' },
  'legalRepresentative.name': { label: '姓名' },
  position: { label: '职务' },
  act: { label: '被诉行政行为' },
  reconsiderationCaseId: { label: '行政复议案件编号' },
  claims: { label: '诉讼请求', widget: 'textarea' },
  isSimplified: { label: '适用简易程序' },
  isAppealable: { label: '可上诉' },

  // 答辩、举证
  defence: { label: '答辩' },
  facts: { label: '被诉行政行为的作出经过和事实', widget: 'textarea' },
  reasons: { label: '答辩理由', widget: 'textarea' },
  request: { label: '答辩请求', widget: 'textarea' },
  evidence: { label: '证据' },
  'evidence.name': { label: '证据名称' },
  purpose: { label: '证明目的' },
  normativeDocuments: { label: '规范性文件依据' },
  submittedOn: { label: '提交日期' },
  evidenceDelay: { label: '延期提供证据' },
  appliedOn: { label: '申请日期' },
  'delayEvidence/reason': { label: '不能按期提供证据的正当事由', widget: 'textarea' },
  approvedOn: { label: '准许日期' },
  causeEndedOn: { label: '事由消除日期' },

  // 开庭、出庭应诉
  hearings: { label: '开庭' },
  hearingOn: { label: '开庭日期' },
  isCourtNoticed: { label: '法院通知负责人出庭' },
  isHeadPresent: { label: '负责人出庭' },
  isHeadAttended: { label: '负责人已出庭应诉' },
  head: { label: '出庭负责人' },
  'head.name': { label: '姓名' },
  role: { label: '负责人类别', options: HEAD_ROLES },
  isLegalRepresentative: { label: '系法定代表人' },
  staff: { label: '出庭工作人员' },
  'staff.name': { label: '姓名' },
  lawyers: { label: '委托律师' },
  'lawyers.name': { label: '姓名' },
  firm: { label: '律师事务所' },
  authority: { label: '代理权限', options: { general: '一般代理', special: '特别授权' } },
  absenceReason: { label: '负责人未出庭的原因' },
  absenceDetail: { label: '未出庭情况说明', widget: 'textarea' },

  // 裁判
  judgment: { label: '第一审判决' },
  'recordJudgment/outcome': { label: '判决结果', options: JUDGMENT_OUTCOMES },
  'judgment.outcome': { label: '判决结果', options: JUDGMENT_OUTCOMES },
  isRedoOrdered: { label: '判决重新作出行政行为' },
  compensation: { label: '赔偿', widget: 'textarea' },
  documentNo: { label: '裁判文书号' },
  pronouncedOn: { label: '宣判日期' },
  servedOn: { label: '送达日期' },
  isLoss: { label: '败诉' },
  ruling: { label: '裁定' },
  'recordRuling/kind': { label: '裁定类型', options: RULINGS },
  'ruling.kind': { label: '裁定类型', options: RULINGS },
  lastDecision: { label: '最近的裁判', isHiddenInView: true },
  isAppealed: { label: '已上诉' },
  result: { label: '结果' },
  jurisdictionRulings: { label: '管辖异议裁定' },
  appeal: { label: '上诉' },
  appellant: { label: '上诉人', options: { defendant: '本机关（被告）', plaintiff: '原告', thirdParty: '第三人', coDefendant: '共同被告' } },
  grounds: { label: '上诉理由', widget: 'textarea' },
  effectiveOn: { label: '生效日期' },
  finalDecision: { label: '终审裁判' },
  form: { label: '裁判形式', options: { judgment: '判决', ruling: '裁定' } },
  'recordFinalDecision/outcome': { label: '裁判结果', options: FINAL_OUTCOMES },
  'finalDecision.outcome': { label: '裁判结果', options: FINAL_OUTCOMES },

  // 中止、终止、其他裁定、撤诉
  suspension: { label: '中止诉讼' },
  suspendedOn: { label: '中止日期' },
  ground: { label: '情形' },
  termination: { label: '终结诉讼' },
  otherRulings: { label: '其他裁定' },
  subject: { label: '裁定事项' },
  withdrawal: { label: '撤诉' },
  isAfterActChanged: { label: '被告改变行政行为后撤诉' },
  actChange: { label: '行政行为的改变情况', widget: 'textarea' },
};
