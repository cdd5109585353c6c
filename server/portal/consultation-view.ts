import { z } from 'zod';
import { ZComment } from '../platform/consultation/rules.ts';

/** Pure helpers of the 征求意见 pages: article labels, the public state, and the comment form's parsing. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 15 → 十五, 21 → 二十一, 105 → 一百零五, 300 → 三百 (article numbers of a draft). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 1000) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let text = hundreds ? `${DIGITS[hundreds]}百` : '';
  if (tens) text += `${hundreds || tens > 1 ? DIGITS[tens] : ''}十`;
  else if (hundreds && ones) text += '零';
  if (ones) text += DIGITS[ones];
  return text;
}

export const articleLabel = (no: number) => `第${chineseNumber(no)}条`;

export type ArticleView = { no: number; label: string; text: string; anchor: string };

/** The article with its label apart; a text that already starts with its own label does not repeat it. */
export function articleView(article: { no: number; text: string }): ArticleView {
  const label = articleLabel(article.no);
  const text = article.text.startsWith(label) ? article.text.slice(label.length).replace(/^[\s　:：]+/, '') : article.text;
  return { no: article.no, label, text, anchor: `article-${article.no}` };
}

/** Lines of staff-written text as paragraphs (escaped by the template). */
export function paragraphs(text: string | null): string[] {
  return (text ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}

export type PublicStateKey = 'open' | 'upcoming' | 'closed' | 'concluded';

export const PUBLIC_STATES: Record<PublicStateKey, string> = {
  open: '正在征求意见',
  upcoming: '即将开始',
  closed: '已截止，意见研究处理中',
  concluded: '已公布采纳情况',
};

/** Where a published consultation stands for the public today. */
export function publicStateOf(c: { state: string; opensOn: string; isAcceptingComments: boolean }, today: string): PublicStateKey {
  if (c.state === 'concluded') return 'concluded';
  if (c.isAcceptingComments) return 'open';
  return today < c.opensOn ? 'upcoming' : 'closed';
}

export type CommentValues = Record<string, string>;
export type FieldError = { field: string; label: string; message: string };

export const COMMENT_LABELS: Record<string, string> = {
  articleNo: '意见针对的条款', content: '意见和建议', authorName: '姓名或名称（选填）', contact: '联系方式（选填）',
};

const MAX_CHARS: Record<string, number> = { content: 5000, authorName: 50, contact: 100 };

/** The posted fields that are text (the portal's form parser gives strings; anything else is dropped). */
export function textValues(body: unknown): CommentValues {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The flat form → the service's comment input, with Chinese messages on the fields. */
export function parseCommentForm(values: CommentValues, articleCount: number): { data: z.output<typeof ZComment> | null; errors: FieldError[] } {
  const text = (key: string) => values[key]?.trim() ?? '';
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, label: COMMENT_LABELS[field], message });
  };
  const articleText = text('articleNo');
  let articleNo: number | null = null;
  if (articleText) {
    articleNo = /^\d{1,3}$/.test(articleText) ? Number(articleText) : 0;
    if (articleNo < 1 || articleNo > articleCount) add('articleNo', '请选择草案全文或其中的一条');
  }
  if (!text('content')) add('content', '请填写意见和建议');
  for (const [field, max] of Object.entries(MAX_CHARS)) {
    if (text(field).length > max) add(field, `不能超过${max}字`);
  }
  const parsed = ZComment.safeParse({ articleNo, content: text('content'), authorName: text('authorName') || undefined, contact: text('contact') || undefined });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'content');
      add(field, issue.message);
    }
  }
  const order = Object.keys(COMMENT_LABELS);
  errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return { data: parsed.success && !errors.length ? parsed.data : null, errors };
}
