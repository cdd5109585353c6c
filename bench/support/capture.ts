import { CompiledQuery, type KyselyPlugin, type QueryId, type RootOperationNode } from 'kysely';
import type { Db, DialectName } from '../../server/db/client.ts';

/** A statement exactly as the platform sent it to the database. */
export type CapturedQuery = { sql: string; parameters: unknown[] };

/**
 * Runs `fn` on a handle that records every statement it executes, compiled as the driver receives it. The
 * baselines replay these, so "the same SQL" is the platform's own, not a copy that could drift from it.
 */
export async function captureQueries<T>(db: Db, fn: (db: Db) => Promise<T>, keep: (sql: string) => boolean = () => true): Promise<{ result: T; queries: CapturedQuery[] }> {
  const seen: { node: RootOperationNode; queryId: QueryId }[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      seen.push({ node: args.node, queryId: args.queryId });
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const result = await fn(db.withPlugin(plugin));
  const executor = db.getExecutor();
  const queries = seen
    .map(({ node, queryId }) => executor.compileQuery(node, queryId))
    .map((compiled) => ({ sql: compiled.sql, parameters: [...compiled.parameters] }))
    .filter((q) => keep(q.sql));
  return { result, queries };
}

/** Executes captured statements in order; returns the rows of each. */
export async function replay(db: Db, queries: CapturedQuery[]): Promise<unknown[][]> {
  const results: unknown[][] = [];
  for (const query of queries) results.push((await db.executeQuery(CompiledQuery.raw(query.sql, query.parameters))).rows);
  return results;
}

/** The statements with `marker` (a parameter value) replaced by `value`: one capture serves every id. */
export function substitute(queries: CapturedQuery[], marker: unknown, value: unknown): CapturedQuery[] {
  return queries.map((q) => ({ sql: q.sql, parameters: q.parameters.map((p) => (p === marker ? value : p)) }));
}

/** The database's plan for a captured statement (PostgreSQL: EXPLAIN ANALYZE, so it also runs it). */
export async function explain(db: Db, dialect: DialectName, query: CapturedQuery): Promise<string[]> {
  const prefix = dialect === 'postgres' ? 'explain (analyze, buffers) ' : 'explain query plan ';
  const rows = (await db.executeQuery(CompiledQuery.raw(prefix + query.sql, query.parameters))).rows as Record<string, unknown>[];
  return rows.map((row) => String(dialect === 'postgres' ? row['QUERY PLAN'] : row.detail));
}
