import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * Refuses a NUL character (U+0000) anywhere in a request's path parameters, query or parsed body. PostgreSQL
 * text cannot hold it (the insert fails, answering 500) while SQLite would store it, so the two backends would
 * disagree; no form field of the platform has a use for it. Runs before validation, for the API and the portal.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [['params', request.params], ['query', request.query], ['body', request.body]] as const) {
      const path = findNul(value, [part], 0);
      if (path) {
        const field = path.join('.');
        throw new AppError('VALIDATION_FAILED', `输入有误：${field} 不能包含空字符`, { fields: [{ path: field, message: '不能包含空字符' }] });
      }
    }
  });
}

/** The path to the first string (or key) holding U+0000; nesting beyond 64 levels is left to validation. */
function findNul(value: unknown, path: string[], depth: number): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null || depth > 64 || Buffer.isBuffer(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key.replaceAll('\u0000', '\\u0000')];
    const found = findNul(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
