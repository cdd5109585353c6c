import type { FastifyRequest } from 'fastify';
import { hasPermission, scopeFor, type Scope } from '../../platform/access/scope.ts';
import { principalOf, requirePermission, requireScope } from '../../platform/http/guards.ts';
import { MANAGE, READ } from './vocabulary.ts';

/**
 * Reading needs leadership.read or leadership.manage; the scope is the union of both grants, so a department
 * that keeps its own records (manage, 本部门) reads them without a separate read grant reaching further.
 */
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

/** The organisations a scope reaches, for list filters; null = all. An empty scope matches nothing. */
export function scopeIds(scope: Scope): number[] | null {
  if (scope.isAll) return null;
  return scope.orgIds.length ? scope.orgIds : [-1];
}
