import { AppError } from '../../../platform/errors.ts';
import { inTransaction, type Actor, type Platform } from '../../../platform/context.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { sm3Hex } from '../../../platform/crypto/sm3.ts';
import { loadCalendar } from '../../../platform/calendar/store.ts';
import { allSettingValues, getSetting } from '../../../platform/settings/service.ts';
import { NEAR_DUE_WORKING_DAYS } from '../../../platform/settings/core-settings.ts';
import { insertPlannedCases } from '../../../platform/engine/bulk-insert.ts';
import { findCasesByLookupKey } from '../../../platform/engine/case-facets.ts';
import { todayInChina } from '../../../platform/engine/plan.ts';
import { withCompactHeap } from '../../../platform/memory/bulk-heap.ts';
import { mediation } from '../procedure.ts';
import { headerOf } from './columns.ts';
import { readLedger, type LedgerRow } from './read-ledger.ts';
import { planLedgerRow, type Dicts, type RowError, type RowPlan } from './row-plan.ts';

export type ImportMode = 'all_or_nothing' | 'valid_rows';

const BATCH = 1000;
export type ImportResult = {
  total: number; imported: number; duplicates: number; errors: RowError[]; isCommitted: boolean; fileDigest: string;
  /** The bad rows as read, for the error report the user fixes and imports again. */
  badRows: LedgerRow[];
};

/**
 * Imports a committee's ledger: every row is planned by the engine (so the procedure's rules apply), rows
 * already imported (same 台账编号 for the organisation) are skipped, and the good rows go in one transaction —
 * or, in all-or-nothing mode, nothing is written when any row is bad.
 */
export function importLedger(...args: Parameters<typeof importRows>): Promise<ImportResult> {
  // A long ledger makes garbage at a great rate while little of it stays live: keep the heap near what is.
  return withCompactHeap(() => importRows(...args));
}

async function importRows(
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
      let pending: LedgerRow[] = [];
      const ids: number[] = [];
      // Each batch: skip the rows whose 台账编号 the committee already has (one indexed lookup for the batch),
      // plan the others, write the good ones.
      const flush = async () => {
        if (!pending.length) return;
        const keys = [...new Set(pending.map((row) => row.values.ledgerKey ?? '').filter((key) => key))];
        const existing = new Set((await findCasesByLookupKey(trx, mediation, keys, target.orgId)).map((found) => found.key));
        const planned: RowPlan[] = [];
        for (const row of pending) {
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
          const plan = planLedgerRow(row.values, row.rowNumber, dicts, calendar, settings, today);
          if (Array.isArray(plan)) {
            errors.push(...plan);
            badRows.push(detachedRow(row));
            continue;
          }
          planned.push(plan);
        }
        pending = [];
        if (planned.length) ids.push(...await insertPlannedCases(trx, platform, mediation, { orgId: target.orgId, userId: target.userId, actorName: actor.name }, planned.map((g) => g.plans), calendar, today, nearDue));
      };
      for await (const row of readLedger(file.buffer, file.format)) {
        total += 1;
        pending.push(row);
        if (pending.length >= BATCH) await flush();
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

function detachedRow(row: LedgerRow): LedgerRow {
  return { rowNumber: row.rowNumber, values: Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, detached(v)])) };
}

async function loadDicts(platform: Platform): Promise<Dicts> {
  const rows = await platform.db.selectFrom('dict_item').select(['type_code', 'code', 'label']).where('type_code', 'in', ['mediation_source', 'dispute_category']).where('is_enabled', '=', 1).execute();
  const map = (type: string) => new Map(rows.filter((r) => r.type_code === type).flatMap((r) => [[r.label, r.code], [r.code, r.code]] as [string, string][]));
  return { source: map('mediation_source'), category: map('dispute_category') };
}

export function assertFormat(name: string): 'xlsx' | 'csv' {
  if (/\.xlsx$/i.test(name)) return 'xlsx';
  if (/\.csv$/i.test(name)) return 'csv';
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', '台账文件应为 .xlsx 或 .csv');
}
