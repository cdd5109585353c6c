import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listConsultations, publicConsultation } from '../platform/consultation/queries.ts';
import { submitPublicComment } from '../platform/consultation/service.ts';
import { todayInChina } from '../platform/engine/plan.ts';
import { AppError, notFound } from '../platform/errors.ts';
import {
  articleLabel, articleView, COMMENT_LABELS, paragraphs, parseCommentForm, PUBLIC_STATES, publicStateOf,
  textValues, type CommentValues, type FieldError,
} from './consultation-view.ts';
import { cachedPage, frameFor, type PortalState } from './state.ts';
import { pagerOf, render, sendHtml } from './view.ts';

/**
 * 征求意见 on the portal: the list (open ones first), a draft with its numbered articles and the comment
 * form (whole text or one article; name and contact optional), the receipt, and after conclusion the
 * 采纳情况说明 with each comment's handling — never the commenters' names or contacts. The form posts
 * with a single-use token (form-token.ts), is length-limited and rate-limited per IP.
 */
const PAGE_SIZE = 20;
const ZPage = z.coerce.number().int().min(1).max(10_000).catch(1);
const ZList = z.object({ page: ZPage });
const ZParams = z.object({ id: z.coerce.number().int().positive() });
const ZArticle = z.object({ article: z.coerce.number().int().positive().max(999).optional().catch(undefined) });

type Consultation = NonNullable<Awaited<ReturnType<typeof publicConsultation>>>;

const formName = (id: number) => `consultation-comment:${id}`;
export const consultationHref = (id: number) => `/zqyj/${id}`;

/** China wall-clock time of an instant, to the minute. */
const chinaTime = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export function registerConsultationPages(app: FastifyInstance, state: PortalState): void {
  const { platform, tokens } = state;

  app.get('/zqyj', async (request, reply) => {
    const { page: pageNo } = ZList.parse(request.query);
    const page = await cachedPage(state, request, async () => {
      const today = todayInChina();
      const list = await listConsultations(platform.db, null, { page: pageNo, pageSize: PAGE_SIZE }, true);
      const items = list.items.map((c) => {
        const key = publicStateOf(c, today);
        return { href: consultationHref(c.id), title: c.title, orgName: c.orgName ?? '', opensOn: c.opensOn, closesOn: c.closesOn, stateKey: key, stateLabel: PUBLIC_STATES[key] };
      });
      return {
        html: render('consultation-list', await frameFor(state, request, '征求意见', 'consultation'), {
          items, total: list.total, page: pageNo, pager: pagerOf(pageNo, list.total, PAGE_SIZE, (p) => (p > 1 ? `/zqyj?page=${p}` : '/zqyj')),
        }),
      };
    });
    return sendHtml(reply, page.html);
  });

  const load = async (request: FastifyRequest): Promise<Consultation> => {
    const params = ZParams.safeParse(request.params);
    const consultation = params.success ? await publicConsultation(platform.db, params.data.id) : null;
    if (!consultation) throw notFound('征求意见');
    return consultation;
  };

  const consultationPage = async (request: FastifyRequest, reply: FastifyReply, c: Consultation, values: CommentValues, errors: FieldError[], status = 200) => {
    const stateKey = publicStateOf(c, todayInChina());
    const articles = c.articles.map(articleView);
    const byField = new Map(errors.map((e) => [e.field, e.message]));
    const field = (name: string, maxlength: number, extra: Record<string, unknown> = {}) =>
      ({ name, label: COMMENT_LABELS[name], value: values[name] ?? '', maxlength, error: byField.get(name) ?? null, ...extra });
    const form = stateKey === 'open'
      ? {
        token: tokens.issue(tokens.nonceFor(request, reply), formName(c.id)),
        action: `${consultationHref(c.id)}#comment`,
        articleNo: values.articleNo ?? '',
        articleError: byField.get('articleNo') ?? null,
        articleOptions: articles.map((a) => ({ value: String(a.no), label: `${a.label}　${a.text.length > 24 ? `${a.text.slice(0, 24)}…` : a.text}` })),
        fields: [
          field('content', 5000, { isRequired: true, isTextarea: true, hint: '请写明具体意见和理由，不超过5000字' }),
          field('authorName', 50, { autocomplete: 'name' }),
          field('contact', 100, { hint: '电话或电子邮箱，仅供起草单位联系核实，不予公开' }),
        ],
      }
      : null;
    const html = render('consultation', await frameFor(state, request, c.title, 'consultation'), {
      c, stateKey, stateLabel: PUBLIC_STATES[stateKey], articles, description: paragraphs(c.description), summary: paragraphs(c.summary),
      handling: c.handling.map((h, i) => ({ ...h, index: i + 1, target: h.articleNo ? articleLabel(h.articleNo) : '全文', content: paragraphs(h.content) })),
      form, errors, hasAnchors: stateKey === 'open',
    });
    return sendHtml(reply, html, status, true);
  };

  app.get('/zqyj/:id', async (request, reply) => {
    const c = await load(request);
    const { article } = ZArticle.parse(request.query);
    const values: CommentValues = article && c.articles.some((a) => a.no === article) ? { articleNo: String(article) } : {};
    return consultationPage(request, reply, c, values, []);
  });

  app.post('/zqyj/:id', { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const c = await load(request);
    const values = textValues(request.body);
    const check = tokens.take(request, formName(c.id), values._token, { isSingleUse: true });
    if (check === 'used') return consultationPage(request, reply, c, {}, [{ field: 'content', label: '表单', message: '该意见已提交，请勿重复提交；如有其他意见请重新填写' }], 409);
    if (check !== 'ok') return consultationPage(request, reply, c, values, [{ field: 'content', label: '表单', message: '页面已过期或来源不明，请重新提交' }], 403);
    const { data, errors } = parseCommentForm(values, c.articles.length);
    if (!data) return consultationPage(request, reply, c, values, errors, 400);
    try {
      const commentId = await submitPublicComment(platform, c.id, data, request.ip ?? null);
      const html = render('consultation-done', await frameFor(state, request, '意见已提交', 'consultation'), {
        c, receiptNo: `YJ${String(commentId).padStart(8, '0')}`, submittedAt: chinaTime(new Date()),
        target: data.articleNo ? articleLabel(data.articleNo) : '草案全文', content: paragraphs(data.content), href: consultationHref(c.id),
      });
      return sendHtml(reply, html, 200, true);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'TRANSITION_NOT_ALLOWED') {
        return consultationPage(request, reply, await load(request), values, [{ field: 'content', label: '征求意见期限', message: error.message }], 409);
      }
      if (error.code === 'VALIDATION_FAILED') {
        const fields = error.fields?.map((f) => ({ field: f.path, label: COMMENT_LABELS[f.path] ?? '意见', message: f.message })) ?? [];
        return consultationPage(request, reply, c, values, fields.length ? fields : [{ field: 'content', label: '意见', message: error.message }], 400);
      }
      throw error;
    }
  });
}
