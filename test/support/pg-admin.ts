import crypto from 'node:crypto';
import pg from 'pg';

/** Values the global setup hands to the test workers (vitest's provide/inject). */
declare module 'vitest' {
  // Declaration merging is the only way to type vitest's provided context, hence an interface.
  export interface ProvidedContext {
    /** Unique per vitest run; part of every database name the run creates. */
    fazhiRunId?: string;
    /** A temp dir for this run's shared artefacts (seeded SQLite snapshots). */
    fazhiRunDir?: string;
    /** PostgreSQL only: the migrated template database test databases are copied from. */
    fazhiPgTemplate?: string;
  }
}

export type TestDbKind = 'sqlite' | 'postgres';

/** The database the suite runs against: FAZHI_TEST_DB=sqlite (default) or postgres. */
export function testDbKind(): TestDbKind {
  const value = process.env.FAZHI_TEST_DB || 'sqlite';
  if (value !== 'sqlite' && value !== 'postgres') {
    throw new Error(`FAZHI_TEST_DB must be "sqlite" or "postgres", not "${value}"`);
  }
  return value;
}

/** An admin connection URL to a running PostgreSQL server; `npm test` starts a throwaway one and sets it. */
export function adminUrl(): string {
  const url = process.env.FAZHI_TEST_PG_URL;
  if (!url) {
    throw new Error('FAZHI_TEST_DB=postgres needs FAZHI_TEST_PG_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres (npm test sets it)');
  }
  return url;
}

/** The same server and credentials as the admin URL, another database. */
export function urlForDatabase(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  return `"${name}"`;
}

export function randomSuffix(bytes = 6): string {
  return crypto.randomBytes(bytes).toString('hex');
}

/** Test databases of one run share a prefix, so the global teardown can drop any a test forgot to close. */
export function testDatabasePrefix(runId: string | undefined): string {
  return `fazhi_t_${runId ?? 'adhoc'}_`;
}

export function templateName(runId: string): string {
  return `fazhi_tpl_${runId}`;
}

/** Drops every database of the run: test databases a test did not close, and the templates. */
export async function dropRunDatabases(client: pg.Client, runId: string): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE starts_with(datname, $1) OR starts_with(datname, $2)',
    [testDatabasePrefix(runId), templateName(runId)],
  );
  for (const row of rows) await dropDatabase(client, row.datname);
}

/** Runs fn on a short-lived admin connection (maintenance database from FAZHI_TEST_PG_URL). */
export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  // A pool that was just destroyed may still be closing its sockets; forcing those would raise an
  // uncaught FATAL in the test process, so wait briefly for them to go before forcing the rest.
  for (let i = 0; i < 40; i++) {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // WITH (FORCE) ends connections a test left open (PostgreSQL 13+).
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}
