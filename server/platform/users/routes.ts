import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { inTransaction, nowIso } from '../context.ts';
import { actorOf } from '../http/request-context.ts';
import { requireScope } from '../http/guards.ts';
import { ZIdParam, ZPaging } from '../http/paging.ts';
import { allPermissions, scopeIncludesOrg, type Principal, type Scope } from '../access/scope.ts';
import { hashPassword } from '../auth/password.ts';
import { findUserInScope, listUsers } from './queries.ts';
import { assertPasswordPolicy, insertUser, updateUser } from './service.ts';

const ZUsername = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, '用户名为 3–32 位，字母开头，可含字母、数字、_ . -');
const ZPhone = z.string().trim().max(20).nullish();
const ZIds = z.array(z.number().int().positive()).max(50);

const ZCreate = z.object({
  username: ZUsername,
  displayName: z.string().trim().min(1, '请填写姓名').max(50),
  password: z.string().min(1).max(128),
  phone: ZPhone,
  orgIds: ZIds,
  roleIds: ZIds,
});
const ZUpdate = z.object({
  displayName: z.string().trim().min(1, '请填写姓名').max(50),
  phone: ZPhone,
  orgIds: ZIds,
  roleIds: ZIds,
  isEnabled: z.boolean(),
});
const ZList = ZPaging.extend({
  orgId: z.coerce.number().int().positive().optional(),
  keyword: z.string().trim().max(50).optional(),
  isEnabled: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, dialect, cipher } = app.platform;
  const tags = ['用户'];

  r.get('/api/users', { schema: { tags, summary: '用户列表', querystring: ZList } }, async (request) => {
    const { scope } = await requireScope(request, 'user.read');
    const { page, pageSize, ...filter } = request.query;
    const result = await listUsers(db, scope, filter, { page, pageSize });
    return { ...result, page, pageSize };
  });

  r.get('/api/users/:id', { schema: { tags, summary: '用户详情', params: ZIdParam } }, async (request) => {
    const { scope } = await requireScope(request, 'user.read');
    const user = await findUserInScope(db, scope, request.params.id);
    if (!user) throw notFound('用户');
    return user;
  });

  r.get('/api/users/:id/phone', { schema: { tags, summary: '查看完整手机号（记入审计）', params: ZIdParam } }, async (request) => {
    const { scope } = await requireScope(request, 'user.manage');
    const user = await findUserInScope(db, scope, request.params.id);
    if (!user) throw notFound('用户');
    const row = await db.selectFrom('app_user').select('phone_enc').where('id', '=', user.id).executeTakeFirstOrThrow();
    const phone = row.phone_enc ? cipher.decrypt(row.phone_enc) : null;
    await inTransaction(app.platform, (trx) =>
      appendAudit(trx, dialect, actorOf(request), { action: 'user.phone.view', targetType: 'user', targetId: user.id }),
    );
    return { phone };
  });

  r.post('/api/users', { schema: { tags, summary: '新建用户', body: ZCreate } }, async (request, reply) => {
    const { principal, scope } = await requireScope(request, 'user.manage');
    const body = request.body;
    await assertAssignable(request, principal, scope, body.orgIds, body.roleIds);
    const id = await inTransaction(app.platform, async (trx) => {
      const newId = await insertUser(trx, cipher, { ...body, createdBy: principal.userId });
      await appendAudit(trx, dialect, actorOf(request), {
        action: 'user.create', targetType: 'user', targetId: newId,
        after: { username: body.username, displayName: body.displayName, phone: body.phone ? '已设置' : null, orgIds: body.orgIds, roleIds: body.roleIds },
      });
      return newId;
    });
    reply.status(201);
    return { id };
  });

  r.put('/api/users/:id', { schema: { tags, summary: '修改用户', params: ZIdParam, body: ZUpdate } }, async (request) => {
    const { principal, scope } = await requireScope(request, 'user.manage');
    const before = await findUserInScope(db, scope, request.params.id);
    if (!before) throw notFound('用户');
    const body = request.body;
    if (before.id === principal.userId && !body.isEnabled) throw new AppError('VALIDATION_FAILED', '不能停用自己的账号');
    await assertAssignable(request, principal, scope, body.orgIds, body.roleIds);
    await inTransaction(app.platform, async (trx) => {
      await updateUser(trx, cipher, before.id, body);
      await appendAudit(trx, dialect, actorOf(request), {
        action: 'user.update', targetType: 'user', targetId: before.id,
        before: { displayName: before.displayName, phone: before.phoneMasked, isEnabled: before.isEnabled, orgIds: before.orgs.map((o) => o.id), roleIds: before.roles.map((x) => x.id) },
        after: { displayName: body.displayName, phone: body.phone === undefined ? before.phoneMasked : body.phone ? '已修改' : null, isEnabled: body.isEnabled, orgIds: body.orgIds, roleIds: body.roleIds },
      });
    });
    return { ok: true };
  });

  r.post('/api/users/:id/reset-password', {
    schema: { tags, summary: '重置密码（下次登录须修改）', params: ZIdParam, body: z.object({ password: z.string().min(1).max(128) }) },
  }, async (request) => {
    const { scope } = await requireScope(request, 'user.manage');
    const user = await findUserInScope(db, scope, request.params.id);
    if (!user) throw notFound('用户');
    assertPasswordPolicy(request.body.password);
    const hash = await hashPassword(request.body.password);
    await inTransaction(app.platform, async (trx) => {
      const at = nowIso();
      await trx.updateTable('app_user').set({ password_hash: hash, must_change_password: 1, failed_attempts: 0, locked_until: null, updated_at: at }).where('id', '=', user.id).execute();
      await trx.updateTable('session').set({ revoked_at: at }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
      await appendAudit(trx, dialect, actorOf(request), { action: 'user.password.reset', targetType: 'user', targetId: user.id });
    });
    return { ok: true };
  });

  r.post('/api/users/:id/unlock', { schema: { tags, summary: '解除锁定', params: ZIdParam } }, async (request) => {
    const { scope } = await requireScope(request, 'user.manage');
    const user = await findUserInScope(db, scope, request.params.id);
    if (!user) throw notFound('用户');
    await inTransaction(app.platform, async (trx) => {
      await trx.updateTable('app_user').set({ failed_attempts: 0, locked_until: null, updated_at: nowIso() }).where('id', '=', user.id).execute();
      await appendAudit(trx, dialect, actorOf(request), { action: 'user.unlock', targetType: 'user', targetId: user.id });
    });
    return { ok: true };
  });
}

/**
 * A manager may place users only in organisations within their own scope, and may hand out only
 * roles whose permissions they hold themselves (and 全部 scope only if theirs is 全部): no escalation.
 */
async function assertAssignable(request: FastifyRequest, principal: Principal, scope: Scope, orgIds: number[], roleIds: number[]): Promise<void> {
  for (const orgId of orgIds) {
    if (!scopeIncludesOrg(scope, orgId)) throw new AppError('VALIDATION_FAILED', '所选组织超出您的管理范围', { fields: [{ path: 'orgIds', message: '超出管理范围' }] });
  }
  if (roleIds.length === 0) return;
  const own = new Set(allPermissions(principal));
  const roles = await request.server.platform.db.selectFrom('role').select(['name', 'permissions', 'data_scope']).where('id', 'in', roleIds).execute();
  for (const role of roles) {
    const perms = JSON.parse(role.permissions) as string[];
    const exceeds = !own.has('*') && perms.some((p) => !own.has(p));
    if (exceeds || (role.data_scope === 'all' && !scope.isAll)) {
      throw new AppError('FORBIDDEN', `不能授予超出本人权限的角色“${role.name}”`);
    }
  }
}
