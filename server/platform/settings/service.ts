import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SettingDefinition } from './registry.ts';

/** Reads a setting: the administrator's stored value when there is one, the declared default otherwise. */
export async function getSetting<T>(db: Kysely<Database>, definition: SettingDefinition<T>): Promise<T> {
  const row = await db.selectFrom('setting').select('value_json').where('key', '=', definition.key).executeTakeFirst();
  if (!row) return definition.defaultValue;
  const parsed = definition.schema.safeParse(JSON.parse(row.value_json));
  return parsed.success ? parsed.data : definition.defaultValue;
}
