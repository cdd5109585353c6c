import type { Db } from '../db/client.ts';
import type { Page } from '../platform/http/paging.ts';

/** What the public may read: published items only, never drafts, scheduled or withdrawn ones. */
export type PublicItem = {
  id: number;
  title: string;
  category: string;
  orgId: number;
  orgName: string;
  source: string;
  docNumber: string | null;
  formedOn: string;
  publishedOn: string;
  clickCount: number;
};

const publicColumns = [
  'info_item.id', 'info_item.title', 'info_item.category', 'info_item.org_id', 'organization.name as org_name', 'info_item.source',
  'info_item.doc_number', 'info_item.formed_on', 'info_item.published_on', 'info_item.click_count',
] as const;

type PublicRow = {
  id: number; title: string; category: string; org_id: number; org_name: string; source: string;
  doc_number: string | null; formed_on: string; published_on: string | null; click_count: number;
};

const toPublic = (r: PublicRow): PublicItem => ({
  id: r.id, title: r.title, category: r.category, orgId: r.org_id, orgName: r.org_name, source: r.source,
  docNumber: r.doc_number, formedOn: r.formed_on, publishedOn: r.published_on ?? '', clickCount: Number(r.click_count),
});

function published(db: Db) {
  return db
    .selectFrom('info_item')
    .innerJoin('organization', 'organization.id', 'info_item.org_id')
    .where('info_item.state', '=', 'published');
}

export async function siteName(db: Db): Promise<string> {
  const root = await db.selectFrom('organization').select('name').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
  return root?.name ?? '人民政府';
}

export async function latestItems(db: Db, limit: number): Promise<PublicItem[]> {
  const rows = await published(db).select(publicColumns).orderBy('info_item.published_at', 'desc').orderBy('info_item.id', 'desc').limit(limit).execute();
  return rows.map(toPublic);
}

/** The newest few items of each category, in one query (ROW_NUMBER per category on both backends). */
export async function latestByCategory(db: Db, perCategory: number): Promise<Map<string, PublicItem[]>> {
  const ranked = published(db).select((eb) => [
    ...publicColumns,
    eb.fn.agg<number>('row_number').over((ob) => ob.partitionBy('info_item.category').orderBy('info_item.published_at', 'desc').orderBy('info_item.id', 'desc')).as('rn'),
  ]);
  const rows = await db.selectFrom(ranked.as('ranked')).selectAll().where('rn', '<=', perCategory).orderBy('category').orderBy('rn').execute();
  const result = new Map<string, PublicItem[]>();
  for (const row of rows) {
    const list = result.get(row.category) ?? [];
    list.push(toPublic(row));
    result.set(row.category, list);
  }
  return result;
}

export type OrgCount = { id: number; name: string; count: number };

type OrgOrder = { id: number; path: string; sort: number };

/** The government first, then its departments and townships in their set order, then the level below. */
export function byOrgOrder(a: OrgOrder, b: OrgOrder): number {
  return a.path.split('/').length - b.path.split('/').length || a.sort - b.sort || a.id - b.id;
}

/** Organisations with something published. */
export async function publishingOrgs(db: Db): Promise<OrgCount[]> {
  const rows = await published(db)
    .select((eb) => ['organization.id', 'organization.name', 'organization.path', 'organization.sort', eb.fn.countAll<number>().as('n')])
    .groupBy(['organization.id', 'organization.name', 'organization.path', 'organization.sort'])
    .execute();
  return rows.sort(byOrgOrder).map((r) => ({ id: r.id, name: r.name, count: Number(r.n) }));
}

/** Organisations that take requests for information (政府信息公开条例第二十七条): governments, departments, townships. */
export async function acceptingOrgs(db: Db): Promise<{ id: number; name: string }[]> {
  const rows = await db
    .selectFrom('organization')
    .select(['id', 'name', 'path', 'sort'])
    .where('is_enabled', '=', 1)
    .where('kind', 'in', ['government', 'department', 'township'])
    .execute();
  return rows.sort(byOrgOrder).map((r) => ({ id: r.id, name: r.name }));
}

export async function categoryCounts(db: Db, orgId: number | null): Promise<Map<string, number>> {
  let query = published(db);
  if (orgId) query = query.where('info_item.org_id', '=', orgId);
  const rows = await query.select((eb) => ['info_item.category', eb.fn.countAll<number>().as('n')]).groupBy('info_item.category').execute();
  return new Map(rows.map((r) => [r.category, Number(r.n)]));
}

export async function catalogueItems(db: Db, filter: { orgId: number | null; category: string | null; page: number; pageSize: number }): Promise<Page<PublicItem>> {
  let query = published(db);
  if (filter.orgId) query = query.where('info_item.org_id', '=', filter.orgId);
  if (filter.category) query = query.where('info_item.category', '=', filter.category);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(publicColumns)
    .orderBy('info_item.published_at', 'desc')
    .orderBy('info_item.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items: rows.map(toPublic), total: Number(total), page: filter.page, pageSize: filter.pageSize };
}

export async function publishedItem(db: Db, id: number): Promise<(PublicItem & { bodyHtml: string; isChange: boolean }) | null> {
  const row = await published(db).select([...publicColumns, 'info_item.body_html', 'info_item.is_change']).where('info_item.id', '=', id).executeTakeFirst();
  return row ? { ...toPublic(row), bodyHtml: row.body_html, isChange: row.is_change === 1 } : null;
}

export async function publishedItemsByIds(db: Db, ids: number[]): Promise<Map<number, PublicItem>> {
  if (!ids.length) return new Map();
  // Looked up by key and checked for 已发布 here: with the state in SQL, SQLite (no statistics) walks the state
  // index, i.e. every published item, instead of the primary key (docs/PERFORMANCE.md).
  const rows = await db
    .selectFrom('info_item')
    .innerJoin('organization', 'organization.id', 'info_item.org_id')
    .select([...publicColumns, 'info_item.state'])
    .where('info_item.id', 'in', ids)
    .execute();
  return new Map(rows.filter((r) => r.state === 'published').map((r) => [r.id, toPublic(r)]));
}

/** A file the public may download: attached to an item that is published now. */
export async function publicAttachment(db: Db, itemId: number, fileId: number) {
  return published(db)
    .innerJoin('info_item_attachment', 'info_item_attachment.item_id', 'info_item.id')
    .innerJoin('stored_file', 'stored_file.id', 'info_item_attachment.file_id')
    .selectAll('stored_file')
    .where('info_item.id', '=', itemId)
    .where('stored_file.id', '=', fileId)
    .executeTakeFirst();
}
