import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../http/guards.ts';
import { ZDate, ZPaging } from '../http/paging.ts';
import { verifyAuditChain } from './verify.ts';

const ZAuditQuery = ZPaging.extend({
  actor: z.string().trim().max(50).optional(),
  action: z.string().trim().max(80).optional(),
  targetType: z.string().trim().max(50).optional(),
  targetId: z.string().trim().max(80).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
});

const ZLoginQuery = ZPaging.extend({
  username: z.string().trim().max(64).optional(),
  result: z.string().trim().max(30).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
});

/** Day bounds in China Standard Time (UTC+8), since users pick dates on the local calendar. */
const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
const dayEnd = (date: string) => new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.platform;

  r.get('/api/audit', { schema: { tags: ['审计'], summary: '审计日志', querystring: ZAuditQuery } }, async (request) => {
    await requirePermission(request, 'audit.read');
    const q = request.query;
    let query = db.selectFrom('audit_log');
    if (q.actor) {
      const actor = q.actor;
      query = /^\d+$/.test(actor)
        ? query.where('actor_id', '=', Number(actor))
        : query.where('actor_name', 'like', `%${actor}%`);
    }
    if (q.action) query = query.where('action', 'like', `${q.action}%`);
    if (q.targetType) query = query.where('target_type', '=', q.targetType);
    if (q.targetId) query = query.where('target_id', '=', q.targetId);
    if (q.from) query = query.where('at', '>=', dayStart(q.from));
    if (q.to) query = query.where('at', '<', dayEnd(q.to));
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy('seq', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
    return {
      items: rows.map((row) => ({
        seq: row.seq, at: row.at, actorId: row.actor_id, actorName: row.actor_name, ip: row.ip, action: row.action,
        targetType: row.target_type, targetId: row.target_id,
        before: row.before_json ? JSON.parse(row.before_json) : null, after: row.after_json ? JSON.parse(row.after_json) : null,
        hash: row.hash,
      })),
      total: Number(total), page: q.page, pageSize: q.pageSize,
    };
  });

  r.get('/api/audit/verify', { schema: { tags: ['审计'], summary: '校验审计链' } }, async (request) => {
    await requirePermission(request, 'audit.read');
    return verifyAuditChain(db);
  });

  r.get('/api/login-log', { schema: { tags: ['审计'], summary: '登录日志', querystring: ZLoginQuery } }, async (request) => {
    await requirePermission(request, 'loginlog.read');
    const q = request.query;
    let query = db.selectFrom('login_log');
    if (q.username) query = query.where('username', 'like', `%${q.username}%`);
    if (q.result) query = query.where('result', '=', q.result);
    if (q.from) query = query.where('at', '>=', dayStart(q.from));
    if (q.to) query = query.where('at', '<', dayEnd(q.to));
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
    return {
      items: rows.map((row) => ({ id: row.id, at: row.at, username: row.username, userId: row.user_id, ip: row.ip, userAgent: row.user_agent, result: row.result })),
      total: Number(total), page: q.page, pageSize: q.pageSize,
    };
  });
}
