import { sql, type KyselyPlugin, type Kysely, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';

/**
 * Caches of the few tables every request reads and almost nothing writes: accounts and roles, settings,
 * organisations, the calendar. Triggers on those tables (migration 013) add one to their row in
 * `cache_generation` on every write, whoever writes — this server, the `fazhi` CLI, another process — so an entry
 * loaded at generation G stays good exactly while the table's generation is still G.
 *
 * The generations themselves are one small statement. This process reads them again at the start of every
 * signed-in request (the auth hook), when it has written anything since it last read them, and when they are
 * older than MAX_AGE_MS (the public portal and background jobs have no auth hook). Inside a transaction nothing
 * is cached: the transaction must see its own writes.
 */
export const GENERATION_TABLES = {
  accounts: ['app_user', 'user_org', 'user_role', 'role'],
  settings: ['setting'],
  organizations: ['organization'],
  calendar: ['calendar_year', 'calendar_day'],
} as const;

export type GenerationName = keyof typeof GENERATION_TABLES;

const MAX_AGE_MS = 1000;
const MAX_ENTRIES = 10_000;

type Entry = { generation: number; value: unknown };

class GenerationWatch {
  generations: Map<string, number> | null = null;
  readAt = 0;
  stale = true;
  readonly entries = new Map<string, Entry>();
}

const watches = new WeakMap<object, GenerationWatch>();

const WRITE_NODES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);
const WRITE_SQL = /^\s*(insert|update|delete|replace|merge|create|drop|alter)\b/i;

function isWrite(node: RootOperationNode): boolean {
  if (WRITE_NODES.has(node.kind)) return true;
  if (node.kind === 'RawNode') return node.sqlFragments.some((fragment) => WRITE_SQL.test(fragment));
  return false;
}

/**
 * Installed on the platform's database handle when it is opened: any write statement this process runs marks
 * the generations stale, so the next cached read checks them first.
 */
export function generationWatchPlugin(): { plugin: KyselyPlugin; register: (db: Kysely<any>) => void } {
  const watch = new GenerationWatch();
  return {
    plugin: {
      transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
        if (isWrite(args.node)) watch.stale = true;
        return args.node;
      },
      async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
        return args.result;
      },
    },
    register: (db) => watches.set(db, watch),
  };
}

/** After a commit: another connection may have read the generations while the transaction was open. */
export function markGenerationsStale(db: Kysely<any>): void {
  const watch = watches.get(db);
  if (watch) watch.stale = true;
}

/** Reads the generations now (the auth hook, once per request). */
export async function refreshGenerations(db: Kysely<any>): Promise<void> {
  const watch = watches.get(db);
  if (watch && !db.isTransaction) await read(db, watch);
}

async function read(db: Kysely<any>, watch: GenerationWatch): Promise<Map<string, number>> {
  watch.stale = false;
  const rows = (await sql<{ name: string; generation: number }>`select name, generation from cache_generation`.execute(db)).rows;
  watch.generations = new Map(rows.map((row) => [row.name, Number(row.generation)]));
  watch.readAt = Date.now();
  return watch.generations;
}

/**
 * The value of `load()`, from the cache while `name`'s tables have not changed since it was loaded. `key` tells
 * apart the entries of one table set (a user's principal, the whole settings table).
 */
export async function cachedByGeneration<T>(db: Kysely<any>, name: GenerationName, key: string, load: () => Promise<T>): Promise<T> {
  const watch = db.isTransaction ? undefined : watches.get(db);
  if (!watch) return load();
  const generations = watch.stale || !watch.generations || Date.now() - watch.readAt > MAX_AGE_MS ? await read(db, watch) : watch.generations;
  const generation = generations.get(name);
  if (generation === undefined) return load();
  const cacheKey = `${name}|${key}`;
  const hit = watch.entries.get(cacheKey);
  if (hit && hit.generation === generation) return hit.value as T;
  // The generation was read before loading: a write in between makes the entry look older than it is, never newer.
  const value = await load();
  watch.entries.delete(cacheKey);
  watch.entries.set(cacheKey, { generation, value });
  if (watch.entries.size > MAX_ENTRIES) watch.entries.delete(watch.entries.keys().next().value!);
  return value;
}
