import { appendAudit } from '../../server/platform/audit/append.ts';
import type { Calendar } from '../../server/platform/calendar/calendar.ts';
import { inTransaction, type Actor, type Platform } from '../../server/platform/context.ts';
import { canonicalJson } from '../../server/platform/crypto/sm3.ts';
import { insertPlannedCases } from '../../server/platform/engine/bulk-insert.ts';
import type { CaseData, ProcedureDefinition, SettingValues } from '../../server/platform/engine/define.ts';
import { sealPersonalData } from '../../server/platform/engine/personal-data.ts';
import { planAction, type ActionPlan, type CaseSnapshot } from '../../server/platform/engine/plan.ts';

/** One step of a case's history: the action, its legal date (when not taken from the input) and its input. */
export type Step = { action: string; on?: string; input: Record<string, unknown> };

export type BulkContext = { calendar: Calendar; settings: SettingValues; today: string; nearDue: number; actor: Actor; userId: number | null };

/**
 * Historical cases of one organisation, many per transaction: the way a ledger import writes them
 * (engine/bulk-insert.ts), for procedures that have no import of their own yet. Every step is planned by
 * the engine (planAction: from-state, input, legal date, the table's checks), the cases go in with their events,
 * clocks and case numbers, each action's afterApply runs on the new case as applyAction would run it (the act
 * under review, links), and the batch is one audit record. Like an import, no Word documents are issued.
 */
export async function insertCaseHistories(platform: Platform, procedure: ProcedureDefinition, orgId: number, histories: Step[][], ctx: BulkContext): Promise<number[]> {
  if (!histories.length) return [];
  const planned = histories.map((steps) => planHistory(procedure, steps, ctx));
  return inTransaction(platform, async (trx) => {
    const ids = await insertPlannedCases(trx, platform, procedure, { orgId, userId: ctx.userId, actorName: ctx.actor.name }, planned, ctx.calendar, ctx.today, ctx.nearDue);
    for (const [i, plans] of planned.entries()) {
      let extra: CaseData = {};
      for (const plan of plans) {
        const after = procedure.actions[plan.action].afterApply;
        if (!after) continue;
        const added = await after({ trx, platform, caseId: ids[i], orgId, actor: ctx.actor, input: plan.input, data: plan.data, on: plan.on });
        if (added) extra = { ...extra, ...added };
      }
      if (!Object.keys(extra).length) continue;
      const last = plans[plans.length - 1];
      const data = { ...last.data, ...extra };
      await trx.updateTable('proc_case').set({ data_json: JSON.stringify(sealPersonalData(data, platform.cipher)), facets_json: facetsOf(procedure, last.toState, data) }).where('id', '=', ids[i]).execute();
    }
    await appendAudit(trx, platform.dialect, ctx.actor, {
      action: `${procedure.key}.bulk.import`, targetType: 'organization', targetId: orgId,
      after: { cases: ids.length, actions: planned.reduce((n, p) => n + p.length, 0), firstCaseId: ids[0], lastCaseId: ids[ids.length - 1] },
    });
    return ids;
  });
}

function planHistory(procedure: ProcedureDefinition, steps: Step[], ctx: BulkContext): ActionPlan[] {
  const plans: ActionPlan[] = [];
  let snapshot = null as CaseSnapshot | null;
  for (const step of steps) {
    const plan = planAction(procedure, snapshot, step.action, step.input, step.on, ctx.today, ctx.calendar, ctx.settings);
    plans.push(plan);
    snapshot = { state: plan.toState, data: plan.data, lastEventOn: plan.on, takenActions: [...(snapshot?.takenActions ?? []), plan.action] };
  }
  return plans;
}

/** As applyAction stores them: canonical JSON of the non-empty string facets. */
function facetsOf(procedure: ProcedureDefinition, state: string, data: CaseData): string {
  const facets = procedure.facets?.({ state, data }) ?? {};
  return canonicalJson(Object.fromEntries(Object.entries(facets).filter(([, v]) => typeof v === 'string' && v !== '')));
}
