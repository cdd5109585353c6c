import type { Kysely } from 'kysely';
import type { DialectName } from '../client.ts';
import { autoIncrementId } from './auto-id.ts';

/** Figures entered (填报) by departments where the platform holds no records yet, with approval. */
export function indicatorsMigration(dialect: DialectName) {
  const { idType, idColumn } = autoIncrementId(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('entered_figure')
        .addColumn('id', idType, idColumn)
        .addColumn('indicator_id', 'text', (c) => c.notNull())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('value', 'real', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('file_id', 'integer', (c) => c.references('stored_file.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('entered_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .addColumn('reviewed_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('reviewed_at', 'text')
        .addColumn('review_note', 'text')
        .execute();
      await db.schema.createIndex('entered_figure_lookup_idx').on('entered_figure').columns(['indicator_id', 'year', 'org_id']).execute();
    },
    async down() {
      throw new Error('indicators migration cannot be reverted');
    },
  };
}
