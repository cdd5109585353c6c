import type { Kysely, Selectable, Transaction } from 'kysely';
import { containsText } from '../../db/like.ts';
import type { Database, OrganizationTable } from '../../db/schema.ts';
import type { LeadershipRegisterColumns, LeadershipTables } from '../../db/schema-leadership.ts';
import { scopeIncludesOrg, subtreeOrgIds, type Scope } from '../../platform/access/scope.ts';
import { appendAudit } from '../../platform/audit/append.ts';
import { inTransaction, nowIso, type Actor, type Platform } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { offsetOf, type Page } from '../../platform/http/paging.ts';
import { scopeIds } from './access.ts';
import type { ListQuery } from './schemas.ts';

export type RegisterTable = keyof LeadershipTables;
type Column = string | number | null;
/** A stored row as the shared store sees it: the common columns, and the register's own by name. */
export type StoredRow = Selectable<LeadershipRegisterColumns> & { [column: string]: unknown };
/** The four tables share their common columns; the store reaches the register's own ones by name only. */
type RegisterDb = { [T in RegisterTable]: LeadershipRegisterColumns & { [column: string]: Column } } & { organization: OrganizationTable };

/** What a register declares; the store does listing, scope, versions, voiding and audit the same for all. */
export type RegisterSpec<Input extends { orgId: number; heldOn: string }, View> = {
  /** /api/leadership/<path> and the admin page /leadership/<path>. */
  path: string;
  table: RegisterTable;
  /** The record's name in messages: 会前学法记录 … */
  title: string;
  /** Audit actions are `<auditName>.create|update|void`. */
  auditName: string;
  /** The register's own columns from a valid input. */
  columns: (input: Input) => Record<string, Column>;
  /** The register's own fields of a stored row, for responses. */
  view: (row: StoredRow) => View;
  /** Columns the keyword (q) searches. */
  keywordColumns: string[];
  /** Equality filters of the list: query parameter → column (indicator links use them, e.g. form, audience). */
  filterColumns: Record<string, string>;
};

export type RegisterRecord<View> = View & {
  id: number; orgId: number; orgName: string | null; heldOn: string;
  isVoided: boolean; voidReason: string | null; voidedAt: string | null;
  version: number; createdAt: string; updatedAt: string;
};

const registerDb = (db: Kysely<Database> | Transaction<Database>) => db as unknown as Kysely<RegisterDb>;

