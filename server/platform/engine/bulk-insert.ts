import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Calendar } from '../calendar/calendar.ts';
import type { Platform } from '../context.ts';
import { nowIso } from '../context.ts';
import { issueDocNumbers } from '../numbering/issue.ts';
import { clockStatus, computeClock, type ClockEvent } from './clocks.ts';
import type { ProcedureDefinition } from './define.ts';
import type { ActionPlan } from './plan.ts';
import { summarise } from './case-clocks.ts';
import { caseNumberFallback, caseNumberKind } from './case-documents.ts';
import { facetColumns } from './case-facets.ts';
import { maskedView, sealPersonalData } from './personal-data.ts';

const CHUNK = 200;

/**
 * Writes cases whose actions were already planned by the engine (planAction), many at a time: the bulk path of
 * ledger imports. Same rows as applyAction writes (case, events, clocks, case numbers from the sequence),
 * minus documents (historical records have their paper ones); the caller audits the import as one action.
 */
export async function insertPlannedCases(
  trx: Transaction<Database>,
  platform: Platform,
  procedure: ProcedureDefinition,
  target: { orgId: number; userId: number | null; actorName: string | null },
  cases: ActionPlan[][],
  calendar: Calendar,
  today: string,
  nearDue: number,
): Promise<number[]> {
  const numbers = await caseNumbers(trx, platform, procedure, target.orgId, cases);
  const ids: number[] = [];
  const at = nowIso();
  for (let start = 0; start < cases.length; start += CHUNK) {
    const chunk = cases.slice(start, start + CHUNK);
    const rows = chunk.map((plans, i) => {
      const last = plans[plans.length - 1];
      const firstFinal = plans.find((p) => procedure.finalStates.includes(p.toState));
      const logs = clockLogs(plans);
      const summary = summarise(procedure, logs, calendar, today, nearDue);
      const caseNo = numbers[start + i];
      return {
        logs,
        row: {
          procedure: procedure.key, table_version: procedure.version, case_no: caseNo, title: procedure.caseTitle(last.data), state: last.toState,
          org_id: target.orgId, handler_id: target.userId, data_json: JSON.stringify(sealPersonalData(last.data, platform.cipher)), version: plans.length,
          opened_on: plans[0].on, closed_on: procedure.finalStates.includes(last.toState) ? (firstFinal?.on ?? last.on) : null, last_event_on: last.on,
          next_due_on: summary.nextDueOn, clock_status: summary.worstStatus,
          search_text: `${caseNo} ${procedure.searchText(maskedView(last.data))}`,
          ...facetColumns(procedure, last.toState, last.data),
          created_by: target.userId, created_at: at, updated_at: at,
        },
      };
    });
    await trx.insertInto('proc_case').values(rows.map((r) => r.row)).execute();
    const inserted = await trx.selectFrom('proc_case').select(['id', 'case_no']).where('procedure', '=', procedure.key).where('org_id', '=', target.orgId).where('case_no', 'in', rows.map((r) => r.row.case_no)).execute();
    const idOf = new Map(inserted.map((r) => [r.case_no, r.id]));
    const events = chunk.flatMap((plans, i) => plans.map((plan, seq) => ({
      case_id: idOf.get(rows[i].row.case_no)!, seq: seq + 1, action: plan.action, on_date: plan.on, from_state: plan.fromState, to_state: plan.toState,
      input_json: JSON.stringify(sealPersonalData(plan.input, platform.cipher)), actor_id: target.userId, actor_name: target.actorName, at,
    })));
    for (let e = 0; e < events.length; e += CHUNK) await trx.insertInto('case_event').values(events.slice(e, e + CHUNK)).execute();
    const clocks = rows.flatMap((r) => [...r.logs].map(([key, log]) => {
      const computed = computeClock(calendar, log, procedure.clocks[key].limit);
      return {
        case_id: idOf.get(r.row.case_no)!, clock_key: key, events_json: JSON.stringify(log), run: computed.run, due_on: computed.dueOn,
        status: clockStatus(calendar, computed, today, nearDue, procedure.clocks[key].isWindow), status_checked_on: today,
      };
    }));
    for (let c = 0; c < clocks.length; c += CHUNK) await trx.insertInto('case_clock').values(clocks.slice(c, c + CHUNK)).execute();
    ids.push(...rows.map((r) => idOf.get(r.row.case_no)!));
  }
  return ids;
}

function clockLogs(plans: ActionPlan[]): Map<string, ClockEvent[]> {
  const logs = new Map<string, ClockEvent[]>();
  for (const plan of plans) for (const { clock, event } of plan.clockEvents) logs.set(clock, [...(logs.get(clock) ?? []), event]);
  return logs;
}

/** Case numbers per year of receipt, taken in one block per year from the organisation's sequence. */
async function caseNumbers(trx: Transaction<Database>, platform: Platform, procedure: ProcedureDefinition, orgId: number, cases: ActionPlan[][]): Promise<string[]> {
  const byYear = new Map<number, number[]>();
  cases.forEach((plans, i) => {
    const year = Number(plans[0].on.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), i]);
  });
  const numbers: string[] = new Array(cases.length);
  for (const [year, indexes] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const issued = await issueDocNumbers(trx, platform.dialect, {
      orgId, kind: caseNumberKind(procedure), year, fallback: await caseNumberFallback(trx, procedure, orgId),
    }, indexes.length);
    indexes.forEach((caseIndex, k) => { numbers[caseIndex] = issued[k].text; });
  }
  return numbers;
}
