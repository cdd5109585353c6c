import type { Platform } from '../../../server/platform/context.ts';
import { BUILTIN_ROLES } from '../../../server/seed/roles.ts';

/**
 * What a user may reach, derived from the built-in roles (server/seed/roles.ts) and the user's place in the
 * organisation tree, independently of the server's own scope code: the expectations of the access matrix.
 */
export type Reach = {
  username: string;
  permissions: Set<string>;
  /** null: 全部. */
  orgCodes: Set<string> | null;
};

export function may(reach: Reach, permission: string): boolean {
  return reach.permissions.has('*') || reach.permissions.has(permission);
}

export async function reachOf(platform: Platform, username: string): Promise<Reach> {
  const { db } = platform;
  const user = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const roles = await db.selectFrom('user_role').innerJoin('role', 'role.id', 'user_role.role_id')
    .select(['role.key', 'role.permissions', 'role.data_scope']).where('user_role.user_id', '=', user.id).execute();
  const orgs = await db.selectFrom('organization').select(['id', 'code', 'path']).execute();
  const own = new Set((await db.selectFrom('user_org').select('org_id').where('user_id', '=', user.id).execute()).map((r) => r.org_id));
  const permissions = new Set<string>();
  let orgCodes: Set<string> | null = new Set();
  for (const role of roles) {
    // Built-in roles by their declaration; a role made by a test (the permission-less one) by its row.
    const builtin = BUILTIN_ROLES.find((b) => b.key === role.key);
    const granted = builtin?.permissions ?? (JSON.parse(role.permissions) as string[]);
    const scope = builtin?.dataScope ?? role.data_scope;
    granted.forEach((p) => permissions.add(p));
    if (scope === 'all') orgCodes = null;
    if (!orgCodes) continue;
    const roots = orgs.filter((o) => own.has(o.id));
    for (const org of orgs) {
      const isOwn = own.has(org.id);
      const isBelow = roots.some((r) => org.path.startsWith(r.path));
      if (scope === 'org' ? isOwn : scope === 'org_and_below' ? isBelow : false) orgCodes.add(org.code);
    }
  }
  return { username, permissions, orgCodes };
}
