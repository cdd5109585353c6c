import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DATA_SCOPES, type DataScope } from '../../../common/permissions.ts';
import { AppError, notFound } from '../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { inTransaction, nowIso } from '../context.ts';
import { actorOf } from '../http/request-context.ts';
import { requirePermission, principalOf } from '../http/guards.ts';
import { ZIdParam } from '../http/paging.ts';
import { isKnownPermission, listPermissions } from '../access/permission-registry.ts';

const ZRole = z.object({
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, '角色标识为小写字母开头的 2–40 位字母、数字或下划线'),
  name: z.string().trim().min(1, '请填写角色名称').max(50),
  description: z.string().trim().max(200).nullish(),
  permissions: z.array(z.string().max(80)).max(500),
  dataScope: z.enum(Object.keys(DATA_SCOPES) as [DataScope, ...DataScope[]]),
  scopeOrgIds: z.array(z.number().int().positive()).max(500).default([]),
});

type RoleRow = { id: number; key: string; name: string; description: string | null; permissions: string; data_scope: string; scope_org_ids: string; is_builtin: number };

function view(row: RoleRow, userCount = 0) {
  return {
    id: row.id, key: row.key, name: row.name, description: row.description,
    permissions: JSON.parse(row.permissions) as string[], dataScope: row.data_scope,
    scopeOrgIds: JSON.parse(row.scope_org_ids) as number[], isBuiltin: row.is_builtin === 1, userCount,
  };
}

export async function roleRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, dialect } = app.platform;
  const tags = ['角色'];

  r.get('/api/permissions', { schema: { tags, summary: '权限字符串与数据范围' } }, async (request) => {
    principalOf(request);
    return { permissions: listPermissions(), dataScopes: Object.entries(DATA_SCOPES).map(([key, label]) => ({ key, label })) };
  });

  r.get('/api/roles', { schema: { tags, summary: '角色列表' } }, async (request) => {
    const principal = principalOf(request);
    const perms = principal.grants.flatMap((g) => g.permissions);
    if (!['role.manage', 'user.manage', 'user.read', '*'].some((p) => perms.includes(p))) await requirePermission(request, 'role.manage');
    const rows = await db
      .selectFrom('role')
      .select((eb) => [
        'id', 'key', 'name', 'description', 'permissions', 'data_scope', 'scope_org_ids', 'is_builtin',
        eb.selectFrom('user_role').whereRef('user_role.role_id', '=', 'role.id').select(eb.fn.countAll<number>().as('n')).as('user_count'),
      ])
      .orderBy('id')
      .execute();
    return { items: rows.map((row) => view(row, Number(row.user_count ?? 0))) };
  });

  r.post('/api/roles', { schema: { tags, summary: '新建角色', body: ZRole } }, async (request, reply) => {
    await requirePermission(request, 'role.manage');
    const body = checked(request.body);
    const id = await inTransaction(app.platform, async (trx) => {
      if (await trx.selectFrom('role').select('id').where('key', '=', body.key).executeTakeFirst()) {
        throw new AppError('ALREADY_EXISTS', `角色标识“${body.key}”已存在`, { fields: [{ path: 'key', message: '已存在' }] });
      }
      const at = nowIso();
      const row = await trx
        .insertInto('role')
        .values({
          key: body.key, name: body.name, description: body.description ?? null, permissions: JSON.stringify(body.permissions),
          data_scope: body.dataScope, scope_org_ids: JSON.stringify(body.scopeOrgIds), is_builtin: 0, created_at: at, updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, dialect, actorOf(request), { action: 'role.create', targetType: 'role', targetId: row.id, after: body });
      return row.id;
    });
    reply.status(201);
    return { id };
  });

  r.put('/api/roles/:id', { schema: { tags, summary: '修改角色', params: ZIdParam, body: ZRole } }, async (request) => {
    await requirePermission(request, 'role.manage');
    const body = checked(request.body);
    await inTransaction(app.platform, async (trx) => {
      const before = await trx.selectFrom('role').selectAll().where('id', '=', request.params.id).executeTakeFirst();
      if (!before) throw notFound('角色');
      if (before.key !== body.key && before.is_builtin) throw new AppError('VALIDATION_FAILED', '内置角色的标识不能修改');
      const clash = await trx.selectFrom('role').select('id').where('key', '=', body.key).where('id', '!=', before.id).executeTakeFirst();
      if (clash) throw new AppError('ALREADY_EXISTS', `角色标识“${body.key}”已存在`, { fields: [{ path: 'key', message: '已存在' }] });
      await trx
        .updateTable('role')
        .set({
          key: body.key, name: body.name, description: body.description ?? null, permissions: JSON.stringify(body.permissions),
          data_scope: body.dataScope, scope_org_ids: JSON.stringify(body.scopeOrgIds), updated_at: nowIso(),
        })
        .where('id', '=', before.id)
        .execute();
      await appendAudit(trx, dialect, actorOf(request), { action: 'role.update', targetType: 'role', targetId: before.id, before: view(before), after: body });
    });
    return { ok: true };
  });

  r.delete('/api/roles/:id', { schema: { tags, summary: '删除角色', params: ZIdParam } }, async (request) => {
    await requirePermission(request, 'role.manage');
    await inTransaction(app.platform, async (trx) => {
      const role = await trx.selectFrom('role').selectAll().where('id', '=', request.params.id).executeTakeFirst();
      if (!role) throw notFound('角色');
      if (role.is_builtin) throw new AppError('IN_USE', '内置角色不能删除');
      if (await trx.selectFrom('user_role').select('user_id').where('role_id', '=', role.id).executeTakeFirst()) {
        throw new AppError('IN_USE', '仍有用户使用该角色，不能删除');
      }
      await trx.deleteFrom('role').where('id', '=', role.id).execute();
      await appendAudit(trx, dialect, actorOf(request), { action: 'role.delete', targetType: 'role', targetId: role.id, before: view(role) });
    });
    return { ok: true };
  });
}

function checked<T extends { permissions: string[]; dataScope: DataScope; scopeOrgIds: number[] }>(body: T): T {
  const unknown = body.permissions.filter((p) => !isKnownPermission(p));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', `未知的权限：${unknown.join('、')}`, { fields: [{ path: 'permissions', message: '含未知权限' }] });
  }
  if (body.dataScope === 'custom' && body.scopeOrgIds.length === 0) {
    throw new AppError('VALIDATION_FAILED', '数据范围为“指定部门”时须选择部门', { fields: [{ path: 'scopeOrgIds', message: '请选择部门' }] });
  }
  return { ...body, permissions: [...new Set(body.permissions)], scopeOrgIds: body.dataScope === 'custom' ? body.scopeOrgIds : [] };
}
