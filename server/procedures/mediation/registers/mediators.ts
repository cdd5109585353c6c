import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { containsText } from '../../../db/like.ts';
import type { Database } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/scope.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { inTransaction, nowIso, type Actor, type Platform } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { offsetOf } from '../../../platform/http/paging.ts';
import { anchorsInScope, committeeAnchors, committeeVisibleTo, conflict, scopeIds } from './access.ts';
import type { MediatorInput, TrainingInput, ZMediatorQuery, ZMediatorUpdate } from './schemas.ts';
import { EMPLOYMENTS, GENDERS, labelOf } from './vocabulary.ts';

/** The committee a mediator belongs to must be one the caller manages; otherwise it reads as absent. */
async function committeeInScope(trx: Transaction<Database> | Db, scope: Scope, committeeId: number, field: string | null): Promise<void> {
  const committee = await trx.selectFrom('mediation_committee').select(['parent_org_id', 'org_id', 'township_org_id', 'guide_org_id']).where('id', '=', committeeId).executeTakeFirst();
  if (committee && anchorsInScope(scope, committeeAnchors(committee))) return;
  if (field) throw new AppError('VALIDATION_FAILED', '所选调委会不存在或超出您的数据范围', { fields: [{ path: field, message: '调委会不存在或无权访问' }] });
  throw notFound('人民调解员');
}

async function mediatorInScope(trx: Transaction<Database> | Db, scope: Scope, id: number) {
  const row = await trx.selectFrom('mediator').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('人民调解员');
  await committeeInScope(trx, scope, row.committee_id, null);
  return row;
}

function mediatorValues(input: MediatorInput) {
  return {
    committee_id: input.committeeId, name: input.name, gender: input.gender, employment: input.employment,
    is_committee_member: input.isCommitteeMember ? 1 : 0, qualification: input.qualification || null, is_active: input.isActive ? 1 : 0,
  };
}

