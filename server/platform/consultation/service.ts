import type { Selectable } from 'kysely';
import type { ConsultationTable } from '../../db/schema-consultation.ts';
import { AppError, notFound } from '../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { inTransaction, nowIso, type Actor, type Platform } from '../context.ts';
import { sm3Hex } from '../crypto/sm3.ts';
import { loadCalendar } from '../calendar/store.ts';
import { todayInChina } from '../engine/plan.ts';
import { periodProblem, type ConsultationInput } from './rules.ts';
import type { z } from 'zod';
import type { ZComment, ZDecision } from './rules.ts';

export type ConsultationRow = Selectable<ConsultationTable>;

/** Open for comments today: opened, and today within the period (China date). */
export function isAcceptingComments(row: ConsultationRow, today = todayInChina()): boolean {
  return row.state === 'open' && row.opens_on <= today && today <= row.closes_on;
}

async function checkPeriod(platform: Platform, input: ConsultationInput): Promise<void> {
  const problem = periodProblem(await loadCalendar(platform), input);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { fields: [{ path: 'closesOn', message: problem }] });
}

function values(input: ConsultationInput) {
  return {
    org_id: input.orgId, title: input.title,
    description: input.shortPeriodReason ? `${input.description}\n\n（征求意见期限缩短的理由：${input.shortPeriodReason}）` : input.description,
    articles_json: JSON.stringify(input.articles.map((text, i) => ({ no: i + 1, text }))),
    opens_on: input.opensOn, closes_on: input.closesOn, subject_type: input.subjectKind,
  };
}

export async function createConsultation(platform: Platform, actor: Actor, input: ConsultationInput): Promise<number> {
  await checkPeriod(platform, input);
  return inTransaction(platform, async (trx) => {
    const at = nowIso();
    const row = await trx
      .insertInto('consultation')
      .values({ ...values(input), state: 'draft', subject_id: null, summary: null, concluded_on: null, version: 1, created_by: actor.id, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, platform.dialect, actor, { action: 'consultation.create', targetType: 'consultation', targetId: row.id, after: input });
    return row.id;
  });
}

/** Drafts change while in draft only; what the public has seen is fixed. */
export async function updateConsultation(platform: Platform, actor: Actor, id: number, version: number, input: ConsultationInput): Promise<void> {
  await checkPeriod(platform, input);
  await inTransaction(platform, async (trx) => {
    const current = await trx.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) throw notFound('征求意见');
    if (current.state !== 'draft') throw new AppError('TRANSITION_NOT_ALLOWED', '已发布的征求意见稿不能修改');
    const result = await trx.updateTable('consultation').set({ ...values(input), version: version + 1, updated_at: nowIso() }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '征求意见稿已被他人修改，请刷新后重试');
    await appendAudit(trx, platform.dialect, actor, { action: 'consultation.update', targetType: 'consultation', targetId: id, before: current, after: input });
  });
}

export async function openConsultation(platform: Platform, actor: Actor, id: number): Promise<void> {
  await inTransaction(platform, async (trx) => {
    const current = await trx.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) throw notFound('征求意见');
    if (current.state !== 'draft') throw new AppError('TRANSITION_NOT_ALLOWED', '只有草稿可以发布');
    if (current.closes_on < todayInChina()) throw new AppError('VALIDATION_FAILED', '征求意见截止日期已过，请先修改期限');
    await trx.updateTable('consultation').set({ state: 'open', version: current.version + 1, updated_at: nowIso() }).where('id', '=', id).execute();
    await appendAudit(trx, platform.dialect, actor, { action: 'consultation.open', targetType: 'consultation', targetId: id, after: { opensOn: current.opens_on, closesOn: current.closes_on } });
  });
}

export async function decideComment(platform: Platform, actor: Actor, id: number, commentId: number, decision: z.output<typeof ZDecision>): Promise<void> {
  await inTransaction(platform, async (trx) => {
    const consultation = await trx.selectFrom('consultation').select(['state']).where('id', '=', id).executeTakeFirst();
    if (!consultation) throw notFound('征求意见');
    if (consultation.state === 'concluded') throw new AppError('TRANSITION_NOT_ALLOWED', '采纳情况已公布，不能再修改');
    const comment = await trx.selectFrom('consultation_comment').select(['id', 'decision', 'reason']).where('id', '=', commentId).where('consultation_id', '=', id).executeTakeFirst();
    if (!comment) throw notFound('意见');
    await trx.updateTable('consultation_comment').set({ decision: decision.decision, reason: decision.reason || null, handled_by: actor.id, handled_at: nowIso() }).where('id', '=', commentId).execute();
    await appendAudit(trx, platform.dialect, actor, { action: 'consultation.comment.decide', targetType: 'consultation_comment', targetId: commentId, before: comment, after: decision });
  });
}

/** 采纳情况说明: published once the period is over and every comment has been handled. */
export async function concludeConsultation(platform: Platform, actor: Actor, id: number, summary: string): Promise<void> {
  await inTransaction(platform, async (trx) => {
    const current = await trx.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) throw notFound('征求意见');
    if (current.state !== 'open') throw new AppError('TRANSITION_NOT_ALLOWED', '只有已发布的征求意见可以公布采纳情况');
    const today = todayInChina();
    if (today <= current.closes_on) throw new AppError('TRANSITION_NOT_ALLOWED', `征求意见期限至 ${current.closes_on} 届满，届满后才能公布采纳情况`);
    const pending = await trx.selectFrom('consultation_comment').select('id').where('consultation_id', '=', id).where('decision', '=', 'pending').execute();
    if (pending.length) throw new AppError('VALIDATION_FAILED', `还有 ${pending.length} 条意见未作采纳处理`);
    await trx.updateTable('consultation').set({ state: 'concluded', summary, concluded_on: today, version: current.version + 1, updated_at: nowIso() }).where('id', '=', id).execute();
    await appendAudit(trx, platform.dialect, actor, { action: 'consultation.conclude', targetType: 'consultation', targetId: id, after: { summary } });
  });
}

/** A comment from the public: only while the period runs; the contact is encrypted, the IP kept only as a digest. */
export async function submitPublicComment(platform: Platform, id: number, input: z.output<typeof ZComment>, ip: string | null): Promise<number> {
  return inTransaction(platform, async (trx) => {
    const row = await trx.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.state === 'draft') throw notFound('征求意见');
    if (!isAcceptingComments(row)) throw new AppError('TRANSITION_NOT_ALLOWED', `本次征求意见的期限为 ${row.opens_on} 至 ${row.closes_on}，当前不在期限内`);
    const articles = JSON.parse(row.articles_json) as { no: number }[];
    if (input.articleNo != null && !articles.some((a) => a.no === input.articleNo)) {
      throw new AppError('VALIDATION_FAILED', '所选条款不存在', { fields: [{ path: 'articleNo', message: '条款不存在' }] });
    }
    const comment = await trx
      .insertInto('consultation_comment')
      .values({
        consultation_id: id, article_no: input.articleNo, author_name: input.authorName || null,
        contact_enc: input.contact ? platform.cipher.encrypt(input.contact) : null, content: input.content,
        ip_hash: ip ? sm3Hex(`comment-ip:${ip}`) : null, created_at: nowIso(), decision: 'pending', reason: null, handled_by: null, handled_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, platform.dialect, { id: null, name: '公众', ip }, {
      action: 'consultation.comment', targetType: 'consultation', targetId: id, after: { commentId: comment.id, articleNo: input.articleNo, length: input.content.length },
    });
    return comment.id;
  });
}
