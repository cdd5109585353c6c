import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import { insertUser } from '../../../platform/users/service.ts';
import { loginAs, type Agent } from '../../../../test/support/http.ts';

/** Test support for the register tests: organisation ids by code and users placed in a given organisation. */
export async function orgIdsByCode(platform: Platform): Promise<Map<string, number>> {
  const rows = await platform.db.selectFrom('organization').select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function userIn(app: FastifyInstance, platform: Platform, username: string, orgId: number, roleKey: string, password: string): Promise<Agent> {
  const role = await platform.db.selectFrom('role').select('id').where('key', '=', roleKey).executeTakeFirstOrThrow();
  await inTransaction(platform, (trx) => insertUser(trx, platform.cipher, { username, displayName: username, password, orgIds: [orgId], roleIds: [role.id], mustChangePassword: false }));
  return loginAs(app, username, password);
}

/** A member of a committee input; a woman director by default. */
export const memberInput = (overrides: Record<string, unknown> = {}) => ({
  name: '李秀英', gender: 'female', role: 'director', termStart: '2024-01-01', termEnd: '2026-12-31', ...overrides,
});

/** Three sitting members, the director a woman: a committee that keeps 第八条 and 第九条. */
export const soundMembers = () => [
  memberInput({ phone: '13812345678' }),
  memberInput({ name: '张建国', gender: 'male', role: 'deputy' }),
  memberInput({ name: '王志强', gender: 'male', role: 'member' }),
];
