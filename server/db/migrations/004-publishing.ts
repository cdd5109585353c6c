import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../client.ts';
import { autoIncrementId } from './auto-id.ts';

/**
 * Proactive disclosure items (主动公开的政府信息), their attachments, and the full-text index.
 * The index is the one unavoidable dialect switch beyond key declarations: an FTS5 virtual table on
 * SQLite, a tsvector column with a GIN index on PostgreSQL. Both hold the same pre-made tokens
 * (server/platform/search/tokenize.ts), so both backends find the same records.
 */
export function publishingMigration(dialect: DialectName) {
  const { idType, idColumn } = autoIncrementId(dialect);

  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('info_item')
        .addColumn('id', idType, idColumn)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('doc_number', 'text')
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('body_text', 'text', (c) => c.notNull())
        .addColumn('formed_on', 'text', (c) => c.notNull())
        .addColumn('is_change', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('publish_at', 'text')
        .addColumn('published_at', 'text')
        .addColumn('published_on', 'text')
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('reject_reason', 'text')
        .addColumn('withdraw_reason', 'text')
        .addColumn('withdrawn_at', 'text')
        .addColumn('click_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('submitted_by', 'integer')
        .addColumn('reviewed_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('info_item_state_idx').on('info_item').columns(['state', 'published_at']).execute();
      await db.schema.createIndex('info_item_catalogue_idx').on('info_item').columns(['org_id', 'category', 'state']).execute();
      await db.schema.createIndex('info_item_due_idx').on('info_item').columns(['state', 'due_on']).execute();

      await db.schema
        .createTable('info_item_attachment')
        .addColumn('item_id', 'integer', (c) => c.notNull().references('info_item.id'))
        .addColumn('file_id', 'integer', (c) => c.notNull().references('stored_file.id'))
        .addColumn('sort', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('info_item_attachment_pk', ['item_id', 'file_id'])
        .execute();

      await db.schema
        .createTable('search_entry')
        .addColumn('id', idType, idColumn)
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'integer', (c) => c.notNull())
        .addColumn('org_id', 'integer')
        .addColumn('kind', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body_text', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('search_entry_subject_uq', ['subject_type', 'subject_id'])
        .execute();

      if (dialect === 'postgres') {
        await sql`alter table search_entry add column tsv tsvector not null default ''::tsvector`.execute(db);
        await sql`create index search_entry_tsv_idx on search_entry using gin (tsv)`.execute(db);
      } else {
        // Tokens arrive space-separated and already normalised; unicode61 only splits on the spaces.
        await sql`create virtual table search_fts using fts5(title_words, body_words, grams, chars, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
      }
    },
    async down() {
      throw new Error('publishing migration cannot be reverted');
    },
  };
}
