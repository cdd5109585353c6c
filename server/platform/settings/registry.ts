import { z } from 'zod';

/**
 * A setting (参数设置) is declared in code with its type, default and legal basis; the database stores
 * only an administrator's override. `basis` cites the article, or says 本地规定 for a locally set value.
 */
export type SettingDefinition<T = unknown> = {
  key: string;
  title: string;
  group: string;
  schema: z.ZodType<T>;
  defaultValue: T;
  unit?: string;
  basis: string;
  description?: string;
};

const registry = new Map<string, SettingDefinition>();

export function defineSetting<T>(definition: SettingDefinition<T>): SettingDefinition<T> {
  if (registry.has(definition.key)) throw new Error(`setting ${definition.key} is declared twice`);
  registry.set(definition.key, definition as SettingDefinition);
  return definition;
}

export function settingDefinition(key: string): SettingDefinition | undefined {
  return registry.get(key);
}

export function allSettingDefinitions(): SettingDefinition[] {
  return [...registry.values()].sort((a, b) => (a.group + a.key).localeCompare(b.group + b.key));
}
