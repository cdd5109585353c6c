import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { hasPermission, scopeFor, type Principal, type Scope } from '../access/scope.ts';
import { appendAudit } from '../audit/append.ts';
import { inTransaction } from '../context.ts';
import { actorOf } from './request-context.ts';

export function principalOf(request: FastifyRequest): Principal {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', '请先登录');
  return request.auth.principal;
}

/**
 * Checks a permission; a refusal is itself recorded in the audit chain (issue: "every write,
 * including logins and failed permission checks"), then answered 403.
 */
export async function requirePermission(request: FastifyRequest, permission: string): Promise<Principal> {
  const principal = principalOf(request);
  if (hasPermission(principal, permission)) return principal;
  const platform = request.server.platform;
  await inTransaction(platform, (trx) =>
    appendAudit(trx, platform.dialect, actorOf(request), {
      action: 'access.denied',
      targetType: 'route',
      targetId: `${request.method} ${request.routeOptions.url ?? request.url}`,
      after: { permission },
    }),
  );
  throw new AppError('FORBIDDEN', `没有“${permission}”权限`);
}

/** Permission plus the data scope it reaches, for list filters and single-record checks. */
export async function requireScope(request: FastifyRequest, permission: string): Promise<{ principal: Principal; scope: Scope }> {
  const principal = await requirePermission(request, permission);
  const scope = await scopeFor(request.server.platform.db, principal, permission);
  return { principal, scope };
}
