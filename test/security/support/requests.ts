import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { HttpMethod } from './routes.ts';
import type { RawBody } from './hostile.ts';
import { changedTables, type Fingerprint, type FingerprintReader } from './fingerprint.ts';
import { CHINESE } from './hostile.ts';

/** Session headers of a logged-in user (cookie and CSRF token), or none for anonymous. */
export type Credentials = { cookie?: string; csrf?: string; ip?: string };

export async function credentialsOf(app: FastifyInstance, username: string, password: string): Promise<Credentials> {
  const answer = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (answer.statusCode !== 200) throw new Error(`login as ${username}: ${answer.statusCode} ${answer.body}`);
  const cookie = answer.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, csrf: answer.json<{ csrfToken: string }>().csrfToken };
}

export type Body = { json: unknown } | { raw: RawBody } | undefined;

/** Sends one request as `who`; a JSON body is serialised here so any value (a bare string, null) goes as JSON. */
export function send(app: FastifyInstance, who: Credentials, method: HttpMethod, url: string, body: Body): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (who.cookie) headers.cookie = who.cookie;
  if (who.csrf) headers['x-csrf-token'] = who.csrf;
  const remoteAddress = who.ip ?? '127.0.0.1';
  if (body === undefined) return app.inject({ method, url, headers, remoteAddress });
  if ('raw' in body) {
    headers['content-type'] = body.raw.contentType;
    return app.inject({ method, url, headers, remoteAddress, payload: body.raw.payload });
  }
  headers['content-type'] = 'application/json';
  return app.inject({ method, url, headers, remoteAddress, payload: JSON.stringify(body.json) ?? 'null' });
}

/** A refusal in the platform's shape: a stable upper-case code and a message in Chinese. */
export function expectChineseRefusal(response: LightMyRequestResponse, context: string): void {
  const type = String(response.headers['content-type'] ?? '');
  expect(type, context).toContain('application/json');
  const body = response.json<{ code?: unknown; message?: unknown }>();
  expect(body.code, context).toMatch(/^[A-Z_]+$/);
  expect(String(body.message), context).toMatch(CHINESE);
}

/** Audit actions a refusal may leave behind: the record of the refusal itself (DESIGN: refusals that must be remembered). */
const REFUSAL_RECORDS = new Set(['access.denied', 'auth.login.failed', 'auth.login.locked']);
/** Tables those refusal records touch. */
const REFUSAL_TABLES = new Set(['audit_log', 'audit_head', 'login_log', 'app_user']);

/** Asserts that nothing but refusal records changed between the two fingerprints. */
export async function expectNothingWritten(reader: FingerprintReader, before: Fingerprint, seq: number, context: string): Promise<void> {
  const after = await reader.read();
  const changed = changedTables(before, after);
  if (changed.length === 0) return;
  const appended = await reader.auditSince(seq);
  const isRefusalOnly = appended.length > 0 && appended.every((a) => REFUSAL_RECORDS.has(a.action))
    && changed.every((c) => REFUSAL_TABLES.has(c.split(':')[0]));
  expect(isRefusalOnly, `${context}\nwritten: ${changed.join('; ')}; audit: ${appended.map((a) => a.action).join(', ')}`).toBe(true);
}

/** A write that succeeded must be whole and on the record: if any table changed, an audit record was appended. */
export async function expectAuditedIfWritten(reader: FingerprintReader, before: Fingerprint, seq: number, context: string): Promise<void> {
  const changed = changedTables(before, await reader.read());
  if (changed.length === 0) return;
  const appended = await reader.auditSince(seq);
  expect(appended.length, `${context}\nwritten without an audit record: ${changed.join('; ')}`).toBeGreaterThan(0);
}
