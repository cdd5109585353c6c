import { z } from 'zod';
import { ZLegalDate, ZParty } from '../../../common/party.ts';

/**
 * Inputs of the litigation actions (行政应诉). 法 = 中华人民共和国行政诉讼法（2017年修正）; 解释 = 最高人民法院关于适用
 * 《中华人民共和国行政诉讼法》的解释（2018）; 规定 = 最高人民法院关于行政机关负责人出庭应诉若干问题的规定（2020）.
 */
export const ACT_KINDS = ['行政处罚', '行政许可', '行政强制', '行政征收征用', '行政确认', '信息公开答复', '不履行法定职责', '行政协议', '复议决定', '其他行政行为'] as const;

export const INSTANCES = { first: '一审', second: '二审', retrial: '再审' } as const;
export type Instance = keyof typeof INSTANCES;

const ZText = (max: number) => z.string().trim().max(max);
const ZName = z.string().trim().min(1, '请填写姓名').max(50);
const ZPosition = z.string().trim().min(1, '请填写职务').max(50);
const ZDocumentNo = ZText(60).optional();

export const ZActReference = z.object({
  actId: z.number().int().positive().optional(),
  kind: z.enum(ACT_KINDS),
  title: z.string().trim().min(1, '请填写被诉行政行为').max(200),
  docNumber: ZText(60).optional(),
  decidedOn: ZLegalDate.optional(),
});

export const ZRegister = z
  .object({
    /** 收到起诉状副本之日: the defence period runs from it (法第六十七条第一款). */
    receivedOn: ZLegalDate,
    /** 立案之日, for information: the court's trial period runs from it (法第八十一条、第八十三条; 解释第五十条). */
    filedOn: ZLegalDate.optional(),
    court: z.string().trim().min(1, '请填写受理法院').max(100),
    courtCaseNo: z.string().trim().min(1, '请填写法院案号').max(60)
      .regex(/^[（(]\d{4}[）)].+号$/, '法院案号格式如（2024）川1724行初12号'),
    instance: z.enum(Object.keys(INSTANCES) as [Instance, ...Instance[]]),
    /** A retrial runs under the procedure of the instance whose judgment it reopens (解释第一百一十九条). */
    retrialProcedure: z.enum(['first', 'second']).optional(),
    /** The case of the instance before: an appeal, a retrial, or a retrial after 发回重审. */
    previousCaseId: z.number().int().positive().optional(),
    plaintiffs: z.array(ZParty).min(1, '至少一名原告').max(50),
    thirdParties: z.array(ZParty).max(50).default([]),
    defendantOrgId: z.number().int().positive(),
    coDefendantOrgIds: z.array(z.number().int().positive()).max(10).default([]),
    /** 被告的法定代表人 (正职负责人), named in the 答辩状 and the 授权委托书. */
    legalRepresentative: z.object({ name: ZName, position: ZPosition }),
    act: ZActReference,
    reconsiderationCaseId: z.number().int().positive().optional(),
    claims: z.string().trim().min(1, '请填写原告的诉讼请求').max(2000),
    isSimplified: z.boolean().default(false),
  })
  .superRefine((d, ctx) => {
    if (d.instance === 'retrial' && !d.retrialProcedure) {
      ctx.addIssue({ code: 'custom', path: ['retrialProcedure'], message: '再审案件请选择按第一审还是第二审程序审理（解释第一百一十九条）' });
    }
    if (d.instance !== 'retrial' && d.retrialProcedure) {
      ctx.addIssue({ code: 'custom', path: ['retrialProcedure'], message: '只有再审案件需要选择审理程序' });
    }
    if (d.isSimplified && (d.instance !== 'first' || d.previousCaseId)) {
      ctx.addIssue({ code: 'custom', path: ['isSimplified'], message: '简易程序只适用于第一审行政案件，发回重审、再审案件不适用（行政诉讼法第八十二条）' });
    }
    if (d.coDefendantOrgIds.includes(d.defendantOrgId)) {
      ctx.addIssue({ code: 'custom', path: ['coDefendantOrgIds'], message: '共同被告不能与被告相同' });
    }
  });
export type RegisterInput = z.output<typeof ZRegister>;

export const ZEvidence = z.object({ name: z.string().trim().min(1).max(200), purpose: ZText(500).default('') });

export const ZDefence = z.object({
  facts: z.string().trim().min(1, '请填写被诉行政行为的作出经过和认定的事实').max(20000),
  reasons: z.string().trim().min(1, '请填写答辩理由').max(20000),
  request: z.string().trim().min(1).max(1000).default('请求人民法院依法驳回原告的诉讼请求。'),
  evidence: z.array(ZEvidence).min(1, '被告应当提交作出行政行为的证据（行政诉讼法第三十四条第一款、第六十七条第一款）').max(200),
  normativeDocuments: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
});

