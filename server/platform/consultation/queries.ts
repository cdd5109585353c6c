import type { Db } from '../../db/client.ts';
import type { Scope } from '../access/scope.ts';
import { maskPhone } from '../crypto/mask.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { COMMENT_PERIOD_NORMS, DECISIONS, type SubjectKind } from './rules.ts';
import { isAcceptingComments, type ConsultationRow } from './service.ts';
import { todayInChina } from '../engine/plan.ts';

type Article = { no: number; text: string };

function summaryOf(row: ConsultationRow & { org_name?: string | null }, counts: { total: number; pending: number }) {
  return {
    id: row.id, orgId: row.org_id, orgName: row.org_name ?? null, title: row.title, state: row.state,
    stateLabel: { draft: '草稿', open: '征求意见中', concluded: '已公布采纳情况' }[row.state] ?? row.state,
    opensOn: row.opens_on, closesOn: row.closes_on, isAcceptingComments: isAcceptingComments(row),
    subjectKind: row.subject_type, norm: COMMENT_PERIOD_NORMS[row.subject_type as SubjectKind]?.basis ?? null,
    commentCount: counts.total, pendingCount: counts.pending, concludedOn: row.concluded_on, version: row.version,
  };
}

async function countsOf(db: Db, ids: number[]) {
  if (!ids.length) return new Map<number, { total: number; pending: number }>();
  const rows = await db.selectFrom('consultation_comment').select(['consultation_id', 'decision']).where('consultation_id', 'in', ids).execute();
  const counts = new Map<number, { total: number; pending: number }>();
  for (const r of rows) {
    const c = counts.get(r.consultation_id) ?? { total: 0, pending: 0 };
    c.total += 1;
    if (r.decision === 'pending') c.pending += 1;
    counts.set(r.consultation_id, c);
  }
  return counts;
}

export async function listConsultations(db: Db, scope: Scope | null, paging: { page: number; pageSize: number }, isPublicOnly: boolean) {
  let query = db.selectFrom('consultation').leftJoin('organization', 'organization.id', 'consultation.org_id');
  if (scope && !scope.isAll) query = query.where('consultation.org_id', 'in', scope.orgIds.length ? scope.orgIds : [-1]);
  if (isPublicOnly) query = query.where('consultation.state', '!=', 'draft');
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let ordered = query.selectAll('consultation').select('organization.name as org_name');
  if (isPublicOnly) {
    // The public sees drafts still taking comments (or about to) first, then the closed and concluded ones.
    const today = todayInChina();
    ordered = ordered.orderBy((eb) => eb.case().when(eb.and([eb('consultation.state', '=', 'open'), eb('consultation.closes_on', '>=', today)])).then(0).else(1).end());
  }
  const rows = await ordered.orderBy('consultation.opens_on', 'desc').orderBy('consultation.id', 'desc')
    .limit(paging.pageSize).offset((paging.page - 1) * paging.pageSize).execute();
  const counts = await countsOf(db, rows.map((r) => r.id));
  return { items: rows.map((r) => summaryOf(r, counts.get(r.id) ?? { total: 0, pending: 0 })), total: Number(total), ...paging };
}

/** Staff view: every comment with its handling; contacts masked. */
export async function consultationDetail(db: Db, cipher: FieldCipher, id: number) {
  const row = await db.selectFrom('consultation').leftJoin('organization', 'organization.id', 'consultation.org_id').selectAll('consultation').select('organization.name as org_name').where('consultation.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const comments = await db.selectFrom('consultation_comment').selectAll().where('consultation_id', '=', id).orderBy('id').execute();
  const counts = { total: comments.length, pending: comments.filter((c) => c.decision === 'pending').length };
  return {
    ...summaryOf(row, counts),
    description: row.description, articles: JSON.parse(row.articles_json) as Article[], summary: row.summary,
    comments: comments.map((c) => ({
      id: c.id, articleNo: c.article_no, authorName: c.author_name, contactMasked: c.contact_enc ? maskPhone(cipher.decrypt(c.contact_enc)) : null,
      content: c.content, createdAt: c.created_at, decision: c.decision, decisionLabel: DECISIONS[c.decision as keyof typeof DECISIONS] ?? '待处理', reason: c.reason,
    })),
  };
}

/** Public view: the draft and period; after conclusion the 采纳情况说明 with each comment's handling, no names. */
export async function publicConsultation(db: Db, id: number) {
  const row = await db.selectFrom('consultation').leftJoin('organization', 'organization.id', 'consultation.org_id').selectAll('consultation').select('organization.name as org_name').where('consultation.id', '=', id).executeTakeFirst();
  if (!row || row.state === 'draft') return null;
  const comments = await db.selectFrom('consultation_comment').select(['id', 'article_no', 'content', 'decision', 'reason']).where('consultation_id', '=', id).orderBy('id').execute();
  const isConcluded = row.state === 'concluded';
  return {
    ...summaryOf(row, { total: comments.length, pending: 0 }),
    description: row.description, articles: JSON.parse(row.articles_json) as Article[],
    summary: isConcluded ? row.summary : null,
    handling: isConcluded
      ? comments.map((c) => ({ articleNo: c.article_no, content: c.content, decisionLabel: DECISIONS[c.decision as keyof typeof DECISIONS] ?? '', reason: c.reason }))
      : [],
  };
}
