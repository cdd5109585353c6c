import type { FastifyRequest } from 'fastify';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { hasPermission, scopeFor, scopeIncludesOrg, type Scope } from '../../../platform/access/scope.ts';
import { principalOf, requirePermission, requireScope } from '../../../platform/http/guards.ts';
import { AppError } from '../../../platform/errors.ts';

export const READ = 'mediation.read';
export const MANAGE = 'mediation.manage';
/** Whole phone numbers (the procedure declares it for parties; the registers reuse it). */
export const PERSONAL = 'mediation.personal';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Who sees a register record: staff of any organisation it names. A committee names the organisation that
 * set it up (parent), its own node in the tree, its township and the 司法所 guiding it; a grid its township and
 * guiding office. So a township 司法所 with 本部门 scope sees the committees and grids it guides, nothing else.
 */
export type ScopeAnchors = (number | null)[];

export function anchorsInScope(scope: Scope, anchors: ScopeAnchors): boolean {
  return anchors.some((id) => scopeIncludesOrg(scope, id));
}

/** The organisations a scope reaches, for list filters; null = all. An empty scope matches nothing. */
export function scopeIds(scope: Scope): number[] | null {
  if (scope.isAll) return null;
  return scope.orgIds.length ? scope.orgIds : [-1];
}

/** Reading needs mediation.read or mediation.manage; the scope is the union of both grants. */
export async function readScope(request: FastifyRequest): Promise<Scope> {
  const principal = principalOf(request);
  const permissions = [READ, MANAGE].filter((p) => hasPermission(principal, p));
  if (!permissions.length) await requirePermission(request, READ);
  const db = request.server.platform.db;
  const scopes = await Promise.all(permissions.map((p) => scopeFor(db, principal, p)));
  if (scopes.some((s) => s.isAll)) return { isAll: true };
  const orgIds = new Set(scopes.flatMap((s) => (s.isAll ? [] : s.orgIds)));
  return { isAll: false, orgIds: [...orgIds], selfUserId: principal.userId };
}

export async function manageScope(request: FastifyRequest): Promise<Scope> {
  return (await requireScope(request, MANAGE)).scope;
}

export type OrgFacts = { id: number; name: string; kind: string; path: string; parent_id: number | null };

export async function orgFacts(db: Db, id: number): Promise<OrgFacts | undefined> {
  return db.selectFrom('organization').select(['id', 'name', 'kind', 'path', 'parent_id']).where('id', '=', id).executeTakeFirst();
}

export async function requireOrg(db: Db, id: number, field: string, what: string): Promise<OrgFacts> {
  const org = await orgFacts(db, id);
  if (!org) throw new AppError('VALIDATION_FAILED', `${what}不存在`, { fields: [{ path: field, message: `${what}不存在` }] });
  return org;
}

/** The nearest 乡镇（街道） at or above an organisation, or null (a county department, say). */
export async function townshipOf(db: Db, org: OrgFacts): Promise<number | null> {
  const ids = org.path.split('/').filter(Boolean).map(Number);
  const rows = await db.selectFrom('organization').select(['id', 'path']).where('id', 'in', ids).where('kind', '=', 'township').execute();
  if (!rows.length) return null;
  return rows.sort((a, b) => b.path.length - a.path.length)[0].id;
}

/** The township's 司法所 (an office named …司法所 directly under it), when there is exactly one. */
export async function defaultGuideOrg(db: Db, townshipId: number | null): Promise<number | null> {
  if (townshipId == null) return null;
  const rows = await db.selectFrom('organization').select(['id', 'name']).where('parent_id', '=', townshipId).where('kind', '=', 'office').execute();
  const offices = rows.filter((r) => r.name.endsWith('司法所'));
  return offices.length === 1 ? offices[0].id : null;
}

/** An explicit guiding office (checked to exist), none (null), or the township's 司法所 (undefined). */
export async function resolveGuideOrg(db: Db, given: number | null | undefined, townshipId: number | null): Promise<number | null> {
  if (given === null) return null;
  if (given === undefined) return defaultGuideOrg(db, townshipId);
  return (await requireOrg(db, given, 'guideOrgId', '指导单位')).id;
}

export function outOfScope(field: string): AppError {
  return new AppError('VALIDATION_FAILED', '所选单位超出您的数据范围', { fields: [{ path: field, message: '超出数据范围' }] });
}

export function conflict(what: string): AppError {
  return new AppError('CONFLICT', `${what}已被他人修改，请刷新后重试`);
}

const column = (alias: string, name: string) => sql.ref(`${alias}.${name}`);

/** List filter: committees (alias) naming one of the organisations. */
export function committeeVisibleTo(alias: string, ids: number[]): RawBuilder<boolean> {
  const list = sql.join(ids);
  const anchors = ['parent_org_id', 'org_id', 'township_org_id', 'guide_org_id'].map((c) => sql`${column(alias, c)} in (${list})`);
  return sql<boolean>`(${sql.join(anchors, sql` or `)})`;
}

/** List filter: grids (alias) of one of the townships or guided by one of the offices. */
export function gridVisibleTo(alias: string, ids: number[]): RawBuilder<boolean> {
  const list = sql.join(ids);
  return sql<boolean>`(${column(alias, 'township_org_id')} in (${list}) or ${column(alias, 'guide_org_id')} in (${list}))`;
}

export type CommitteeAnchorRow = { parent_org_id: number; org_id: number | null; township_org_id: number | null; guide_org_id: number | null };
export type GridAnchorRow = { township_org_id: number; guide_org_id: number | null };

export const committeeAnchors = (c: CommitteeAnchorRow): ScopeAnchors => [c.parent_org_id, c.org_id, c.township_org_id, c.guide_org_id];
export const gridAnchors = (g: GridAnchorRow): ScopeAnchors => [g.township_org_id, g.guide_org_id];