export const ZEvidenceDelay = z.object({
  appliedOn: ZLegalDate,
  reason: z.string().trim().min(1, '请填写不能按期提供证据的正当事由').max(1000),
});

export const ZEmpty = z.object({ note: ZText(1000).optional() });

/** 规定第二条第一款: who counts as the agency's 负责人. */
export const HEAD_ROLES = {
  principal: '正职负责人',
  deputy: '副职负责人',
  deputyInCharge: '参与分管被诉行政行为实施工作的副职级别的负责人',
  otherInCharge: '其他参与分管的负责人',
} as const;

/** 规定第八条: the reasons a head may be unable to attend. */
export const ABSENCE_REASONS = ['不可抗力', '意外事件', '需要履行他人不能代替的公务', '无法出庭的其他正当事由'] as const;

export const AUTHORITIES = {
  general: '一般代理（代为出庭参加诉讼，进行陈述、答辩、举证、质证、辩论，发表最后意见）',
  special: '特别授权（除一般代理事项外，代为承认、放弃、变更诉讼请求，进行和解，提起或者撤回上诉，签收法律文书）',
} as const;

export const ZHearing = z
  .object({
    hearingOn: ZLegalDate,
    /** 人民法院通知负责人出庭 (规定第四条、第五条; 解释第一百二十九条第一款). */
    isCourtNoticed: z.boolean().default(false),
    isHeadPresent: z.boolean(),
    head: z.object({
      name: ZName, position: ZPosition,
      role: z.enum(Object.keys(HEAD_ROLES) as [keyof typeof HEAD_ROLES, ...(keyof typeof HEAD_ROLES)[]]),
      isLegalRepresentative: z.boolean().default(false),
    }).optional(),
    /** 行政机关相应的工作人员 (法第三条第三款; 解释第一百三十条; 规定第十条). */
    staff: z.array(z.object({ name: ZName, position: ZPosition })).max(2).default([]),
    lawyers: z.array(z.object({ name: ZName, firm: z.string().trim().min(1).max(100) })).max(2).default([]),
    authority: z.enum(['general', 'special']).default('general'),
    absenceReason: z.enum(ABSENCE_REASONS).optional(),
    absenceDetail: ZText(1000).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.isHeadPresent && !d.head) ctx.addIssue({ code: 'custom', path: ['head'], message: '请填写出庭负责人的姓名和职务（规定第六条）' });
    if (!d.isHeadPresent && d.head) ctx.addIssue({ code: 'custom', path: ['head'], message: '负责人未出庭时不填写出庭负责人' });
  });
export type HearingInput = z.output<typeof ZHearing>;

export const JUDGMENT_OUTCOMES = {
  dismissClaims: { title: '驳回诉讼请求', basis: '行政诉讼法第六十九条', isLoss: false },
  revoke: { title: '撤销', basis: '行政诉讼法第七十条', isLoss: true },
  partialRevoke: { title: '部分撤销', basis: '行政诉讼法第七十条', isLoss: true },
  confirmIllegal: { title: '确认违法', basis: '行政诉讼法第七十四条', isLoss: true },
  confirmInvalid: { title: '确认无效', basis: '行政诉讼法第七十五条', isLoss: true },
  orderPerformance: { title: '责令履行', basis: '行政诉讼法第七十二条、第七十三条', isLoss: true },
  change: { title: '变更', basis: '行政诉讼法第七十七条', isLoss: true },
  compensation: { title: '赔偿', basis: '行政诉讼法第七十六条', isLoss: true },
} as const;
export type JudgmentOutcome = keyof typeof JUDGMENT_OUTCOMES;

export const ZJudgment = z
  .object({
    outcome: z.enum(Object.keys(JUDGMENT_OUTCOMES) as [JudgmentOutcome, ...JudgmentOutcome[]]),
    isRedoOrdered: z.boolean().default(false),
    compensation: ZText(1000).optional(),
    documentNo: ZDocumentNo,
    pronouncedOn: ZLegalDate.optional(),
    /** 判决书送达之日: the appeal period runs from it (法第八十五条). */
    servedOn: ZLegalDate,
    summary: ZText(5000).default(''),
  })
  .refine((d) => !d.isRedoOrdered || d.outcome === 'revoke' || d.outcome === 'partialRevoke', {
    path: ['isRedoOrdered'], message: '判决被告重新作出行政行为只与撤销或者部分撤销判决一并作出（行政诉讼法第七十条）',
  });

