import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/db/client.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { dropRunDatabases, quoteIdent, randomSuffix, templateName, testDbKind, urlForDatabase, withAdmin } from './pg-admin.ts';

/**
 * Once per vitest run, before any worker starts: a temp dir for shared snapshots and, on PostgreSQL,
 * one migrated template database, so every createTestPlatform() is a cheap `CREATE DATABASE … TEMPLATE`
 * copy instead of a full migration. Workers never race to build it. In watch mode both are rebuilt
 * before each rerun (migrations or seeds may have changed). The teardown drops everything of the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${Date.now().toString(36)}${randomSuffix(3)}`;
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-run-'));
  const isPostgres = testDbKind() === 'postgres';
  project.provide('fazhiRunId', runId);
  project.provide('fazhiRunDir', runDir);

  const prepare = async (): Promise<void> => {
    for (const entry of fs.readdirSync(runDir)) fs.rmSync(path.join(runDir, entry), { recursive: true, force: true });
    if (isPostgres) project.provide('fazhiPgTemplate', await buildTemplate(runId));
  };
  await prepare();
  project.onTestsRerun(prepare);

  return async () => {
    if (isPostgres) await withAdmin((client) => dropRunDatabases(client, runId));
    fs.rmSync(runDir, { recursive: true, force: true });
  };
}

async function buildTemplate(runId: string): Promise<string> {
  const template = templateName(runId);
  await withAdmin(async (client) => {
    await dropRunDatabases(client, runId);
    await client.query(`CREATE DATABASE ${quoteIdent(template)} TEMPLATE template0 ENCODING 'UTF8'`);
  });
  const handle = openDatabase({ databaseUrl: urlForDatabase(template) });
  try {
    await migrateToLatest(handle);
  } finally {
    // A template must have no open connections while it is copied.
    await handle.db.destroy();
  }
  return template;
}
