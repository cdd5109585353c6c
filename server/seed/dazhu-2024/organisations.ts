import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../../platform/audit/append.ts';
import { loadPrincipal } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors.ts';
import { inTransaction, type Actor, type Platform } from '../../platform/context.ts';
import { insertOrg } from '../../platform/orgs/service.ts';
import { insertUser } from '../../platform/users/service.ts';
import type { FixtureUser } from './context.ts';
import { DAZHU_TREE, orgCode, ROOT_CODE, type OrgSeed } from './org-tree.ts';

/** The fixture's accounts, with built-in roles (server/seed/roles.ts): both belong to 县司法局. */
export const DAZHU_USERS = [
  { key: 'staff', username: 'dz.sfj', displayName: '刘晓梅', org: orgCode('justice.xzfy'), role: 'rule_of_law_staff' },
  { key: 'approver', username: 'dz.fzg', displayName: '陈建华', org: orgCode('justice.fzdc'), role: 'rule_of_law_staff' },
  // Signs (签发) the annual report.
  { key: 'leader', username: 'dz.xz', displayName: '王志刚', org: ROOT_CODE, role: 'leader' },
] as const;

export type FixtureUserKey = (typeof DAZHU_USERS)[number]['key'];

/** The organisation tree through the admin API's service (insertOrg), one `org.create` audit record each. */
export async function insertDazhuOrgs(platform: Platform, actor: Actor): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  await inTransaction(platform, async (trx) => {
    const insert = async (node: OrgSeed, parentId: number | null, sort: number): Promise<void> => {
      const input = { parentId, name: node.name, shortName: node.short ?? null, kind: node.kind, code: node.code, sort };
      const id = await insertOrg(trx, input);
      await appendAudit(trx, platform.dialect, actor, { action: 'org.create', targetType: 'organization', targetId: id, after: input });
      ids.set(node.code, id);
      for (const [i, child] of (node.children ?? []).entries()) await insert(child, id, i);
    };
    await insert(DAZHU_TREE, null, await nextRootSort(trx));
  });
  return ids;
}

/** The fixture users through the admin API's service (insertUser); they must change the password at first login. */
export async function insertDazhuUsers(platform: Platform, actor: Actor, orgs: Map<string, number>, password: string): Promise<Record<FixtureUserKey, FixtureUser>> {
  const users = {} as Record<FixtureUserKey, FixtureUser>;
  for (const user of DAZHU_USERS) {
    const id = await inTransaction(platform, async (trx) => {
      const role = await trx.selectFrom('role').select('id').where('key', '=', user.role).executeTakeFirst();
      if (!role) throw new AppError('NOT_FOUND', `缺少内置角色“${user.role}”：请先启动一次服务（npm start）完成初始化`);
      const orgIds = [orgs.get(user.org)!];
      const newId = await insertUser(trx, platform.cipher, {
        username: user.username, displayName: user.displayName, password, orgIds, roleIds: [role.id], mustChangePassword: true, createdBy: actor.id,
      });
      await appendAudit(trx, platform.dialect, actor, {
        action: 'user.create', targetType: 'user', targetId: newId,
        after: { username: user.username, displayName: user.displayName, phone: null, orgIds, roleIds: [role.id] },
      });
      return newId;
    });
    const principal = await loadPrincipal(platform.db, id);
    if (!principal) throw new Error(`dazhu-2024 fixture: user ${user.username} not found after insert`);
    users[user.key] = { principal, actor: { id, name: user.displayName, ip: null } };
  }
  return users;
}

/** A second root goes after the roots already there (the demo county), so lists keep the demo county first. */
async function nextRootSort(trx: Transaction<Database>): Promise<number> {
  const row = await trx.selectFrom('organization').select((eb) => eb.fn.max('sort').as('sort')).where('parent_id', 'is', null).executeTakeFirst();
  return row?.sort == null ? 0 : Number(row.sort) + 1;
}
