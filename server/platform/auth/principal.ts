import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DataScope } from '../../../common/permissions.ts';
import type { Principal } from '../access/scope.ts';

/** Loads a user's organisations and role grants: what every permission and scope check reads. */
export async function loadPrincipal(db: Kysely<Database>, userId: number): Promise<Principal | null> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return null;
  const orgs = await db.selectFrom('user_org').select('org_id').where('user_id', '=', userId).execute();
  const roles = await db
    .selectFrom('user_role')
    .innerJoin('role', 'role.id', 'user_role.role_id')
    .select(['role.permissions', 'role.data_scope', 'role.scope_org_ids'])
    .where('user_role.user_id', '=', userId)
    .execute();
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    orgIds: orgs.map((o) => o.org_id),
    grants: roles.map((r) => ({
      permissions: JSON.parse(r.permissions) as string[],
      dataScope: r.data_scope as DataScope,
      scopeOrgIds: JSON.parse(r.scope_org_ids) as number[],
    })),
  };
}
