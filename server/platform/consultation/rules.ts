import { z } from 'zod';
import type { Calendar } from '../calendar/calendar.ts';
import { toDayNumber } from '../calendar/dates.ts';
import { describeLimit, dueDate, days, workingDays, type PeriodLimit } from '../calendar/deadline.ts';

/**
 * How long a draft must stay open for comment, by what it is. The rules say 一般不少于 (generally at least):
 * a shorter period is allowed only with a stated reason, which is published with the draft.
 */
export const COMMENT_PERIOD_NORMS: Record<string, { limit: PeriodLimit; basis: string }> = {
  major_decision: { limit: days(30), basis: '重大行政决策程序暂行条例第十五条（一般不少于30日）' },
  market_related: { limit: days(30), basis: '优化营商环境条例第六十二条（一般不少于30日）' },
  normative_document: { limit: workingDays(7), basis: '国办发〔2018〕37号（一般不少于7个工作日）' },
  other: { limit: workingDays(7), basis: '本地规定' },
};

export type SubjectKind = keyof typeof COMMENT_PERIOD_NORMS;

export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = {
  major_decision: '重大行政决策',
  market_related: '涉及市场主体的政策措施',
  normative_document: '规范性文件',
  other: '其他',
};

/** Each kind with its norm and, for a start date, the earliest close date that meets it (null when the calendar lacks the year). */
export function periodNorms(calendar: Calendar, opensOn: string) {
  return Object.entries(COMMENT_PERIOD_NORMS).map(([key, norm]) => {
    let earliestClose: string | null = null;
    try {
      earliestClose = dueDate(calendar, opensOn, norm.limit);
    } catch {
      earliestClose = null;
    }
    return { key, label: SUBJECT_KIND_LABELS[key] ?? key, basis: norm.basis, limit: describeLimit(norm.limit), earliestClose };
  });
}

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const ZConsultationInput = z
  .object({
    orgId: z.number().int().positive(),
    title: z.string().trim().min(1, '请填写草案名称').max(200),
    description: z.string().trim().min(1, '请填写起草说明').max(10000),
    articles: z.array(z.string().trim().min(1).max(5000)).min(1, '草案至少一条').max(300),
    subjectKind: z.enum(Object.keys(COMMENT_PERIOD_NORMS) as [SubjectKind, ...SubjectKind[]]).default('other'),
    opensOn: ZDate,
    closesOn: ZDate,
    shortPeriodReason: z.string().trim().max(1000).optional(),
  })
  .refine((c) => c.closesOn >= c.opensOn, { path: ['closesOn'], message: '截止日期不能早于开始日期' });

export type ConsultationInput = z.output<typeof ZConsultationInput>;

/** The period's last day must reach the norm unless a reason is given (the start day itself is not counted). */
export function periodProblem(calendar: Calendar, input: Pick<ConsultationInput, 'subjectKind' | 'opensOn' | 'closesOn' | 'shortPeriodReason'>): string | null {
  const norm = COMMENT_PERIOD_NORMS[input.subjectKind];
  const earliestClose = dueDate(calendar, input.opensOn, norm.limit);
  if (toDayNumber(input.closesOn) >= toDayNumber(earliestClose) || input.shortPeriodReason) return null;
  return `征求意见期限短于${describeLimit(norm.limit)}（${norm.basis}），应至少到 ${earliestClose}，或说明缩短的理由`;
}

export const ZComment = z.object({
  articleNo: z.number().int().positive().nullable().default(null),
  authorName: z.string().trim().max(50).optional(),
  contact: z.string().trim().max(100).optional(),
  content: z.string().trim().min(5, '意见内容至少 5 个字').max(5000, '意见内容不能超过 5000 字'),
});

export const DECISIONS = { adopted: '采纳', partial: '部分采纳', rejected: '不采纳' } as const;

export const ZDecision = z
  .object({ decision: z.enum(['adopted', 'partial', 'rejected']), reason: z.string().trim().max(2000).default('') })
  .refine((d) => d.decision === 'adopted' || d.reason.length > 0, { path: ['reason'], message: '部分采纳或不采纳应当说明理由' });
