import type { AfterApplyContext } from '../../platform/engine/define.ts';
import { linkRecords, recordAdministrativeAct } from '../../platform/engine/acts.ts';
import { OUTCOMES, type OutcomeKey } from './outcomes.ts';

/**
 * A refusal or a partial disclosure is an administrative act (可申请行政复议，行政复议法第十一条、第二十三条):
 * it is recorded as such, so a later reconsideration or litigation case can point to it.
 */
export async function recordAnswerAct(ctx: AfterApplyContext) {
  const outcome = OUTCOMES[ctx.input.outcome as OutcomeKey];
  if (!outcome?.isAct) return;
  const caseRow = await ctx.trx.selectFrom('proc_case').select('case_no').where('id', '=', ctx.caseId).executeTakeFirstOrThrow();
  const actId = await recordAdministrativeAct(ctx.trx, {
    orgId: ctx.orgId,
    kind: '信息公开答复',
    title: `政府信息公开申请答复（${outcome.group === 'partial' ? '部分公开' : `不予公开：${outcome.label}`}，${caseRow.case_no}）`,
    docNumber: null,
    decidedOn: ctx.on,
    summary: String(ctx.input.reasons ?? ''),
    source: { type: 'case', id: ctx.caseId },
    createdBy: ctx.actor.id,
  });
  await linkRecords(ctx.trx, { fromType: 'case', fromId: ctx.caseId, relation: 'answered_by_act', toType: 'act', toId: actId });
  return { answerActId: actId };
}
