import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests. The database under test comes from FAZHI_TEST_DB (sqlite | postgres);
 * `npm test` (scripts/test.mjs) runs this config once per database, then the browser tests
 * (test/e2e/vitest.config.ts) separately.
 */
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['test/e2e/**', '**/node_modules/**', 'web/**'],
    environment: 'node',
    // Child processes, not threads: better-sqlite3 is a native addon and pg pools hold sockets.
    pool: 'forks',
    // The CI machine has two cores; more workers only add context switches.
    maxWorkers: 2,
    // Each file gets a fresh module graph, so module-level registries never leak between files.
    isolate: true,
    // Password hashing (scrypt) and PostgreSQL database creation are slow compared with pure code.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // On PostgreSQL, migrates one template database per run so each test database is a cheap copy.
    globalSetup: ['test/support/global-setup.ts'],
    restoreMocks: true,
    unstubEnvs: true,
  },
});
