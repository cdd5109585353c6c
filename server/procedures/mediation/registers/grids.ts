import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { containsText } from '../../../db/like.ts';
import type { Database } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/scope.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { inTransaction, nowIso, type Actor, type Platform } from '../../../platform/context.ts';
import { maskPhone } from '../../../platform/crypto/mask.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { offsetOf } from '../../../platform/http/paging.ts';
import { anchorsInScope, conflict, gridAnchors, gridVisibleTo, outOfScope, requireOrg, resolveGuideOrg, scopeIds } from './access.ts';
import type { GridInput, WorkerInput, ZGridQuery, ZGridUpdate, ZWorkerUpdate } from './schemas.ts';

type Trx = Transaction<Database>;

/** A grid of the caller's scope, or NOT_FOUND (out of scope reads as absent). */
export async function gridInScope(db: Trx | Db, scope: Scope, id: number) {
  const grid = await db.selectFrom('mediation_grid').selectAll().where('id', '=', id).executeTakeFirst();
  if (!grid || !anchorsInScope(scope, gridAnchors(grid))) throw notFound('网格');
  return grid;
}

async function placement(trx: Trx, input: GridInput) {
  const township = await requireOrg(trx, input.townshipOrgId, 'townshipOrgId', '所属乡镇（街道）');
  if (township.kind !== 'township') {
    throw new AppError('VALIDATION_FAILED', '网格应属于乡镇（街道）', { fields: [{ path: 'townshipOrgId', message: '请选择乡镇（街道）' }] });
  }
  return { township_org_id: township.id, guide_org_id: await resolveGuideOrg(trx, input.guideOrgId, township.id) };
}

const gridValues = (input: GridInput) => ({ name: input.name, description: input.description || null, is_active: input.isActive ? 1 : 0 });

