/** Valid inputs for every disclosure action, for table walks and API tests. */
export const DISCLOSURE_SAMPLES: Record<string, Record<string, unknown>> = {
  register: {
    channel: 'in_person', submittedOn: '2024-09-20',
    applicant: { type: 'natural_person', kind: 'person', name: '王五', idNumber: '11010519491231002X', phone: '13900001111' },
    description: '2024年县城区道路改造项目的立项批复文件', form: 'electronic', delivery: 'email',
  },
  requestCorrection: { items: ['请说明所需信息的文号或形成时间'], deadlineWorkingDays: 15 },
  receiveCorrection: {},
  markAbandoned: {},
  consultThirdParty: { party: '某建设工程有限公司', matters: '申请公开的合同含有该公司的商业信息' },
  thirdPartyReplied: { opinion: 'object', summary: '涉及商业秘密，不同意公开' },
  consultAgency: { party: '县发展和改革局', matters: '该批复由两机关联合印发' },
  agencyReplied: { opinion: 'agree' },
  extend: { workingDays: 20, approvedBy: '政务公开办主任', reason: '需征求多个单位意见' },
  answer: { outcome: 'refuse_third_party', reasons: '第三方不同意公开且理由合理' },
  close: { note: '已通过电子邮件送达' },
};