async function orgNames(db: Kysely<Database>, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('organization').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

function recordOf<View>(spec: RegisterSpec<never, View>, row: StoredRow, names: Map<number, string>): RegisterRecord<View> {
  return {
    id: row.id, orgId: row.org_id, orgName: names.get(row.org_id) ?? null, heldOn: row.held_on,
    isVoided: row.is_voided === 1, voidReason: row.void_reason, voidedAt: row.voided_at,
    version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
    ...spec.view(row),
  };
}

/** The records of a register within the caller's scope, newest legal date first. */
export async function listRecords<View>(
  db: Kysely<Database>, spec: RegisterSpec<never, View>, scope: Scope, query: ListQuery, filters: Record<string, string | undefined>,
): Promise<Page<RegisterRecord<View>>> {
  let q = registerDb(db).selectFrom(spec.table);
  const ids = scopeIds(scope);
  if (ids) q = q.where('org_id', 'in', ids);
  if (query.orgTree) {
    const tree = await subtreeOrgIds(db, [query.orgTree]);
    q = q.where('org_id', 'in', tree.length ? tree : [-1]);
  }
  if (query.from) q = q.where('held_on', '>=', query.from);
  if (query.to) q = q.where('held_on', '<=', query.to);
  if (!query.includeVoided) q = q.where('is_voided', '=', 0);
  for (const [param, column] of Object.entries(spec.filterColumns)) {
    const value = filters[param];
    if (value) q = q.where(column, '=', value);
  }
  const text = query.q;
  if (text) q = q.where((eb) => eb.or(spec.keywordColumns.map((c) => containsText(c, text))));
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = (await q.selectAll().orderBy('held_on', 'desc').orderBy('id', 'desc').limit(query.pageSize).offset(offsetOf(query)).execute()) as StoredRow[];
  const names = await orgNames(db, rows.map((r) => r.org_id));
  return { items: rows.map((r) => recordOf(spec, r, names)), total: Number(total), page: query.page, pageSize: query.pageSize };
}

async function findRow(db: Kysely<Database> | Transaction<Database>, spec: RegisterSpec<never, unknown>, id: number): Promise<StoredRow | undefined> {
  return (await registerDb(db).selectFrom(spec.table).selectAll().where('id', '=', id).executeTakeFirst()) as StoredRow | undefined;
}

/** One record within the scope; anything else reads as absent (404, never 403). */
export async function getRecord<View>(db: Kysely<Database>, spec: RegisterSpec<never, View>, scope: Scope, id: number): Promise<RegisterRecord<View>> {
  const row = await findRow(db, spec, id);
  if (!row || !scopeIncludesOrg(scope, row.org_id)) throw notFound(spec.title);
  return recordOf(spec, row, await orgNames(db, [row.org_id]));
}

/** The organisation must exist and lie within what the caller manages. */
async function checkOrg(trx: Transaction<Database>, scope: Scope, orgId: number): Promise<void> {
  const org = await trx.selectFrom('organization').select('id').where('id', '=', orgId).executeTakeFirst();
  if (!org) throw new AppError('VALIDATION_FAILED', '所属单位不存在', { fields: [{ path: 'orgId', message: '所属单位不存在' }] });
  if (!scopeIncludesOrg(scope, orgId)) throw new AppError('VALIDATION_FAILED', '所选单位超出您的数据范围', { fields: [{ path: 'orgId', message: '超出数据范围' }] });
}

/** A record in the caller's manage scope that is still in force, for update and void. */
async function requireLiveRow(trx: Transaction<Database>, spec: RegisterSpec<never, unknown>, scope: Scope, id: number): Promise<StoredRow> {
  const row = await findRow(trx, spec, id);
  if (!row || !scopeIncludesOrg(scope, row.org_id)) throw notFound(spec.title);
  if (row.is_voided === 1) throw new AppError('TRANSITION_NOT_ALLOWED', `该${spec.title}已作废，不能再修改`);
  return row;
}

const conflict = (spec: RegisterSpec<never, unknown>) => new AppError('CONFLICT', `该${spec.title}已被他人修改，请刷新后重试`);

export async function createRecord<Input extends { orgId: number; heldOn: string }, View>(
  platform: Platform, actor: Actor, spec: RegisterSpec<Input, View>, scope: Scope, input: Input,
): Promise<RegisterRecord<View>> {
  const id = await inTransaction(platform, async (trx) => {
    await checkOrg(trx, scope, input.orgId);
    const at = nowIso();
    const { id } = await registerDb(trx)
      .insertInto(spec.table)
      .values({
        ...spec.columns(input), org_id: input.orgId, held_on: input.heldOn, is_voided: 0, void_reason: null, voided_at: null, voided_by: null,
        version: 1, created_by: actor.id, created_at: at, updated_by: actor.id, updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, platform.dialect, actor, { action: `${spec.auditName}.create`, targetType: spec.table, targetId: id, after: await findRow(trx, spec, id) });
    return id;
  });
  return getRecord(platform.db, spec, { isAll: true }, id);
}

/** Full update with the version the caller saw (no row at that version → CONFLICT). */
export async function updateRecord<Input extends { orgId: number; heldOn: string }, View>(
  platform: Platform, actor: Actor, spec: RegisterSpec<Input, View>, scope: Scope, id: number, body: Input & { version: number },
): Promise<RegisterRecord<View>> {
  const { version } = body;
  await inTransaction(platform, async (trx) => {
    const before = await requireLiveRow(trx, spec, scope, id);
    await checkOrg(trx, scope, body.orgId);
    const result = await registerDb(trx)
      .updateTable(spec.table)
      .set({ ...spec.columns(body), org_id: body.orgId, held_on: body.heldOn, version: version + 1, updated_by: actor.id, updated_at: nowIso() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict(spec);
    await appendAudit(trx, platform.dialect, actor, { action: `${spec.auditName}.update`, targetType: spec.table, targetId: id, before, after: await findRow(trx, spec, id) });
  });
  return getRecord(platform.db, spec, { isAll: true }, id);
}

/** 作废: the record stays, marked with the reason, and no longer counts in lists or figures. */
export async function voidRecord<View>(
  platform: Platform, actor: Actor, spec: RegisterSpec<never, View>, scope: Scope, id: number, body: { reason: string; version: number },
): Promise<RegisterRecord<View>> {
  await inTransaction(platform, async (trx) => {
    const before = await requireLiveRow(trx, spec, scope, id);
    const at = nowIso();
    const result = await registerDb(trx)
      .updateTable(spec.table)
      .set({ is_voided: 1, void_reason: body.reason, voided_at: at, voided_by: actor.id, version: body.version + 1, updated_by: actor.id, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', body.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict(spec);
    await appendAudit(trx, platform.dialect, actor, { action: `${spec.auditName}.void`, targetType: spec.table, targetId: id, before, after: { reason: body.reason, version: body.version + 1 } });
  });
  return getRecord(platform.db, spec, { isAll: true }, id);
}
