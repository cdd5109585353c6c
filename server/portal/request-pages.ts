import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '../platform/errors.ts';
import { findStoredFile } from '../platform/files/store.ts';
import { sendStoredFile } from '../platform/files/routes.ts';
import { APPLICANT_TYPES } from '../procedures/disclosure/outcomes.ts';
import { lookupPublicRequest, publicRequestDocument, submitPublicRequest } from '../procedures/disclosure/public-requests.ts';
import { ZPublicRequest } from '../procedures/disclosure/schemas.ts';
import { acceptingOrgs } from './public-queries.ts';
import { frameFor, type PortalState } from './state.ts';
import { render, sendHtml } from './view.ts';

/**
 * 依申请公开 on the portal: the request form (→ 查询码), the lookup by 查询码 and the answer download.
 * Every POST carries a form token (form-token.ts), is length-limited and rate-limited per IP.
 */
type Values = Record<string, string>;
type FieldError = { field: string; label: string; message: string };

const LABELS: Record<string, string> = {
  orgId: '受理机关', applicantType: '申请人类型', name: '姓名或名称', idNumber: '身份证件号码', phone: '联系电话', email: '电子邮箱',
  address: '通信地址', legalRepresentative: '法定代表人或负责人', description: '所需信息的名称、文号或特征描述', purpose: '申请用途（选填）',
  form: '信息的载体形式', delivery: '获取信息的方式', code: '查询码',
};

const FORMS = [{ value: 'electronic', label: '电子文本' }, { value: 'paper', label: '纸质文本' }];
const DELIVERIES = [{ value: 'online', label: '网上获取（凭查询码下载）' }, { value: 'email', label: '电子邮件' }, { value: 'post', label: '邮寄' }, { value: 'pickup', label: '当面领取' }];

const REQUEST_FORM = 'disclosure-request';
const LOOKUP_FORM = 'disclosure-lookup';

const ZLookup = z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z2-9]{12}$/, '查询码为12位字母和数字') });
const ZDownload = ZLookup.extend({ documentId: z.coerce.number().int().positive() });

const text = (values: Values, key: string) => values[key]?.trim() ?? '';
const optional = (values: Values, key: string) => text(values, key) || undefined;

/** The form's flat fields → the procedure's input, with the portal's own requirements (第二十九条). */
export function parseRequestForm(values: Values): { data: z.output<typeof ZPublicRequest> | null; errors: FieldError[] } {
  const type = text(values, 'applicantType') || 'natural_person';
  const input = {
    orgId: Number(text(values, 'orgId')) || 0,
    applicant: {
      type, kind: type === 'natural_person' ? 'person' : 'organization',
      name: text(values, 'name'), idNumber: optional(values, 'idNumber'), phone: optional(values, 'phone'), email: optional(values, 'email'),
      address: optional(values, 'address'), legalRepresentative: optional(values, 'legalRepresentative'),
    },
    description: text(values, 'description'), purpose: optional(values, 'purpose'),
    form: text(values, 'form') || undefined, delivery: text(values, 'delivery') || undefined,
  };
  const parsed = ZPublicRequest.safeParse(input);
  const errors: FieldError[] = parsed.success ? [] : parsed.error.issues.map((issue) => {
    const [head, second] = issue.path.map(String);
    const field = head === 'applicant' ? (second === 'type' ? 'applicantType' : second === 'kind' ? 'applicantType' : second) : head;
    return { field, label: LABELS[field] ?? field, message: issue.message };
  });
  const required = (field: string, message: string) => {
    if (!text(values, field) && !errors.some((e) => e.field === field)) errors.push({ field, label: LABELS[field], message });
  };
  required('idNumber', '请填写身份证明号码（居民身份证号码或统一社会信用代码）');
  required('phone', '请填写联系电话');
  if (text(values, 'delivery') === 'email') required('email', '选择电子邮件方式的，请填写电子邮箱');
  if (text(values, 'delivery') === 'post') required('address', '选择邮寄方式的，请填写通信地址');
  const order = Object.keys(LABELS);
  errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return { data: parsed.success && !errors.length ? parsed.data : null, errors };
}

function field(values: Values, errors: Map<string, string>, name: string, maxlength: number, extra: Record<string, unknown> = {}) {
  return { name, label: LABELS[name], value: values[name] ?? '', maxlength, error: errors.get(name) ?? null, ...extra };
}

