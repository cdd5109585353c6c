import { z } from 'zod';
import { ZLegalDate, ZParty } from '../../../common/party.ts';

/** Inputs of the reconsideration actions (行政复议法 2023). Legal dates travel as `on` unless named here. */
export const ACT_KINDS = ['行政处罚', '行政许可', '行政强制', '行政征收征用', '行政确认', '信息公开答复', '不履行法定职责', '其他行政行为'] as const;

export const ZActReference = z.object({
  actId: z.number().int().positive().optional(),
  kind: z.enum(ACT_KINDS),
  title: z.string().trim().min(1, '请填写被申请复议的行政行为').max(200),
  docNumber: z.string().trim().max(60).optional(),
  decidedOn: ZLegalDate.optional(),
});

export const ZRegister = z.object({
  receivedOn: ZLegalDate,
  channel: z.string().trim().min(1).max(40),
  applicants: z.array(ZParty).min(1, '至少一名申请人').max(50),
  thirdParties: z.array(ZParty).max(50).default([]),
  respondentOrgId: z.number().int().positive(),
  act: ZActReference,
  request: z.string().trim().min(1, '请填写行政复议请求').max(2000),
  reasons: z.string().trim().max(10000).default(''),
});

export const ZCorrectionRequest = z.object({
  items: z.array(z.string().trim().min(1).max(500)).min(1, '补正通知应当一次性载明需要补正的事项（第三十一条）').max(30),
});

export const ZEmpty = z.object({ note: z.string().trim().max(1000).optional() });

export const ZAccept = z.object({
  procedureType: z.enum(['ordinary', 'simplified']),
  simplifiedGround: z.string().trim().max(200).optional(),
});

export const ZReject = z.object({ reason: z.string().trim().min(1, '不予受理应当说明理由（第三十条）').max(2000), competentBody: z.string().trim().max(100).optional() });

export const ZAnswer = z.object({ summary: z.string().trim().max(5000).default(''), hasEvidence: z.boolean().default(true) });

export const ZHearing = z.object({
  noticeOn: ZLegalDate,
  hearingOn: ZLegalDate,
  place: z.string().trim().min(1).max(200),
  matters: z.string().trim().min(1).max(2000),
  isRespondentHeadPresent: z.boolean(),
  respondentAttendee: z.string().trim().max(100).optional(),
});

export const ZExtend = z.object({
  days: z.number().int().min(1).max(30, '延长期限最多不得超过三十日（第六十二条）'),
  approvedBy: z.string().trim().min(1, '须经行政复议机构负责人批准（第六十二条）').max(50),
  reason: z.string().trim().min(1).max(1000),
});

export const SUSPENSION_GROUNDS = [
  '作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议',
  '作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人参加行政复议',
  '作为申请人的公民下落不明',
  '作为申请人的法人或者其他组织终止，尚未确定权利义务承受人',
  '申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议',
  '依照本法规定进行调解、和解，申请人和被申请人同意中止',
  '行政复议案件涉及的法律适用问题需要有权机关作出解释或者确认',
  '行政复议案件审理需要以其他案件的审理结果为依据，而其他案件尚未审结',
  '有本法第五十六条或者第五十七条规定的情形',
  '需要中止行政复议的其他情形',
] as const;

export const ZSuspend = z.object({ ground: z.enum(SUSPENSION_GROUNDS), detail: z.string().trim().max(1000).default('') });

export const TERMINATION_REASONS = {
  withdrawn: '申请人撤回行政复议申请，行政复议机构准予撤回',
  settled: '当事人达成和解，申请人撤回申请',
  death_waived: '作为申请人的公民死亡，没有近亲属或者其近亲属放弃行政复议权利',
  org_ended_waived: '作为申请人的法人或者其他组织终止，没有权利义务承受人或者其权利义务承受人放弃行政复议权利',
  criminal_measure: '申请人对行政拘留或者限制人身自由的行政强制措施不服申请行政复议后，因同一违法行为涉嫌犯罪，被采取刑事强制措施',
  suspension_lapsed: '依照第三十九条第一款第一项、第二项、第四项的规定中止行政复议满六十日，中止的原因仍未消除',
} as const;

export const ZTerminate = z.object({ reason: z.enum(Object.keys(TERMINATION_REASONS) as [keyof typeof TERMINATION_REASONS]), detail: z.string().trim().max(1000).default('') });

export const ZMediate = z.object({ terms: z.string().trim().min(1, '请填写调解协议内容').max(5000), signedOn: ZLegalDate });

export const DECISIONS = {
  change: { title: '变更', basis: '第六十三条', isCorrection: true },
  revoke: { title: '撤销', basis: '第六十四条', isCorrection: true },
  confirmIllegal: { title: '确认违法', basis: '第六十五条', isCorrection: true },
  orderPerformance: { title: '责令履行', basis: '第六十六条', isCorrection: true },
  confirmInvalid: { title: '确认无效', basis: '第六十七条', isCorrection: true },
  uphold: { title: '维持', basis: '第六十八条', isCorrection: false },
  dismiss: { title: '驳回行政复议请求', basis: '第六十九条', isCorrection: false },
} as const;

export type DecisionKind = keyof typeof DECISIONS;

export const ZDecide = z
  .object({
    decision: z.enum(Object.keys(DECISIONS) as [DecisionKind, ...DecisionKind[]]),
    isPartial: z.boolean().default(false),
    orderRedo: z.boolean().default(false),
    compensation: z.string().trim().max(1000).optional(),
    facts: z.string().trim().min(1, '请填写经审理查明的事实').max(20000),
    reasoning: z.string().trim().min(1, '请填写认定理由').max(20000),
    performanceDeadline: z.string().trim().max(100).optional(),
  })
  .refine((d) => !d.orderRedo || d.decision === 'revoke', { path: ['orderRedo'], message: '责令重新作出行政行为只与撤销决定一并作出（第六十四条）' });

export const ZOpinionLetter = z.object({
  toOrgName: z.string().trim().min(1).max(100),
  problems: z.string().trim().min(1).max(5000),
  suggestions: z.string().trim().min(1).max(5000),
});

export const ZOpinionReply = z.object({ summary: z.string().trim().min(1).max(5000) });
