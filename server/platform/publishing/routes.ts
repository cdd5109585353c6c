import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasPermission, scopeFor, scopeIncludesOrg } from '../access/scope.ts';
import { notFound } from '../errors.ts';
import { sendStoredFile } from '../files/routes.ts';
import { findStoredFile } from '../files/store.ts';
import { principalOf, requireScope } from '../http/guards.ts';
import { ZIdParam } from '../http/paging.ts';
import { actorOf } from '../http/request-context.ts';
import { loadCategories } from './categories.ts';
import { registerItemFileAccess } from './file-access.ts';
import { ITEM_EDIT, ITEM_READ } from './permissions.ts';
import { findItem, itemDetail, listItems, ITEM_SUBJECT } from './queries.ts';
import { ZApprove, ZItemFileParam, ZItemInput, ZItemListQuery, ZItemUpdate, ZReason, ZVersion } from './schemas.ts';
import { createItem, loadItemContext, updateItem } from './service.ts';
import { ITEM_ACTIONS, ITEM_STATES } from './states.ts';
import { PUBLICATION_BASIS, PUBLICATION_LIMIT_WORKING_DAYS } from './timeliness.ts';
import { scheduleItemRelease, transitionItem } from './transitions.ts';

const ZActionParam = ZIdParam.extend({ action: z.enum(['submit', 'approve', 'reject', 'withdraw']) });

/** 主动公开 staff API: compose, review, publish, withdraw; lists with the Art 26 deadline. */
export async function itemRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { platform } = app;
  const tags = ['主动公开'];
  registerItemFileAccess();

  let stopRelease: (() => Promise<void>) | null = null;
  app.addHook('onReady', async () => {
    stopRelease = scheduleItemRelease(platform);
  });
  app.addHook('onClose', async () => {
    await stopRelease?.();
  });

  /** The item if it exists and the user may read it; 404 otherwise (never 403 for a record out of scope). */
  const readable = async (request: FastifyRequest, id: number) => {
    const { principal, scope } = await requireScope(request, ITEM_READ);
    const row = await findItem(platform.db, id);
    if (!row || !scopeIncludesOrg(scope, row.org_id)) throw notFound('信息');
    return { principal, row };
  };

  const writeScopes = async (request: FastifyRequest) => {
    const { principal, scope: edit } = await requireScope(request, ITEM_EDIT);
    return { principal, scopes: { edit, read: await scopeFor(platform.db, principal, ITEM_READ) } };
  };

  r.get('/api/items/meta', { schema: { tags, summary: '目录类别、状态、操作与公开时限' } }, async (request) => {
    principalOf(request);
    return {
      categories: await loadCategories(platform.db),
      states: Object.entries(ITEM_STATES).map(([key, title]) => ({ key, title })),
      actions: Object.entries(ITEM_ACTIONS).map(([key, a]) => ({ key, title: a.title, from: a.from, permission: a.permission })),
      deadline: { workingDays: PUBLICATION_LIMIT_WORKING_DAYS, basis: PUBLICATION_BASIS },
    };
  });

  r.get('/api/items', { schema: { tags, summary: '主动公开信息列表（可按超期、临期、逾期公开筛选）', querystring: ZItemListQuery } }, async (request) => {
    const { scope } = await requireScope(request, ITEM_READ);
    return listItems(platform.db, scope, request.query, await loadItemContext(platform));
  });

  r.get('/api/items/:id', { schema: { tags, summary: '主动公开信息详情', params: ZIdParam } }, async (request) => {
    const { principal, row } = await readable(request, request.params.id);
    return itemDetail(platform.db, principal, row, await loadItemContext(platform));
  });

  r.post('/api/items', { schema: { tags, summary: '新建主动公开信息（草稿）', body: ZItemInput } }, async (request, reply) => {
    const { principal, scopes } = await writeScopes(request);
    const id = await createItem(platform, actorOf(request), scopes, request.body);
    reply.status(201);
    return itemDetail(platform.db, principal, (await findItem(platform.db, id))!, await loadItemContext(platform));
  });

  r.put('/api/items/:id', { schema: { tags, summary: '修改草稿', params: ZIdParam, body: ZItemUpdate } }, async (request) => {
    const { principal, scopes } = await writeScopes(request);
    const { version, ...input } = request.body;
    await updateItem(platform, actorOf(request), scopes, request.params.id, version, input);
    return itemDetail(platform.db, principal, (await findItem(platform.db, request.params.id))!, await loadItemContext(platform));
  });

  r.post('/api/items/:id/:action', {
    schema: {
      tags, summary: '提交审核（submit）、审核通过并发布或定时发布（approve）、退回（reject）、撤回（withdraw）',
      params: ZActionParam, body: z.union([ZReason, ZApprove, ZVersion]),
    },
  }, async (request) => {
    const { id, action } = request.params;
    const permission = ITEM_ACTIONS[action].permission;
    const { principal, scope } = await requireScope(request, permission);
    const body = action === 'reject' || action === 'withdraw' ? ZReason.parse(request.body) : action === 'approve' ? ZApprove.parse(request.body) : ZVersion.parse(request.body);
    await transitionItem(platform, actorOf(request), scope, id, action, body);
    const row = await findItem(platform.db, id);
    const canRead = !!row && hasPermission(principal, ITEM_READ) && scopeIncludesOrg(await scopeFor(platform.db, principal, ITEM_READ), row.org_id);
    if (!row || !canRead) return { id, ok: true };
    return itemDetail(platform.db, principal, row, await loadItemContext(platform));
  });

  r.get('/api/items/:id/files/:fileId', { schema: { tags, summary: '下载信息附件', params: ZItemFileParam } }, async (request, reply) => {
    const { row } = await readable(request, request.params.id);
    const link = await platform.db.selectFrom('info_item_attachment').select('file_id').where('item_id', '=', row.id).where('file_id', '=', request.params.fileId).executeTakeFirst();
    const file = link && (await findStoredFile(platform.db, link.file_id));
    if (!file) throw notFound('附件');
    return sendStoredFile(request, reply, platform, file, { action: 'item.file.download', targetType: ITEM_SUBJECT, targetId: row.id });
  });
}
