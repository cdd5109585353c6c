import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORG_KINDS } from '../../../common/permissions.ts';
import { AppError, notFound } from '../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { inTransaction } from '../context.ts';
import { actorOf } from '../http/request-context.ts';
import { principalOf, requireScope } from '../http/guards.ts';
import { ZIdParam } from '../http/paging.ts';
import { scopeIncludesOrg } from '../access/scope.ts';
import { insertOrg, updateOrg } from './service.ts';

const ZOrgBody = z.object({
  parentId: z.number().int().positive().nullable(),
  name: z.string().trim().min(1, '请填写名称').max(100),
  shortName: z.string().trim().max(50).nullish(),
  kind: z.enum(Object.keys(ORG_KINDS) as [keyof typeof ORG_KINDS, ...(keyof typeof ORG_KINDS)[]]),
  code: z.string().trim().regex(/^[A-Za-z0-9_.-]{1,40}$/, '编码只能包含字母、数字和 _ . -'),
  sort: z.number().int().min(0).max(99999).optional(),
  isEnabled: z.boolean().optional(),
});

export async function orgRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, dialect } = app.platform;
  const tags = ['组织机构'];

  r.get('/api/orgs', { schema: { tags, summary: '组织机构（范围内，扁平列表）' } }, async (request) => {
    const { scope } = await requireScope(request, 'org.read');
    let query = db
      .selectFrom('organization')
      .select((eb) => [
        'id', 'parent_id', 'name', 'short_name', 'kind', 'code', 'sort', 'is_enabled',
        eb.selectFrom('user_org').whereRef('user_org.org_id', '=', 'organization.id').select(eb.fn.countAll<number>().as('n')).as('user_count'),
      ])
      .orderBy('sort')
      .orderBy('id');
    if (!scope.isAll) query = query.where('id', 'in', scope.orgIds.length ? scope.orgIds : [-1]);
    const rows = await query.execute();
    return {
      items: rows.map((o) => ({
        id: o.id, parentId: o.parent_id, name: o.name, shortName: o.short_name, kind: o.kind, code: o.code,
        sort: o.sort, isEnabled: o.is_enabled === 1, userCount: Number(o.user_count ?? 0),
      })),
    };
  });

  // Names of organisations are public facts of a government; pickers (被申请人, 被告) need all of them.
  r.get('/api/orgs/options', { schema: { tags, summary: '全部启用组织的名称（供选择）' } }, async (request) => {
    principalOf(request);
    const rows = await db.selectFrom('organization').select(['id', 'parent_id', 'name', 'kind']).where('is_enabled', '=', 1).orderBy('sort').orderBy('id').execute();
    return { items: rows.map((o) => ({ id: o.id, parentId: o.parent_id, name: o.name, kind: o.kind })) };
  });

  r.get('/api/orgs/:id', { schema: { tags, summary: '组织详情', params: ZIdParam } }, async (request) => {
    const { scope } = await requireScope(request, 'org.read');
    const org = await db.selectFrom('organization').selectAll().where('id', '=', request.params.id).executeTakeFirst();
    if (!org || !scopeIncludesOrg(scope, org.id)) throw notFound('组织');
    return { id: org.id, parentId: org.parent_id, name: org.name, shortName: org.short_name, kind: org.kind, code: org.code, sort: org.sort, isEnabled: org.is_enabled === 1 };
  });

  r.post('/api/orgs', { schema: { tags, summary: '新建组织', body: ZOrgBody } }, async (request, reply) => {
    const { scope } = await requireScope(request, 'org.manage');
    const body = request.body;
    if (body.parentId == null ? !scope.isAll : !scopeIncludesOrg(scope, body.parentId)) throw notFound('上级组织');
    const id = await inTransaction(app.platform, async (trx) => {
      const newId = await insertOrg(trx, body);
      await appendAudit(trx, dialect, actorOf(request), { action: 'org.create', targetType: 'organization', targetId: newId, after: body });
      return newId;
    });
    reply.status(201);
    return { id };
  });

  r.put('/api/orgs/:id', { schema: { tags, summary: '修改组织', params: ZIdParam, body: ZOrgBody } }, async (request) => {
    const { scope } = await requireScope(request, 'org.manage');
    const { id } = request.params;
    if (!scopeIncludesOrg(scope, id)) throw notFound('组织');
    const body = request.body;
    if (body.parentId != null && !scopeIncludesOrg(scope, body.parentId)) throw notFound('上级组织');
    await inTransaction(app.platform, async (trx) => {
      const before = await trx.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
      await updateOrg(trx, id, body);
      await appendAudit(trx, dialect, actorOf(request), { action: 'org.update', targetType: 'organization', targetId: id, before, after: body });
    });
    return { ok: true };
  });

  r.delete('/api/orgs/:id', { schema: { tags, summary: '删除组织（无下级、无用户时）', params: ZIdParam } }, async (request) => {
    const { scope } = await requireScope(request, 'org.manage');
    const { id } = request.params;
    if (!scopeIncludesOrg(scope, id)) throw notFound('组织');
    await inTransaction(app.platform, async (trx) => {
      const org = await trx.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
      if (!org) throw notFound('组织');
      const child = await trx.selectFrom('organization').select('id').where('parent_id', '=', id).executeTakeFirst();
      if (child) throw new AppError('IN_USE', '该组织下还有下级组织，不能删除');
      const member = await trx.selectFrom('user_org').select('user_id').where('org_id', '=', id).executeTakeFirst();
      if (member) throw new AppError('IN_USE', '该组织下还有用户，不能删除；可改为停用');
      await trx.deleteFrom('organization').where('id', '=', id).execute();
      await appendAudit(trx, dialect, actorOf(request), { action: 'org.delete', targetType: 'organization', targetId: id, before: org });
    });
    return { ok: true };
  });
}
