import type { Kysely } from 'kysely';
import type { DialectName } from '../client.ts';
import { autoIncrementId } from './auto-id.ts';

/** 征求意见: drafts put to the public with a comment period, the comments and how each was handled. */
export function consultationMigration(dialect: DialectName) {
  const { idType, idColumn } = autoIncrementId(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('consultation')
        .addColumn('id', idType, idColumn)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('articles_json', 'text', (c) => c.notNull())
        .addColumn('opens_on', 'text', (c) => c.notNull())
        .addColumn('closes_on', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text')
        .addColumn('subject_id', 'text')
        .addColumn('summary', 'text')
        .addColumn('concluded_on', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('consultation_state_idx').on('consultation').columns(['state', 'closes_on']).execute();
      await db.schema
        .createTable('consultation_comment')
        .addColumn('id', idType, idColumn)
        .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultation.id'))
        .addColumn('article_no', 'integer')
        .addColumn('author_name', 'text')
        .addColumn('contact_enc', 'text')
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('ip_hash', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('handled_by', 'integer')
        .addColumn('handled_at', 'text')
        .execute();
      await db.schema.createIndex('consultation_comment_idx').on('consultation_comment').column('consultation_id').execute();
    },
    async down() {
      throw new Error('consultation migration cannot be reverted');
    },
  };
}
