import type { Kysely } from 'kysely';
import type { DialectName } from '../client.ts';
import { autoIncrementId } from './auto-id.ts';

/**
 * 法治政府建设年度报告: one report per organisation and year, its narrative (parts with figure references),
 * the figures frozen when it is signed (签发), and the history of its workflow.
 */
export function annualReportsMigration(dialect: DialectName) {
  const { idType, idColumn } = autoIncrementId(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('annual_report')
        .addColumn('id', idType, idColumn)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('content_json', 'text', (c) => c.notNull())
        .addColumn('figures_json', 'text')
        .addColumn('doc_number', 'text')
        .addColumn('signed_on', 'text')
        .addColumn('item_id', 'integer')
        .addColumn('published_on', 'text')
        .addColumn('submitted_by', 'integer')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('annual_report_org_year_uq').unique().on('annual_report').columns(['org_id', 'year']).execute();
      await db.schema.createIndex('annual_report_year_idx').on('annual_report').columns(['year', 'state']).execute();

      await db.schema
        .createTable('annual_report_event')
        .addColumn('id', idType, idColumn)
        .addColumn('report_id', 'integer', (c) => c.notNull().references('annual_report.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text', (c) => c.notNull())
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('actor_id', 'integer')
        .addColumn('actor_name', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('annual_report_event_report_idx').on('annual_report_event').column('report_id').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('annual_report_event').execute();
      await db.schema.dropTable('annual_report').execute();
    },
  };
}
