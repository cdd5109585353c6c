/** Valid inputs for every reconsideration action, for table walks and API tests. */
export const SAMPLE_INPUTS: Record<string, Record<string, unknown>> = {
  register: {
    receivedOn: '2024-09-27', channel: 'in_person',
    applicants: [{ kind: 'person', name: '张三', idNumber: '11010519491231002X', phone: '13812345678' }],
    respondentOrgId: 3, act: { kind: '行政处罚', title: '行政处罚决定', docNumber: '示市监罚〔2024〕8号' }, request: '撤销该行政处罚决定',
  },
  requestCorrection: { items: ['提供行政处罚决定书复印件'] },
  receiveCorrection: {},
  markAbandoned: {},
  accept: { procedureType: 'ordinary' },
  reject: { reason: '超过法定申请期限' },
  notifyRespondent: {},
  receiveAnswer: { summary: '事实清楚，证据确凿' },
  holdHearing: { noticeOn: '2024-10-08', hearingOn: '2024-10-15', place: '县司法局听证室', matters: '处罚事实', isRespondentHeadPresent: true },
  extend: { days: 30, approvedBy: '李主任', reason: '案情复杂' },
  suspend: { ground: '依照本法规定进行调解、和解，申请人和被申请人同意中止' },
  resume: {},
  terminate: { reason: 'withdrawn' },
  mediate: { terms: '被申请人将罚款减为五百元', signedOn: '2024-10-20' },
  decide: { decision: 'revoke', orderRedo: true, facts: '查明的事实', reasoning: '证据不足' },
  issueOpinionLetter: { toOrgName: '县市场监督管理局', problems: '程序不规范', suggestions: '规范送达' },
  receiveOpinionReply: { summary: '已整改' },
};
