import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../client.ts';

/**
 * `proc_case.lookup_key`: the value of a procedure's lookup-key facet in its own indexed column
 * (engine/case-facets.ts). A ledger import used to load every 台账编号 of the committee to skip rows already
 * imported — 500,000 keys and ≈ 100 MB for a busy committee; it now asks the index one batch at a time.
 * Existing cases get the keys their facets hold (the two procedures that declare one at this version).
 */
export function caseLookupKeyMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('proc_case').addColumn('lookup_key', 'text').execute();
      for (const [procedure, facet] of [['mediation', 'ledgerKey'], ['disclosure', 'queryCode']]) {
        const value = dialect === 'postgres' ? sql`(facets_json::json ->> ${facet})` : sql`json_extract(facets_json, ${`$.${facet}`})`;
        await sql`update proc_case set lookup_key = ${value} where procedure = ${procedure}`.execute(db);
      }
      await db.schema.createIndex('proc_case_lookup_idx').on('proc_case').columns(['procedure', 'lookup_key', 'org_id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('proc_case_lookup_idx').execute();
      await db.schema.alterTable('proc_case').dropColumn('lookup_key').execute();
    },
  };
}