export function registerRequestPages(app: FastifyInstance, state: PortalState): void {
  const { platform, tokens } = state;

  const formPage = async (request: FastifyRequest, reply: FastifyReply, values: Values, errors: FieldError[], status = 200) => {
    const byField = new Map(errors.map((e) => [e.field, e.message]));
    const html = render('request-form', await frameFor(state, request, '依申请公开', 'request'), {
      token: tokens.issue(tokens.nonceFor(request, reply), REQUEST_FORM),
      values, errors, fieldErrors: Object.fromEntries(byField), orgs: await acceptingOrgs(platform.db),
      applicantTypes: Object.entries(APPLICANT_TYPES).map(([value, label]) => ({ value, label })),
      applicantFields: [
        field(values, byField, 'name', 100, { isRequired: true, autocomplete: 'name' }),
        field(values, byField, 'idNumber', 30, { isRequired: true, hint: '自然人填写居民身份证号码，法人或其他组织填写统一社会信用代码' }),
        field(values, byField, 'phone', 20, { isRequired: true, type: 'tel', autocomplete: 'tel' }),
        field(values, byField, 'email', 100, { type: 'email', autocomplete: 'email' }),
        field(values, byField, 'address', 200, { autocomplete: 'street-address' }),
        field(values, byField, 'legalRepresentative', 50, { hint: '法人或其他组织填写' }),
      ],
      requestFields: [
        field(values, byField, 'description', 2000, { isRequired: true, isTextarea: true, hint: '如文件名称、文号，或便于行政机关查询的其他特征性描述（不超过2000字）' }),
        field(values, byField, 'purpose', 500, { isTextarea: true }),
      ],
      formChoice: { name: 'form', legend: LABELS.form, options: FORMS, value: values.form ?? 'electronic', error: byField.get('form') ?? null },
      deliveryChoice: { name: 'delivery', legend: LABELS.delivery, options: DELIVERIES, value: values.delivery ?? 'online', error: byField.get('delivery') ?? null },
    });
    return sendHtml(reply, html, status, true);
  };

  const lookupPage = async (request: FastifyRequest, reply: FastifyReply, values: Values, errors: FieldError[], status = 200) => {
    const byField = new Map(errors.map((e) => [e.field, e.message]));
    const html = render('request-lookup', await frameFor(state, request, '申请查询', 'lookup'), {
      token: tokens.issue(tokens.nonceFor(request, reply), LOOKUP_FORM), errors,
      codeField: field(values, byField, 'code', 12, { isRequired: true, autocomplete: 'off' }),
    });
    return sendHtml(reply, html, status, true);
  };

  const expired = (field: string): FieldError[] => [{ field, label: '表单', message: '页面已过期或来源不明，请重新提交' }];

  app.get('/ysqgk', async (request, reply) => formPage(request, reply, {}, []));

  app.post('/ysqgk', { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const values = (request.body ?? {}) as Values;
    const check = tokens.take(request, REQUEST_FORM, values._token, { isSingleUse: true });
    if (check === 'used') return formPage(request, reply, {}, [{ field: 'orgId', label: '表单', message: '该申请已提交，请勿重复提交；如需再次申请请重新填写' }], 409);
    if (check !== 'ok') return formPage(request, reply, values, expired('orgId'), 403);
    const { data, errors } = parseRequestForm(values);
    if (!data) return formPage(request, reply, values, errors, 400);
    try {
      const result = await submitPublicRequest(platform, data, request.ip ?? null);
      const html = render('request-done', await frameFor(state, request, '申请已提交', 'request'), result);
      return sendHtml(reply, html, 200, true);
    } catch (error) {
      if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
        const fields = error.fields?.map((f) => ({ field: f.path, label: LABELS[f.path] ?? '申请', message: f.message })) ?? [];
        return formPage(request, reply, values, fields.length ? fields : [{ field: 'orgId', label: '申请', message: error.message }], 400);
      }
      throw error;
    }
  });

  app.get('/ysqgk/query', async (request, reply) => lookupPage(request, reply, {}, []));

  app.post('/ysqgk/query', { config: { rateLimit: { max: 20, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const values = (request.body ?? {}) as Values;
    if (tokens.take(request, LOOKUP_FORM, values._token) !== 'ok') return lookupPage(request, reply, values, expired('code'), 403);
    const parsed = ZLookup.safeParse(values);
    if (!parsed.success) return lookupPage(request, reply, values, [{ field: 'code', label: LABELS.code, message: parsed.error.issues[0].message }], 400);
    const status = await lookupPublicRequest(platform, parsed.data.code);
    if (!status) return lookupPage(request, reply, values, [{ field: 'code', label: LABELS.code, message: '查询码不正确，或没有对应的申请' }], 404);
    const html = render('request-status', await frameFor(state, request, '申请办理情况', 'lookup'), {
      status, code: parsed.data.code, token: tokens.issue(tokens.nonceFor(request, reply), LOOKUP_FORM),
    });
    return sendHtml(reply, html, 200, true);
  });

  app.post('/ysqgk/download', { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const values = (request.body ?? {}) as Values;
    if (tokens.take(request, LOOKUP_FORM, values._token) !== 'ok') return lookupPage(request, reply, {}, expired('code'), 403);
    const parsed = ZDownload.safeParse(values);
    const document = parsed.success ? await publicRequestDocument(platform, parsed.data.code, parsed.data.documentId) : null;
    const file = document && (await findStoredFile(platform.db, document.fileId));
    if (!parsed.success || !document || !file) throw notFound('文书');
    return sendStoredFile(request, reply, platform, file, { action: 'disclosure.public.download', targetType: 'document', targetId: parsed.data.documentId });
  });
}
