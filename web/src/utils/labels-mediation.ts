import type { FieldMetaMap } from './field-labels.ts';

/** 人民调解 fields (server/procedures/mediation/schemas.ts and the case data its actions write). */
export const DECLINE_REASONS: Record<string, string> = {
  party_refused: '当事人一方明确拒绝调解（人民调解法第十七条）',
  handled_elsewhere: '已由人民法院、仲裁机构或行政机关受理或者处理（人民调解法第二条）',
  out_of_scope: '不属于人民调解的范围（人民调解法第二条）',
};

export const ESCALATIONS: Record<string, string> = {
  none: '未激化', petition: '转信访', litigation: '转诉讼', group_incident: '群体性事件', criminal: '刑事案件',
};

export const PERFORMANCE_STATUSES: Record<string, string> = { performed: '已履行', partial: '部分履行', not_performed: '未履行' };

export const MEDIATION_FIELDS: FieldMetaMap = {
  // 登记 (register)
  receivedOn: { label: '登记日期' },
  source: { label: '纠纷来源', dict: 'mediation_source' },
  sourceDetail: { label: '来源说明' },
  parties: { label: '当事人' },
  'parties.role': { label: '当事人地位', options: { applicant: '申请人', respondent: '被申请人', other: '其他' } },
  role: { label: '当事人地位', options: { applicant: '申请人', respondent: '被申请人', other: '其他' } },
  category: { label: '纠纷类别', dict: 'dispute_category' },
  'register/summary': { label: '纠纷简要情况', widget: 'textarea' },
  summary: { label: '纠纷简要情况', widget: 'textarea' },
  amount: { label: '涉及金额（元）' },
  peopleCount: { label: '涉及人数' },
  committeeId: { label: '调委会', isHiddenInForm: true },
  isOnBehalf: { label: '代为填写申请书' },
  ledgerKey: { label: '台账编号', isHiddenInForm: true },
  isGroup: { label: '群体性纠纷' },

  // 受理、不予调解
  mediators: { label: '调解员' },
  'decline/reason': { label: '不予调解的理由', options: DECLINE_REASONS },
  'decline/detail': { label: '具体情况', widget: 'textarea' },

  // 调解笔录
  sessionOn: { label: '调解日期' },
  'recordSession/place': { label: '地点' },
  'sessions.place': { label: '地点' },
  place: { label: '纠纷发生地' },
  sessions: { label: '调解记录' },
  acceptedOn: { label: '受理日期' },
  declined: { label: '不予调解' },
  'declined.reason': { label: '不予调解的理由', options: DECLINE_REASONS },
  agreement: { label: '调解协议' },
  failure: { label: '调解不成' },
  'failure.reason': { label: '调解不成的原因' },
  followUps: { label: '回访' },
  judicialConfirmation: { label: '司法确认' },
  attendees: { label: '在场人员' },
  record: { label: '调解笔录', widget: 'textarea' },

  // 调解协议
  form: { label: '协议形式', options: { written: '书面', oral: '口头' } },
  effectiveOn: { label: '协议生效日期' },
  facts: { label: '纠纷事实、争议事项及责任', widget: 'textarea' },
  terms: { label: '协议内容', widget: 'textarea' },
  'agreement.performance': { label: '履行方式、期限' },
  performance: { label: '履行情况' },
  'reachAgreement/performance': { label: '履行方式、期限', widget: 'textarea' },
  agreementAmount: { label: '协议金额（元）' },

  // 调解不成
  'fail/reason': { label: '调解不成的原因', widget: 'textarea' },
  advisedRoutes: { label: '告知的其他途径' },
  escalation: { label: '纠纷激化情况', options: ESCALATIONS },

  // 履行、回访、司法确认
  status: { label: '履行情况', options: PERFORMANCE_STATUSES },
  way: { label: '回访方式', options: { phone: '电话', visit: '走访', other: '其他' } },
  findings: { label: '回访情况', widget: 'textarea' },
  isSatisfied: { label: '当事人满意' },
  stage: { label: '司法确认阶段', options: { applied: '已申请', confirmed: '已确认有效', rejected: '驳回申请' } },
  court: { label: '人民法院' },
  rulingNo: { label: '裁定书文号' },
};
