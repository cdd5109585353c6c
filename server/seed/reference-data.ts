import type { Platform } from '../platform/context.ts';
import { inTransaction, SYSTEM_ACTOR } from '../platform/context.ts';
import { appendAudit } from '../platform/audit/append.ts';
import { declaredDicts } from '../platform/dicts/registry.ts';
import { seedCalendarFromChineseDays } from '../platform/calendar/store.ts';
import { BUILTIN_ROLES } from './roles.ts';

/** Reference data every start makes sure of: declared dictionaries (missing entries only) and the calendar. */
export async function seedReferenceData(platform: Platform): Promise<void> {
  await seedDicts(platform);
  await seedCalendarFromChineseDays(platform);
  await grantNewBuiltinPermissions(platform);
}

/** Built-in roles gain the permissions of procedures added since they were created; none are taken away. */
async function grantNewBuiltinPermissions(platform: Platform): Promise<void> {
  for (const builtin of BUILTIN_ROLES) {
    await inTransaction(platform, async (trx) => {
      const role = await trx.selectFrom('role').select(['id', 'permissions']).where('key', '=', builtin.key).where('is_builtin', '=', 1).executeTakeFirst();
      if (!role) return;
      const current = JSON.parse(role.permissions) as string[];
      const missing = builtin.permissions.filter((p) => !current.includes(p));
      if (missing.length === 0) return;
      await trx.updateTable('role').set({ permissions: JSON.stringify([...current, ...missing]) }).where('id', '=', role.id).execute();
      await appendAudit(trx, platform.dialect, SYSTEM_ACTOR, { action: 'role.grant.builtin', targetType: 'role', targetId: role.id, after: { added: missing } });
    });
  }
}

async function seedDicts(platform: Platform): Promise<void> {
  for (const declaration of declaredDicts()) {
    await inTransaction(platform, async (trx) => {
      const added: string[] = [];
      const type = await trx.selectFrom('dict_type').select('code').where('code', '=', declaration.code).executeTakeFirst();
      if (!type) {
        await trx.insertInto('dict_type').values({ code: declaration.code, name: declaration.name, description: declaration.description ?? null, is_builtin: 1 }).execute();
      }
      const existing = new Set((await trx.selectFrom('dict_item').select('code').where('type_code', '=', declaration.code).execute()).map((i) => i.code));
      for (const [index, item] of declaration.items.entries()) {
        if (existing.has(item.code)) continue;
        await trx.insertInto('dict_item').values({ type_code: declaration.code, code: item.code, label: item.label, sort: index, is_enabled: 1, remark: null }).execute();
        added.push(item.code);
      }
      if (!type || added.length) {
        await appendAudit(trx, platform.dialect, SYSTEM_ACTOR, { action: 'dict.seed', targetType: 'dict', targetId: declaration.code, after: { added } });
      }
    });
  }
}
