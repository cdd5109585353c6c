import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { allSettingDefinitions, type SettingDefinition } from './registry.ts';
import { cachedByGeneration } from '../cache/generations.ts';

/** The stored overrides, key → JSON text; cached while the setting table is unchanged. */
function storedSettings(db: Kysely<Database>): Promise<Map<string, string>> {
  return cachedByGeneration(db, 'settings', 'stored', async () => {
    const rows = await db.selectFrom('setting').select(['key', 'value_json']).execute();
    return new Map(rows.map((r) => [r.key, r.value_json]));
  });
}

/** Reads a setting: the administrator's stored value when there is one, the declared default otherwise. */
export async function getSetting<T>(db: Kysely<Database>, definition: SettingDefinition<T>): Promise<T> {
  const raw = (await storedSettings(db)).get(definition.key);
  if (raw === undefined) return definition.defaultValue;
  const parsed = definition.schema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : definition.defaultValue;
}

/** Every declared setting's value in force (stored override or default), in one query. */
export async function allSettingValues(db: Kysely<Database>): Promise<Record<string, unknown>> {
  const stored = await storedSettings(db);
  const values: Record<string, unknown> = {};
  for (const definition of allSettingDefinitions()) {
    const raw = stored.get(definition.key);
    const parsed = raw === undefined ? null : definition.schema.safeParse(JSON.parse(raw));
    values[definition.key] = parsed?.success ? parsed.data : definition.defaultValue;
  }
  return values;
}
