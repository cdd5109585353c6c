import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors.ts';
import { nowIso } from '../context.ts';
import { principalOf } from '../http/guards.ts';
import { ZIdParam, ZPaging } from '../http/paging.ts';

/** 站内消息: each user reads and marks only their own messages. */
export async function messageRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.platform;
  const tags = ['站内消息'];

  r.get('/api/messages', {
    schema: { tags, summary: '我的站内消息', querystring: ZPaging.extend({ isUnread: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }) },
  }, async (request) => {
    const principal = principalOf(request);
    const { page, pageSize, isUnread } = request.query;
    let query = db.selectFrom('message').where('user_id', '=', principal.userId);
    if (isUnread != null) query = query.where('read_at', isUnread ? 'is' : 'is not', null);
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const { unread } = await db.selectFrom('message').select((eb) => eb.fn.countAll<number>().as('unread')).where('user_id', '=', principal.userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
    return {
      items: rows.map((m) => ({ id: m.id, kind: m.kind, title: m.title, body: m.body, link: m.link, createdAt: m.created_at, readAt: m.read_at })),
      total: Number(total), unread: Number(unread), page, pageSize,
    };
  });

  r.post('/api/messages/:id/read', { schema: { tags, summary: '标为已读', params: ZIdParam } }, async (request) => {
    const principal = principalOf(request);
    const result = await db.updateTable('message').set({ read_at: nowIso() }).where('id', '=', request.params.id).where('user_id', '=', principal.userId).where('read_at', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      const mine = await db.selectFrom('message').select('id').where('id', '=', request.params.id).where('user_id', '=', principal.userId).executeTakeFirst();
      if (!mine) throw notFound('消息');
    }
    return { ok: true };
  });

  r.post('/api/messages/read-all', { schema: { tags, summary: '全部标为已读' } }, async (request) => {
    const principal = principalOf(request);
    await db.updateTable('message').set({ read_at: nowIso() }).where('user_id', '=', principal.userId).where('read_at', 'is', null).execute();
    return { ok: true };
  });
}
