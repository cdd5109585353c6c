import type { Transaction } from 'kysely';
import type { Database, OrgKind } from '../db/schema.ts';
import type { Platform } from '../platform/context.ts';
import { inTransaction, nowIso, SYSTEM_ACTOR } from '../platform/context.ts';
import { appendAudit } from '../platform/audit/append.ts';
import { generatePassword } from '../platform/auth/password.ts';
import { insertOrg } from '../platform/orgs/service.ts';
import { insertUser } from '../platform/users/service.ts';
import { BUILTIN_ROLES } from './roles.ts';

/** `short` is the 机关简称 used in default case numbers (示市监依申请〔2024〕3号). */
type OrgSeed = { code: string; name: string; kind: OrgKind; short?: string; children?: OrgSeed[] };

const township = (code: string, name: string): OrgSeed => ({
  code, name, kind: 'township', short: name,
  // The 司法所 guides the township's mediation committee (人民调解法第五条), so the committee sits below it.
  children: [
    {
      code: `${code}.sfs`, name: `${name}司法所`, kind: 'office', short: `${name}司法所`,
      children: [{ code: `${code}.twh`, name: `${name}人民调解委员会`, kind: 'committee', short: name }],
    },
  ],
});

export const DEMO_COUNTY: OrgSeed = {
  code: 'county', name: '示例县人民政府', kind: 'government', short: '示府',
  children: [
    { code: 'gov-office', name: '县人民政府办公室', kind: 'department', short: '示府办' },
    {
      code: 'justice', name: '县司法局', kind: 'department', short: '示司',
      children: [
        { code: 'justice.fzdc', name: '法治督察与政府法律事务股', kind: 'office' },
        { code: 'justice.xzfy', name: '行政复议与应诉股', kind: 'office' },
        { code: 'justice.rmtj', name: '人民参与和促进法治股', kind: 'office' },
      ],
    },
    { code: 'market', name: '县市场监督管理局', kind: 'department', short: '示市监' },
    { code: 'natres', name: '县自然资源局', kind: 'department', short: '示自然资' },
    { code: 'eco', name: '县生态环境局', kind: 'department', short: '示环' },
    { code: 'edu', name: '县教育局', kind: 'department', short: '示教' },
    { code: 'hrss', name: '县人力资源和社会保障局', kind: 'department', short: '示人社' },
    { code: 'housing', name: '县住房和城乡建设局', kind: 'department', short: '示住建' },
    { code: 'transport', name: '县交通运输局', kind: 'department', short: '示交' },
    { code: 'health', name: '县卫生健康局', kind: 'department', short: '示卫健' },
    { code: 'finance', name: '县财政局', kind: 'department', short: '示财' },
    township('dongcheng', '东城镇'),
    township('shihe', '石河镇'),
    township('qingshui', '清水乡'),
  ],
};

const DEMO_USERS = [
  { username: 'fzb', displayName: '张法治', org: 'justice', role: 'rule_of_law_staff' },
  { username: 'scjg', displayName: '李市监', org: 'market', role: 'department_staff' },
  { username: 'leader', displayName: '王县长', org: 'county', role: 'leader' },
  { username: 'sfs', displayName: '赵所长', org: 'dongcheng.sfs', role: 'justice_office_staff' },
];

export type SeedResult = { isFirstStart: boolean; generatedPassword: string | null; demoUsernames: string[] };

/**
 * First start only: the demo county, the built-in roles, `admin` and three demo users. The password is
 * FAZHI_ADMIN_PASSWORD, or generated, printed once and to be changed at first login. Later starts keep data.
 */
export async function seedDemoCounty(platform: Platform, options: { adminPassword?: string }): Promise<SeedResult> {
  const existing = await platform.db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (existing) return { isFirstStart: false, generatedPassword: null, demoUsernames: [] };
  const password = options.adminPassword ?? generatePassword();
  await inTransaction(platform, async (trx) => {
    const roleIds = await insertRoles(trx);
    const orgIds = new Map<string, number>();
    await insertTree(trx, DEMO_COUNTY, null, orgIds);
    const mustChange = !options.adminPassword;
    await insertUser(trx, platform.cipher, {
      username: 'admin', displayName: '系统管理员', password, orgIds: [orgIds.get('justice')!],
      roleIds: [roleIds.get('admin')!], mustChangePassword: mustChange,
    });
    for (const u of DEMO_USERS) {
      await insertUser(trx, platform.cipher, {
        username: u.username, displayName: u.displayName, password, orgIds: [orgIds.get(u.org)!],
        roleIds: [roleIds.get(u.role)!], mustChangePassword: mustChange,
      });
    }
    await appendAudit(trx, platform.dialect, SYSTEM_ACTOR, {
      action: 'seed.demo',
      targetType: 'organization',
      targetId: orgIds.get('county')!,
      after: { organizations: orgIds.size, roles: roleIds.size, users: ['admin', ...DEMO_USERS.map((u) => u.username)] },
    });
  });
  return { isFirstStart: true, generatedPassword: options.adminPassword ? null : password, demoUsernames: DEMO_USERS.map((u) => u.username) };
}

async function insertRoles(trx: Transaction<Database>): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const at = nowIso();
  for (const role of BUILTIN_ROLES) {
    const found = await trx.selectFrom('role').select('id').where('key', '=', role.key).executeTakeFirst();
    const id = found?.id ?? (await trx
      .insertInto('role')
      .values({
        key: role.key, name: role.name, description: role.description, permissions: JSON.stringify(role.permissions),
        data_scope: role.dataScope, scope_org_ids: '[]', is_builtin: 1, created_at: at, updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()).id;
    ids.set(role.key, id);
  }
  return ids;
}

async function insertTree(trx: Transaction<Database>, node: OrgSeed, parentId: number | null, ids: Map<string, number>): Promise<void> {
  const sort = ids.size;
  const id = await insertOrg(trx, { parentId, name: node.name, shortName: node.short ?? null, kind: node.kind, code: node.code, sort });
  ids.set(node.code, id);
  for (const child of node.children ?? []) await insertTree(trx, child, id, ids);
}
