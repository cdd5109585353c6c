import path from 'node:path';
import type { Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Platform } from './platform/context.ts';
import { createFieldCipher, loadOrCreateSecretKey } from './platform/crypto/field-cipher.ts';
import { createLogger } from './platform/logger.ts';
import './platform/settings/core-settings.ts';
// Modules that declare dictionaries the seed must know before any route module is loaded.
import './platform/publishing/categories.ts';
import { registerAllProcedures } from './procedures/index.ts';
import './report/entered-catalogue.ts';

// Procedures declare permissions, settings and dictionaries; they must be known before anything runs.
registerAllProcedures();

/** Opens and migrates the database and assembles the platform services. Shared by the server, CLI and tests. */
export async function createPlatform(config: Config): Promise<Platform> {
  const handle = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'fazhi.db') });
  await migrateToLatest(handle);
  const key = loadOrCreateSecretKey(config.dataDir, config.secretKey);
  return {
    db: handle.db,
    dialect: handle.dialect,
    cipher: createFieldCipher(key),
    logger: createLogger(config.logLevel),
    dataDir: config.dataDir,
  };
}
