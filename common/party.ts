import { z } from 'zod';
import { isValidCreditCode, isValidMobile, isValidResidentId } from './validators.ts';

/**
 * A party to a procedure (申请人, 第三人, 原告 …): a natural person with a 居民身份证号 or an organisation
 * with a 统一社会信用代码. `idNumber` and `phone` are encrypted at rest by the engine (personal data).
 */
export const ZParty = z
  .object({
    kind: z.enum(['person', 'organization']),
    name: z.string().trim().min(1, '请填写姓名或名称').max(100),
    idNumber: z.string().trim().toUpperCase().max(30).optional(),
    phone: z.string().trim().max(20).optional(),
    address: z.string().trim().max(200).optional(),
    legalRepresentative: z.string().trim().max(50).optional(),
  })
  .superRefine((party, ctx) => {
    if (party.idNumber) {
      const isValid = party.kind === 'person' ? isValidResidentId(party.idNumber) : isValidCreditCode(party.idNumber);
      if (!isValid) {
        ctx.addIssue({
          code: 'custom', path: ['idNumber'],
          message: party.kind === 'person' ? '居民身份证号码校验位不正确（GB 11643）' : '统一社会信用代码校验位不正确（GB 32100）',
        });
      }
    }
    if (party.phone && !isValidMobile(party.phone) && !/^0\d{2,3}-?\d{7,8}$/.test(party.phone)) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: '电话号码格式不正确' });
    }
  });

export type Party = z.infer<typeof ZParty>;

export const ZLegalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
