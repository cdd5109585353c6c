import { sql, type RawBuilder } from 'kysely';
import type { Db, DialectName } from '../../db/client.ts';
import type { Page } from '../http/paging.ts';
import { highlight, snippet } from './highlight.ts';
import { parseQuery, toFts5Match, toTsQuery } from './query.ts';
import { normalizeText } from './tokenize.ts';

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

/** `total` counts at most RANKED_CANDIDATES; `isCapped` says there are more matches than were ranked. */
export type SearchResult = Page<SearchHit> & { terms: string[]; isCapped: boolean };

/**
 * How many of the newest matches are ranked. Ranking every match costs time in proportion to how common the
 * words are — worse, FTS5's bm25 counts every record holding each term to weigh it (≈ 80 ms a query at
 * 1,000,000 items, docs/PERFORMANCE.md). Ranking the newest few hundred keeps a search's work bounded however
 * large the installation grows. A portal reader wants recent information first anyway (300 are 30 pages), and
 * is told to add words when there are more matches than this. Each candidate costs ≈ 2 µs (FTS5 and its title):
 * 500 left 2- and 4-character searches at 1,000,000 items just over their 100 ms p95 target.
 */
export const RANKED_CANDIDATES = 300;

type Candidate = { id: number; title: string };

type Row = {
  id: number;
  subject_type: string;
  subject_id: number;
  org_id: number | null;
  kind: string | null;
  title: string;
  body_text: string;
  published_at: string;
};

/**
 * Ranked, paged full-text search over one kind of published record. The newest RANKED_CANDIDATES matches (by
 * index order) are ranked: records whose title holds more of the query's terms first, then the newest. Both
 * backends rank the same way, in JS, from titles only (read before the long body in each row). A query
 * without any letter or digit finds nothing.
 */
export async function searchDocuments(db: Db, dialect: DialectName, request: SearchRequest): Promise<SearchResult> {
  const terms = parseQuery(request.q);
  const empty: SearchResult = { items: [], total: 0, page: request.page, pageSize: request.pageSize, terms: terms.map((t) => t.text), isCapped: false };
  if (!terms.length || (request.orgIds && !request.orgIds.length)) return empty;
  const filters: RawBuilder<unknown>[] = [sql`e.subject_type = ${request.subjectType}`];
  if (request.orgIds) filters.push(sql`e.org_id in (${sql.join(request.orgIds)})`);
  if (request.kind) filters.push(sql`e.kind = ${request.kind}`);
  const where = sql.join(filters, sql` and `);
  // One more than is ranked, to know whether there are more.
  const limit = RANKED_CANDIDATES + 1;

  const candidates = dialect === 'postgres'
    ? (await sql<Candidate>`select e.id, e.title from search_entry e
        where e.tsv @@ to_tsquery('simple', ${toTsQuery(terms)}) and ${where} order by e.id desc limit ${limit}`.execute(db)).rows
    : (await sql<Candidate>`select search_fts.rowid as id, e.title from search_fts join search_entry e on e.id = search_fts.rowid
        where search_fts match ${toFts5Match(terms)} and ${where} order by search_fts.rowid desc limit ${limit}`.execute(db)).rows;
  const isCapped = candidates.length > RANKED_CANDIDATES;
  const words = terms.map((t) => t.text);
  const ranked = candidates
    .slice(0, RANKED_CANDIDATES)
    .map((c) => ({ id: Number(c.id), inTitle: titleHits(c.title, words) }))
    .sort((a, b) => b.inTitle - a.inTitle || b.id - a.id);
  const offset = (request.page - 1) * request.pageSize;
  const pageIds = ranked.slice(offset, offset + request.pageSize).map((c) => c.id);
  const rows = pageIds.length
    ? await db.selectFrom('search_entry as e')
      .select(['e.id', 'e.subject_type', 'e.subject_id', 'e.org_id', 'e.kind', 'e.title', 'e.body_text', 'e.published_at'])
      .where('e.id', 'in', pageIds)
      .execute()
    : [];
  const rowOf = new Map<number, Row>(rows.map((row) => [Number(row.id), row]));
  const pageRows = pageIds.flatMap((id) => rowOf.get(id) ?? []);
  return {
    ...empty,
    total: ranked.length,
    isCapped,
    items: pageRows.map((row) => ({
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

/** How many of the terms (already normalised by parseQuery) the title holds, compared as the index does. */
function titleHits(title: string, words: string[]): number {
  const normalized = normalizeText(title);
  return words.filter((word) => normalized.includes(word)).length;
}
