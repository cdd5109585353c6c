import type { Kysely, Selectable } from 'kysely';
import type { Database, UserTable } from '../../db/schema.ts';
import type { Scope } from '../access/scope.ts';
import { containsText } from '../../db/like.ts';

export type UserView = {
  id: number;
  username: string;
  displayName: string;
  phoneMasked: string | null;
  isEnabled: boolean;
  isLocked: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  orgs: { id: number; name: string }[];
  roles: { id: number; name: string }[];
};

export type UserFilter = { orgId?: number; keyword?: string; isEnabled?: boolean };

/** Users a scope reaches: members of an organisation in scope, or, for 本人, the user themself. */
function scoped(db: Kysely<Database>, scope: Scope, filter: UserFilter) {
  let query = db.selectFrom('app_user');
  if (!scope.isAll) {
    const orgIds = scope.orgIds.length ? scope.orgIds : [-1];
    query = query.where((eb) =>
      eb.or([
        eb('app_user.id', '=', scope.selfUserId),
        eb('app_user.id', 'in', eb.selectFrom('user_org').select('user_id').where('org_id', 'in', orgIds)),
      ]),
    );
  }
  if (filter.orgId != null) {
    query = query.where('app_user.id', 'in', db.selectFrom('user_org').select('user_id').where('org_id', '=', filter.orgId));
  }
  if (filter.keyword) {
    const keyword = filter.keyword;
    query = query.where((eb) => eb.or([containsText('username', keyword), containsText('display_name', keyword)]));
  }
  if (filter.isEnabled != null) query = query.where('is_enabled', '=', filter.isEnabled ? 1 : 0);
  return query;
}

export async function listUsers(
  db: Kysely<Database>,
  scope: Scope,
  filter: UserFilter,
  paging: { page: number; pageSize: number },
): Promise<{ items: UserView[]; total: number }> {
  const { total } = await scoped(db, scope, filter).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await scoped(db, scope, filter)
    .selectAll('app_user')
    .orderBy('app_user.id')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { items: await withMemberships(db, rows), total: Number(total) };
}

export async function findUserInScope(db: Kysely<Database>, scope: Scope, id: number): Promise<UserView | null> {
  const row = await scoped(db, scope, {}).selectAll('app_user').where('app_user.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [view] = await withMemberships(db, [row]);
  return view;
}

async function withMemberships(db: Kysely<Database>, rows: Selectable<UserTable>[]): Promise<UserView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const orgs = await db
    .selectFrom('user_org')
    .innerJoin('organization', 'organization.id', 'user_org.org_id')
    .select(['user_org.user_id', 'organization.id', 'organization.name'])
    .where('user_org.user_id', 'in', ids)
    .execute();
  const roles = await db
    .selectFrom('user_role')
    .innerJoin('role', 'role.id', 'user_role.role_id')
    .select(['user_role.user_id', 'role.id', 'role.name'])
    .where('user_role.user_id', 'in', ids)
    .execute();
  const now = new Date().toISOString();
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    phoneMasked: u.phone_masked,
    isEnabled: u.is_enabled === 1,
    isLocked: !!u.locked_until && u.locked_until > now,
    mustChangePassword: u.must_change_password === 1,
    lastLoginAt: u.last_login_at,
    createdAt: u.created_at,
    orgs: orgs.filter((o) => o.user_id === u.id).map((o) => ({ id: o.id, name: o.name })),
    roles: roles.filter((r) => r.user_id === u.id).map((r) => ({ id: r.id, name: r.name })),
  }));
}
