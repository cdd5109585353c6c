import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../client.ts';

/**
 * SQLite only: the FTS5 index no longer keeps a copy of its token strings. Nothing reads them back (hits are
 * highlighted from `search_entry.body_text`), yet they were the largest part of a published item on disk
 * (≈ 11 of 25 KB, docs/PERFORMANCE.md). A contentless table with `contentless_delete=1` still supports the
 * delete-then-insert of `index-store.ts`, and bm25 needs only the index. The index is copied over as it is.
 */
export function contentlessSearchIndexMigration(dialect: DialectName) {
  const tokenize = sql.raw(`tokenize = 'unicode61 remove_diacritics 0'`);
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'sqlite') return;
      await sql`create virtual table search_fts_new using fts5(title_words, body_words, grams, chars,
        content = '', contentless_delete = 1, ${tokenize})`.execute(db);
      await sql`insert into search_fts_new (rowid, title_words, body_words, grams, chars)
        select rowid, title_words, body_words, grams, chars from search_fts`.execute(db);
      await sql`drop table search_fts`.execute(db);
      await sql`alter table search_fts_new rename to search_fts`.execute(db);
    },
    async down() {
      throw new Error('the contentless search index cannot be reverted (its token strings are not kept)');
    },
  };
}
