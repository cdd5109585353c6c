import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { migrateTo, migrateToLatest } from '../migrate.ts';

let ctx: TestPlatform;
beforeAll(async () => {
  ctx = await createTestPlatform({ seed: true });
});
afterAll(async () => {
  await ctx.close();
});

describe('migration 015: case lookup keys', () => {
  it('fills the lookup key of existing mediation and disclosure cases from their facets', async () => {
    const { db, dialect } = ctx.platform;
    const handle = { db, dialect, describe: 'test' };
    await migrateTo(handle, '014-clock-watch-index');
    const org = await db.selectFrom('organization').select('id').executeTakeFirstOrThrow();
    const cases = [
      ['mediation', 'M-1', '{"ledgerKey":"东调2024-001","outcome":"agreed"}'],
      ['mediation', 'M-2', '{"outcome":"agreed"}'],
      ['disclosure', 'D-1', '{"channel":"online","queryCode":"ab12"}'],
      ['reconsideration', 'R-1', '{"ledgerKey":"not a lookup key here"}'],
    ];
    for (const [procedure, caseNo, facets] of cases) {
      await sql`insert into proc_case (procedure, table_version, case_no, title, state, org_id, data_json, version, opened_on, last_event_on, clock_status, search_text, facets_json, created_at, updated_at)
        values (${procedure}, '1', ${caseNo}, 't', 's', ${org.id}, '{}', 1, '2024-01-02', '2024-01-02', 'idle', '', ${facets}, '2024-01-02', '2024-01-02')`.execute(db);
    }
    await migrateToLatest(handle);
    const keys = await db.selectFrom('proc_case').select(['case_no', 'lookup_key']).where('case_no', 'in', cases.map((c) => c[1])).orderBy('case_no').execute();
    expect(keys).toEqual([
      { case_no: 'D-1', lookup_key: 'ab12' },
      { case_no: 'M-1', lookup_key: '东调2024-001' },
      { case_no: 'M-2', lookup_key: null },
      { case_no: 'R-1', lookup_key: null },
    ]);
  });
});
