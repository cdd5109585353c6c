import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DialectName } from '../../db/client.ts';
import { indexTokens, MAX_INDEXED_CHARS } from './tokenize.ts';

/** A published record as the index keeps it. Callers write it in the transaction that publishes the record. */
export type SearchDocument = {
  subjectType: string;
  subjectId: number;
  orgId: number | null;
  /** A filterable kind, e.g. an item's category. */
  kind: string | null;
  title: string;
  body: string;
  publishedAt: string;
};

/**
 * Adds or replaces a record in the index. SQLite: the FTS5 row with rowid = search_entry.id.
 * PostgreSQL: the tsv column, with weights A (title words), B (body words), C (grams), D (chars),
 * made by to_tsvector('simple', …) from the same token strings.
 */
export async function indexDocument(trx: Transaction<Database>, dialect: DialectName, doc: SearchDocument): Promise<void> {
  const values = entryValues(doc);
  const existing = await trx
    .selectFrom('search_entry')
    .select('id')
    .where('subject_type', '=', doc.subjectType)
    .where('subject_id', '=', doc.subjectId)
    .executeTakeFirst();
  let id: number;
  if (existing) {
    id = existing.id;
    await trx.updateTable('search_entry').set(values).where('id', '=', id).execute();
  } else {
    id = (await trx.insertInto('search_entry').values(values).returning('id').executeTakeFirstOrThrow()).id;
  }
  const tokens = indexTokens(doc.title, doc.body);
  if (dialect === 'postgres') {
    await sql`update search_entry set tsv =
        setweight(to_tsvector('simple', ${tokens.titleWords}), 'A') ||
        setweight(to_tsvector('simple', ${tokens.bodyWords}), 'B') ||
        setweight(to_tsvector('simple', ${tokens.grams}), 'C') ||
        setweight(to_tsvector('simple', ${tokens.chars}), 'D')
      where id = ${id}`.execute(trx);
    return;
  }
  await sql`delete from search_fts where rowid = ${id}`.execute(trx);
  await sql`insert into search_fts (rowid, title_words, body_words, grams, chars)
    values (${id}, ${tokens.titleWords}, ${tokens.bodyWords}, ${tokens.grams}, ${tokens.chars})`.execute(trx);
}

/**
 * Adds many records not yet in the index with a few statements (bulk imports): one multi-row insert of the
 * entries, then their tokens in one statement. A record already indexed fails the unique key.
 */
export async function indexNewDocuments(trx: Transaction<Database>, dialect: DialectName, docs: SearchDocument[]): Promise<void> {
  if (!docs.length) return;
  const inserted = await trx.insertInto('search_entry').values(docs.map(entryValues)).returning(['id', 'subject_type', 'subject_id']).execute();
  // Matched by subject, not by position: neither backend promises RETURNING rows in VALUES order.
  const idOf = new Map(inserted.map((row) => [`${row.subject_type}:${row.subject_id}`, row.id]));
  const rows = docs.map((doc) => ({ id: idOf.get(`${doc.subjectType}:${doc.subjectId}`)!, tokens: indexTokens(doc.title, doc.body) }));
  if (dialect === 'postgres') {
    const values = sql.join(rows.map(({ id, tokens: t }) => sql`(${id}::integer, ${t.titleWords}::text, ${t.bodyWords}::text, ${t.grams}::text, ${t.chars}::text)`));
    await sql`update search_entry set tsv =
        setweight(to_tsvector('simple', v.title_words), 'A') ||
        setweight(to_tsvector('simple', v.body_words), 'B') ||
        setweight(to_tsvector('simple', v.grams), 'C') ||
        setweight(to_tsvector('simple', v.chars), 'D')
      from (values ${values}) as v(id, title_words, body_words, grams, chars)
      where search_entry.id = v.id`.execute(trx);
    return;
  }
  const values = sql.join(rows.map(({ id, tokens: t }) => sql`(${id}, ${t.titleWords}, ${t.bodyWords}, ${t.grams}, ${t.chars})`));
  await sql`insert into search_fts (rowid, title_words, body_words, grams, chars) values ${values}`.execute(trx);
}

function entryValues(doc: SearchDocument) {
  return {
    subject_type: doc.subjectType,
    subject_id: doc.subjectId,
    org_id: doc.orgId,
    kind: doc.kind,
    title: doc.title,
    body_text: doc.body.slice(0, MAX_INDEXED_CHARS),
    published_at: doc.publishedAt,
  };
}

/** Takes a record out of the index (withdrawn, deleted); a no-op when it is not there. */
export async function removeDocument(trx: Transaction<Database>, dialect: DialectName, subjectType: string, subjectId: number): Promise<void> {
  const existing = await trx
    .selectFrom('search_entry')
    .select('id')
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  if (!existing) return;
  if (dialect === 'sqlite') await sql`delete from search_fts where rowid = ${existing.id}`.execute(trx);
  await trx.deleteFrom('search_entry').where('id', '=', existing.id).execute();
}
