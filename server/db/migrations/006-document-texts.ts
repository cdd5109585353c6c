import type { Kysely } from 'kysely';
import type { DialectName } from '../client.ts';
import { autoIncrementId } from './auto-id.ts';

/** Administrators' wording of the editable passages of document templates (文书模板), per kind and organisation. */
export function documentTextsMigration(dialect: DialectName) {
  const { idType, idColumn } = autoIncrementId(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('document_text')
        .addColumn('id', idType, idColumn)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('slot', 'text', (c) => c.notNull())
        .addColumn('org_id', 'integer', (c) => c.references('organization.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'integer')
        .execute();
      await db.schema.createIndex('document_text_kind_idx').on('document_text').columns(['kind', 'slot', 'org_id']).unique().execute();
    },
    async down() {
      throw new Error('document texts migration cannot be reverted');
    },
  };
}
