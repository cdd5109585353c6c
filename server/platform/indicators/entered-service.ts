import { z } from 'zod';
import { AppError, notFound } from '../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { inTransaction, nowIso, type Actor, type Platform } from '../context.ts';
import { scopeIncludesOrg, type Principal, type Scope } from '../access/scope.ts';
import { findIndicator } from './registry.ts';

export const ZEnteredFigure = z.object({
  indicatorId: z.string().max(100),
  orgId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  value: z.number().finite().min(0).max(1e12),
  source: z.string().trim().min(1, '请注明数据来源（如统计台账、业务系统）').max(500),
  note: z.string().trim().max(2000).optional(),
  fileId: z.number().int().positive().optional(),
});
export type EnteredFigureInput = z.output<typeof ZEnteredFigure>;

export const ZEnteredReview = z.object({ decision: z.enum(['approve', 'reject']), note: z.string().trim().max(1000).optional() });
export type EnteredReviewInput = z.output<typeof ZEnteredReview>;

/** Who submits or reviews: the principal, the data scope of the permission used (indicator.enter / .approve), the actor for the audit. */
export type EnteredFigureCaller = { principal: Principal; scope: Scope; actor: Actor };

/**
 * 填报: a department enters a figure with its source (status submitted). The API route and the demo fixtures
 * both come through here, so an entered figure is the same whoever writes it.
 */
export async function submitEnteredFigure(platform: Platform, caller: EnteredFigureCaller, input: EnteredFigureInput): Promise<number> {
  const { principal, scope, actor } = caller;
  const definition = findIndicator(input.indicatorId);
  if (!definition) throw notFound('指标');
  if (!definition.isEnterable) throw new AppError('VALIDATION_FAILED', `“${definition.title}”由平台根据记录计算，不接受填报`, { fields: [{ path: 'indicatorId', message: '不可填报' }] });
  if (!scopeIncludesOrg(scope, input.orgId)) throw new AppError('VALIDATION_FAILED', '只能为本人数据范围内的单位填报', { fields: [{ path: 'orgId', message: '超出数据范围' }] });
  if (definition.unit === '%' && input.value > 100) throw new AppError('VALIDATION_FAILED', '百分比不能超过 100', { fields: [{ path: 'value', message: '超出范围' }] });
  return inTransaction(platform, async (trx) => {
    // A scope of 全部 admits any id: an organisation that does not exist is bad input, not a failed insert.
    if (!(await trx.selectFrom('organization').select('id').where('id', '=', input.orgId).executeTakeFirst())) {
      throw new AppError('VALIDATION_FAILED', '填报单位不存在', { fields: [{ path: 'orgId', message: '单位不存在' }] });
    }
    const row = await trx
      .insertInto('entered_figure')
      .values({
        indicator_id: input.indicatorId, org_id: input.orgId, year: input.year, value: input.value, source: input.source, note: input.note ?? null,
        file_id: input.fileId ?? null, status: 'submitted', entered_by: principal.userId, entered_at: nowIso(), reviewed_by: null, reviewed_at: null, review_note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.fileId) {
      // The evidence file now belongs to the entry: whoever may review the entry may read it.
      const file = await trx.selectFrom('stored_file').select(['id', 'created_by', 'subject_type']).where('id', '=', input.fileId).executeTakeFirst();
      if (!file || file.created_by !== principal.userId || file.subject_type) throw new AppError('VALIDATION_FAILED', '附件无效', { fields: [{ path: 'fileId', message: '附件无效' }] });
      await trx.updateTable('stored_file').set({ subject_type: 'entered_figure', subject_id: String(row.id) }).where('id', '=', file.id).execute();
    }
    await appendAudit(trx, platform.dialect, actor, { action: 'indicator.enter', targetType: 'entered_figure', targetId: row.id, after: input });
    return row.id;
  });
}

/** The rule-of-law office approves or rejects a submitted figure; nobody reviews their own entry. */
export async function reviewEnteredFigure(platform: Platform, caller: EnteredFigureCaller, id: number, review: EnteredReviewInput): Promise<void> {
  const { principal, scope, actor } = caller;
  await inTransaction(platform, async (trx) => {
    const entry = await trx.selectFrom('entered_figure').selectAll().where('id', '=', id).executeTakeFirst();
    if (!entry || !scopeIncludesOrg(scope, entry.org_id)) throw notFound('填报数据');
    if (entry.status !== 'submitted') throw new AppError('TRANSITION_NOT_ALLOWED', '该数据已审核');
    if (entry.entered_by === principal.userId) throw new AppError('FORBIDDEN', '不能审核本人填报的数据');
    const status = review.decision === 'approve' ? 'approved' : 'rejected';
    await trx.updateTable('entered_figure').set({ status, reviewed_by: principal.userId, reviewed_at: nowIso(), review_note: review.note ?? null }).where('id', '=', entry.id).execute();
    await appendAudit(trx, platform.dialect, actor, { action: `indicator.${status === 'approved' ? 'approve' : 'reject'}`, targetType: 'entered_figure', targetId: entry.id, before: { status: entry.status }, after: { status, note: review.note } });
  });
}
