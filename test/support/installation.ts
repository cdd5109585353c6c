import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { openDatabase, type Db, type DbHandle, type DialectName } from '../../server/db/client.ts';
import { listTables } from '../../server/cli/backup/manifest.ts';
import { canonicalJson } from '../../server/platform/crypto/sm3.ts';
import { dropDatabase, quoteIdent, randomSuffix, testDatabasePrefix, testDbKind, urlForDatabase, withAdmin } from './pg-admin.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'fazhi.mjs');

/** What selects an installation for the server and the CLI: its data dir and, on PostgreSQL, its database. */
export type InstallationEnv = { FAZHI_DATA_DIR: string; DATABASE_URL: string; FAZHI_SECRET_KEY: string };

/**
 * An empty installation of the database kind under test: a new data dir and, on PostgreSQL, a new empty
 * database (named with the run's prefix, so the global teardown drops it if a test does not).
 */
export type Installation = {
  dialect: DialectName;
  dataDir: string;
  databaseUrl: string;
  env: (secretKey?: string) => InstallationEnv;
  open: () => DbHandle;
  drop: () => Promise<void>;
};

export async function emptyInstallation(): Promise<Installation> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-inst-'));
  const dialect = testDbKind();
  let databaseUrl = '';
  let dropDb = async (): Promise<void> => {};
  if (dialect === 'postgres') {
    const name = `${testDatabasePrefix(inject('fazhiRunId'))}${randomSuffix()}`;
    await withAdmin((client) => client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0 ENCODING 'UTF8'`));
    databaseUrl = urlForDatabase(name);
    dropDb = () => withAdmin((client) => dropDatabase(client, name));
  }
  return {
    dialect,
    dataDir,
    databaseUrl,
    env: (secretKey = '') => ({ FAZHI_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, FAZHI_SECRET_KEY: secretKey }),
    open: () => openDatabase(dialect === 'postgres' ? { databaseUrl } : { sqliteFile: path.join(dataDir, 'fazhi.db') }),
    drop: async () => {
      await dropDb();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The URL of the database a test platform runs on (PostgreSQL), for a CLI or server pointed at it. */
export async function databaseUrlOf(db: Db, dialect: DialectName): Promise<string> {
  if (dialect !== 'postgres') return '';
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  return urlForDatabase(rows[0].name);
}

export type CliResult = { status: number | null; stdout: string; stderr: string };

/** Runs `fazhi …` in a child process without blocking this one (the test can keep writing meanwhile). */
export function runFazhi(env: InstallationEnv, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'warn' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}

/** Every row of every table, each as canonical JSON, sorted: two databases hold the same data iff equal. */
export async function allRows(db: Db, dialect: DialectName): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of await listTables(db, dialect)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    result[table] = rows.map((row) => canonicalJson(row)).sort();
  }
  return result;
}
