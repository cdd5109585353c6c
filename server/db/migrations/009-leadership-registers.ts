import type { CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../client.ts';
import { autoIncrementId } from './auto-id.ts';

/**
 * 法治建设第一责任人 registers (党政主要负责人履行推进法治建设第一责任人职责规定): 会前学法 study sessions,
 * 述法 law reports, 宪法宣誓 ceremonies and 学法培训 sessions. Records are voided with a reason, never deleted.
 */
export function leadershipRegistersMigration(dialect: DialectName) {
  const { idType, idColumn } = autoIncrementId(dialect);

  /** The columns every register shares (server/db/schema-leadership.ts LeadershipRegisterColumns). */
  const common = <T extends string>(builder: CreateTableBuilder<T, never>) =>
    builder
      .addColumn('id', idType, idColumn)
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
      .addColumn('held_on', 'text', (c) => c.notNull());

  const audit = <T extends string>(builder: CreateTableBuilder<T, never>) =>
    builder
      .addColumn('is_voided', 'integer', (c) => c.notNull())
      .addColumn('void_reason', 'text')
      .addColumn('voided_at', 'text')
      .addColumn('voided_by', 'integer')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer')
      .addColumn('updated_at', 'text', (c) => c.notNull());

  const tables = ['leader_study_session', 'leader_law_report', 'constitution_oath', 'law_training'] as const;

  return {
    async up(db: Kysely<unknown>) {
      await audit(common(db.schema.createTable('leader_study_session'))
        .addColumn('meeting', 'text', (c) => c.notNull())
        .addColumn('topics', 'text', (c) => c.notNull())
        .addColumn('laws_json', 'text', (c) => c.notNull())
        .addColumn('presenter', 'text'))
        .execute();

      await audit(common(db.schema.createTable('leader_law_report'))
        .addColumn('leader_name', 'text', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('form', 'text', (c) => c.notNull())
        .addColumn('occasion', 'text')
        .addColumn('comments', 'text'))
        .execute();

      await audit(common(db.schema.createTable('constitution_oath'))
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('organiser', 'text', (c) => c.notNull())
        .addColumn('sworn_count', 'integer', (c) => c.notNull())
        .addColumn('names_json', 'text', (c) => c.notNull())
        .addColumn('basis', 'text', (c) => c.notNull()))
        .execute();

      await audit(common(db.schema.createTable('law_training'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('hours', 'double precision', (c) => c.notNull())
        .addColumn('participant_count', 'integer', (c) => c.notNull())
        .addColumn('organiser', 'text', (c) => c.notNull()))
        .execute();

      // Lists and indicators select by organisation and period.
      for (const table of tables) {
        await db.schema.createIndex(`${table}_org_date_idx`).on(table).columns(['org_id', 'held_on']).execute();
        await db.schema.createIndex(`${table}_date_idx`).on(table).column('held_on').execute();
      }
    },
    async down() {
      throw new Error('leadership registers migration cannot be reverted');
    },
  };
}
