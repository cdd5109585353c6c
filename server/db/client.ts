import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, type DatabaseConnection, type Driver } from 'kysely';
import type { Database } from './schema.ts';
import { generationWatchPlugin } from '../platform/cache/generations.ts';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export type DbHandle = { db: Db; dialect: DialectName; describe: string };

// COUNT(*) and BIGINT come back from pg as strings; our ids and counts fit in a JS number.
pg.types.setTypeParser(20, (value) => Number(value));

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/** Opens the database named by DATABASE_URL (PostgreSQL) or an SQLite file (or ':memory:'). */
export function openDatabase(options: { databaseUrl?: string; sqliteFile?: string }): DbHandle {
  if (isPostgresUrl(options.databaseUrl)) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const watch = generationWatchPlugin();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [watch.plugin] });
    watch.register(db);
    return { db, dialect: 'postgres', describe: redactUrl(options.databaseUrl) };
  }
  const file = options.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  reuseStatements(sqlite);
  const watch = generationWatchPlugin();
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }), plugins: [watch.plugin] });
  watch.register(db);
  return { db, dialect: 'sqlite', describe: `sqlite:${file}` };
}

/**
 * SQLite transactions start with BEGIN IMMEDIATE: a transaction that reads and then writes takes the write lock
 * first, so a second process on the same file (the `fazhi` CLI beside the server) waits for busy_timeout instead
 * of failing with SQLITE_BUSY when it comes to write. Inside one process writers are serialised anyway.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/**
 * Kysely's SQLite driver prepares every statement it runs, and preparing costs more than running most of ours
 * (a tenth of a case-list request's time, docs/PERFORMANCE.md). Prepared statements are kept by their SQL text,
 * the least recently used dropped beyond STATEMENT_CACHE_SIZE. The driver runs one statement at a time on its
 * single connection; a statement still busy (an unfinished iteration) is not handed out twice.
 */
const STATEMENT_CACHE_SIZE = 500;

function reuseStatements(sqlite: SQLite.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source);
      cache.set(source, cached);
      return cached;
    }
    const statement = prepare(source);
    if (!cached) cache.set(source, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return statement;
  }) as SQLite.Database['prepare'];
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
