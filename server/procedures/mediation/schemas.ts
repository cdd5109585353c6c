import { z } from 'zod';
import { ZLegalDate, ZParty } from '../../../common/party.ts';

/** Inputs of the mediation actions (中华人民共和国人民调解法). */
const ZText = (max: number) => z.string().trim().max(max);
/** A dictionary code; missing or malformed, the message names what to choose. */
const ZCode = (label: string) => z.string({ error: `请选择${label}` }).trim().regex(/^[a-z][a-z0-9_]{0,39}$/, `请选择字典中的${label}`);

export const ZMediationParty = ZParty.and(z.object({ role: z.enum(['applicant', 'respondent', 'other']).default('applicant') }));

export const ZRegister = z.object({
  receivedOn: ZLegalDate,
  source: ZCode('纠纷来源'),
  sourceDetail: ZText(200).optional(),
  parties: z.array(ZMediationParty).min(2, '纠纷至少涉及两方当事人').max(500),
  category: ZCode('纠纷类别'),
  summary: z.string().trim().min(1, '请填写纠纷简要情况').max(5000),
  place: ZText(200).optional(),
  amount: z.number().min(0).max(1e12).default(0),
  peopleCount: z.number().int().min(2).max(100000),
  committeeId: z.number().int().positive().optional(),
  isOnBehalf: z.boolean().default(false),
  ledgerKey: ZText(100).optional(),
});

export const ZAccept = z.object({ mediators: z.array(z.string().trim().min(1).max(50)).min(1, '请指定调解员').max(10) });

export const DECLINE_REASONS = {
  party_refused: { label: '当事人一方明确拒绝调解', basis: '人民调解法第十七条' },
  handled_elsewhere: { label: '已由人民法院、仲裁机构或行政机关受理或者处理', basis: '人民调解法第二条' },
  out_of_scope: { label: '不属于人民调解的范围', basis: '人民调解法第二条' },
} as const;

export const ZDecline = z.object({ reason: z.enum(Object.keys(DECLINE_REASONS) as [keyof typeof DECLINE_REASONS]), detail: ZText(1000).default('') });

export const ZSession = z.object({
  sessionOn: ZLegalDate,
  place: z.string().trim().min(1).max(200),
  mediators: z.array(z.string().trim().min(1).max(50)).min(1).max(10),
  attendees: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
  record: z.string().trim().min(1, '请填写调解笔录').max(20000),
});

export const ZAgreement = z
  .object({
    form: z.enum(['written', 'oral']),
    effectiveOn: ZLegalDate,
    facts: z.string().trim().min(1, '请写明纠纷的主要事实、争议事项以及各方当事人的责任（第二十九条）').max(10000),
    terms: z.string().trim().min(1, '请写明调解协议的内容（第二十九条）').max(10000),
    performance: z.string().trim().min(1, '请写明履行的方式、期限（第二十九条）').max(2000),
    agreementAmount: z.number().min(0).max(1e12).default(0),
  });

export const OTHER_ROUTES = ['申请仲裁', '提起诉讼', '向行政机关申请处理', '申请其他调解组织调解'] as const;

export const ZFail = z.object({
  reason: z.string().trim().min(1).max(2000),
  advisedRoutes: z.array(z.enum(OTHER_ROUTES)).min(1, '调解不成的，应当告知当事人依法维护权利的途径（第二十六条）'),
  escalation: z.enum(['none', 'petition', 'litigation', 'group_incident', 'criminal']).default('none'),
});

export const ZPerformance = z.object({ status: z.enum(['performed', 'partial', 'not_performed']), note: ZText(2000).default('') });

export const ZFollowUp = z.object({
  way: z.enum(['phone', 'visit', 'other']),
  findings: z.string().trim().min(1).max(5000),
  isSatisfied: z.boolean(),
});

export const ZJudicialConfirmation = z.object({
  stage: z.enum(['applied', 'confirmed', 'rejected']),
  court: z.string().trim().min(1).max(100),
  rulingNo: ZText(60).optional(),
});
