import type { FieldMetaMap } from './field-labels.ts';

/** 行政复议 fields (server/procedures/reconsideration/schemas.ts and the case data its actions write). */
const DECISION_KINDS = {
  change: '变更',
  revoke: '撤销',
  confirmIllegal: '确认违法',
  orderPerformance: '责令履行',
  confirmInvalid: '确认无效',
  uphold: '维持',
  dismiss: '驳回行政复议请求',
};

const TERMINATION_REASONS = {
  withdrawn: '申请人撤回行政复议申请，行政复议机构准予撤回',
  settled: '当事人达成和解，申请人撤回申请',
  death_waived: '作为申请人的公民死亡，没有近亲属或者其近亲属放弃行政复议权利',
  org_ended_waived: '作为申请人的法人或者其他组织终止，没有权利义务承受人或者其权利义务承受人放弃行政复议权利',
  criminal_measure: '申请人因同一违法行为涉嫌犯罪，被采取刑事强制措施',
  suspension_lapsed: '中止行政复议满六十日，中止的原因仍未消除',
};

export const RECONSIDERATION_FIELDS: FieldMetaMap = {
  // 登记收件 (第二十二条、第三十条)
  receivedOn: { label: '收件日期' },
  channel: { label: '收件渠道', dict: 'receive_channel' },
  applicants: { label: '申请人' },
  respondentOrgId: { label: '被申请人', widget: 'org', isHiddenInView: true },
  respondentName: { label: '被申请人' },
  act: { label: '被申请复议的行政行为' },
  request: { label: '行政复议请求', widget: 'textarea' },
  reasons: { label: '事实和理由', widget: 'textarea' },

  // 补正、受理、不予受理
  items: { label: '补正事项' },
  correction: { label: '补正通知' },
  correctionRequestedOn: { label: '补正通知日期' },
  procedureType: { label: '审理程序', options: { ordinary: '普通程序', simplified: '简易程序' } },
  simplifiedGround: { label: '适用简易程序的情形' },
  competentBody: { label: '有权受理的机关' },

  // 审理
  'receiveAnswer/summary': { label: '答复要点', widget: 'textarea' },
  hasEvidence: { label: '已提交证据、依据' },
  hearings: { label: '听证' },
  noticeOn: { label: '听证通知日期' },
  hearingOn: { label: '听证日期' },
  place: { label: '听证地点' },
  matters: { label: '听证事项', widget: 'textarea' },
  isRespondentHeadPresent: { label: '被申请人负责人出席' },
  respondentAttendee: { label: '被申请人出席人员' },
  extension: { label: '延长审理期限' },
  days: { label: '延长天数' },
  approvedBy: { label: '批准人' },
  suspension: { label: '中止' },
  ground: { label: '中止情形' },

  // 结案
  termination: { label: '终止' },
  'terminate/reason': { label: '终止情形', options: TERMINATION_REASONS },
  'termination.reason': { label: '终止情形', options: TERMINATION_REASONS },
  mediation: { label: '调解' },
  terms: { label: '调解协议内容', widget: 'textarea' },
  signedOn: { label: '签订日期' },
  decision: { label: '行政复议决定' },
  'decide/decision': { label: '决定类型', options: DECISION_KINDS },
  'decision.decision': { label: '决定类型', options: DECISION_KINDS },
  'decision.title': { label: '决定', isHiddenInView: true },
  isPartial: { label: '部分决定' },
  orderRedo: { label: '责令重新作出行政行为' },
  compensation: { label: '行政赔偿', widget: 'textarea' },
  facts: { label: '经审理查明的事实', widget: 'textarea' },
  reasoning: { label: '认定理由', widget: 'textarea' },
  performanceDeadline: { label: '履行期限' },

  // 行政复议意见书 (第七十六条)
  opinionLetter: { label: '行政复议意见书' },
  toOrgName: { label: '主送机关' },
  problems: { label: '存在的问题', widget: 'textarea' },
  suggestions: { label: '意见和建议', widget: 'textarea' },
  issuedOn: { label: '制发日期' },
  opinionReply: { label: '意见书反馈' },
  'receiveOpinionReply/summary': { label: '反馈情况', widget: 'textarea' },
  'opinionReply.summary': { label: '反馈情况' },
  'opinionReply.receivedOn': { label: '收到日期' },
};