export async function createMediator(platform: Platform, actor: Actor, scope: Scope, input: MediatorInput): Promise<number> {
  return inTransaction(platform, async (trx) => {
    await committeeInScope(trx, scope, input.committeeId, 'committeeId');
    const at = nowIso();
    const row = await trx.insertInto('mediator').values({ ...mediatorValues(input), version: 1, created_by: actor.id, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, platform.dialect, actor, { action: 'mediation.mediator.create', targetType: 'mediator', targetId: row.id, after: input });
    return row.id;
  });
}

export async function updateMediator(platform: Platform, actor: Actor, scope: Scope, id: number, body: z.output<typeof ZMediatorUpdate>): Promise<void> {
  const { version, ...input } = body;
  await inTransaction(platform, async (trx) => {
    const current = await mediatorInScope(trx, scope, id);
    if (input.committeeId !== current.committee_id) await committeeInScope(trx, scope, input.committeeId, 'committeeId');
    const result = await trx.updateTable('mediator').set({ ...mediatorValues(input), version: version + 1, updated_at: nowIso() }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('人民调解员信息');
    await appendAudit(trx, platform.dialect, actor, { action: 'mediation.mediator.update', targetType: 'mediator', targetId: id, before: current, after: { ...input, version: version + 1 } });
  });
}

/** 人民调解法第十四条第二款: 县级人民政府司法行政部门应当定期对人民调解员进行业务培训. */
export async function addTraining(platform: Platform, actor: Actor, scope: Scope, mediatorId: number, input: TrainingInput): Promise<number> {
  return inTransaction(platform, async (trx) => {
    await mediatorInScope(trx, scope, mediatorId);
    const row = await trx
      .insertInto('mediator_training')
      .values({ mediator_id: mediatorId, trained_on: input.trainedOn, hours: input.hours, topic: input.topic, organiser: input.organiser, created_by: actor.id, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, platform.dialect, actor, { action: 'mediation.mediator.training.add', targetType: 'mediator', targetId: mediatorId, after: { trainingId: row.id, ...input } });
    return row.id;
  });
}

export async function removeTraining(platform: Platform, actor: Actor, scope: Scope, mediatorId: number, trainingId: number): Promise<void> {
  await inTransaction(platform, async (trx) => {
    await mediatorInScope(trx, scope, mediatorId);
    const training = await trx.selectFrom('mediator_training').selectAll().where('id', '=', trainingId).where('mediator_id', '=', mediatorId).executeTakeFirst();
    if (!training) throw notFound('培训记录');
    await trx.deleteFrom('mediator_training').where('id', '=', trainingId).execute();
    await appendAudit(trx, platform.dialect, actor, { action: 'mediation.mediator.training.remove', targetType: 'mediator', targetId: mediatorId, before: training });
  });
}

type TrainingTotals = { count: number; hours: number; lastOn: string | null };

async function trainingTotals(db: Db, ids: number[]): Promise<Map<number, TrainingTotals>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('mediator_training')
    .select(['mediator_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('hours').as('hours'), (eb) => eb.fn.max('trained_on').as('last_on')])
    .where('mediator_id', 'in', ids).groupBy('mediator_id').execute();
  return new Map(rows.map((r) => [r.mediator_id, { count: Number(r.n), hours: Math.round(Number(r.hours ?? 0) * 10) / 10, lastOn: r.last_on ?? null }]));
}

function mediatorQuery(db: Db) {
  return db.selectFrom('mediator as m').innerJoin('mediation_committee as c', 'c.id', 'm.committee_id');
}

type MediatorRow = Awaited<ReturnType<typeof selectMediators>>[number];

function selectMediators(query: ReturnType<typeof mediatorQuery>) {
  return query.selectAll('m').select(['c.name as committee_name', 'c.township_org_id']).execute();
}

function summaryOf(row: MediatorRow, totals: TrainingTotals | undefined) {
  return {
    id: row.id, committeeId: row.committee_id, committeeName: row.committee_name, townshipOrgId: row.township_org_id,
    name: row.name, gender: row.gender, genderLabel: labelOf(GENDERS, row.gender), employment: row.employment, employmentLabel: labelOf(EMPLOYMENTS, row.employment),
    isCommitteeMember: row.is_committee_member === 1, qualification: row.qualification, isActive: row.is_active === 1, version: row.version,
    trainingCount: totals?.count ?? 0, trainingHours: totals?.hours ?? 0, lastTrainedOn: totals?.lastOn ?? null,
  };
}

export async function listMediators(db: Db, scope: Scope, query: z.output<typeof ZMediatorQuery>) {
  let q = mediatorQuery(db);
  const ids = scopeIds(scope);
  if (ids) q = q.where(committeeVisibleTo('c', ids));
  if (query.committeeId) q = q.where('m.committee_id', '=', query.committeeId);
  if (query.employment) q = q.where('m.employment', '=', query.employment);
  if (query.isActive !== undefined) q = q.where('m.is_active', '=', query.isActive ? 1 : 0);
  if (query.q) q = q.where(containsText('m.name', query.q));
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await selectMediators(q.orderBy('c.name').orderBy('m.name').orderBy('m.id').limit(query.pageSize).offset(offsetOf(query)));
  const totals = await trainingTotals(db, rows.map((r) => r.id));
  return { items: rows.map((r) => summaryOf(r, totals.get(r.id))), total: Number(total), page: query.page, pageSize: query.pageSize };
}

export async function mediatorDetail(db: Db, scope: Scope, id: number) {
  const [row] = await selectMediators(mediatorQuery(db).where('m.id', '=', id));
  if (!row) return null;
  const committee = await db.selectFrom('mediation_committee').select(['parent_org_id', 'org_id', 'township_org_id', 'guide_org_id']).where('id', '=', row.committee_id).executeTakeFirstOrThrow();
  if (!anchorsInScope(scope, committeeAnchors(committee))) return null;
  const trainings = await db.selectFrom('mediator_training').selectAll().where('mediator_id', '=', id).orderBy('trained_on', 'desc').orderBy('id', 'desc').execute();
  return {
    ...summaryOf(row, (await trainingTotals(db, [id])).get(id)),
    trainings: trainings.map((t) => ({ id: t.id, trainedOn: t.trained_on, hours: Number(t.hours), topic: t.topic, organiser: t.organiser })),
  };
}
