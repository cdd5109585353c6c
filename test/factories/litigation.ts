/** Valid inputs for every litigation (行政应诉) action, for table walks and API tests. */
export const SAMPLE_INPUTS: Record<string, Record<string, unknown>> = {
  register: {
    receivedOn: '2024-09-16', filedOn: '2024-09-10', court: '示例县人民法院', courtCaseNo: '（2024）川1724行初12号', instance: 'first',
    plaintiffs: [{ kind: 'person', name: '张三', idNumber: '11010519491231002X', phone: '13812345678', address: '示例县东城镇幸福路1号' }],
    defendantOrgId: 3, legalRepresentative: { name: '李局长', position: '局长' },
    act: { kind: '行政处罚', title: '行政处罚决定', docNumber: '示市监罚〔2024〕8号', decidedOn: '2024-06-03' },
    claims: '撤销被告作出的示市监罚〔2024〕8号行政处罚决定',
  },
  delayEvidence: { appliedOn: '2024-09-20', reason: '证据原件因洪灾被封存，暂时无法调取' },
  endEvidenceDelay: {},
  submitDefence: {
    facts: '2024年5月，答辩人执法人员检查发现原告销售过期食品，当场制作现场笔录并依法立案调查。',
    reasons: '被诉行政处罚决定认定事实清楚，证据确凿，适用法律正确，程序合法，处罚适当。',
    evidence: [{ name: '现场检查笔录', purpose: '证明原告销售过期食品的事实' }, { name: '行政处罚决定书及送达回证', purpose: '证明处罚程序合法' }],
    normativeDocuments: ['中华人民共和国食品安全法', '中华人民共和国行政处罚法'],
  },
  recordHearing: {
    hearingOn: '2024-10-31', isHeadPresent: true, head: { name: '王副局长', position: '副局长', role: 'deputyInCharge' },
    staff: [{ name: '赵科长', position: '法规股股长' }],
  },
  recordJudgment: { outcome: 'dismissClaims', documentNo: '（2024）川1724行初12号', servedOn: '2024-11-29', summary: '驳回原告诉讼请求' },
  recordRuling: { kind: 'dismissSuit', documentNo: '（2024）川1724行初12号', servedOn: '2024-11-29' },
  continueTrial: { isAppealed: false },
  fileAppeal: { appellant: 'plaintiff', filedOn: '2024-12-05' },
  closeAsFinal: { effectiveOn: '2024-12-17' },
  recordFinalDecision: { form: 'judgment', outcome: 'upholdOriginal', documentNo: '（2025）川17行终5号', servedOn: '2024-11-29' },
  suspend: { ground: '一方当事人因不可抗力的事由不能参加诉讼' },
  resume: {},
  terminate: { ground: '原告死亡，没有近亲属或者近亲属放弃诉讼权利' },
  recordOtherRuling: { subject: '停止执行被诉行政行为' },
  withdraw: { servedOn: '2024-11-01', isAfterActChanged: true, actChange: '被告撤销原处罚决定并重新作出' },
};
