import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Calendar } from '../calendar/calendar.ts';
import { clockStatus, computeClock, type ClockEvent, type ClockStatus } from './clocks.ts';
import type { ProcedureDefinition } from './define.ts';

/** Worst first: a case shows the most urgent of its clocks in lists. */
const URGENCY: ClockStatus[] = ['overdue', 'due_soon', 'unknown', 'normal', 'paused', 'elapsed', 'stopped', 'idle'];

export type ClockRow = { clock_key: string; events_json: string };

export type ClockSummary = { nextDueOn: string | null; worstStatus: ClockStatus };

/** Appends the plan's clock events to the case's clocks and refreshes their cached due dates and status. */
export async function writeClockEvents(
  trx: Transaction<Database>,
  caseId: number,
  procedure: ProcedureDefinition,
  events: { clock: string; event: ClockEvent }[],
  calendar: Calendar,
  today: string,
  nearDue: number,
): Promise<ClockSummary> {
  const rows = await trx.selectFrom('case_clock').select(['clock_key', 'events_json']).where('case_id', '=', caseId).execute();
  const logs = new Map(rows.map((r) => [r.clock_key, JSON.parse(r.events_json) as ClockEvent[]]));
  const changed = new Set<string>();
  for (const { clock, event } of events) {
    logs.set(clock, [...(logs.get(clock) ?? []), event]);
    changed.add(clock);
  }
  for (const key of changed) {
    const definition = procedure.clocks[key];
    const log = logs.get(key)!;
    const computed = computeClock(calendar, log, definition.limit);
    const values = {
      events_json: JSON.stringify(log),
      run: computed.run,
      due_on: computed.dueOn,
      status: clockStatus(calendar, computed, today, nearDue, definition.isWindow),
      status_checked_on: today,
    };
    const isExisting = rows.some((r) => r.clock_key === key);
    if (isExisting) await trx.updateTable('case_clock').set(values).where('case_id', '=', caseId).where('clock_key', '=', key).execute();
    else await trx.insertInto('case_clock').values({ case_id: caseId, clock_key: key, ...values }).execute();
  }
  return summarise(procedure, logs, calendar, today, nearDue);
}

export function summarise(
  procedure: ProcedureDefinition,
  logs: Map<string, ClockEvent[]>,
  calendar: Calendar,
  today: string,
  nearDue: number,
): ClockSummary {
  let nextDueOn: string | null = null;
  let worstStatus: ClockStatus = 'idle';
  for (const [key, log] of logs) {
    const definition = procedure.clocks[key];
    if (!definition) continue;
    const computed = computeClock(calendar, log, definition.limit);
    const status = clockStatus(calendar, computed, today, nearDue, definition.isWindow);
    if (URGENCY.indexOf(status) < URGENCY.indexOf(worstStatus)) worstStatus = status;
    // An elapsed window no longer drives the case's next due date.
    if (computed.run === 'running' && status !== 'elapsed' && computed.dueOn && (!nextDueOn || computed.dueOn < nextDueOn)) nextDueOn = computed.dueOn;
  }
  return { nextDueOn, worstStatus };
}
