import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { inTransaction } from '../context.ts';
import { actorOf } from '../http/request-context.ts';
import { principalOf, requirePermission } from '../http/guards.ts';

const ZCode = z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, '编码为小写字母开头，可含小写字母、数字、下划线，至多 40 位');
const ZTypeParam = z.object({ code: ZCode });
const ZItemParam = z.object({ code: ZCode, id: z.coerce.number().int().positive() });
const ZItemFields = {
  label: z.string().trim().min(1, '请填写名称').max(100),
  sort: z.number().int().min(0).max(99999).default(0),
  isEnabled: z.boolean().default(true),
  remark: z.string().trim().max(200).nullish(),
};

type ItemRow = { id: number; code: string; label: string; sort: number; is_enabled: number; remark: string | null };
const itemView = (i: ItemRow) => ({ id: i.id, code: i.code, label: i.label, sort: i.sort, isEnabled: i.is_enabled === 1, remark: i.remark });

/** 字典管理: any signed-in user reads (procedures need the labels, disabled ones too, for old records); dict.manage edits. */
export async function dictRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, dialect } = app.platform;
  const tags = ['字典'];

  r.get('/api/dicts', { schema: { tags, summary: '字典类型' } }, async (request) => {
    principalOf(request);
    const rows = await db
      .selectFrom('dict_type')
      .select((eb) => ['code', 'name', 'description', 'is_builtin',
        eb.selectFrom('dict_item').whereRef('dict_item.type_code', '=', 'dict_type.code').select(eb.fn.countAll<number>().as('n')).as('item_count')])
      .orderBy('code')
      .execute();
    return { items: rows.map((t) => ({ code: t.code, name: t.name, description: t.description, isBuiltin: t.is_builtin === 1, itemCount: Number(t.item_count ?? 0) })) };
  });

  r.post('/api/dicts', {
    schema: { tags, summary: '新建字典类型', body: z.object({ code: ZCode, name: z.string().trim().min(1).max(50), description: z.string().trim().max(200).nullish() }) },
  }, async (request, reply) => {
    await requirePermission(request, 'dict.manage');
    const body = request.body;
    await inTransaction(app.platform, async (trx) => {
      if (await trx.selectFrom('dict_type').select('code').where('code', '=', body.code).executeTakeFirst()) {
        throw new AppError('ALREADY_EXISTS', `字典“${body.code}”已存在`, { fields: [{ path: 'code', message: '已存在' }] });
      }
      await trx.insertInto('dict_type').values({ code: body.code, name: body.name, description: body.description ?? null, is_builtin: 0 }).execute();
      await appendAudit(trx, dialect, actorOf(request), { action: 'dict.create', targetType: 'dict', targetId: body.code, after: body });
    });
    reply.status(201);
    return { code: body.code };
  });

  r.get('/api/dicts/:code/items', { schema: { tags, summary: '字典项（含已停用）', params: ZTypeParam } }, async (request) => {
    principalOf(request);
    const type = await db.selectFrom('dict_type').select('code').where('code', '=', request.params.code).executeTakeFirst();
    if (!type) throw notFound('字典');
    const rows = await db.selectFrom('dict_item').selectAll().where('type_code', '=', type.code).orderBy('sort').orderBy('id').execute();
    return { items: rows.map(itemView) };
  });

  r.post('/api/dicts/:code/items', {
    schema: { tags, summary: '新增字典项', params: ZTypeParam, body: z.object({ code: ZCode, ...ZItemFields }) },
  }, async (request, reply) => {
    await requirePermission(request, 'dict.manage');
    const typeCode = request.params.code;
    const body = request.body;
    const id = await inTransaction(app.platform, async (trx) => {
      if (!(await trx.selectFrom('dict_type').select('code').where('code', '=', typeCode).executeTakeFirst())) throw notFound('字典');
      if (await trx.selectFrom('dict_item').select('id').where('type_code', '=', typeCode).where('code', '=', body.code).executeTakeFirst()) {
        throw new AppError('ALREADY_EXISTS', `字典项编码“${body.code}”已存在`, { fields: [{ path: 'code', message: '已存在' }] });
      }
      const row = await trx
        .insertInto('dict_item')
        .values({ type_code: typeCode, code: body.code, label: body.label, sort: body.sort, is_enabled: body.isEnabled ? 1 : 0, remark: body.remark ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, dialect, actorOf(request), { action: 'dict.item.create', targetType: 'dict_item', targetId: row.id, after: { type: typeCode, ...body } });
      return row.id;
    });
    reply.status(201);
    return { id };
  });

  // Items are never deleted: old records keep pointing at their code, so an item is disabled instead.
  r.put('/api/dicts/:code/items/:id', {
    schema: { tags, summary: '修改字典项（停用而非删除）', params: ZItemParam, body: z.object(ZItemFields) },
  }, async (request) => {
    await requirePermission(request, 'dict.manage');
    const { code: typeCode, id } = request.params;
    const body = request.body;
    await inTransaction(app.platform, async (trx) => {
      const before = await trx.selectFrom('dict_item').selectAll().where('id', '=', id).where('type_code', '=', typeCode).executeTakeFirst();
      if (!before) throw notFound('字典项');
      await trx.updateTable('dict_item').set({ label: body.label, sort: body.sort, is_enabled: body.isEnabled ? 1 : 0, remark: body.remark ?? null }).where('id', '=', id).execute();
      await appendAudit(trx, dialect, actorOf(request), { action: 'dict.item.update', targetType: 'dict_item', targetId: id, before: itemView(before), after: body });
    });
    return { ok: true };
  });
}
