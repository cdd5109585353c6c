import type { Kysely } from 'kysely';

/**
 * Indexes for the shapes the case list and the indicators query (measured in docs/PERFORMANCE.md): a list page
 * filters procedure, state and organisation and sorts by the soonest due date, so its ids come from one index;
 * an organisation's figures filter procedure and organisation before the period.
 */
export function caseQueryIndexesMigration() {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('proc_case_list_due_idx').on('proc_case').columns(['procedure', 'state', 'org_id', 'next_due_on']).execute();
      await db.schema.dropIndex('proc_case_list_idx').execute();
      await db.schema.createIndex('proc_case_org_opened_idx').on('proc_case').columns(['procedure', 'org_id', 'opened_on']).execute();
      await db.schema.createIndex('proc_case_org_closed_idx').on('proc_case').columns(['procedure', 'org_id', 'closed_on']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('proc_case_org_closed_idx').execute();
      await db.schema.dropIndex('proc_case_org_opened_idx').execute();
      await db.schema.createIndex('proc_case_list_idx').on('proc_case').columns(['procedure', 'state', 'org_id']).execute();
      await db.schema.dropIndex('proc_case_list_due_idx').execute();
    },
  };
}
