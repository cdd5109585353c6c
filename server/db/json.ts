import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * A value inside a JSON text column, read by the database (so aggregates need not load and parse every row):
 * SQLite's json_extract, PostgreSQL's #>> on the column cast to json (one
 * extraction from text: cheaper than building a jsonb first). `path` is a list of fixed keys.
 */
export function jsonText(db: Kysely<any>, column: string, path: string[]): RawBuilder<string | null> {
  if (path.some((key) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))) throw new Error(`bad JSON path ${path.join('.')}`);
  return isPostgres(db)
    ? sql<string | null>`(${sql.ref(column)}::json #>> ${sql.lit(`{${path.join(',')}}`)})`
    : sql<string | null>`json_extract(${sql.ref(column)}, ${sql.lit(`$.${path.join('.')}`)})`;
}

/** The same as a number (NULL when absent), for sums. */
export function jsonNumber(db: Kysely<any>, column: string, path: string[]): RawBuilder<number | null> {
  return isPostgres(db)
    ? sql<number | null>`(${jsonText(db, column, path)})::numeric`
    : sql<number | null>`cast(${jsonText(db, column, path)} as real)`;
}

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
