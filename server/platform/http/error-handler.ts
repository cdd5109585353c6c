import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, type FieldError } from '../errors.ts';

/** Turns every failure into {code, message, fields?} with a Chinese message and the status from ERROR_STATUS. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({ code: error.code, message: error.message, fields: error.fields, ...error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldError[] = error.validation.map((v) => ({
        path: [error.validationContext, ...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : [])].join('.'),
        message: v.message ?? '格式不正确',
      }));
      return reply.status(400).send({ code: 'VALIDATION_FAILED', message: `输入有误：${describe(fields)}`, fields });
    }
    if (error instanceof ZodError) {
      const fields = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return reply.status(400).send({ code: 'VALIDATION_FAILED', message: `输入有误：${describe(fields)}`, fields });
    }
    const refused = databaseRefusal(error);
    if (refused) return reply.status(400).send({ code: 'VALIDATION_FAILED', message: refused });
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 429) return reply.status(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    if (status === 413) return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' });
    if (status === 415) return reply.status(415).send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' });
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ code: 'BAD_REQUEST', message: '请求格式不正确' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后再试或联系管理员' });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` });
  });
}

/**
 * Fastify's own refusals before routing (a path segment over maxParamLength, malformed percent-encoding) bypass
 * the error handler and answer in English; pass this as the `frameworkErrors` option to keep the one shape.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const isTooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const message = isTooLong ? '请求地址过长' : '请求地址格式不正确';
  // No hook runs for these answers, helmet's included: send its essentials, strictest form, by hand.
  reply.headers({
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  });
  if (!request.url.startsWith('/api/')) {
    reply.status(isTooLong ? 414 : 400).type('text/plain; charset=utf-8').send(message);
    return;
  }
  reply.status(isTooLong ? 414 : 400).send({ code: 'BAD_REQUEST', message });
}

/**
 * PostgreSQL refusing a value the input carried (a number beyond its 32-bit integer columns, a character
 * its text cannot hold) is bad input, not a server fault; SQLite takes such values and answers 404 or stores them.
 * The statement failed inside its transaction, so nothing was written.
 */
const DATABASE_INPUT_ERRORS: Record<string, string> = {
  '22003': '输入的数值超出允许范围',
  '22021': '输入包含不允许的字符',
  '22P05': '输入包含不允许的字符',
};

export function databaseRefusal(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('severity' in error)) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? (DATABASE_INPUT_ERRORS[code] ?? null) : null;
}

function describe(fields: FieldError[]): string {
  return fields.slice(0, 5).map((f) => `${f.path || '请求'} ${f.message}`).join('；');
}
