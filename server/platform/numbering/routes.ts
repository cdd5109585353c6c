import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { registerPermissions } from '../access/permission-registry.ts';
import { appendAudit } from '../audit/append.ts';
import { inTransaction, nowIso } from '../context.ts';
import { documentKinds } from '../documents/kinds.ts';
import { todayInChina } from '../engine/plan.ts';
import { AppError, type FieldError } from '../errors.ts';
import { requirePermission } from '../http/guards.ts';
import { actorOf } from '../http/request-context.ts';
import { DEFAULT_DOC_NUMBER_PATTERN, formatDocNumber, patternProblems } from '../../../common/doc-number.ts';

export const DOC_NUMBER_PERMISSION = 'docnumber.manage';
registerPermissions('系统管理', { [DOC_NUMBER_PERMISSION]: '管理发文字号格式' });

const ZFormat = z.object({
  /** null: the default for every organisation without its own format. */
  orgId: z.number().int().positive().nullable(),
  /** A number series declared by a document kind (e.g. 复决, case:reconsideration); checked against the registry. */
  kind: z.string().trim().min(1).max(80),
  prefix: z.string().trim().max(50, '机关代字不超过50字'),
  pattern: z.string().trim().min(1).max(100),
});

const ZFormats = z.object({ items: z.array(ZFormat).max(500) });

type FormatItem = z.infer<typeof ZFormat>;

export async function docNumberRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, dialect } = app.platform;
  const tags = ['发文字号'];

  r.get('/api/doc-number-formats', { schema: { tags, summary: '发文字号格式（含默认格式与各单位格式）' } }, async (request) => {
    await requirePermission(request, DOC_NUMBER_PERMISSION);
    const rows = await db
      .selectFrom('doc_number_format')
      .leftJoin('organization', 'organization.id', 'doc_number_format.org_id')
      .select([
        'doc_number_format.id', 'doc_number_format.org_id', 'organization.name as org_name', 'doc_number_format.kind',
        'doc_number_format.prefix', 'doc_number_format.pattern', 'doc_number_format.updated_at',
      ])
      .orderBy('doc_number_format.kind')
      // The default format first on both backends (PostgreSQL sorts NULL last, SQLite first).
      .orderBy(sql`case when doc_number_format.org_id is null then 0 else 1 end`)
      .orderBy('doc_number_format.org_id')
      .execute();
    // The year numbers are issued in: China's (UTC+8), as the engine dates everything.
    const year = Number(todayInChina().slice(0, 4));
    return {
      items: rows.map((row) => ({
        id: row.id, orgId: row.org_id, orgName: row.org_name ?? null, kind: row.kind, prefix: row.prefix, pattern: row.pattern,
        example: formatDocNumber(row, year, 1), updatedAt: row.updated_at,
      })),
      kinds: documentKinds.numberSeries(),
      defaultPattern: DEFAULT_DOC_NUMBER_PATTERN,
    };
  });

  r.put('/api/doc-number-formats', { schema: { tags, summary: '保存发文字号格式（整体替换）', body: ZFormats } }, async (request) => {
    await requirePermission(request, DOC_NUMBER_PERMISSION);
    const items = request.body.items;
    const problems = validateFormats(items);
    if (problems.length) {
      throw new AppError('VALIDATION_FAILED', `输入有误：${problems.slice(0, 5).map((p) => p.message).join('；')}`, { fields: problems });
    }
    const orgIds = [...new Set(items.flatMap((i) => (i.orgId == null ? [] : [i.orgId])))];
    const known = orgIds.length ? await db.selectFrom('organization').select('id').where('id', 'in', orgIds).execute() : [];
    const missing = orgIds.filter((id) => !known.some((k) => k.id === id));
    if (missing.length) throw new AppError('VALIDATION_FAILED', `组织不存在：${missing.join('、')}`);
    await inTransaction(app.platform, async (trx) => {
      const before = await trx.selectFrom('doc_number_format').select(['org_id', 'kind', 'prefix', 'pattern']).orderBy('id').execute();
      await trx.deleteFrom('doc_number_format').execute();
      const at = nowIso();
      if (items.length) {
        await trx
          .insertInto('doc_number_format')
          .values(items.map((i) => ({ org_id: i.orgId, kind: i.kind, prefix: i.prefix, pattern: i.pattern, updated_at: at })))
          .execute();
      }
      await appendAudit(trx, dialect, actorOf(request), {
        action: 'docnumber.formats.update',
        targetType: 'doc_number_format',
        before,
        after: items.map((i) => ({ org_id: i.orgId, kind: i.kind, prefix: i.prefix, pattern: i.pattern })),
      });
    });
    return { ok: true, count: items.length };
  });
}

/** Each pattern usable, a prefix where the pattern asks for one, and one format per (organisation, kind). */
function validateFormats(items: FormatItem[]): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  const series = new Set(documentKinds.numberSeries().map((s) => s.kind));
  items.forEach((item, i) => {
    for (const message of patternProblems(item.pattern)) problems.push({ path: `body.items.${i}.pattern`, message });
    if (item.pattern.includes('{prefix}') && !item.prefix) problems.push({ path: `body.items.${i}.prefix`, message: '请填写机关代字' });
    if (!series.has(item.kind)) problems.push({ path: `body.items.${i}.kind`, message: `没有名为“${item.kind}”的文书编号序列` });
    const key = `${item.orgId ?? 'default'}|${item.kind}`;
    if (seen.has(key)) problems.push({ path: `body.items.${i}.kind`, message: `同一单位的“${item.kind}”格式重复` });
    seen.add(key);
  });
  return problems;
}
