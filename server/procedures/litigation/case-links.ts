import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { nowIso } from '../../platform/context.ts';
import type { AfterApplyContext, CaseData } from '../../platform/engine/define.ts';
import { linkRecords, recordAdministrativeAct } from '../../platform/engine/acts.ts';
import type { RegisterInput } from './schemas.ts';

type Org = { id: number; name: string; kind: string };
type Defendant = Org & { isReviewBody?: boolean; basis?: string };
export type ReviewBodyRole = 'co_defendant' | 'sole_defendant' | 'undetermined' | 'none';

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, { fields: [{ path, message }] });

async function orgById(trx: Transaction<Database>, id: number): Promise<Org | undefined> {
  return trx.selectFrom('organization').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst();
}

/**
 * What a reconsideration decision makes of the review body in court (行政诉讼法第二十六条第二款):
 * 维持 → co-defendant with the original agency; 驳回复议请求 counts as 维持 (解释第一百三十三条; the platform's
 * 驳回 is the merits dismissal of 行政复议法第六十九条, never one on acceptance grounds); a decision partly
 * upholding is 维持 too (解释第一百三十四条第二款); 撤销、变更、确认无效、责令履行 change the act → the review body
 * alone (解释第二十二条); 确认违法 changes it unless for procedure only (解释第二十二条第三款), which the record
 * does not say; no decision → none (第二十六条第三款).
 */
export function reviewBodyRole(state: string, decision: { decision?: string; isPartial?: boolean } | undefined): ReviewBodyRole {
  if (state !== 'decided' || !decision?.decision) return 'none';
  if (decision.decision === 'uphold' || decision.decision === 'dismiss') return 'co_defendant';
  if (decision.decision === 'revoke' && decision.isPartial) return 'co_defendant';
  if (decision.decision === 'confirmIllegal') return 'undetermined';
  return 'sole_defendant';
}

const ROLE_NOTES: Record<ReviewBodyRole, string> = {
  co_defendant: '复议机关决定维持原行政行为（含驳回复议请求），作出原行政行为的行政机关和复议机关是共同被告（行政诉讼法第二十六条第二款；解释第一百三十三条、第一百三十四条）',
  sole_defendant: '复议机关改变原行政行为，复议机关是被告（行政诉讼法第二十六条第二款；解释第二十二条）',
  undetermined: '复议机关确认原行政行为违法：以违反法定程序为由的视为维持（共同被告），否则属于改变（解释第二十二条第三款），请人工核对',
  none: '复议机关未作出复议决定或者不予受理，按行政诉讼法第二十六条第一款、第三款确定被告',
};

/**
 * Registration's writes beyond the case: checks the defendants exist, records the act challenged (or points to
 * one already recorded) and links the case to it, to the case of the instance before, and to the reconsideration
 * case it follows, marking the review body as co-defendant where the decision upheld the act.
 */
export async function recordLitigationLinks(ctx: AfterApplyContext): Promise<CaseData> {
  const { trx, caseId, actor } = ctx;
  const input = ctx.input as RegisterInput;
  const at = nowIso();
  const defendant = await orgById(trx, input.defendantOrgId);
  if (!defendant) throw invalid('defendantOrgId', '被告（行政机关）不存在');
  const coDefendants: Defendant[] = [];
  for (const [i, id] of input.coDefendantOrgIds.entries()) {
    const org = await orgById(trx, id);
    if (!org) throw invalid(`coDefendantOrgIds.${i}`, '共同被告（行政机关）不存在');
    coDefendants.push(org);
  }

  const act = input.act;
  if (act.actId) {
    const exists = await trx.selectFrom('admin_act').select('id').where('id', '=', act.actId).executeTakeFirst();
    if (!exists) throw invalid('act.actId', '所指的行政行为记录不存在');
  }
  const actId = act.actId ?? (await recordAdministrativeAct(trx, {
    orgId: defendant.id, kind: act.kind, title: act.title, docNumber: act.docNumber ?? null,
    decidedOn: act.decidedOn ?? null, summary: null, source: null, createdBy: actor.id,
  }));
  await linkRecords(trx, { fromType: 'case', fromId: caseId, relation: 'challenges', toType: 'act', toId: actId, at });

  if (input.previousCaseId) {
    const previous = await trx.selectFrom('proc_case').select('id').where('id', '=', input.previousCaseId).where('procedure', '=', 'litigation').executeTakeFirst();
    if (!previous) throw invalid('previousCaseId', '原审应诉案件不存在');
    const relation = input.instance === 'second' ? 'appeal_of' : input.instance === 'retrial' ? 'retrial_of' : 'remanded_from';
    await linkRecords(trx, { fromType: 'case', fromId: caseId, relation, toType: 'case', toId: previous.id, at });
  }

  // The defendant's kind (人民政府 / 部门 / 乡镇) lets figures tell 以县政府为被告 from 县级行政部门 cases.
  const extra: CaseData = { defendantName: defendant.name, defendantKind: defendant.kind, act: { ...act, actId } };
  if (input.reconsiderationCaseId) {
    const review = await trx.selectFrom('proc_case').select(['id', 'case_no', 'org_id', 'state', 'data_json'])
      .where('id', '=', input.reconsiderationCaseId).where('procedure', '=', 'reconsideration').executeTakeFirst();
    if (!review) throw invalid('reconsiderationCaseId', '所指的行政复议案件不存在');
    await linkRecords(trx, { fromType: 'case', fromId: caseId, relation: 'after_reconsideration', toType: 'case', toId: review.id, at });
    const reviewData = JSON.parse(review.data_json) as { decision?: { decision?: string; isPartial?: boolean; title?: string }; respondentOrgId?: number };
    const role = reviewBodyRole(review.state, reviewData.decision);
    const reviewBody = await orgById(trx, review.org_id);
    if (role === 'co_defendant' && reviewBody) {
      // Both the review body and the agency whose act it upheld are defendants (第二十六条第二款; 解释第一百三十四条第一款).
      const original = reviewData.respondentOrgId ? await orgById(trx, reviewData.respondentOrgId) : undefined;
      const named = new Set([defendant.id, ...coDefendants.map((c) => c.id)]);
      const basis = '行政诉讼法第二十六条第二款；解释第一百三十三条';
      for (const org of [reviewBody, original]) {
        if (!org) continue;
        const existing = coDefendants.find((c) => c.id === org.id);
        if (existing && org.id === reviewBody.id) Object.assign(existing, { isReviewBody: true, basis });
        if (named.has(org.id)) continue;
        coDefendants.push({ ...org, isReviewBody: org.id === reviewBody.id, basis });
        named.add(org.id);
      }
    }
    extra.reconsideration = {
      caseId: review.id, caseNo: review.case_no, decision: reviewData.decision?.decision ?? null, decisionTitle: reviewData.decision?.title ?? null,
      reviewBodyOrgId: review.org_id, reviewBodyName: reviewBody?.name ?? null, reviewBodyRole: role, note: ROLE_NOTES[role],
    };
  }
  extra.coDefendants = coDefendants;
  return extra;
}
