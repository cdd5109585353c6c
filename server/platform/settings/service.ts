import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { allSettingDefinitions, type SettingDefinition } from './registry.ts';

/** Reads a setting: the administrator's stored value when there is one, the declared default otherwise. */
export async function getSetting<T>(db: Kysely<Database>, definition: SettingDefinition<T>): Promise<T> {
  const row = await db.selectFrom('setting').select('value_json').where('key', '=', definition.key).executeTakeFirst();
  if (!row) return definition.defaultValue;
  const parsed = definition.schema.safeParse(JSON.parse(row.value_json));
  return parsed.success ? parsed.data : definition.defaultValue;
}

/** Every declared setting's value in force (stored override or default), in one query. */
export async function allSettingValues(db: Kysely<Database>): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('setting').select(['key', 'value_json']).execute();
  const stored = new Map(rows.map((r) => [r.key, r.value_json]));
  const values: Record<string, unknown> = {};
  for (const definition of allSettingDefinitions()) {
    const raw = stored.get(definition.key);
    const parsed = raw === undefined ? null : definition.schema.safeParse(JSON.parse(raw));
    values[definition.key] = parsed?.success ? parsed.data : definition.defaultValue;
  }
  return values;
}
