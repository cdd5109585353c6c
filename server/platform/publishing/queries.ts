import type { Selectable, Transaction } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Database } from '../../db/schema.ts';
import type { InfoItemTable } from '../../db/schema-publishing.ts';
import { hasPermission, scopeFor, scopeIncludesOrg, type Principal, type Scope } from '../access/scope.ts';
import type { Calendar } from '../calendar/calendar.ts';
import { containsText } from '../../db/like.ts';
import type { Page } from '../http/paging.ts';
import { categoryLabel, type CategoryInfo } from './categories.ts';
import type { ItemListQuery } from './schemas.ts';
import { canTakeAction, ITEM_ACTIONS, ITEM_STATES, isItemState, type ItemAction } from './states.ts';
import { timelinessOf, type Timeliness } from './timeliness.ts';

export type ItemRow = Selectable<InfoItemTable>;

export const ITEM_SUBJECT = 'item';
export const INTERPRETS = 'interprets';

export type ItemContext = { calendar: Calendar; today: string; nearDue: number; categories: CategoryInfo[] };

export type ItemSummary = {
  id: number; orgId: number; orgName: string | null; category: string; categoryLabel: string; title: string;
  docNumber: string | null; formedOn: string; isChange: boolean; source: string; state: string; stateLabel: string;
  publishAt: string | null; publishedAt: string | null; publishedOn: string | null; dueOn: string;
  timeliness: Timeliness; clickCount: number; version: number; updatedAt: string;
};

export type LinkedItem = { id: number; title: string; state: string; stateLabel: string; publishedOn: string | null };

export type ItemAttachment = { id: number; name: string; size: number; mime: string; url: string };

export type ItemDetail = ItemSummary & {
  bodyHtml: string; rejectReason: string | null; withdrawReason: string | null; withdrawnAt: string | null; createdAt: string;
  attachments: ItemAttachment[]; interprets: LinkedItem[]; interpretedBy: LinkedItem[]; abilities: ItemAction[];
};

const stateLabel = (state: string) => (isItemState(state) ? ITEM_STATES[state] : state);

export function itemSummary(row: ItemRow & { org_name?: string | null }, ctx: ItemContext): ItemSummary {
  return {
    id: row.id, orgId: row.org_id, orgName: row.org_name ?? null, category: row.category, categoryLabel: categoryLabel(ctx.categories, row.category),
    title: row.title, docNumber: row.doc_number, formedOn: row.formed_on, isChange: row.is_change === 1, source: row.source,
    state: row.state, stateLabel: stateLabel(row.state), publishAt: row.publish_at, publishedAt: row.published_at, publishedOn: row.published_on,
    dueOn: row.due_on, timeliness: timelinessOf(ctx.calendar, { state: row.state, dueOn: row.due_on, publishedOn: row.published_on }, ctx.today, ctx.nearDue),
    clickCount: row.click_count, version: row.version, updatedAt: row.updated_at,
  };
}

export async function findItem(db: Db | Transaction<Database>, id: number): Promise<ItemRow | undefined> {
  return db.selectFrom('info_item').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The items linked to this one: the policies it explains and the interpretations that explain it. */
export async function loadLinks(db: Db | Transaction<Database>, id: number, isPublicOnly: boolean): Promise<{ interprets: LinkedItem[]; interpretedBy: LinkedItem[] }> {
  const select = (ids: number[]) => {
    if (!ids.length) return Promise.resolve([] as LinkedItem[]);
    let query = db.selectFrom('info_item').select(['id', 'title', 'state', 'published_on']).where('id', 'in', ids);
    if (isPublicOnly) query = query.where('state', '=', 'published');
    return query.orderBy('id').execute().then((rows) => rows.map((r) => ({ id: r.id, title: r.title, state: r.state, stateLabel: stateLabel(r.state), publishedOn: r.published_on })));
  };
  const [outgoing, incoming] = await Promise.all([
    db.selectFrom('record_link').select('to_id').where('from_type', '=', ITEM_SUBJECT).where('from_id', '=', id).where('relation', '=', INTERPRETS).where('to_type', '=', ITEM_SUBJECT).execute(),
    db.selectFrom('record_link').select('from_id').where('to_type', '=', ITEM_SUBJECT).where('to_id', '=', id).where('relation', '=', INTERPRETS).where('from_type', '=', ITEM_SUBJECT).execute(),
  ]);
  const [interprets, interpretedBy] = await Promise.all([select(outgoing.map((r) => r.to_id)), select(incoming.map((r) => r.from_id))]);
  return { interprets, interpretedBy };
}

export async function loadAttachments(db: Db | Transaction<Database>, id: number, urlOf: (fileId: number) => string): Promise<ItemAttachment[]> {
  const rows = await db
    .selectFrom('info_item_attachment')
    .innerJoin('stored_file', 'stored_file.id', 'info_item_attachment.file_id')
    .select(['stored_file.id', 'stored_file.original_name', 'stored_file.size', 'stored_file.mime'])
    .where('info_item_attachment.item_id', '=', id)
    .orderBy('info_item_attachment.sort')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.original_name, size: r.size, mime: r.mime, url: urlOf(r.id) }));
}

