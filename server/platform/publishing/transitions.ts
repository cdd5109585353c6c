import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { InfoItemTable } from '../../db/schema-publishing.ts';
import { scopeIncludesOrg, type Scope } from '../access/scope.ts';
import { appendAudit } from '../audit/append.ts';
import { inTransaction, nowIso, SYSTEM_ACTOR, type Actor, type Platform } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { indexDocument, removeDocument } from '../search/index-store.ts';
import { notePublishingChange } from './changes.ts';
import { findItem, ITEM_SUBJECT, type ItemRow } from './queries.ts';
import { assertAction, stateAfterApproval, type ItemAction } from './states.ts';
import { chinaDateOf } from './timeliness.ts';

export type TransitionInput = { version: number; reason?: string; publishAt?: string | null };

type Change = Partial<Omit<InfoItemTable, 'id'>>;

/**
 * Moves an item through review in one transaction: the state check, the optimistic version check,
 * the search index (published items in, withdrawn ones out) and the audit record commit together.
 */
export async function transitionItem(platform: Platform, actor: Actor, scope: Scope, id: number, action: Exclude<ItemAction, 'edit'>, input: TransitionInput, now: Date = new Date()): Promise<void> {
  await inTransaction(platform, async (trx) => {
    const before = await findItem(trx, id);
    if (!before || !scopeIncludesOrg(scope, before.org_id)) throw notFound('信息');
    assertAction(before.state, action);
    const at = now.toISOString();
    const change = changeFor(before, action, input, actor, at, now);
    await applyChange(trx, before, input.version, change);
    if (change.state === 'published') await indexItem(trx, platform, { ...before, ...change });
    if (before.state === 'published' && change.state !== 'published') await removeDocument(trx, platform.dialect, ITEM_SUBJECT, id);
    await appendAudit(trx, platform.dialect, actor, {
      action: `item.${action}`, targetType: ITEM_SUBJECT, targetId: id,
      before: { state: before.state, version: before.version },
      after: change,
    });
  });
  notePublishingChange(platform);
}

function changeFor(before: ItemRow, action: Exclude<ItemAction, 'edit'>, input: TransitionInput, actor: Actor, at: string, now: Date): Change {
  switch (action) {
    case 'submit':
      return { state: 'submitted', submitted_by: actor.id, reject_reason: null };
    case 'approve': {
      const publishAt = input.publishAt !== undefined ? (input.publishAt ? new Date(input.publishAt).toISOString() : null) : before.publish_at;
      const state = stateAfterApproval(publishAt, now);
      if (state === 'scheduled') return { state, publish_at: publishAt, reviewed_by: actor.id };
      return { state, publish_at: publishAt, published_at: at, published_on: chinaDateOf(at), reviewed_by: actor.id };
    }
    case 'reject':
      return { state: 'draft', reject_reason: requireReason(input), reviewed_by: actor.id };
    case 'withdraw':
      return { state: 'withdrawn', withdraw_reason: requireReason(input), withdrawn_at: at, reviewed_by: actor.id };
  }
}

function requireReason(input: TransitionInput): string {
  const reason = input.reason?.trim();
  if (!reason) throw new AppError('VALIDATION_FAILED', '请填写理由', { fields: [{ path: 'reason', message: '必填' }] });
  return reason;
}

async function applyChange(trx: Transaction<Database>, before: ItemRow, version: number, change: Change): Promise<void> {
  const result = await trx
    .updateTable('info_item')
    .set({ ...change, version: version + 1, updated_at: nowIso() })
    .where('id', '=', before.id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('CONFLICT', '信息已被他人修改，请刷新后重试');
}

async function indexItem(trx: Transaction<Database>, platform: Platform, item: ItemRow): Promise<void> {
  await indexDocument(trx, platform.dialect, {
    subjectType: ITEM_SUBJECT, subjectId: item.id, orgId: item.org_id, kind: item.category,
    title: item.title, body: [item.doc_number, item.body_text].filter(Boolean).join('\n'), publishedAt: item.published_at ?? nowIso(),
  });
}

/**
 * Publishes every scheduled item whose time has come, as the system, each in its own transaction.
 * Its publication date is the scheduled time, whenever the job ran.
 */
export async function releaseScheduledItems(platform: Platform, now: Date = new Date()): Promise<number> {
  const due = await platform.db
    .selectFrom('info_item')
    .select(['id', 'version', 'publish_at'])
    .where('state', '=', 'scheduled')
    .where('publish_at', '<=', now.toISOString())
    .execute();
  let released = 0;
  for (const candidate of due) {
    const isReleased = await inTransaction(platform, async (trx) => {
      const before = await findItem(trx, candidate.id);
      if (!before || before.state !== 'scheduled' || before.version !== candidate.version || !before.publish_at) return false;
      const change: Change = { state: 'published', published_at: before.publish_at, published_on: chinaDateOf(before.publish_at) };
      await applyChange(trx, before, before.version, change);
      await indexItem(trx, platform, { ...before, ...change });
      await appendAudit(trx, platform.dialect, SYSTEM_ACTOR, { action: 'item.publish', targetType: ITEM_SUBJECT, targetId: before.id, before: { state: 'scheduled' }, after: change });
      return true;
    });
    if (isReleased) released += 1;
  }
  if (released) notePublishingChange(platform);
  return released;
}

/** Runs the release every minute (a cheap query when nothing is due); returns a stop that waits for a running pass. */
export function scheduleItemRelease(platform: Platform, intervalMs = 60_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = releaseScheduledItems(platform).catch((error) => platform.logger.error({ err: error }, 'scheduled item release failed'));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
