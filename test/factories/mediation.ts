/** Valid inputs for every mediation action, for table walks and API tests. */
export const MEDIATION_SAMPLES: Record<string, Record<string, unknown>> = {
  register: {
    receivedOn: '2024-09-20', source: 'party_application', category: 'neighbourhood', summary: '两户因排水沟堵塞发生争执', place: '东城镇幸福村',
    amount: 2000, peopleCount: 2,
    parties: [
      { kind: 'person', name: '刘一', idNumber: '11010519491231002X', phone: '13800001111', role: 'applicant' },
      { kind: 'person', name: '陈二', role: 'respondent' },
    ],
  },
  accept: { mediators: ['调解员甲'] },
  decline: { reason: 'party_refused', detail: '被申请人明确表示不同意调解' },
  recordSession: { sessionOn: '2024-09-25', place: '村调委会调解室', mediators: ['调解员甲'], attendees: ['村干部'], record: '双方陈述了各自意见' },
  reachAgreement: { form: 'written', effectiveOn: '2024-09-27', facts: '排水沟因杂物堵塞', terms: '双方共同清理排水沟', performance: '2024年10月10日前清理完毕', agreementAmount: 500 },
  fail: { reason: '双方分歧较大', advisedRoutes: ['提起诉讼'] },
  recordPerformance: { status: 'performed', note: '已清理' },
  recordFollowUp: { way: 'phone', findings: '双方关系缓和', isSatisfied: true },
  recordJudicialConfirmation: { stage: 'applied', court: '示例县人民法院' },
};
