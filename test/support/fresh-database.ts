import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type DbHandle } from '../../server/db/client.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import {
  dropDatabase, quoteIdent, randomSuffix, testDatabasePrefix, testDbKind, urlForDatabase, withAdmin,
} from './pg-admin.ts';

/** Fills a migrated database with seed data; `key` names the result so it can be snapshotted. */
export type Seeder = { key: string; run: (handle: DbHandle, dataDir: string) => Promise<void> };

/** A fresh database; `isSeeded` when it was copied from a seeded snapshot, so the caller need not seed. */
export type FreshDatabase = { handle: DbHandle; isSeeded: boolean; drop: () => Promise<void> };

/**
 * A new, empty-or-migrated database of the kind under test. With a seeder, a copy of this run's seeded
 * snapshot when one can be kept (seeding hashes passwords and fills the calendar: ~0.5 s each time).
 */
export async function openFreshDatabase(dataDir: string, seeder: Seeder | null): Promise<FreshDatabase> {
  return testDbKind() === 'postgres' ? openPostgres(seeder) : openSqlite(dataDir, seeder);
}

async function openSqlite(dataDir: string, seeder: Seeder | null): Promise<FreshDatabase> {
  const runDir = inject('fazhiRunDir');
  const noDrop = async (): Promise<void> => {};
  if (!seeder || !runDir) return { handle: openDatabase({ sqliteFile: ':memory:' }), isSeeded: false, drop: noDrop };
  const snapshot = path.join(runDir, `sqlite-${seeder.key}.db`);
  if (!fs.existsSync(snapshot)) await buildSqliteSnapshot(snapshot, seeder);
  const file = path.join(dataDir, 'fazhi.db');
  fs.copyFileSync(snapshot, file);
  return { handle: openDatabase({ sqliteFile: file }), isSeeded: true, drop: noDrop };
}

async function buildSqliteSnapshot(snapshot: string, seeder: Seeder): Promise<void> {
  const buildDir = fs.mkdtempSync(`${snapshot}.build-`);
  try {
    const file = path.join(buildDir, 'fazhi.db');
    const handle = openDatabase({ sqliteFile: file });
    try {
      await migrateToLatest(handle);
      await seeder.run(handle, buildDir);
    } finally {
      // Closing the last connection checkpoints the WAL into the file.
      await handle.db.destroy();
    }
    // Atomic: workers racing to build it each produce a complete snapshot, and the last one wins.
    fs.renameSync(file, snapshot);
  } finally {
    fs.rmSync(buildDir, { recursive: true, force: true });
  }
}

async function openPostgres(seeder: Seeder | null): Promise<FreshDatabase> {
  const base = inject('fazhiPgTemplate');
  const template = base && seeder ? await seededTemplate(base, seeder) : base;
  const name = `${testDatabasePrefix(inject('fazhiRunId'))}${randomSuffix()}`;
  // Without a template (no global setup ran) the database starts empty and migrateToLatest fills it.
  const from = template ? `TEMPLATE ${quoteIdent(template)}` : `TEMPLATE template0 ENCODING 'UTF8'`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${quoteIdent(name)} ${from}`));
  return {
    handle: openDatabase({ databaseUrl: urlForDatabase(name) }),
    isSeeded: !!base && !!seeder,
    drop: () => withAdmin((client) => dropDatabase(client, name)),
  };
}

/** This run's seeded template, built once across all workers under an advisory lock. */
async function seededTemplate(base: string, seeder: Seeder): Promise<string> {
  const name = `${base}_s${seeder.key}`;
  return withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) return name;
      // Built under another name and renamed when complete, so a failed seed never leaves a half template.
      const building = `${name}_b`;
      await dropDatabase(client, building);
      await client.query(`CREATE DATABASE ${quoteIdent(building)} TEMPLATE ${quoteIdent(base)}`);
      const handle = openDatabase({ databaseUrl: urlForDatabase(building) });
      const buildDir = fs.mkdtempSync(path.join(inject('fazhiRunDir') ?? '/tmp', 'pg-seed-'));
      try {
        await migrateToLatest(handle);
        await seeder.run(handle, buildDir);
      } finally {
        await handle.db.destroy();
        fs.rmSync(buildDir, { recursive: true, force: true });
      }
      await client.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(name)}`);
      return name;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}
