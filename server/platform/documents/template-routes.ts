import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { inTransaction, nowIso } from '../context.ts';
import { actorOf } from '../http/request-context.ts';
import { requirePermission } from '../http/guards.ts';
import { documentKinds } from './kinds.ts';

const ZSlotParam = z.object({ kind: z.string().max(100), slot: z.string().max(60) });
const ZText = z.object({ orgId: z.number().int().positive().nullable().default(null), text: z.string().trim().min(1, '内容不能为空').max(5000) });
const ZReset = z.object({ orgId: z.coerce.number().int().positive().optional() });

/** 文书模板管理: the editable passages of every document kind, their defaults and the overrides in force. */
export async function documentTemplateRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, dialect } = app.platform;
  const tags = ['文书'];

  r.get('/api/document-templates', { schema: { tags, summary: '文书模板的可编辑段落' } }, async (request) => {
    await requirePermission(request, 'doctemplate.manage');
    const overrides = await db.selectFrom('document_text').leftJoin('organization', 'organization.id', 'document_text.org_id')
      .select(['document_text.kind', 'document_text.slot', 'document_text.org_id', 'document_text.text', 'document_text.updated_at', 'organization.name as org_name']).execute();
    return {
      items: documentKinds.list().filter((k) => Object.keys(k.texts).length > 0).map((k) => ({
        kind: k.key, title: k.title,
        texts: Object.entries(k.texts).map(([slot, t]) => ({
          slot, title: t.title, defaultText: t.text,
          overrides: overrides.filter((o) => o.kind === k.key && o.slot === slot).map((o) => ({ orgId: o.org_id, orgName: o.org_name ?? '全部机关', text: o.text, updatedAt: o.updated_at })),
        })),
      })),
    };
  });

  r.put('/api/document-templates/:kind/texts/:slot', { schema: { tags, summary: '修改文书段落（可按机关）', params: ZSlotParam, body: ZText } }, async (request) => {
    await requirePermission(request, 'doctemplate.manage');
    const { kind: kindKey, slot } = request.params;
    const kind = documentKinds.get(kindKey);
    if (!kind || !Object.hasOwn(kind.texts, slot)) throw notFound('文书段落');
    const { orgId, text } = request.body;
    if (orgId != null && !(await db.selectFrom('organization').select('id').where('id', '=', orgId).executeTakeFirst())) throw notFound('组织');
    await inTransaction(app.platform, async (trx) => {
      let existing = trx.selectFrom('document_text').select(['id', 'text']).where('kind', '=', kindKey).where('slot', '=', slot);
      existing = orgId == null ? existing.where('org_id', 'is', null) : existing.where('org_id', '=', orgId);
      const before = await existing.executeTakeFirst();
      const values = { text, updated_at: nowIso(), updated_by: request.auth!.principal.userId };
      if (before) await trx.updateTable('document_text').set(values).where('id', '=', before.id).execute();
      else await trx.insertInto('document_text').values({ kind: kindKey, slot, org_id: orgId, ...values }).execute();
      await appendAudit(trx, dialect, actorOf(request), {
        action: 'doctemplate.update', targetType: 'document_kind', targetId: `${kindKey}#${slot}`,
        before: { orgId, text: before?.text ?? kind.texts[slot].text }, after: { orgId, text },
      });
    });
    return { ok: true };
  });

  r.delete('/api/document-templates/:kind/texts/:slot', { schema: { tags, summary: '恢复默认措辞', params: ZSlotParam, querystring: ZReset } }, async (request) => {
    await requirePermission(request, 'doctemplate.manage');
    const { kind: kindKey, slot } = request.params;
    const orgId = request.query.orgId ?? null;
    await inTransaction(app.platform, async (trx) => {
      let query = trx.deleteFrom('document_text').where('kind', '=', kindKey).where('slot', '=', slot);
      query = orgId == null ? query.where('org_id', 'is', null) : query.where('org_id', '=', orgId);
      const result = await query.executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw notFound('修改过的段落');
      await appendAudit(trx, dialect, actorOf(request), { action: 'doctemplate.reset', targetType: 'document_kind', targetId: `${kindKey}#${slot}`, after: { orgId } });
    });
    return { ok: true };
  });
}
