import type { Platform } from '../context.ts';
import { inTransaction, nowIso, SYSTEM_ACTOR } from '../context.ts';
import { appendAudit } from '../audit/append.ts';
import { loadCalendar } from '../calendar/store.ts';
import { getSetting } from '../settings/service.ts';
import { NEAR_DUE_WORKING_DAYS } from '../settings/core-settings.ts';
import { clockStatus, computeClock, CLOCK_STATUS_LABELS, type ClockEvent } from './clocks.ts';
import { findProcedure } from './registry.ts';
import { summarise } from './case-clocks.ts';
import { todayInChina } from './plan.ts';

export type WatchResult = { checked: number; changed: number; messages: number };

/**
 * The daily job (also run on demand): recomputes every running clock against today, stores the new
 * status, and when one turns 临期 or 超期 writes a 站内消息 to the case's handler (once per clock and status).
 */
export async function watchClocks(platform: Platform, today: string = todayInChina()): Promise<WatchResult> {
  const { db } = platform;
  const calendar = await loadCalendar(platform);
  const nearDue = await getSetting(db, NEAR_DUE_WORKING_DAYS);
  const rows = await db
    .selectFrom('case_clock')
    .innerJoin('proc_case', 'proc_case.id', 'case_clock.case_id')
    .select(['case_clock.case_id', 'case_clock.clock_key', 'case_clock.events_json', 'case_clock.status', 'proc_case.procedure', 'proc_case.table_version', 'proc_case.case_no', 'proc_case.title', 'proc_case.handler_id'])
    .where('case_clock.run', '=', 'running')
    .execute();
  let changed = 0;
  let messages = 0;
  for (const row of rows) {
    const procedure = findProcedure(row.procedure, row.table_version);
    const definition = procedure?.clocks[row.clock_key];
    if (!procedure || !definition) continue;
    const computed = computeClock(calendar, JSON.parse(row.events_json) as ClockEvent[], definition.limit);
    const status = clockStatus(calendar, computed, today, nearDue, definition.isWindow);
    const isAlert = (status === 'due_soon' || status === 'overdue') && row.handler_id != null;
    // Alerts are also sent for clocks that were already 临期/超期 when recorded (补录); dedupe keys keep them single.
    if (status === row.status && !isAlert) continue;
    if (status !== row.status) changed += 1;
    await inTransaction(platform, async (trx) => {
      if (status !== row.status) {
        await trx.updateTable('case_clock').set({ status, due_on: computed.dueOn, status_checked_on: today }).where('case_id', '=', row.case_id).where('clock_key', '=', row.clock_key).execute();
        const logs = await trx.selectFrom('case_clock').select(['clock_key', 'events_json']).where('case_id', '=', row.case_id).execute();
        const summary = summarise(procedure, new Map(logs.map((l) => [l.clock_key, JSON.parse(l.events_json) as ClockEvent[]])), calendar, today, nearDue);
        await trx.updateTable('proc_case').set({ clock_status: summary.worstStatus, next_due_on: summary.nextDueOn }).where('id', '=', row.case_id).execute();
      }
      if (isAlert && row.handler_id) {
        const inserted = await trx
          .insertInto('message')
          .values({
            user_id: row.handler_id, kind: `clock.${status}`,
            title: `${CLOCK_STATUS_LABELS[status]}：${row.case_no} ${definition.title}`,
            body: `${procedure.title}案件“${row.title}”的${definition.title}（${definition.basis}）${status === 'overdue' ? '已超期' : '即将届满'}，届满日 ${computed.dueOn}。`,
            link: `/admin/cases/${row.procedure}/${row.case_id}`,
            dedupe_key: `clock:${row.case_id}:${row.clock_key}:${status}:${computed.dueOn}`,
            created_at: nowIso(), read_at: null,
          })
          .onConflict((oc) => oc.column('dedupe_key').doNothing())
          .executeTakeFirst();
        messages += Number(inserted.numInsertedOrUpdatedRows ?? 0);
      }
    });
  }
  if (changed > 0 || messages > 0) {
    await inTransaction(platform, (trx) => appendAudit(trx, platform.dialect, SYSTEM_ACTOR, { action: 'clock.watch', targetType: 'job', targetId: today, after: { checked: rows.length, changed, messages } }));
  }
  return { checked: rows.length, changed, messages };
}

/** Runs the watch at start and then every hour (a cheap no-op when nothing changed); stops with the server. */
export function scheduleClockWatch(platform: Platform): () => void {
  const run = () => watchClocks(platform).catch((error) => platform.logger.error({ err: error }, 'clock watch failed'));
  void run();
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
