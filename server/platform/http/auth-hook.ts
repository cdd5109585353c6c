import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { findLiveSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { loadPrincipal } from '../auth/principal.ts';
import { getSetting } from '../settings/service.ts';
import { SESSION_IDLE_MINUTES } from '../settings/core-settings.ts';
import { cachedByGeneration, refreshGenerations } from '../cache/generations.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../access/scope.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Sliding expiry is written at most once a minute per session, not on every request.
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Resolves the session cookie on every /api request; enforces login, CSRF on writes, and the
 * first-login password change. Routes opt out with `config: { isPublic: true }`. Runs on request, before the
 * body is parsed and validated, so a caller without a session or CSRF token learns nothing from validation errors
 * and costs no parsing: every protected route answers 401 (or 403 CSRF_INVALID) whatever the body.
 */
export function installAuthHook(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const config = request.routeOptions.config;
    await resolveSession(request);
    if (config?.isPublic) return;
    if (!request.auth) throw new AppError('UNAUTHENTICATED', '未登录或会话已失效，请重新登录');
    if (UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== request.auth.csrfToken) {
        throw new AppError('CSRF_INVALID', '请求缺少有效的 CSRF 令牌（X-CSRF-Token），请刷新页面后重试');
      }
    }
    if (request.auth.mustChangePassword && !config?.allowWithPasswordChangePending) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录须先修改初始密码');
    }
  });
}

async function resolveSession(request: FastifyRequest): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const { db } = request.server.platform;
  const now = new Date();
  // The session row is read every time (logout, expiry and revocation take effect at once); the account behind
  // it comes from the cache while accounts and roles are unchanged.
  const session = await findLiveSession(db, token, now);
  if (!session) return;
  if (session.isExpired) {
    if (!request.routeOptions.config?.isPublic) throw new AppError('SESSION_EXPIRED', '会话已过期，请重新登录');
    return;
  }
  await refreshGenerations(db);
  const account = await cachedByGeneration(db, 'accounts', `user:${session.userId}`, () => loadAccount(db, session.userId));
  if (!account) return;
  request.auth = {
    principal: account.principal,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    mustChangePassword: account.mustChangePassword,
  };
  if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS) await touchSession(request, session.id, now);
}

/** An enabled user's principal and whether the first-login password change is pending; null when disabled. */
async function loadAccount(db: Db, userId: number): Promise<{ principal: Principal; mustChangePassword: boolean } | null> {
  const user = await db.selectFrom('app_user').select(['is_enabled', 'must_change_password']).where('id', '=', userId).executeTakeFirst();
  if (!user || !user.is_enabled) return null;
  const principal = await loadPrincipal(db, userId);
  return principal && { principal, mustChangePassword: user.must_change_password === 1 };
}

async function touchSession(request: FastifyRequest, sessionId: string, now: Date): Promise<void> {
  const { db } = request.server.platform;
  const idleMinutes = await getSetting(db, SESSION_IDLE_MINUTES);
  const threshold = new Date(now.getTime() - TOUCH_INTERVAL_MS).toISOString();
  await db
    .updateTable('session')
    .set({ last_seen_at: now.toISOString(), expires_at: new Date(now.getTime() + idleMinutes * 60_000).toISOString() })
    .where('id', '=', sessionId)
    .where('last_seen_at', '<', threshold)
    .execute();
}
