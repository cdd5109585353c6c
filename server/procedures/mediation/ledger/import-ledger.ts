import { AppError } from '../../../platform/errors.ts';
import { inTransaction, type Actor, type Platform } from '../../../platform/context.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { sm3Hex } from '../../../platform/crypto/sm3.ts';
import { loadCalendar } from '../../../platform/calendar/store.ts';
import { allSettingValues, getSetting } from '../../../platform/settings/service.ts';
import { NEAR_DUE_WORKING_DAYS } from '../../../platform/settings/core-settings.ts';
import { insertPlannedCases } from '../../../platform/engine/bulk-insert.ts';
import { todayInChina } from '../../../platform/engine/plan.ts';
import { mediation } from '../procedure.ts';
import { headerOf } from './columns.ts';
import { readLedger } from './read-ledger.ts';
import { planLedgerRow, type Dicts, type RowError, type RowPlan } from './row-plan.ts';

export type ImportMode = 'all_or_nothing' | 'valid_rows';

const BATCH = 1000;
export type ImportResult = {
  total: number; imported: number; duplicates: number; errors: RowError[]; isCommitted: boolean; fileDigest: string;
  /** The bad rows as read, for the error report the user fixes and imports again. */
  badRows: { rowNumber: number; values: Record<string, string> }[];
};

/**
 * Imports a committee's ledger: every row is planned by the engine (so the procedure's rules apply), rows
 * already imported (same 台账编号 for the organisation) are skipped, and the good rows go in one transaction —
 * or, in all-or-nothing mode, nothing is written when any row is bad.
 */
export async function importLedger(
  platform: Platform,
  actor: Actor,
  target: { orgId: number; userId: number | null },
  file: { buffer: Buffer; format: 'xlsx' | 'csv'; name: string },
  mode: ImportMode,
): Promise<ImportResult> {
  const calendar = await loadCalendar(platform);
  const settings = await allSettingValues(platform.db);
  const nearDue = await getSetting(platform.db, NEAR_DUE_WORKING_DAYS);
  const today = todayInChina();
  const dicts = await loadDicts(platform);
  const existing = await existingLedgerKeys(platform, target.orgId);
  const seen = new Set<string>();
  const errors: RowError[] = [];
  const badRows: ImportResult['badRows'] = [];
  const fileDigest = sm3Hex(file.buffer);
  let total = 0;
  let duplicates = 0;
  let imported = 0;
  let isCommitted = false;
  // Rows are planned and written in batches inside one transaction, so memory stays bounded however long
  // the ledger is; all-or-nothing mode rolls the whole transaction back at the end if any row was bad.
  const rollback = new Error('rollback: the ledger has bad rows');
  try {
    await inTransaction(platform, async (trx) => {
      let batch: RowPlan[] = [];
      const ids: number[] = [];
      const flush = async () => {
        if (!batch.length) return;
        ids.push(...await insertPlannedCases(trx, platform, mediation, { orgId: target.orgId, userId: target.userId, actorName: actor.name }, batch.map((g) => g.plans), calendar, today, nearDue));
        batch = [];
      };
      for await (const row of readLedger(file.buffer, file.format)) {
        total += 1;
        const key = row.values.ledgerKey ?? '';
        if (key && existing.has(key)) {
          duplicates += 1;
          continue;
        }
        if (key && seen.has(key)) {
          errors.push({ row: row.rowNumber, column: headerOf('ledgerKey'), message: `台账编号“${key}”在本文件中重复` });
          badRows.push(detachedRow(row));
          continue;
        }
        if (key) seen.add(detached(key));
        const planned = planLedgerRow(row.values, row.rowNumber, dicts, calendar, settings, today);
        if (Array.isArray(planned)) {
          errors.push(...planned);
          badRows.push(detachedRow(row));
          continue;
        }
        batch.push(planned);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      if (ids.length === 0 || (mode === 'all_or_nothing' && errors.length > 0)) throw rollback;
      await appendAudit(trx, platform.dialect, actor, {
        action: 'mediation.ledger.import', targetType: 'organization', targetId: target.orgId,
        after: { file: file.name, sm3: fileDigest, rows: total, imported: ids.length, duplicates, errors: errors.length, mode, firstCaseId: ids[0], lastCaseId: ids[ids.length - 1] },
      });
      imported = ids.length;
      isCommitted = true;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return { total, imported, duplicates, errors, isCommitted, fileDigest, badRows };
}

/**
 * A copy of a cell's text that does not share memory with the xlsx reader's buffers. The reader's strings are
 * slices of the decompressed XML chunk they came from; keeping one (a 台账编号 in `seen`, a bad row) would keep
 * its whole ≈ 100 KB chunk alive until the import ends — 50 MB per 100,000 rows (docs/PERFORMANCE.md).
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function detachedRow(row: { rowNumber: number; values: Record<string, string> }) {
  return { rowNumber: row.rowNumber, values: Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, detached(v)])) };
}

async function loadDicts(platform: Platform): Promise<Dicts> {
  const rows = await platform.db.selectFrom('dict_item').select(['type_code', 'code', 'label']).where('type_code', 'in', ['mediation_source', 'dispute_category']).where('is_enabled', '=', 1).execute();
  const map = (type: string) => new Map(rows.filter((r) => r.type_code === type).flatMap((r) => [[r.label, r.code], [r.code, r.code]] as [string, string][]));
  return { source: map('mediation_source'), category: map('dispute_category') };
}

/** 台账编号 already imported for the organisation: re-importing a ledger adds nothing twice. */
async function existingLedgerKeys(platform: Platform, orgId: number): Promise<Set<string>> {
  const rows = await platform.db.selectFrom('proc_case').select('facets_json').where('procedure', '=', 'mediation').where('org_id', '=', orgId).execute();
  const keys = new Set<string>();
  for (const row of rows) {
    const key = (JSON.parse(row.facets_json) as { ledgerKey?: string }).ledgerKey;
    if (key) keys.add(key);
  }
  return keys;
}

export function assertFormat(name: string): 'xlsx' | 'csv' {
  if (/\.xlsx$/i.test(name)) return 'xlsx';
  if (/\.csv$/i.test(name)) return 'csv';
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', '台账文件应为 .xlsx 或 .csv');
}
