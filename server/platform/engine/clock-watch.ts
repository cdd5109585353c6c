import type { Platform } from '../context.ts';
import { inTransaction, nowIso, SYSTEM_ACTOR } from '../context.ts';
import { appendAudit } from '../audit/append.ts';
import { loadCalendar } from '../calendar/store.ts';
import { getSetting } from '../settings/service.ts';
import { NEAR_DUE_WORKING_DAYS } from '../settings/core-settings.ts';
import type { Insertable } from 'kysely';
import type { MessageTable } from '../../db/schema-engine.ts';
import type { Calendar } from '../calendar/calendar.ts';
import { clockStatus, computeClock, CLOCK_STATUS_LABELS, type ClockEvent, type ClockStatus } from './clocks.ts';
import type { ProcedureDefinition } from './define.ts';
import { findProcedure } from './registry.ts';
import { summarise } from './case-clocks.ts';
import { todayInChina } from './plan.ts';

export type WatchResult = { checked: number; changed: number; messages: number };

/** Clocks read and written per step. A province holds ≈ 700,000 running clocks: never all in memory at once. */
const PAGE = 2000;

type ClockRow = {
  case_id: number; clock_key: string; events_json: string; status: string;
  procedure: string; table_version: string; case_no: string; title: string; handler_id: number | null;
};

/**
 * The daily job (also run on demand): recomputes every running clock against today, stores the new
 * status, and when one turns 临期 or 超期 writes a 站内消息 to the case's handler (once per clock and status).
 * It walks the clocks a page at a time in key order, writes each page's changes in one transaction, looks up
 * which alerts were already sent instead of attempting each again, and lets requests in between pages: at
 * province size the old single pass held 580 MB and the database for 20 s every hour (docs/PERFORMANCE.md).
 */
export async function watchClocks(platform: Platform, today: string = todayInChina(), pageSize = PAGE): Promise<WatchResult> {
  const { db } = platform;
  const calendar = await loadCalendar(platform);
  const nearDue = await getSetting(db, NEAR_DUE_WORKING_DAYS);
  let checked = 0;
  let changed = 0;
  let messages = 0;
  let after: { caseId: number; clockKey: string } | null = null;
  for (;;) {
    const from = after;
    const rows: ClockRow[] = await db
      .selectFrom('case_clock')
      .innerJoin('proc_case', 'proc_case.id', 'case_clock.case_id')
      .select(['case_clock.case_id', 'case_clock.clock_key', 'case_clock.events_json', 'case_clock.status', 'proc_case.procedure', 'proc_case.table_version', 'proc_case.case_no', 'proc_case.title', 'proc_case.handler_id'])
      .where('case_clock.run', '=', 'running')
      // A row-value comparison, so both databases walk the primary key from where the last page ended.
      .$if(!!from, (qb) => qb.where((eb) => eb(eb.refTuple('case_clock.case_id', 'case_clock.clock_key'), '>', eb.tuple(from!.caseId, from!.clockKey))))
      .orderBy('case_clock.case_id')
      .orderBy('case_clock.clock_key')
      .limit(pageSize)
      .execute();
    if (!rows.length) break;
    const last = rows[rows.length - 1];
    after = { caseId: last.case_id, clockKey: last.clock_key };
    checked += rows.length;
    const result = await watchPage(platform, rows, calendar, today, nearDue);
    changed += result.changed;
    messages += result.messages;
    // Let waiting requests run: the database driver answers synchronously, so a loop of statements alone never yields.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (changed > 0 || messages > 0) {
    await inTransaction(platform, (trx) => appendAudit(trx, platform.dialect, SYSTEM_ACTOR, { action: 'clock.watch', targetType: 'job', targetId: today, after: { checked, changed, messages } }));
  }
  return { checked, changed, messages };
}

async function watchPage(platform: Platform, rows: ClockRow[], calendar: Calendar, today: string, nearDue: number): Promise<{ changed: number; messages: number }> {
  const changes: { row: ClockRow; procedure: ProcedureDefinition; status: ClockStatus; dueOn: string | null }[] = [];
  const alerts: { row: ClockRow; status: ClockStatus; message: Insertable<MessageTable> }[] = [];
  for (const row of rows) {
    const procedure = findProcedure(row.procedure, row.table_version);
    const definition = procedure?.clocks[row.clock_key];
    if (!procedure || !definition) continue;
    const computed = computeClock(calendar, JSON.parse(row.events_json) as ClockEvent[], definition.limit);
    const status = clockStatus(calendar, computed, today, nearDue, definition.isWindow);
    if (status !== row.status) changes.push({ row, procedure, status, dueOn: computed.dueOn });
    // Alerts are also sent for clocks that were already 临期/超期 when recorded (补录); dedupe keys keep them single.
    if ((status === 'due_soon' || status === 'overdue') && row.handler_id != null) {
      alerts.push({
        row, status,
        message: {
          user_id: row.handler_id, kind: `clock.${status}`,
          title: `${CLOCK_STATUS_LABELS[status]}：${row.case_no} ${definition.title}`,
          body: `${procedure.title}案件“${row.title}”的${definition.title}（${definition.basis}）${status === 'overdue' ? '已超期' : '即将届满'}，届满日 ${computed.dueOn}。`,
          link: `/admin/cases/${row.procedure}/${row.case_id}`,
          dedupe_key: `clock:${row.case_id}:${row.clock_key}:${status}:${computed.dueOn}`,
          created_at: nowIso(), read_at: null,
        },
      });
    }
  }
  const sent = alerts.length
    ? new Set((await platform.db.selectFrom('message').select('dedupe_key').where('dedupe_key', 'in', alerts.map((a) => a.message.dedupe_key!)).execute()).map((m) => m.dedupe_key))
    : new Set<string | null>();
  const newAlerts = alerts.filter((a) => !sent.has(a.message.dedupe_key!));
  if (!changes.length && !newAlerts.length) return { changed: 0, messages: 0 };
  let messages = 0;
  await inTransaction(platform, async (trx) => {
    for (const { row, procedure, status, dueOn } of changes) {
      await trx.updateTable('case_clock').set({ status, due_on: dueOn, status_checked_on: today }).where('case_id', '=', row.case_id).where('clock_key', '=', row.clock_key).execute();
      const logs = await trx.selectFrom('case_clock').select(['clock_key', 'events_json']).where('case_id', '=', row.case_id).execute();
      const summary = summarise(procedure, new Map(logs.map((l) => [l.clock_key, JSON.parse(l.events_json) as ClockEvent[]])), calendar, today, nearDue);
      await trx.updateTable('proc_case').set({ clock_status: summary.worstStatus, next_due_on: summary.nextDueOn }).where('id', '=', row.case_id).execute();
    }
    for (const { message } of newAlerts) {
      const inserted = await trx.insertInto('message').values(message).onConflict((oc) => oc.column('dedupe_key').doNothing()).executeTakeFirst();
      messages += Number(inserted.numInsertedOrUpdatedRows ?? 0);
    }
  });
  return { changed: changes.length, messages };
}

/** Runs the watch at start and then every hour (a cheap no-op when nothing changed); stops with the server. */
export function scheduleClockWatch(platform: Platform): () => void {
  const run = () => watchClocks(platform).catch((error) => platform.logger.error({ err: error }, 'clock watch failed'));
  void run();
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
