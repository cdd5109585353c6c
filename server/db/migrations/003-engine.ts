import type { Kysely } from 'kysely';
import type { DialectName } from '../client.ts';
import { autoIncrementId } from './auto-id.ts';

/** Procedure engine: cases, their events and clocks, links between records, in-app messages, administrative acts. */
export function engineMigration(dialect: DialectName) {
  const { idType, idColumn } = autoIncrementId(dialect);

  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('proc_case')
        .addColumn('id', idType, idColumn)
        .addColumn('procedure', 'text', (c) => c.notNull())
        .addColumn('table_version', 'text', (c) => c.notNull())
        .addColumn('case_no', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('handler_id', 'integer', (c) => c.references('app_user.id'))
        .addColumn('data_json', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('opened_on', 'text', (c) => c.notNull())
        .addColumn('closed_on', 'text')
        .addColumn('last_event_on', 'text', (c) => c.notNull())
        .addColumn('next_due_on', 'text')
        .addColumn('clock_status', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('facets_json', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // Case numbers run per organisation (each has its own series), so they are unique within one.
        .addUniqueConstraint('proc_case_no_uq', ['procedure', 'org_id', 'case_no'])
        .execute();
      await db.schema.createIndex('proc_case_list_idx').on('proc_case').columns(['procedure', 'state', 'org_id']).execute();
      await db.schema.createIndex('proc_case_due_idx').on('proc_case').columns(['procedure', 'next_due_on']).execute();
      await db.schema.createIndex('proc_case_opened_idx').on('proc_case').columns(['procedure', 'opened_on']).execute();
      await db.schema.createIndex('proc_case_closed_idx').on('proc_case').columns(['procedure', 'closed_on']).execute();

      await db.schema
        .createTable('case_event')
        .addColumn('id', idType, idColumn)
        .addColumn('case_id', 'integer', (c) => c.notNull().references('proc_case.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('input_json', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'integer')
        .addColumn('actor_name', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addUniqueConstraint('case_event_seq_uq', ['case_id', 'seq'])
        .execute();

      await db.schema
        .createTable('case_clock')
        .addColumn('case_id', 'integer', (c) => c.notNull().references('proc_case.id'))
        .addColumn('clock_key', 'text', (c) => c.notNull())
        .addColumn('events_json', 'text', (c) => c.notNull())
        .addColumn('run', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_checked_on', 'text')
        .addPrimaryKeyConstraint('case_clock_pk', ['case_id', 'clock_key'])
        .execute();
      await db.schema.createIndex('case_clock_status_idx').on('case_clock').columns(['run', 'due_on']).execute();

      await db.schema
        .createTable('record_link')
        .addColumn('id', idType, idColumn)
        .addColumn('from_type', 'text', (c) => c.notNull())
        .addColumn('from_id', 'integer', (c) => c.notNull())
        .addColumn('relation', 'text', (c) => c.notNull())
        .addColumn('to_type', 'text', (c) => c.notNull())
        .addColumn('to_id', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('record_link_uq', ['from_type', 'from_id', 'relation', 'to_type', 'to_id'])
        .execute();
      await db.schema.createIndex('record_link_to_idx').on('record_link').columns(['to_type', 'to_id']).execute();

      await db.schema
        .createTable('admin_act')
        .addColumn('id', idType, idColumn)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('doc_number', 'text')
        .addColumn('decided_on', 'text')
        .addColumn('summary', 'text')
        .addColumn('source_type', 'text')
        .addColumn('source_id', 'integer')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('admin_act_org_idx').on('admin_act').column('org_id').execute();

      await db.schema
        .createTable('message')
        .addColumn('id', idType, idColumn)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('link', 'text')
        .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema.createIndex('message_user_idx').on('message').columns(['user_id', 'read_at']).execute();
    },
    async down() {
      throw new Error('engine migration cannot be reverted');
    },
  };
}
