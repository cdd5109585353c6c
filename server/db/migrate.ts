import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { DbHandle } from './client.ts';
import { coreMigration } from './migrations/001-core.ts';
import { documentsFilesMigration } from './migrations/002-documents-files.ts';
import { engineMigration } from './migrations/003-engine.ts';
import { publishingMigration } from './migrations/004-publishing.ts';
import { indicatorsMigration } from './migrations/005-indicators.ts';
import { documentTextsMigration } from './migrations/006-document-texts.ts';
import { consultationMigration } from './migrations/007-consultation.ts';
import { mediationRegistersMigration } from './migrations/008-mediation-registers.ts';
import { leadershipRegistersMigration } from './migrations/009-leadership-registers.ts';
import { annualReportsMigration } from './migrations/010-annual-reports.ts';
import { caseQueryIndexesMigration } from './migrations/011-case-query-indexes.ts';
import { contentlessSearchIndexMigration } from './migrations/012-contentless-search-index.ts';
import { cacheGenerationsMigration } from './migrations/013-cache-generations.ts';
import { clockWatchIndexMigration } from './migrations/014-clock-watch-index.ts';
import { caseLookupKeyMigration } from './migrations/015-case-lookup-key.ts';

/** Migrations are listed here in order; each is a function of the dialect so the schema stays portable. */
function migrationsFor(handle: DbHandle): Record<string, Migration> {
  return {
    '001-core': coreMigration(handle.dialect),
    '002-documents-files': documentsFilesMigration(handle.dialect),
    '003-engine': engineMigration(handle.dialect),
    '004-publishing': publishingMigration(handle.dialect),
    '005-indicators': indicatorsMigration(handle.dialect),
    '006-document-texts': documentTextsMigration(handle.dialect),
    '007-consultation': consultationMigration(handle.dialect),
    '008-mediation-registers': mediationRegistersMigration(handle.dialect),
    '009-leadership-registers': leadershipRegistersMigration(handle.dialect),
    '010-annual-reports': annualReportsMigration(handle.dialect),
    '011-case-query-indexes': caseQueryIndexesMigration(),
    '012-contentless-search-index': contentlessSearchIndexMigration(handle.dialect),
    '013-cache-generations': cacheGenerationsMigration(handle.dialect),
    '014-clock-watch-index': clockWatchIndexMigration(),
    '015-case-lookup-key': caseLookupKeyMigration(handle.dialect),
  };
}

export async function migrateToLatest(handle: DbHandle): Promise<void> {
  await migrate(handle, (migrator) => migrator.migrateToLatest());
}

/** Up or down to the named migration: upgrade tests start from the schema an older installation has. */
export async function migrateTo(handle: DbHandle, migrationName: string): Promise<void> {
  await migrate(handle, (migrator) => migrator.migrateTo(migrationName));
}

async function migrate(handle: DbHandle, run: (migrator: Migrator) => Promise<MigrationResultSet>): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(handle) };
  const { error, results } = await run(new Migrator({ db: handle.db, provider }));
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`数据库迁移失败：${failed?.migrationName ?? ''} ${String(error)}`);
  }
}
