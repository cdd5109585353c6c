import { sql } from 'kysely';
import { appendAudit } from '../../server/platform/audit/append.ts';
import { loadCalendar } from '../../server/platform/calendar/store.ts';
import { inTransaction, type Actor, type Platform } from '../../server/platform/context.ts';
import { todayInChina } from '../../server/platform/engine/plan.ts';
import { importItems } from '../../server/platform/publishing/import-items.ts';
import { allSettingValues, getSetting } from '../../server/platform/settings/service.ts';
import { NEAR_DUE_WORKING_DAYS } from '../../server/platform/settings/core-settings.ts';
import { importLedger } from '../../server/procedures/mediation/ledger/import-ledger.ts';
import { disclosure } from '../../server/procedures/disclosure/procedure.ts';
import { litigation } from '../../server/procedures/litigation/procedure.ts';
import { reconsideration } from '../../server/procedures/reconsideration/procedure.ts';
import { seedDemoCounty } from '../../server/seed/demo-county.ts';
import { seedReferenceData } from '../../server/seed/reference-data.ts';
import { BENCH_ADMIN_PASSWORD, hasGeneratedOrgs, MANIFEST_ACTION, readManifest, type Manifest } from '../support/target.ts';
import { insertCaseHistories, type BulkContext, type Step } from './bulk-cases.ts';
import { disclosureHistories, litigationHistories, reconsiderationHistories, type HistoryContext } from './case-histories.ts';
import { itemInputs } from './items.ts';
import { ledgerCsv, ledgerRows, loadLedgerLabels, type LedgerLabels } from './ledger-rows.ts';
import { createCounty, createLab, createProvince, type CountyOrgs } from './org-tree.ts';
import { createRandom, placeName } from './random.ts';

/** A county's yearly volume (the figures); `--scale` multiplies them. */
export const PER_COUNTY = { reconsideration: 40, litigation: 15, disclosure: 100, mediation: 3500, items: 10_000 } as const;
export const PARTS = ['mediation', 'cases', 'items'] as const;
export type Part = (typeof PARTS)[number];

export type GenerateOptions = { counties: number; year: number; parts: Part[]; scale: number; townships: number; log: (line: string) => void };
export type GenerateResult = { isNew: boolean; manifest: Manifest };

const ITEMS_PER_CALL = 2000;

/**
 * Fills an empty installation with `counties` counties of one year through the paths users have: the mediation
 * ledger import, planned case histories written like an import (bulk-cases.ts), and the item import. Refuses a
 * database that holds anything else; a database that already holds generated data is left as it is.
 */
