import type { Kysely } from 'kysely';
import { cachedByGeneration } from '../cache/generations.ts';
import type { Database } from '../../db/schema.ts';
import type { DataScope } from '../../../common/permissions.ts';

export type RoleGrant = { permissions: string[]; dataScope: DataScope; scopeOrgIds: number[] };

export type Principal = {
  userId: number;
  username: string;
  displayName: string;
  orgIds: number[];
  grants: RoleGrant[];
};

/** The records a permission reaches: everything, or those of some organisations, plus the user's own. */
export type Scope = { isAll: true } | { isAll: false; orgIds: number[]; selfUserId: number };

export function hasPermission(principal: Principal, permission: string): boolean {
  return principal.grants.some((g) => g.permissions.includes(permission) || g.permissions.includes('*'));
}

export function allPermissions(principal: Principal): string[] {
  return [...new Set(principal.grants.flatMap((g) => g.permissions))].sort();
}

/**
 * Union of the scopes of every role that grants the permission. 指定部门 and 本部门及下级 include the
 * subtrees of the named organisations, so a leader overseeing (分管) a department also sees its offices.
 */
export async function scopeFor(db: Kysely<Database>, principal: Principal, permission: string): Promise<Scope> {
  const grants = principal.grants.filter((g) => g.permissions.includes(permission) || g.permissions.includes('*'));
  if (grants.some((g) => g.dataScope === 'all')) return { isAll: true };
  const exact = new Set<number>();
  const roots = new Set<number>();
  for (const g of grants) {
    if (g.dataScope === 'org') principal.orgIds.forEach((id) => exact.add(id));
    if (g.dataScope === 'org_and_below') principal.orgIds.forEach((id) => roots.add(id));
    if (g.dataScope === 'custom') g.scopeOrgIds.forEach((id) => roots.add(id));
  }
  if (roots.size > 0) {
    for (const id of await subtreeOrgIds(db, [...roots])) exact.add(id);
  }
  return { isAll: false, orgIds: [...exact], selfUserId: principal.userId };
}

export async function subtreeOrgIds(db: Kysely<Database>, rootIds: number[]): Promise<number[]> {
  if (rootIds.length === 0) return [];
  const key = [...new Set(rootIds)].sort((a, b) => a - b).join(',');
  return cachedByGeneration(db, 'organizations', `subtree:${key}`, () => loadSubtreeOrgIds(db, rootIds));
}

async function loadSubtreeOrgIds(db: Kysely<Database>, rootIds: number[]): Promise<number[]> {
  const roots = await db.selectFrom('organization').select(['id', 'path']).where('id', 'in', rootIds).execute();
  if (roots.length === 0) return [];
  const rows = await db
    .selectFrom('organization')
    .select('id')
    .where((eb) => eb.or(roots.map((r) => eb('path', 'like', `${r.path}%`))))
    .execute();
  return rows.map((r) => r.id);
}

export function scopeIncludesOrg(scope: Scope, orgId: number | null): boolean {
  if (scope.isAll) return true;
  return orgId != null && scope.orgIds.includes(orgId);
}
