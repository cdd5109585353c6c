import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { scopeIncludesOrg, type Scope } from '../access/scope.ts';
import { appendAudit } from '../audit/append.ts';
import { loadCalendar } from '../calendar/store.ts';
import { inTransaction, nowIso, type Actor, type Platform } from '../context.ts';
import { sm3Hex } from '../crypto/sm3.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { getSetting } from '../settings/service.ts';
import { NEAR_DUE_WORKING_DAYS } from '../settings/core-settings.ts';
import { INTERPRETATION_CATEGORY, loadCategories } from './categories.ts';
import { notePublishingChange } from './changes.ts';
import { findItem, INTERPRETS, ITEM_SUBJECT, type ItemContext, type ItemRow } from './queries.ts';
import { bodyText, sanitizeBody } from './sanitize.ts';
import type { ItemInput } from './schemas.ts';
import { assertAction } from './states.ts';
import { chinaDateOf, publicationDueOn } from './timeliness.ts';

export async function loadItemContext(platform: Platform, now: Date = new Date()): Promise<ItemContext> {
  const [calendar, nearDue, categories] = await Promise.all([
    loadCalendar(platform), getSetting(platform.db, NEAR_DUE_WORKING_DAYS), loadCategories(platform.db),
  ]);
  return { calendar, today: chinaDateOf(now.toISOString()), nearDue, categories };
}

/** The scopes a write needs: where the writer may edit, and which items they may read (for links). */
export type WriteScopes = { edit: Scope; read: Scope };

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, { fields: [{ path, message }] });

type Prepared = {
  values: Omit<ItemRow, 'id' | 'state' | 'published_at' | 'published_on' | 'reject_reason' | 'withdraw_reason' | 'withdrawn_at' | 'click_count' | 'version' | 'created_by' | 'submitted_by' | 'reviewed_by' | 'created_at' | 'updated_at'>;
  attachmentIds: number[];
  interpretsIds: number[];
};

/** Checks an item's input against the records and rules, and turns it into column values. */
async function prepare(trx: Transaction<Database>, context: ItemContext, actor: Actor, scopes: WriteScopes, input: ItemInput, itemId: number | null): Promise<Prepared> {
  const org = await trx.selectFrom('organization').select(['id', 'name', 'is_enabled']).where('id', '=', input.orgId).executeTakeFirst();
  if (!org || !org.is_enabled) throw invalid('orgId', '发布单位不存在或已停用');
  if (!scopeIncludesOrg(scopes.edit, org.id)) throw forbidden('无权为该单位编写主动公开信息');
  const category = context.categories.find((c) => c.code === input.category);
  if (!category || !category.isEnabled) throw invalid('category', '目录类别不存在或已停用');
  if (input.formedOn > context.today) throw invalid('formedOn', '形成（变更）日期不能晚于今天');
  const dueOn = publicationDueOn(context.calendar, input.formedOn);
  const bodyHtml = sanitizeBody(input.bodyHtml);

  const attachmentIds = [...new Set(input.attachmentIds)];
  if (attachmentIds.length) {
    const files = await trx.selectFrom('stored_file').select(['id', 'subject_type', 'subject_id', 'created_by']).where('id', 'in', attachmentIds).execute();
    const usable = (f: (typeof files)[number]) =>
      (f.subject_type === ITEM_SUBJECT && itemId != null && f.subject_id === String(itemId)) ||
      (f.subject_type == null && f.created_by != null && f.created_by === actor.id);
    const bad = attachmentIds.filter((id) => !files.some((f) => f.id === id && usable(f)));
    if (bad.length) throw invalid('attachmentIds', `附件不存在或不能用于本信息：${bad.join('、')}`);
  }

  const interpretsIds = [...new Set(input.interpretsIds)];
  if (interpretsIds.length) {
    if (input.category !== INTERPRETATION_CATEGORY) throw invalid('interpretsIds', '只有“政策解读”类信息可以关联所解读的政策');
    if (itemId != null && interpretsIds.includes(itemId)) throw invalid('interpretsIds', '不能关联本信息自身');
    const targets = await trx.selectFrom('info_item').select(['id', 'org_id', 'category']).where('id', 'in', interpretsIds).execute();
    for (const id of interpretsIds) {
      const target = targets.find((t) => t.id === id);
      if (!target || !scopeIncludesOrg(scopes.read, target.org_id)) throw invalid('interpretsIds', `所解读的政策（${id}）不存在或无权访问`);
      if (target.category === INTERPRETATION_CATEGORY) throw invalid('interpretsIds', '所解读的应为政策文件，不能是另一篇解读');
    }
  }

  return {
    values: {
      org_id: org.id, category: input.category, title: input.title, doc_number: input.docNumber || null,
      body_html: bodyHtml, body_text: bodyText(bodyHtml), formed_on: input.formedOn, is_change: input.isChange ? 1 : 0,
      source: input.source || org.name, publish_at: input.publishAt ? new Date(input.publishAt).toISOString() : null, due_on: dueOn,
    },
    attachmentIds,
    interpretsIds,
  };
}

