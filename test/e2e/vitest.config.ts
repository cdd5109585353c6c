import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Browser tests: the real server (tsx server/main.ts) on SQLite, driven by Debian's chromium. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Each file starts a server and a browser; one at a time keeps two cores responsive.
    fileParallelism: false,
    testTimeout: 60_000,
    // Starting the server compiles TypeScript, migrates and seeds a fresh database.
    hookTimeout: 120_000,
  },
});
