import { sql, type RawBuilder } from 'kysely';
import type { Db, DialectName } from '../../db/client.ts';
import type { Page } from '../http/paging.ts';
import { highlight, snippet } from './highlight.ts';
import { parseQuery, toFts5Match, toTsQuery } from './query.ts';

export type SearchRequest = {
  q: string;
  subjectType: string;
  /** Only records of these organisations (a data scope or a portal filter). */
  orgIds?: number[];
  kind?: string;
  page: number;
  pageSize: number;
};

export type SearchHit = {
  subjectType: string;
  subjectId: number;
  orgId: number | null;
  kind: string | null;
  title: string;
  /** Escaped HTML with the terms in <mark>. */
  titleHtml: string;
  snippetHtml: string;
  publishedAt: string;
};

export type SearchResult = Page<SearchHit> & { terms: string[] };

type Row = {
  subject_type: string;
  subject_id: number;
  org_id: number | null;
  kind: string | null;
  title: string;
  body_text: string;
  published_at: string;
};

/**
 * Ranked, paged full-text search over one kind of published record. Best matches first (FTS5 bm25 /
 * PostgreSQL ts_rank, title words weighing most), then the newest. A query without any letter or digit
 * finds nothing.
 */
export async function searchDocuments(db: Db, dialect: DialectName, request: SearchRequest): Promise<SearchResult> {
  const terms = parseQuery(request.q);
  const empty: SearchResult = { items: [], total: 0, page: request.page, pageSize: request.pageSize, terms: terms.map((t) => t.text) };
  if (!terms.length || (request.orgIds && !request.orgIds.length)) return empty;
  const filters: RawBuilder<unknown>[] = [sql`e.subject_type = ${request.subjectType}`];
  if (request.orgIds) filters.push(sql`e.org_id in (${sql.join(request.orgIds)})`);
  if (request.kind) filters.push(sql`e.kind = ${request.kind}`);
  const where = sql.join(filters, sql` and `);
  const offset = (request.page - 1) * request.pageSize;
  const columns = sql`e.subject_type, e.subject_id, e.org_id, e.kind, e.title, e.body_text, e.published_at`;

  let total: number;
  let rows: Row[];
  if (dialect === 'postgres') {
    const query = sql`to_tsquery('simple', ${toTsQuery(terms)})`;
    const counted = await sql<{ n: number }>`select count(*) as n from search_entry e where e.tsv @@ ${query} and ${where}`.execute(db);
    total = Number(counted.rows[0]?.n ?? 0);
    rows = (await sql<Row>`select ${columns}, ts_rank('{0.1,0.2,0.4,1.0}'::float4[], e.tsv, ${query}) as rank
      from search_entry e where e.tsv @@ ${query} and ${where}
      order by rank desc, e.published_at desc, e.id desc limit ${request.pageSize} offset ${offset}`.execute(db)).rows;
  } else {
    const match = toFts5Match(terms);
    const from = sql`search_fts join search_entry e on e.id = search_fts.rowid where search_fts match ${match} and ${where}`;
    const counted = await sql<{ n: number }>`select count(*) as n from ${from}`.execute(db);
    total = Number(counted.rows[0]?.n ?? 0);
    // bm25 is lower for better matches; column weights: title words, body words, grams, chars.
    rows = (await sql<Row>`select ${columns}, bm25(search_fts, 10.0, 3.0, 1.0, 0.5) as rank from ${from}
      order by rank, e.published_at desc, e.id desc limit ${request.pageSize} offset ${offset}`.execute(db)).rows;
  }
  const words = terms.map((t) => t.text);
  return {
    ...empty,
    total,
    items: rows.map((row) => ({
      subjectType: row.subject_type,
      subjectId: Number(row.subject_id),
      orgId: row.org_id == null ? null : Number(row.org_id),
      kind: row.kind,
      title: row.title,
      titleHtml: highlight(row.title, words),
      snippetHtml: snippet(row.body_text, words),
      publishedAt: row.published_at,
    })),
  };
}
