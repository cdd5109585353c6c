import { z } from 'zod';

/**
 * The narrative of a report. Staff write text; a figure is never typed but referenced as {{indicator.id}}
 * (or {{indicator.id:approx}} for "300余次"), and resolved from the records when the report is shown,
 * frozen when it is signed. Paragraphs are separated by line breaks; headings are numbered when rendered
 * (一、 / （一）), so nobody types or renumbers them.
 */
const ZText = (max: number) => z.string().max(max, `不能超过 ${max} 字`);

export const ZSubsection = z.object({
  title: z.string().trim().min(1, '请填写小标题').max(100, '小标题不能超过 100 字'),
  body: ZText(20000),
});

export const ZPart = z.object({
  key: z.string().max(40),
  title: z.string().trim().min(1, '请填写标题').max(100, '标题不能超过 100 字'),
  body: ZText(20000),
  subsections: z.array(ZSubsection).max(20, '小节不能超过 20 个'),
});

export const ZReportContent = z.object({
  title: z.string().trim().min(1, '请填写报告标题').max(100, '标题不能超过 100 字'),
  /** 主送机关, e.g. 中共大竹县委、县人大常委会. */
  recipient: z.string().trim().max(100).default(''),
  preamble: ZText(5000),
  parts: z.array(ZPart).min(1).max(10),
});

export type ReportContent = z.infer<typeof ZReportContent>;
export type ReportPart = z.infer<typeof ZPart>;

/** The five contents a report must carry (法治政府建设与责任落实督察工作规定; DOMAIN.md §9). */
export type PartKey = 'measures' | 'shortcomings' | 'duties' | 'plans' | 'other';

export const REQUIRED_PARTS: { key: PartKey; isRequired: boolean; title: (year: number) => string }[] = [
  { key: 'measures', isRequired: true, title: (year) => `${year}年度推进法治政府建设主要举措和成效` },
  { key: 'shortcomings', isRequired: true, title: () => '存在的不足和原因' },
  { key: 'duties', isRequired: true, title: () => '党政主要负责人履行推进法治建设第一责任人职责情况' },
  { key: 'plans', isRequired: true, title: (year) => `${year + 1}年度推进法治政府建设的主要安排` },
  { key: 'other', isRequired: false, title: () => '其他需要报告的情况' },
];

/** Paragraphs of a body: one per non-empty line. */
export function paragraphsOf(body: string): string[] {
  return body.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}

/** Problems that stop a report from going to review, in Chinese: a required content left empty. */
export function contentProblems(content: ReportContent): string[] {
  const problems: string[] = [];
  for (const required of REQUIRED_PARTS.filter((p) => p.isRequired)) {
    const part = content.parts.find((p) => p.key === required.key);
    const isEmpty = !part || (!paragraphsOf(part.body).length && part.subsections.every((s) => !paragraphsOf(s.body).length));
    if (isEmpty) problems.push(`“${part?.title ?? required.title(0)}”部分尚未填写`);
  }
  return problems;
}