export async function generateBenchData(platform: Platform, options: GenerateOptions): Promise<GenerateResult> {
  const existing = await readManifest(platform);
  if (existing) return { isNew: false, manifest: existing };
  if (await hasGeneratedOrgs(platform)) throw new Error('目标库中有未完成的生成数据（上次生成被中断）：请换一个空的数据目录或数据库重新生成');
  const held = await platform.db.selectFrom('proc_case').select('id').limit(1).executeTakeFirst() ?? await platform.db.selectFrom('info_item').select('id').limit(1).executeTakeFirst();
  if (held) throw new Error('目标库已有案件或公开信息，不是空库：基准数据只生成到新的数据目录或数据库中');

  const started = Date.now();
  await seedReferenceData(platform);
  await seedDemoCounty(platform, { adminPassword: BENCH_ADMIN_PASSWORD });
  const admin = await platform.db.selectFrom('app_user').select(['id', 'display_name']).where('username', '=', 'admin').executeTakeFirstOrThrow();
  const actor: Actor = { id: admin.id, name: admin.display_name, ip: null };
  const labOrgId = await createLab(platform);
  const provinceId = options.counties > 1 ? await createProvince(platform) : null;
  const today = todayInChina();
  const bulk: BulkContext = {
    calendar: await loadCalendar(platform), settings: await allSettingValues(platform.db), today,
    nearDue: await getSetting(platform.db, NEAR_DUE_WORKING_DAYS), actor, userId: admin.id,
  };
  const labels = await loadLedgerLabels(platform.db);
  const volume = (n: number) => Math.max(1, Math.round(n * options.scale));
  const totals: Record<string, number> = { organizations: 0, mediation: 0, reconsideration: 0, litigation: 0, disclosure: 0, items: 0 };
  const seconds: Record<string, number> = { organizations: 0, mediation: 0, cases: 0, items: 0 };
  const countyOrgIds: number[] = [];
  let firstCountyCode = '';

  for (let c = 0; c < options.counties; c += 1) {
    const random = createRandom(c + 1);
    const timer = lap();
    const county = await createCounty(platform, c, provinceId, options.townships);
    seconds.organizations += timer();
    countyOrgIds.push(county.governmentId);
    firstCountyCode ||= county.code;
    totals.organizations += 1 + county.departmentIds.length + 3 + county.townshipIds.length * 3;
    const done: string[] = [];
    if (options.parts.includes('mediation')) {
      const n = await generateMediation(platform, county, volume(PER_COUNTY.mediation), { random, year: options.year, today, labels });
      const took = timer();
      totals.mediation += n;
      seconds.mediation += took;
      done.push(`调解 ${n}（${took}s）`);
    }
    if (options.parts.includes('cases')) {
      const counts = await generateCases(platform, county, bulk, random, options.year, volume);
      const took = timer();
      for (const [key, n] of Object.entries(counts)) totals[key] += n;
      seconds.cases += took;
      done.push(`复议/应诉/依申请 ${counts.reconsideration}/${counts.litigation}/${counts.disclosure}（${took}s）`);
    }
    if (options.parts.includes('items')) {
      const n = await generateItems(platform, actor, county, volume(PER_COUNTY.items), random, options.year, today);
      const took = timer();
      totals.items += n;
      seconds.items += took;
      done.push(`公开信息 ${n}（${took}s）`);
    }
    options.log(`[${c + 1}/${options.counties}] ${county.name}（${county.code}）${done.join('，')}`);
  }
  // A live PostgreSQL has autovacuum's statistics; right after a bulk load the planner would guess from empty tables.
  // (SQLite gets no ANALYZE: the platform never runs one, so the benchmarks see the plans an installation sees.)
  if (platform.dialect === 'postgres') await sql`analyze`.execute(platform.db);
  seconds.total = (Date.now() - started) / 1000;
  const manifest: Manifest = {
    year: options.year, counties: options.counties, scale: options.scale, townships: options.townships, parts: options.parts,
    totals, seconds: Object.fromEntries(Object.entries(seconds).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    rootOrgId: provinceId ?? countyOrgIds[0], labOrgId, countyOrgIds, firstCountyCode,
  };
  await inTransaction(platform, (trx) => appendAudit(trx, platform.dialect, actor, { action: MANIFEST_ACTION, targetType: 'organization', targetId: manifest.rootOrgId, after: manifest }));
  return { isNew: true, manifest };
}

/** Seconds (one decimal) since the previous call, or since the timer was made. */
function lap(): () => number {
  let mark = Date.now();
  return () => {
    const now = Date.now();
    const took = Math.round((now - mark) / 100) / 10;
    mark = now;
    return took;
  };
}

/** Each committee's ledger of the year through the ledger import (csv), as a county migrating its 台账 does. */
async function generateMediation(platform: Platform, county: CountyOrgs, count: number, ctx: { random: ReturnType<typeof createRandom>; year: number; today: string; labels: LedgerLabels }): Promise<number> {
  let imported = 0;
  for (const [k, committeeId] of county.committeeIds.entries()) {
    const share = Math.floor(count / county.committeeIds.length) + (k < count % county.committeeIds.length ? 1 : 0);
    const rows = ledgerRows(ctx.random, share, { year: ctx.year, keyPrefix: `${county.code}-${k + 1}`, labels: ctx.labels, today: ctx.today });
    const result = await importLedger(platform, { id: null, name: '台账迁移', ip: null }, { orgId: committeeId, userId: null }, { buffer: ledgerCsv(rows), format: 'csv', name: `${county.code}-${k + 1}.csv` }, 'all_or_nothing');
    if (!result.isCommitted) throw new Error(`generated ledger rows were refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
    imported += result.imported;
  }
  return imported;
}

async function generateCases(platform: Platform, county: CountyOrgs, bulk: BulkContext, random: ReturnType<typeof createRandom>, year: number, volume: (n: number) => number) {
  const ctx: HistoryContext = { year, today: bulk.today, place: placeName(county.index), departmentIds: county.departmentIds, governmentId: county.governmentId };
  // The 司法局 handles reconsideration and litigation for the county (行政复议机构, 应诉); requests go to the government or a department.
  const reviews = await insertCaseHistories(platform, reconsideration, county.justiceId, reconsiderationHistories(random, volume(PER_COUNTY.reconsideration), ctx), bulk);
  const suits = await insertCaseHistories(platform, litigation, county.justiceId, litigationHistories(random, volume(PER_COUNTY.litigation), ctx), bulk);
  const byOrg = new Map<number, Step[][]>();
  for (const history of disclosureHistories(random, volume(PER_COUNTY.disclosure), ctx)) {
    const orgId = random.chance(0.4) ? county.governmentId : random.pick(county.departmentIds);
    byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), history]);
  }
  let requests = 0;
  for (const [orgId, histories] of byOrg) requests += (await insertCaseHistories(platform, disclosure, orgId, histories, bulk)).length;
  return { reconsideration: reviews.length, litigation: suits.length, disclosure: requests };
}

async function generateItems(platform: Platform, actor: Actor, county: CountyOrgs, count: number, random: ReturnType<typeof createRandom>, year: number, today: string): Promise<number> {
  const orgs = await platform.db.selectFrom('organization').select(['id', 'name'])
    .where('id', 'in', [county.governmentId, ...county.departmentIds, ...county.townshipIds]).execute();
  let imported = 0;
  let chunk = [];
  for (const input of itemInputs(random, count, { year, today, place: placeName(county.index), orgs })) {
    chunk.push(input);
    if (chunk.length < ITEMS_PER_CALL) continue;
    imported += (await importItems(platform, actor, { isAll: true }, chunk)).imported;
    chunk = [];
  }
  if (chunk.length) imported += (await importItems(platform, actor, { isAll: true }, chunk)).imported;
  return imported;
}
