import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { inTransaction, nowIso } from '../context.ts';
import { actorOf } from '../http/request-context.ts';
import { principalOf, requirePermission } from '../http/guards.ts';
import { allSettingDefinitions, settingDefinition, type SettingDefinition } from './registry.ts';

const ZKeyParam = z.object({ key: z.string().max(100) });

function describe(definition: SettingDefinition, stored: string | undefined) {
  const json = z.toJSONSchema(definition.schema) as { type?: string; minimum?: number; maximum?: number; enum?: unknown[]; items?: { enum?: unknown[] } };
  const value = stored === undefined ? definition.defaultValue : JSON.parse(stored);
  return {
    key: definition.key,
    title: definition.title,
    group: definition.group,
    unit: definition.unit ?? null,
    basis: definition.basis,
    description: definition.description ?? null,
    type: json.type === 'integer' ? 'number' : (json.type ?? 'string'),
    min: json.minimum ?? null,
    max: json.maximum ?? null,
    /** The allowed values of a choice, or of a list's items; null when any value of the type will do. */
    options: (json.enum ?? json.items?.enum ?? null) as string[] | null,
    defaultValue: definition.defaultValue,
    value,
    isDefault: stored === undefined,
  };
}

/** 参数设置: every signed-in user reads (the UI shows the rules in force); setting.manage changes, audited. */
export async function settingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, dialect } = app.platform;
  const tags = ['参数设置'];

  r.get('/api/settings', { schema: { tags, summary: '参数设置（含默认值与依据）' } }, async (request) => {
    principalOf(request);
    const rows = await db.selectFrom('setting').selectAll().execute();
    const stored = new Map(rows.map((row) => [row.key, row.value_json]));
    return { items: allSettingDefinitions().map((d) => describe(d, stored.get(d.key))) };
  });

  r.put('/api/settings/:key', {
    schema: { tags, summary: '修改参数', params: ZKeyParam, body: z.object({ value: z.unknown() }) },
  }, async (request) => {
    await requirePermission(request, 'setting.manage');
    const definition = settingDefinition(request.params.key);
    if (!definition) throw notFound('参数');
    const parsed = definition.schema.safeParse(request.body.value);
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => i.message).join('；');
      throw new AppError('VALIDATION_FAILED', `“${definition.title}”的值无效：${message}`, { fields: [{ path: 'value', message }] });
    }
    await inTransaction(app.platform, async (trx) => {
      const before = await trx.selectFrom('setting').select('value_json').where('key', '=', definition.key).executeTakeFirst();
      const row = { value_json: JSON.stringify(parsed.data), updated_at: nowIso(), updated_by: request.auth!.principal.userId };
      if (before) await trx.updateTable('setting').set(row).where('key', '=', definition.key).execute();
      else await trx.insertInto('setting').values({ key: definition.key, ...row }).execute();
      await appendAudit(trx, dialect, actorOf(request), {
        action: 'setting.update', targetType: 'setting', targetId: definition.key,
        before: { value: before ? JSON.parse(before.value_json) : definition.defaultValue }, after: { value: parsed.data },
      });
    });
    return { ok: true };
  });

  r.delete('/api/settings/:key', { schema: { tags, summary: '恢复默认值', params: ZKeyParam } }, async (request) => {
    await requirePermission(request, 'setting.manage');
    const definition = settingDefinition(request.params.key);
    if (!definition) throw notFound('参数');
    await inTransaction(app.platform, async (trx) => {
      const before = await trx.selectFrom('setting').select('value_json').where('key', '=', definition.key).executeTakeFirst();
      if (!before) return;
      await trx.deleteFrom('setting').where('key', '=', definition.key).execute();
      await appendAudit(trx, dialect, actorOf(request), {
        action: 'setting.reset', targetType: 'setting', targetId: definition.key,
        before: { value: JSON.parse(before.value_json) }, after: { value: definition.defaultValue },
      });
    });
    return { ok: true };
  });
}
