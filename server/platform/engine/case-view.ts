import type { Selectable } from 'kysely';
import type { ProcCaseTable } from '../../db/schema-engine.ts';
import type { Platform } from '../context.ts';
import { hasPermission, scopeFor, scopeIncludesOrg, type Principal } from '../access/scope.ts';
import type { Calendar } from '../calendar/calendar.ts';
import { describeLimit } from '../calendar/deadline.ts';
import { toDayNumber } from '../calendar/dates.ts';
import { CLOCK_STATUS_LABELS, clockStatus, computeClock, isStoppedLate, type ClockEvent } from './clocks.ts';
import type { CaseData, ProcedureDefinition } from './define.ts';
import { actionsFrom } from './plan.ts';
import { openPersonalData } from './personal-data.ts';

/** Clocks as the UI shows them: title, basis, limit, due date and status, plus what the law makes of expiry. */
export function clockViews(procedure: ProcedureDefinition, rows: { clock_key: string; events_json: string }[], state: string, calendar: Calendar, today: string, nearDue: number) {
  return Object.entries(procedure.clocks).map(([key, definition]) => {
    const events = JSON.parse(rows.find((r) => r.clock_key === key)?.events_json ?? '[]') as ClockEvent[];
    const computed = computeClock(calendar, events, definition.limit);
    const status = clockStatus(calendar, computed, today, nearDue, definition.isWindow);
    const isExpired = computed.run === 'running' && !!computed.dueOn && toDayNumber(today) > toDayNumber(computed.dueOn);
    const expiry = definition.onExpiry && isExpired && definition.onExpiry.inStates.includes(state) ? definition.onExpiry : null;
    return {
      key, title: definition.title, basis: definition.basis,
      limit: computed.limit ?? definition.limit, limitText: describeLimit(computed.limit ?? definition.limit),
      run: computed.run, startedOn: computed.startedOn, dueOn: computed.dueOn, pausedOn: computed.pausedOn, stoppedOn: computed.stoppedOn,
      remaining: computed.run === 'paused' ? computed.remaining : null,
      status, statusLabel: CLOCK_STATUS_LABELS[status], isLate: !definition.isWindow && isStoppedLate(computed), isWindow: !!definition.isWindow,
      calendarProblem: computed.calendarProblem, events,
      expiryNote: expiry ? { note: expiry.note, basis: expiry.basis } : null,
    };
  });
}

/** The actions this user may take on this case now: from-state fits, permission held, case in that permission's scope. */
export async function abilitiesOf(platform: Platform, principal: Principal, procedure: ProcedureDefinition, state: string, orgId: number, data: CaseData, takenActions: readonly string[]) {
  const result: { key: string; title: string; basis: string | null }[] = [];
  for (const key of actionsFrom(procedure, state, data, takenActions)) {
    const definition = procedure.actions[key];
    if (!hasPermission(principal, definition.permission)) continue;
    if (!scopeIncludesOrg(await scopeFor(platform.db, principal, definition.permission), orgId)) continue;
    result.push({ key, title: definition.title, basis: definition.basis ?? null });
  }
  return result;
}

/** Whole personal data only for roles holding `<procedure>.personal`; everyone else sees it masked. */
export function caseFields(platform: Platform, principal: Principal, procedure: ProcedureDefinition, row: Selectable<ProcCaseTable>) {
  const isRevealed = hasPermission(principal, `${procedure.key}.personal`);
  return openPersonalData(JSON.parse(row.data_json) as Record<string, unknown>, platform.cipher, isRevealed);
}

export function caseSummary(procedure: ProcedureDefinition, row: Selectable<ProcCaseTable>, orgName: string | null) {
  return {
    id: row.id, procedure: row.procedure, tableVersion: row.table_version, caseNo: row.case_no, title: row.title,
    state: row.state, stateTitle: procedure.states[row.state] ?? row.state, orgId: row.org_id, orgName,
    handlerId: row.handler_id, version: row.version, openedOn: row.opened_on, closedOn: row.closed_on,
    nextDueOn: row.next_due_on, clockStatus: row.clock_status,
    clockStatusLabel: CLOCK_STATUS_LABELS[row.clock_status as keyof typeof CLOCK_STATUS_LABELS] ?? row.clock_status,
    updatedAt: row.updated_at,
  };
}
