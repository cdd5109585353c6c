import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/db/client.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { dropDatabase, quoteIdent, randomSuffix, testDatabasePrefix, testDbKind, urlForDatabase, withAdmin } from './pg-admin.ts';

/**
 * On PostgreSQL only: migrates one template database for this run, so every createTestPlatform()
 * is a `CREATE DATABASE … TEMPLATE` copy instead of a full migration. Running once here, before any
 * worker starts, means workers never race to build it. The teardown drops the template and any test
 * database of this run that was not closed.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (testDbKind() !== 'postgres') return undefined;
  const runId = `${Date.now().toString(36)}${randomSuffix(3)}`;
  const template = `fazhi_tpl_${runId}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${quoteIdent(template)} TEMPLATE template0 ENCODING 'UTF8'`));
  const handle = openDatabase({ databaseUrl: urlForDatabase(template) });
  try {
    await migrateToLatest(handle);
  } finally {
    // A template must have no open connections while it is copied.
    await handle.db.destroy();
  }
  project.provide('fazhiPgRunId', runId);
  project.provide('fazhiPgTemplate', template);

  return async () => {
    await withAdmin(async (client) => {
      const prefix = testDatabasePrefix(runId);
      const { rows } = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
        [prefix],
      );
      for (const row of rows) await dropDatabase(client, row.datname);
      await dropDatabase(client, template);
    });
  };
}