/** The actions this user may take on the item now: state allows it, and the permission reaches its organisation. */
export async function abilitiesOf(db: Db, principal: Principal, row: ItemRow): Promise<ItemAction[]> {
  const result: ItemAction[] = [];
  const scopes = new Map<string, Scope>();
  for (const [action, definition] of Object.entries(ITEM_ACTIONS) as [ItemAction, (typeof ITEM_ACTIONS)[ItemAction]][]) {
    if (!canTakeAction(row.state, action) || !hasPermission(principal, definition.permission)) continue;
    let scope = scopes.get(definition.permission);
    if (!scope) {
      scope = await scopeFor(db, principal, definition.permission);
      scopes.set(definition.permission, scope);
    }
    if (scopeIncludesOrg(scope, row.org_id)) result.push(action);
  }
  return result;
}

export async function itemDetail(db: Db, principal: Principal, row: ItemRow, ctx: ItemContext): Promise<ItemDetail> {
  const org = await db.selectFrom('organization').select('name').where('id', '=', row.org_id).executeTakeFirst();
  const [links, attachments, abilities] = await Promise.all([
    loadLinks(db, row.id, false),
    loadAttachments(db, row.id, (fileId) => `/api/items/${row.id}/files/${fileId}`),
    abilitiesOf(db, principal, row),
  ]);
  return {
    ...itemSummary({ ...row, org_name: org?.name ?? null }, ctx),
    bodyHtml: row.body_html, rejectReason: row.reject_reason, withdrawReason: row.withdraw_reason, withdrawnAt: row.withdrawn_at,
    createdAt: row.created_at, attachments, ...links, abilities,
  };
}

/** The staff list, in the reader's scope, with Art 26 filters computed against today. */
export async function listItems(db: Db, scope: Scope, filter: ItemListQuery, ctx: ItemContext): Promise<Page<ItemSummary>> {
  let query = db.selectFrom('info_item').leftJoin('organization', 'organization.id', 'info_item.org_id');
  if (!scope.isAll) query = query.where('info_item.org_id', 'in', scope.orgIds.length ? scope.orgIds : [-1]);
  if (filter.state) query = query.where('info_item.state', '=', filter.state);
  if (filter.category) query = query.where('info_item.category', '=', filter.category);
  if (filter.orgId) query = query.where('info_item.org_id', '=', filter.orgId);
  if (filter.formedFrom) query = query.where('info_item.formed_on', '>=', filter.formedFrom);
  if (filter.formedTo) query = query.where('info_item.formed_on', '<=', filter.formedTo);
  if (filter.q) query = query.where(containsText('info_item.title', filter.q));
  const unpublished = ['draft', 'submitted', 'scheduled'];
  if (filter.timeliness === 'overdue') query = query.where('info_item.state', 'in', unpublished).where('info_item.due_on', '<', ctx.today);
  if (filter.timeliness === 'due_soon') {
    const limit = ctx.calendar.addWorkingDays(ctx.today, ctx.nearDue);
    query = query.where('info_item.state', 'in', unpublished).where('info_item.due_on', '>=', ctx.today).where('info_item.due_on', '<=', limit);
  }
  if (filter.timeliness === 'late') query = query.where('info_item.published_on', 'is not', null).whereRef('info_item.published_on', '>', 'info_item.due_on');
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('info_item')
    .select('organization.name as org_name')
    .orderBy(filter.timeliness ? 'info_item.due_on' : 'info_item.updated_at', filter.timeliness ? 'asc' : 'desc')
    .orderBy('info_item.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items: rows.map((row) => itemSummary(row, ctx)), total: Number(total), page: filter.page, pageSize: filter.pageSize };
}
