import { AppError } from '../../platform/errors.ts';
import { nowIso } from '../../platform/context.ts';
import type { AfterApplyContext } from '../../platform/engine/define.ts';
import { linkRecords, recordAdministrativeAct } from '../../platform/engine/acts.ts';

type ActInput = { actId?: number; kind: string; title: string; docNumber?: string; decidedOn?: string };

/**
 * Registration records the act under review (被申请复议的行政行为) as its own record, or points to one
 * already recorded (e.g. a refused disclosure answer), so the act's path through review and court shows on it.
 */
export async function recordReviewedAct(ctx: AfterApplyContext) {
  const { trx, caseId, input } = ctx;
  const respondent = await trx.selectFrom('organization').select(['id', 'name']).where('id', '=', Number(input.respondentOrgId)).executeTakeFirst();
  if (!respondent) {
    throw new AppError('VALIDATION_FAILED', '被申请人（行政机关）不存在', { fields: [{ path: 'respondentOrgId', message: '机关不存在' }] });
  }
  const act = input.act as ActInput;
  const actId = act.actId ?? (await recordAdministrativeAct(trx, {
    orgId: respondent.id, kind: act.kind, title: act.title, docNumber: act.docNumber ?? null,
    decidedOn: act.decidedOn ?? null, summary: null, source: null, createdBy: ctx.actor.id,
  }));
  if (act.actId) {
    const exists = await trx.selectFrom('admin_act').select('id').where('id', '=', act.actId).executeTakeFirst();
    if (!exists) throw new AppError('VALIDATION_FAILED', '所指的行政行为记录不存在', { fields: [{ path: 'act.actId', message: '不存在' }] });
  }
  await linkRecords(trx, { fromType: 'case', fromId: caseId, relation: 'reviews', toType: 'act', toId: actId, at: nowIso() });
  return { respondentName: respondent.name, act: { ...act, actId } };
}
