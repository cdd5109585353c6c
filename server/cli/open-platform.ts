import { loadConfig } from '../config.ts';
import { createPlatform } from '../bootstrap.ts';
import type { Platform } from '../platform/context.ts';

/** CLI commands work on the same database the server uses (DATABASE_URL or FAZHI_DATA_DIR), quietly. */
export async function withPlatform<T>(fn: (platform: Platform) => Promise<T>): Promise<T> {
  const config = { ...loadConfig(), logLevel: 'warn' };
  const platform = await createPlatform(config);
  try {
    return await fn(platform);
  } finally {
    await platform.db.destroy();
  }
}

/** A CLI failure the user caused: printed in Chinese, exit code 2. */
export class CliInputError extends Error {}

export function fail(message: string, exitCode = 2): never {
  console.error(message);
  process.exit(exitCode);
}