async function replaceRelations(trx: Transaction<Database>, itemId: number, prepared: Prepared, at: string): Promise<void> {
  await trx.deleteFrom('info_item_attachment').where('item_id', '=', itemId).execute();
  if (prepared.attachmentIds.length) {
    await trx.insertInto('info_item_attachment').values(prepared.attachmentIds.map((fileId, sort) => ({ item_id: itemId, file_id: fileId, sort }))).execute();
  }
  await trx.deleteFrom('record_link').where('from_type', '=', ITEM_SUBJECT).where('from_id', '=', itemId).where('relation', '=', INTERPRETS).execute();
  if (prepared.interpretsIds.length) {
    await trx
      .insertInto('record_link')
      .values(prepared.interpretsIds.map((toId) => ({ from_type: ITEM_SUBJECT, from_id: itemId, relation: INTERPRETS, to_type: ITEM_SUBJECT, to_id: toId, created_at: at })))
      .execute();
  }
}

/** What the audit chain keeps of an item: every field, the body as its SM3 digest. */
export function auditView(values: Omit<Prepared['values'], 'body_text'> & { state?: string }, prepared?: Pick<Prepared, 'attachmentIds' | 'interpretsIds'>) {
  return {
    orgId: values.org_id, category: values.category, title: values.title, docNumber: values.doc_number, formedOn: values.formed_on,
    isChange: values.is_change === 1, source: values.source, publishAt: values.publish_at, dueOn: values.due_on,
    bodySm3: sm3Hex(values.body_html), state: values.state, ...prepared,
  };
}

export async function createItem(platform: Platform, actor: Actor, scopes: WriteScopes, input: ItemInput): Promise<number> {
  // Read before the transaction: on SQLite the transaction holds the only connection.
  const context = await loadItemContext(platform);
  const id = await inTransaction(platform, async (trx) => {
    const prepared = await prepare(trx, context, actor, scopes, input, null);
    const at = nowIso();
    const row = await trx
      .insertInto('info_item')
      .values({
        ...prepared.values, state: 'draft', published_at: null, published_on: null, reject_reason: null, withdraw_reason: null,
        withdrawn_at: null, click_count: 0, version: 1, created_by: actor.id, submitted_by: null, reviewed_by: null, created_at: at, updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceRelations(trx, row.id, prepared, at);
    await appendAudit(trx, platform.dialect, actor, { action: 'item.create', targetType: ITEM_SUBJECT, targetId: row.id, after: auditView({ ...prepared.values, state: 'draft' }, prepared) });
    return row.id;
  });
  notePublishingChange(platform);
  return id;
}

/** Rewrites a draft (also one sent back with a reason) under the optimistic version check. */
export async function updateItem(platform: Platform, actor: Actor, scopes: WriteScopes, id: number, version: number, input: ItemInput): Promise<void> {
  const context = await loadItemContext(platform);
  await inTransaction(platform, async (trx) => {
    const before = await findItem(trx, id);
    if (!before || !scopeIncludesOrg(scopes.edit, before.org_id)) throw notFound('信息');
    assertAction(before.state, 'edit');
    const prepared = await prepare(trx, context, actor, scopes, input, id);
    const links = await trx.selectFrom('record_link').select('to_id').where('from_type', '=', ITEM_SUBJECT).where('from_id', '=', id).where('relation', '=', INTERPRETS).execute();
    const files = await trx.selectFrom('info_item_attachment').select('file_id').where('item_id', '=', id).orderBy('sort').execute();
    const at = nowIso();
    const updated = await trx.updateTable('info_item').set({ ...prepared.values, version: version + 1, updated_at: at }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('CONFLICT', '信息已被他人修改，请刷新后重试');
    await replaceRelations(trx, id, prepared, at);
    await appendAudit(trx, platform.dialect, actor, {
      action: 'item.update', targetType: ITEM_SUBJECT, targetId: id,
      before: auditView(before, { attachmentIds: files.map((f) => f.file_id), interpretsIds: links.map((l) => l.to_id) }),
      after: auditView({ ...prepared.values, state: before.state }, prepared),
    });
  });
  notePublishingChange(platform);
}