export async function createGrid(platform: Platform, actor: Actor, scope: Scope, input: GridInput): Promise<number> {
  return inTransaction(platform, async (trx) => {
    const place = await placement(trx, input);
    if (!anchorsInScope(scope, gridAnchors(place))) throw outOfScope('townshipOrgId');
    const at = nowIso();
    const row = await trx.insertInto('mediation_grid').values({ ...gridValues(input), ...place, version: 1, created_by: actor.id, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, platform.dialect, actor, { action: 'mediation.grid.create', targetType: 'mediation_grid', targetId: row.id, after: { ...input, ...place } });
    return row.id;
  });
}

export async function updateGrid(platform: Platform, actor: Actor, scope: Scope, id: number, body: z.output<typeof ZGridUpdate>): Promise<void> {
  const { version, ...input } = body;
  await inTransaction(platform, async (trx) => {
    const current = await gridInScope(trx, scope, id);
    const place = await placement(trx, input);
    if (!anchorsInScope(scope, gridAnchors(place))) throw outOfScope('townshipOrgId');
    const result = await trx.updateTable('mediation_grid').set({ ...gridValues(input), ...place, version: version + 1, updated_at: nowIso() }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('网格');
    await appendAudit(trx, platform.dialect, actor, { action: 'mediation.grid.update', targetType: 'mediation_grid', targetId: id, before: current, after: { ...input, ...place, version: version + 1 } });
  });
}

function phoneColumns(platform: Platform, phone: string | undefined) {
  if (!phone) return { phone_enc: null, phone_masked: null };
  return { phone_enc: platform.cipher.encrypt(phone), phone_masked: maskPhone(phone) };
}

const workerAudit = (input: WorkerInput) => ({ ...input, phone: input.phone ? maskPhone(input.phone) : input.phone });

export async function createWorker(platform: Platform, actor: Actor, scope: Scope, gridId: number, input: WorkerInput): Promise<number> {
  return inTransaction(platform, async (trx) => {
    await gridInScope(trx, scope, gridId);
    const at = nowIso();
    const row = await trx
      .insertInto('grid_worker')
      .values({ grid_id: gridId, name: input.name, ...phoneColumns(platform, input.phone), is_active: input.isActive ? 1 : 0, version: 1, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, platform.dialect, actor, { action: 'mediation.grid.worker.create', targetType: 'grid_worker', targetId: row.id, after: { gridId, ...workerAudit(input) } });
    return row.id;
  });
}

/** An omitted phone keeps the stored one; '' clears it. */
export async function updateWorker(platform: Platform, actor: Actor, scope: Scope, gridId: number, workerId: number, body: z.output<typeof ZWorkerUpdate>): Promise<void> {
  const { version, ...input } = body;
  await inTransaction(platform, async (trx) => {
    await gridInScope(trx, scope, gridId);
    const current = await trx.selectFrom('grid_worker').select(['id', 'name', 'phone_masked', 'is_active', 'version']).where('id', '=', workerId).where('grid_id', '=', gridId).executeTakeFirst();
    if (!current) throw notFound('网格员');
    const phone = input.phone === undefined ? {} : phoneColumns(platform, input.phone);
    const result = await trx.updateTable('grid_worker').set({ name: input.name, ...phone, is_active: input.isActive ? 1 : 0, version: version + 1, updated_at: nowIso() })
      .where('id', '=', workerId).where('version', '=', version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('网格员信息');
    await appendAudit(trx, platform.dialect, actor, { action: 'mediation.grid.worker.update', targetType: 'grid_worker', targetId: workerId, before: current, after: { ...workerAudit(input), version: version + 1 } });
  });
}

export async function revealWorkerPhone(platform: Platform, actor: Actor, scope: Scope, gridId: number, workerId: number): Promise<string | null> {
  return inTransaction(platform, async (trx) => {
    await gridInScope(trx, scope, gridId);
    const worker = await trx.selectFrom('grid_worker').select(['phone_enc']).where('id', '=', workerId).where('grid_id', '=', gridId).executeTakeFirst();
    if (!worker) throw notFound('网格员');
    await appendAudit(trx, platform.dialect, actor, { action: 'mediation.grid.worker.phone.reveal', targetType: 'grid_worker', targetId: workerId, after: { gridId } });
    return worker.phone_enc ? platform.cipher.decrypt(worker.phone_enc) : null;
  });
}

function gridQuery(db: Db) {
  return db.selectFrom('mediation_grid as g').leftJoin('organization as t', 't.id', 'g.township_org_id').leftJoin('organization as o', 'o.id', 'g.guide_org_id');
}

async function counts(db: Db, ids: number[]) {
  if (!ids.length) return { workers: new Map<number, number>(), open: new Map<number, number>() };
  const [workers, open] = await Promise.all([
    db.selectFrom('grid_worker').select(['grid_id', (eb) => eb.fn.countAll<number>().as('n')]).where('grid_id', 'in', ids).where('is_active', '=', 1).groupBy('grid_id').execute(),
    db.selectFrom('grid_report').select(['grid_id', (eb) => eb.fn.countAll<number>().as('n')]).where('grid_id', 'in', ids).where('state', '=', 'open').groupBy('grid_id').execute(),
  ]);
  return { workers: new Map(workers.map((r) => [r.grid_id, Number(r.n)])), open: new Map(open.map((r) => [r.grid_id, Number(r.n)])) };
}

type GridRow = Awaited<ReturnType<typeof selectGrids>>[number];

function selectGrids(query: ReturnType<typeof gridQuery>) {
  return query.selectAll('g').select(['t.name as township_org_name', 'o.name as guide_org_name']).execute();
}

function summaryOf(g: GridRow, workerCount: number, openReportCount: number) {
  return {
    id: g.id, name: g.name, townshipOrgId: g.township_org_id, townshipOrgName: g.township_org_name, guideOrgId: g.guide_org_id, guideOrgName: g.guide_org_name,
    description: g.description, isActive: g.is_active === 1, version: g.version, workerCount, openReportCount,
  };
}

export async function listGrids(db: Db, scope: Scope, query: z.output<typeof ZGridQuery>) {
  let q = gridQuery(db);
  const ids = scopeIds(scope);
  if (ids) q = q.where(gridVisibleTo('g', ids));
  if (query.townshipOrgId) q = q.where('g.township_org_id', '=', query.townshipOrgId);
  if (query.isActive !== undefined) q = q.where('g.is_active', '=', query.isActive ? 1 : 0);
  if (query.q) q = q.where(containsText('g.name', query.q));
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await selectGrids(q.orderBy('g.township_org_id').orderBy('g.name').orderBy('g.id').limit(query.pageSize).offset(offsetOf(query)));
  const c = await counts(db, rows.map((r) => r.id));
  return { items: rows.map((r) => summaryOf(r, c.workers.get(r.id) ?? 0, c.open.get(r.id) ?? 0)), total: Number(total), page: query.page, pageSize: query.pageSize };
}

/** A grid with its workers, phones masked. */
export async function gridDetail(db: Db, scope: Scope, id: number) {
  const [row] = await selectGrids(gridQuery(db).where('g.id', '=', id));
  if (!row || !anchorsInScope(scope, gridAnchors(row))) return null;
  const c = await counts(db, [id]);
  const workers = await db.selectFrom('grid_worker').selectAll().where('grid_id', '=', id).orderBy('is_active', 'desc').orderBy('id').execute();
  return {
    ...summaryOf(row, c.workers.get(id) ?? 0, c.open.get(id) ?? 0),
    workers: workers.map((w) => ({ id: w.id, name: w.name, phoneMasked: w.phone_masked, isActive: w.is_active === 1, version: w.version })),
  };
}
