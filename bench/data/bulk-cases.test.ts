import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform } from '../../test/support/platform.ts';
import { loadCalendar } from '../../server/platform/calendar/store.ts';
import { todayInChina } from '../../server/platform/engine/plan.ts';
import { allSettingValues } from '../../server/platform/settings/service.ts';
import { litigation } from '../../server/procedures/litigation/procedure.ts';
import { reconsideration } from '../../server/procedures/reconsideration/procedure.ts';
import { insertCaseHistories, type BulkContext } from './bulk-cases.ts';
import { litigationHistories, reconsiderationHistories, type HistoryContext } from './case-histories.ts';
import { createRandom } from './random.ts';

let ctx: Awaited<ReturnType<typeof createTestPlatform>>;
let bulk: BulkContext;
let history: HistoryContext;
let justiceId: number;

beforeAll(async () => {
  ctx = await createTestPlatform({ seed: true });
  const orgs = await ctx.platform.db.selectFrom('organization').select(['id', 'code']).execute();
  const id = (code: string) => orgs.find((o) => o.code === code)!.id;
  justiceId = id('justice');
  const calendar = await loadCalendar(ctx.platform);
  bulk = { calendar, settings: await allSettingValues(ctx.platform.db), today: todayInChina(), nearDue: 3, actor: { id: null, name: '迁移', ip: null }, userId: null };
  history = { year: 2024, today: bulk.today, place: '示例', departmentIds: [id('market'), id('edu')], governmentId: id('county') };
});
afterAll(async () => {
  await ctx?.close();
});

describe('historical cases written like an import', () => {
  it('writes each planned history with its events, clocks and case number, and runs the procedure\'s afterApply', async () => {
    const histories = reconsiderationHistories(createRandom(3), 4, history);
    const ids = await insertCaseHistories(ctx.platform, reconsideration, justiceId, histories, bulk);
    expect(ids).toHaveLength(4);
    const cases = await ctx.platform.db.selectFrom('proc_case').selectAll().where('id', 'in', ids).orderBy('id').execute();
    for (const [i, row] of cases.entries()) {
      expect(row.version).toBe(histories[i].length);
      expect(row.case_no).toMatch(/〔2024〕\d+号$/);
      const events = await ctx.platform.db.selectFrom('case_event').select('action').where('case_id', '=', row.id).orderBy('seq').execute();
      expect(events.map((e) => e.action)).toEqual(histories[i].map((s) => s.action));
      // recordReviewedAct: the act under review is recorded and linked, its id and the respondent kept in the data.
      const data = JSON.parse(row.data_json) as { respondentName?: string; act?: { actId?: number } };
      expect(data.respondentName).toBeTruthy();
      const link = await ctx.platform.db.selectFrom('record_link').selectAll().where('from_type', '=', 'case').where('from_id', '=', row.id).executeTakeFirstOrThrow();
      expect(link).toMatchObject({ relation: 'reviews', to_type: 'act', to_id: data.act?.actId });
    }
    const clocks = await ctx.platform.db.selectFrom('case_clock').select('case_id').where('case_id', 'in', ids).execute();
    expect(new Set(clocks.map((c) => c.case_id)).size).toBe(4);
    const audit = await ctx.platform.db.selectFrom('audit_log').select('after_json').where('action', '=', 'reconsideration.bulk.import').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after_json!)).toMatchObject({ cases: 4, firstCaseId: ids[0], lastCaseId: ids[3] });
  });

  it('stores facets that depend on afterApply\'s data, as applyAction does', async () => {
    const ids = await insertCaseHistories(ctx.platform, litigation, justiceId, litigationHistories(createRandom(5), 3, history), bulk);
    const rows = await ctx.platform.db.selectFrom('proc_case').select('facets_json').where('id', 'in', ids).execute();
    for (const row of rows) expect(JSON.parse(row.facets_json)).toMatchObject({ defendantKind: expect.stringMatching(/^(department|government)$/) });
  });
});
