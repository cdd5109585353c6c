import type { Kysely } from 'kysely';
import type { DialectName } from '../client.ts';
import { autoIncrementId } from './auto-id.ts';

/** Document numbers (发文字号), generated documents and stored files (attachments kept outside the database). */
export function documentsFilesMigration(dialect: DialectName) {
  // The only dialect difference, as in 001: how an auto-increment key is declared.
  const { idType, idColumn } = autoIncrementId(dialect);

  return {
    async up(db: Kysely<unknown>) {
      // One counter per (organisation, document kind, year): numbers restart each year and never skip.
      await db.schema
        .createTable('doc_number_sequence')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last_value', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('doc_number_sequence_pk', ['org_id', 'kind', 'year'])
        .execute();

      // org_id NULL is the default format for every organisation; an organisation's own row overrides it.
      await db.schema
        .createTable('doc_number_format')
        .addColumn('id', idType, idColumn)
        .addColumn('org_id', 'integer', (c) => c.references('organization.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('pattern', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('doc_number_format_kind_idx').on('doc_number_format').columns(['kind', 'org_id']).execute();

      await db.schema
        .createTable('stored_file')
        .addColumn('id', idType, idColumn)
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('original_name', 'text', (c) => c.notNull())
        .addColumn('storage_path', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text')
        .addColumn('subject_id', 'text')
        .execute();
      await db.schema.createIndex('stored_file_subject_idx').on('stored_file').columns(['subject_type', 'subject_id']).execute();
      await db.schema.createIndex('stored_file_sha256_idx').on('stored_file').column('sha256').execute();

      await db.schema
        .createTable('document')
        .addColumn('id', idType, idColumn)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('doc_number', 'text')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('subject_type', 'text')
        .addColumn('subject_id', 'text')
        .addColumn('file_id', 'integer', (c) => c.notNull().references('stored_file.id'))
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('document_subject_idx').on('document').columns(['subject_type', 'subject_id']).execute();
      await db.schema.createIndex('document_org_idx').on('document').column('org_id').execute();
    },
    async down() {
      throw new Error('documents and files migration cannot be reverted');
    },
  };
}
