import { z } from 'zod';
import { scopeIncludesOrg, type Scope } from '../access/scope.ts';
import { appendAudit } from '../audit/append.ts';
import { inTransaction, nowIso, type Actor, type Platform } from '../context.ts';
import { canonicalJson, sm3Hex } from '../crypto/sm3.ts';
import { AppError } from '../errors.ts';
import { indexNewDocuments } from '../search/index-store.ts';
import { notePublishingChange } from './changes.ts';
import { ITEM_SUBJECT } from './queries.ts';
import { bodyText, sanitizeBody } from './sanitize.ts';
import { ZItemInput } from './schemas.ts';
import { loadItemContext } from './service.ts';
import { chinaDateOf, publicationDueOn } from './timeliness.ts';

/**
 * An item already published elsewhere (the county's old website), with the time it went public there.
 * Attachments and 政策解读 links are added afterwards through the ordinary edit path.
 */
export const ZImportedItem = ZItemInput.pick({ orgId: true, category: true, title: true, docNumber: true, bodyHtml: true, formedOn: true, isChange: true, source: true })
  .extend({ publishedAt: z.iso.datetime({ offset: true, message: '发布时间格式应为 ISO 8601（如 2024-03-01T09:00:00+08:00）' }) });

export type ImportedItemInput = z.input<typeof ZImportedItem>;
export type ImportItemsResult = { imported: number; ids: number[]; batches: number };

const MAX_ITEMS_PER_CALL = 20_000;
export const IMPORT_BATCH_SIZE = 200;

type Field = { path: string; message: string };

/**
 * Brings published items over from an old site: all items are checked first (a bad one refuses the whole call,
 * naming `items.<n>.<field>`), then written as 已发布 in batches, each batch one transaction with its items, their
 * search index entries and one audit record (ids and the SM3 digest of what was written). `scope` is the
 * importer's item.review scope: imported items skip review, so only those who may publish may import.
 */
export async function importItems(platform: Platform, actor: Actor, scope: Scope, input: unknown[], options: { batchSize?: number; now?: Date } = {}): Promise<ImportItemsResult> {
  const now = options.now ?? new Date();
  const parsed = z.array(ZImportedItem).max(MAX_ITEMS_PER_CALL, `一次最多导入${MAX_ITEMS_PER_CALL}条`).safeParse(input);
  if (!parsed.success) throw refuse(parsed.error.issues.map((i) => ({ path: ['items', ...i.path].join('.'), message: i.message })));
  const items = parsed.data;
  const context = await loadItemContext(platform, now);
  const orgIds = [...new Set(items.map((i) => i.orgId))];
  const orgs = orgIds.length ? await platform.db.selectFrom('organization').select(['id', 'name', 'is_enabled']).where('id', 'in', orgIds).execute() : [];
  const orgOf = new Map(orgs.map((o) => [o.id, o]));
  const enabledCategories = new Set(context.categories.filter((c) => c.isEnabled).map((c) => c.code));

  const problems: Field[] = [];
  const rows = items.map((item, n) => {
    const at = (field: string, message: string) => problems.push({ path: `items.${n}.${field}`, message });
    const org = orgOf.get(item.orgId);
    if (!org || !org.is_enabled) at('orgId', '发布单位不存在或已停用');
    else if (!scopeIncludesOrg(scope, org.id)) at('orgId', '无权发布该单位的信息');
    if (!enabledCategories.has(item.category)) at('category', '目录类别不存在或已停用');
    if (item.formedOn > context.today) at('formedOn', '形成（变更）日期不能晚于今天');
    const publishedAt = new Date(item.publishedAt);
    if (publishedAt.getTime() > now.getTime()) at('publishedAt', '发布时间不能晚于现在');
    const publishedOn = chinaDateOf(publishedAt.toISOString());
    if (publishedOn < item.formedOn) at('publishedAt', '发布日期不能早于形成（变更）日期');
    let dueOn = '';
    try {
      dueOn = publicationDueOn(context.calendar, item.formedOn);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      at('formedOn', error.message);
    }
    const bodyHtml = sanitizeBody(item.bodyHtml);
    return {
      org_id: item.orgId, category: item.category, title: item.title, doc_number: item.docNumber || null, body_html: bodyHtml, body_text: bodyText(bodyHtml),
      formed_on: item.formedOn, is_change: item.isChange ? 1 : 0, source: item.source || org?.name || '', state: 'published', publish_at: null,
      published_at: publishedAt.toISOString(), published_on: publishedOn, due_on: dueOn,
    };
  });
  if (problems.length) throw refuse(problems);

  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const ids: number[] = [];
  let batches = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    ids.push(...await inTransaction(platform, async (trx) => {
      const at = nowIso();
      const batchIds: number[] = [];
      for (const row of batch) {
        const inserted = await trx
          .insertInto('info_item')
          .values({
            ...row, reject_reason: null, withdraw_reason: null, withdrawn_at: null, click_count: 0, version: 1,
            created_by: actor.id, submitted_by: actor.id, reviewed_by: actor.id, created_at: at, updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        batchIds.push(inserted.id);
      }
      await indexNewDocuments(trx, platform.dialect, batch.map((row, k) => ({
        subjectType: ITEM_SUBJECT, subjectId: batchIds[k], orgId: row.org_id, kind: row.category,
        title: row.title, body: [row.doc_number, row.body_text].filter(Boolean).join('\n'), publishedAt: row.published_at,
      })));
      const written = batch.map((row, k) => ({ id: batchIds[k], orgId: row.org_id, category: row.category, title: row.title, formedOn: row.formed_on, publishedAt: row.published_at, bodySm3: sm3Hex(row.body_html) }));
      await appendAudit(trx, platform.dialect, actor, {
        action: 'item.import', targetType: ITEM_SUBJECT, targetId: batchIds[0],
        after: { count: batch.length, firstId: batchIds[0], lastId: batchIds[batchIds.length - 1], orgIds: [...new Set(batch.map((r) => r.org_id))], sm3: sm3Hex(canonicalJson(written)) },
      });
      return batchIds;
    }));
    batches += 1;
  }
  if (ids.length) notePublishingChange(platform);
  return { imported: ids.length, ids, batches };
}

function refuse(fields: Field[]): AppError {
  const shown = fields.slice(0, 5).map((f) => `${f.path} ${f.message}`).join('；');
  return new AppError('VALIDATION_FAILED', `导入的信息有误：${shown}${fields.length > 5 ? ` 等${fields.length}处` : ''}`, { fields });
}