/** Rulings a party may appeal (解释第一百零一条第二款: 第一至三项). */
export const APPEALABLE_RULINGS = {
  notFiled: { title: '不予立案', basis: '行政诉讼法第五十一条第二款' },
  dismissSuit: { title: '驳回起诉', basis: '解释第六十九条' },
  jurisdiction: { title: '管辖异议', basis: '解释第十条' },
} as const;
export type AppealableRuling = keyof typeof APPEALABLE_RULINGS;

export const ZRuling = z.object({
  kind: z.enum(Object.keys(APPEALABLE_RULINGS) as [AppealableRuling, ...AppealableRuling[]]),
  documentNo: ZDocumentNo,
  /** 裁定书送达之日: the appeal period runs from it (法第八十五条). */
  servedOn: ZLegalDate,
  summary: ZText(5000).default(''),
});

/** 终审裁判: of a second instance, or of a retrial under the second-instance procedure (法第八十八条; 解释第一百一十九条). */
export const FINAL_OUTCOMES = {
  ...JUDGMENT_OUTCOMES,
  upholdOriginal: { title: '驳回上诉，维持原判决、裁定', basis: '行政诉讼法第八十九条第一款第一项', isLoss: false },
  remand: { title: '撤销原判决，发回重审', basis: '行政诉讼法第八十九条第一款第三项、第四项', isLoss: false },
  dismissSuit: { title: '驳回起诉', basis: '解释第六十九条', isLoss: false },
} as const;
export type FinalOutcome = keyof typeof FINAL_OUTCOMES;

export const ZFinalDecision = z.object({
  form: z.enum(['judgment', 'ruling']),
  outcome: z.enum(Object.keys(FINAL_OUTCOMES) as [FinalOutcome, ...FinalOutcome[]]),
  documentNo: ZDocumentNo,
  servedOn: ZLegalDate,
  summary: ZText(5000).default(''),
});

/** 解释第八十七条第一款. */
export const SUSPENSION_GROUNDS = [
  '原告死亡，须等待其近亲属表明是否参加诉讼',
  '原告丧失诉讼行为能力，尚未确定法定代理人',
  '作为一方当事人的行政机关、法人或者其他组织终止，尚未确定权利义务承受人',
  '一方当事人因不可抗力的事由不能参加诉讼',
  '案件涉及法律适用问题，需要送请有权机关作出解释或者确认',
  '案件的审判须以相关民事、刑事或者其他行政案件的审理结果为依据，而相关案件尚未审结',
  '其他应当中止诉讼的情形',
] as const;

/** 解释第八十八条. */
export const TERMINATION_GROUNDS = [
  '原告死亡，没有近亲属或者近亲属放弃诉讼权利',
  '作为原告的法人或者其他组织终止后，其权利义务的承受人放弃诉讼权利',
  '中止诉讼满九十日仍无人继续诉讼',
] as const;

export const ZSuspend = z.object({ ground: z.enum(SUSPENSION_GROUNDS), documentNo: ZDocumentNo, detail: ZText(1000).default('') });
export const ZTerminate = z.object({ ground: z.enum(TERMINATION_GROUNDS), documentNo: ZDocumentNo, detail: ZText(1000).default('') });

/** Rulings on 解释第一百零一条第一款第六项至第十五项 that neither end the instance nor may be appealed. */
export const ZOtherRuling = z.object({
  subject: z.string().trim().min(1, '请填写裁定事项（如移送管辖、停止执行、财产保全、补正笔误）').max(200),
  documentNo: ZDocumentNo,
  summary: ZText(2000).default(''),
});

export const ZWithdraw = z.object({
  documentNo: ZDocumentNo,
  /** 准予撤诉裁定送达之日. */
  servedOn: ZLegalDate,
  /** 被告改变其所作的行政行为，原告同意并申请撤诉 (法第六十二条). */
  isAfterActChanged: z.boolean().default(false),
  actChange: ZText(1000).optional(),
});

export const ZAppeal = z.object({
  appellant: z.enum(['defendant', 'plaintiff', 'thirdParty', 'coDefendant']),
  /** 提起上诉之日 (the appellant's filing; for another party's appeal, as the 上诉状副本 shows). */
  filedOn: ZLegalDate,
  grounds: ZText(5000).default(''),
});

export const APPELLANTS = { defendant: '本机关（被告）', plaintiff: '原告', thirdParty: '第三人', coDefendant: '共同被告' } as const;

export const ZEffective = z.object({ effectiveOn: ZLegalDate, note: ZText(1000).optional() });

export const ZContinueTrial = z.object({ isAppealed: z.boolean(), result: ZText(1000).default('') });
