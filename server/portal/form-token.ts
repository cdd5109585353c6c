import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';

/**
 * CSRF protection for the public forms without sessions: a random nonce in an HttpOnly, SameSite=Strict
 * cookie, and in the form a token binding that nonce, the form's name and the time it was issued with a
 * keyed digest (HMAC-SM3 under the server's secret). Another site can neither read the cookie nor make the
 * token, and a cross-site POST does not carry a Strict cookie at all. Tokens last two hours; those of a
 * single-use form (a new request) are taken once, so a reloaded result page does not submit twice.
 */
export const FORM_COOKIE = 'fz_form';
const TOKEN_TTL_MS = 2 * 3_600_000;

export type FormTokens = {
  /** The nonce of this browser, set as a cookie when it has none yet. */
  nonceFor(request: FastifyRequest, reply: FastifyReply): string;
  issue(nonce: string, form: string, now?: number): string;
  /** 'ok', or why the token is refused; a single-use form's token is marked used. */
  take(request: FastifyRequest, form: string, token: unknown, options?: { isSingleUse?: boolean; now?: number }): 'ok' | 'missing' | 'expired' | 'used';
};

export function createFormTokens(cipher: FieldCipher): FormTokens {
  const used = new Map<string, number>();
  const secureCookie = process.env.FAZHI_SECURE_COOKIE === '1';
  const mac = (nonce: string, form: string, issuedAt: number) => cipher.blindIndex(`portal-form|${form}|${nonce}|${issuedAt}`);

  const forget = (now: number) => {
    for (const [key, expires] of used) if (expires <= now) used.delete(key);
  };

  return {
    nonceFor(request, reply) {
      const existing = request.cookies[FORM_COOKIE];
      if (existing && /^[A-Za-z0-9_-]{22}$/.test(existing)) return existing;
      const nonce = crypto.randomBytes(16).toString('base64url');
      reply.setCookie(FORM_COOKIE, nonce, { path: '/', httpOnly: true, sameSite: 'strict', secure: secureCookie });
      return nonce;
    },
    issue(nonce, form, now = Date.now()) {
      return `${now}.${mac(nonce, form, now)}`;
    },
    take(request, form, token, options = {}) {
      const now = options.now ?? Date.now();
      const nonce = request.cookies[FORM_COOKIE];
      if (!nonce || typeof token !== 'string') return 'missing';
      const [issued, digest] = token.split('.');
      const issuedAt = Number(issued);
      if (!Number.isSafeInteger(issuedAt) || !digest) return 'missing';
      const expected = Buffer.from(mac(nonce, form, issuedAt));
      const given = Buffer.from(digest);
      if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return 'missing';
      if (issuedAt > now + 60_000 || now - issuedAt > TOKEN_TTL_MS) return 'expired';
      if (!options.isSingleUse) return 'ok';
      forget(now);
      if (used.has(token)) return 'used';
      used.set(token, issuedAt + TOKEN_TTL_MS);
      return 'ok';
    },
  };
}
