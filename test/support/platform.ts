import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
// The same side-effect registrations (settings, …) as the server's own createPlatform.
import '../../server/bootstrap.ts';
import type { DbHandle } from '../../server/db/client.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import type { Platform } from '../../server/platform/context.ts';
import { createFieldCipher } from '../../server/platform/crypto/field-cipher.ts';
import { createLogger } from '../../server/platform/logger.ts';
import { openFreshDatabase, type FreshDatabase, type Seeder } from './fresh-database.ts';

/** A fixed field-encryption key: ciphertexts differ per run (random IV), blind indexes are stable. */
export const TEST_SECRET_KEY = '7a3f1c9e5b2d48a6e0c4b8f2d6a1e9c3b7f5d2a8e4c6b0f1a9d3e7c5b2f8a4d6';
/** Passes the password policy; with it the seed does not demand a change at first login. */
export const TEST_ADMIN_PASSWORD = 'Fazhi#Test2024';

export type TestPlatformOptions = {
  /** Seed the reference data (dictionaries, calendar) and the demo county with `admin` and the demo users. */
  seed?: boolean;
  /** Password of `admin` and the demo users when seeding; defaults to TEST_ADMIN_PASSWORD. */
  adminPassword?: string;
  /** pino level; 'silent' unless a test wants to see the logs. */
  logLevel?: string;
};

export type TestPlatform = { platform: Platform; close: () => Promise<void> };
export type TestApp = TestPlatform & { app: FastifyInstance };

/**
 * A platform on a fresh, migrated database: in-memory SQLite, or a new PostgreSQL database (a copy of
 * this run's migrated template) when FAZHI_TEST_DB=postgres. `close` drops it and its data dir.
 * With `seed`, a copy of a seeded snapshot built once per run (on SQLite then a file in the data dir).
 */
export async function createTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-test-'));
  const logLevel = options.logLevel ?? 'silent';
  const seeder = options.seed ? demoSeeder(options.adminPassword ?? TEST_ADMIN_PASSWORD) : null;
  let fresh: FreshDatabase;
  try {
    fresh = await openFreshDatabase(dataDir, seeder);
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { handle, drop } = fresh;
  let isClosed = false;
  const close = async (): Promise<void> => {
    if (isClosed) return;
    isClosed = true;
    await handle.db.destroy();
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // A no-op on a template copy or snapshot; applies every migration otherwise.
    await migrateToLatest(handle);
    const platform = assemblePlatform(handle, dataDir, logLevel);
    if (seeder && !fresh.isSeeded) await seeder.run(handle, dataDir);
    return { platform, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The HTTP application (no admin UI) on a fresh test platform; use `app.inject()` or test/support/http.ts. */
export async function createTestApp(options: TestPlatformOptions = {}): Promise<TestApp> {
  const { platform, close: closePlatform } = await createTestPlatform(options);
  try {
    // Imported lazily so platform-only tests do not depend on every route module.
    const { buildApp } = await import('../../server/app.ts');
    const app = await buildApp(platform, { serveUi: false });
    await app.ready();
    const close = async (): Promise<void> => {
      await app.close();
      await closePlatform();
    };
    return { app, platform, close };
  } catch (error) {
    await closePlatform();
    throw error;
  }
}

/** Mirrors server/bootstrap.ts createPlatform, with a fixed key and a quiet logger. */
function assemblePlatform(handle: DbHandle, dataDir: string, logLevel: string): Platform {
  return {
    db: handle.db,
    dialect: handle.dialect,
    cipher: createFieldCipher(TEST_SECRET_KEY),
    logger: createLogger(logLevel),
    dataDir,
  };
}

/** What the server seeds at start: reference data, then the demo county and its accounts. */
function demoSeeder(adminPassword: string): Seeder {
  return {
    key: crypto.createHash('sha256').update(adminPassword).digest('hex').slice(0, 10),
    run: async (handle, dataDir) => {
      const platform = assemblePlatform(handle, dataDir, 'silent');
      const { seedReferenceData } = await import('../../server/seed/reference-data.ts');
      const { seedDemoCounty } = await import('../../server/seed/demo-county.ts');
      await seedReferenceData(platform);
      await seedDemoCounty(platform, { adminPassword });
    },
  };
}
