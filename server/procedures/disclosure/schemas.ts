import { z } from 'zod';
import { ZLegalDate, ZParty } from '../../../common/party.ts';
import { ANSWER_OUTCOME_KEYS, APPLICANT_TYPES, type ApplicantType } from './outcomes.ts';

/** 收到申请之日 depends on how the request came in (政府信息公开条例第三十一条). */
export const CHANNELS = {
  in_person: '当面提交',
  post_signed: '邮寄（需签收）',
  post_ordinary: '平常信函',
  online: '互联网',
  fax: '传真',
} as const;

type Channel = keyof typeof CHANNELS;

export const ZApplicant = ZParty.and(z.object({
  type: z.enum(Object.keys(APPLICANT_TYPES) as [ApplicantType, ...ApplicantType[]]),
  email: z.string().trim().email('电子邮箱格式不正确').max(100).optional(),
}));

const requestFields = {
  applicant: ZApplicant,
  description: z.string().trim().min(1, '请描述所需政府信息的名称、文号或者特征（第二十九条）').max(2000),
  form: z.enum(['paper', 'electronic']).default('electronic'),
  delivery: z.enum(['post', 'email', 'pickup', 'online']).default('online'),
  purpose: z.string().trim().max(500).optional(),
};

export const ZRegister = z
  .object({
    channel: z.enum(Object.keys(CHANNELS) as [Channel, ...Channel[]]),
    submittedOn: ZLegalDate,
    signedOn: ZLegalDate.optional(),
    confirmedOn: ZLegalDate.optional(),
    queryCodeHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    ...requestFields,
  })
  .superRefine((input, ctx) => {
    if (input.channel === 'post_signed' && !input.signedOn) ctx.addIssue({ code: 'custom', path: ['signedOn'], message: '邮寄申请以签收之日为收到申请之日，请填写签收日期（第三十一条第（二）项）' });
    if (['post_ordinary', 'online', 'fax'].includes(input.channel) && !input.confirmedOn) {
      ctx.addIssue({ code: 'custom', path: ['confirmedOn'], message: '以与申请人确认之日为收到申请之日，请填写确认日期（第三十一条）' });
    }
  });

/** 收到申请之日 under 第三十一条. */
export function receivedOnOf(input: z.output<typeof ZRegister>): string {
  if (input.channel === 'in_person') return input.submittedOn;
  if (input.channel === 'post_signed') return input.signedOn ?? input.submittedOn;
  return input.confirmedOn ?? input.submittedOn;
}

/** The public portal's form: what an applicant fills in themself (received on the day both sides confirm). */
export const ZPublicRequest = z.object({ orgId: z.number().int().positive(), ...requestFields });

export const ZCorrection = z.object({
  items: z.array(z.string().trim().min(1).max(500)).min(1, '应一次性告知需要补正的事项').max(30),
  deadlineWorkingDays: z.number().int().min(1).max(60).default(15),
});

export const ZNote = z.object({ note: z.string().trim().max(1000).optional() });

export const ZConsult = z.object({ party: z.string().trim().min(1).max(200), matters: z.string().trim().min(1).max(2000) });

export const ZReply = z.object({ opinion: z.enum(['agree', 'object', 'none']), summary: z.string().trim().max(2000).default('') });

export const ZExtend = z.object({
  workingDays: z.number().int().min(1).max(20, '延长的期限最长不得超过20个工作日（第三十三条第二款）'),
  approvedBy: z.string().trim().min(1, '须经政府信息公开工作机构负责人同意（第三十三条第二款）').max(50),
  reason: z.string().trim().min(1).max(1000),
});

export const ZAnswer = z
  .object({
    outcome: z.enum(ANSWER_OUTCOME_KEYS),
    reasons: z.string().trim().max(5000).default(''),
    accessPath: z.string().trim().max(500).optional(),
    referTo: z.string().trim().max(300).optional(),
    content: z.string().trim().max(20000).optional(),
  })
  .superRefine((input, ctx) => {
    const needsReasons = /^(partial|refuse_|unable_|not_processed_|other)/.test(input.outcome);
    if (needsReasons && !input.reasons) ctx.addIssue({ code: 'custom', path: ['reasons'], message: '此类答复应当说明理由' });
    if (input.outcome === 'already_public' && !input.accessPath) ctx.addIssue({ code: 'custom', path: ['accessPath'], message: '请告知获取该政府信息的方式、途径（第三十六条第（一）项）' });
  });
