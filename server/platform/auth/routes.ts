import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { allPermissions } from '../access/scope.ts';
import { inTransaction, nowIso } from '../context.ts';
import { actorOf } from '../http/request-context.ts';
import { principalOf } from '../http/guards.ts';
import { login, logout } from './login.ts';
import { hashPassword, passwordPolicyError, verifyPassword } from './password.ts';
import { SESSION_COOKIE } from './sessions.ts';

const ZLogin = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

const ZPasswordChange = z.object({
  oldPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secureCookie = process.env.FAZHI_SECURE_COOKIE === '1';

  r.post('/api/auth/login', {
    schema: { tags: ['认证'], summary: '登录', body: ZLogin },
    config: { isPublic: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const result = await login(app.platform, {
      username: request.body.username,
      password: request.body.password,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    });
    reply.setCookie(SESSION_COOKIE, result.token, { path: '/', httpOnly: true, sameSite: 'strict', secure: secureCookie });
    return { csrfToken: result.csrfToken, mustChangePassword: result.mustChangePassword, ...(await meOf(app, result.userId)) };
  });

  r.post('/api/auth/logout', {
    schema: { tags: ['认证'], summary: '退出登录' },
    config: { allowWithPasswordChangePending: true },
  }, async (request, reply) => {
    await logout(app.platform, request.auth!.sessionId, actorOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/api/auth/me', {
    schema: { tags: ['认证'], summary: '当前用户、权限与 CSRF 令牌' },
    config: { allowWithPasswordChangePending: true },
  }, async (request) => {
    const auth = request.auth!;
    return { csrfToken: auth.csrfToken, mustChangePassword: auth.mustChangePassword, ...(await meOf(app, auth.principal.userId)) };
  });

  r.post('/api/auth/password', {
    schema: { tags: ['认证'], summary: '修改本人密码', body: ZPasswordChange },
    config: { allowWithPasswordChangePending: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (request) => {
    const principal = principalOf(request);
    const { oldPassword, newPassword } = request.body;
    const policy = passwordPolicyError(newPassword);
    if (policy) throw new AppError('VALIDATION_FAILED', policy, { fields: [{ path: 'newPassword', message: policy }] });
    if (newPassword === oldPassword) {
      throw new AppError('VALIDATION_FAILED', '新密码不能与原密码相同', { fields: [{ path: 'newPassword', message: '新密码不能与原密码相同' }] });
    }
    const user = await app.platform.db.selectFrom('app_user').select('password_hash').where('id', '=', principal.userId).executeTakeFirstOrThrow();
    if (!(await verifyPassword(oldPassword, user.password_hash))) {
      throw new AppError('VALIDATION_FAILED', '原密码不正确', { fields: [{ path: 'oldPassword', message: '原密码不正确' }] });
    }
    const hash = await hashPassword(newPassword);
    await inTransaction(app.platform, async (trx) => {
      const at = nowIso();
      await trx
        .updateTable('app_user')
        .set({ password_hash: hash, must_change_password: 0, password_changed_at: at, updated_at: at })
        .where('id', '=', principal.userId)
        .execute();
      // Other sessions of this user end: a changed password must lock out whoever else held it.
      await trx
        .updateTable('session')
        .set({ revoked_at: at })
        .where('user_id', '=', principal.userId)
        .where('id', '!=', request.auth!.sessionId)
        .where('revoked_at', 'is', null)
        .execute();
      await appendAudit(trx, app.platform.dialect, actorOf(request), {
        action: 'auth.password.change', targetType: 'user', targetId: principal.userId,
      });
    });
    return { ok: true };
  });
}

async function meOf(app: FastifyInstance, userId: number) {
  const { db } = app.platform;
  const user = await db.selectFrom('app_user').select(['id', 'username', 'display_name']).where('id', '=', userId).executeTakeFirstOrThrow();
  const orgs = await db
    .selectFrom('user_org')
    .innerJoin('organization', 'organization.id', 'user_org.org_id')
    .select(['organization.id', 'organization.name'])
    .where('user_org.user_id', '=', userId)
    .execute();
  const roles = await db
    .selectFrom('user_role')
    .innerJoin('role', 'role.id', 'user_role.role_id')
    .select(['role.id', 'role.key', 'role.name', 'role.permissions', 'role.data_scope', 'role.scope_org_ids'])
    .where('user_role.user_id', '=', userId)
    .execute();
  const permissions = allPermissions({
    userId, username: user.username, displayName: user.display_name, orgIds: [],
    grants: roles.map((r) => ({ permissions: JSON.parse(r.permissions), dataScope: 'self', scopeOrgIds: [] })),
  });
  return {
    user: { id: user.id, username: user.username, displayName: user.display_name, orgs },
    roles: roles.map((r) => ({ id: r.id, key: r.key, name: r.name, dataScope: r.data_scope })),
    permissions,
  };
}
