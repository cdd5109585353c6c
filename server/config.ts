import path from 'node:path';

/** Configuration comes from the environment only; README lists every variable. */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminPassword?: string;
  secretKey?: string;
  logLevel: string;
  trustProxy: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.FAZHI_DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.FAZHI_ADMIN_PASSWORD || undefined,
    secretKey: env.FAZHI_SECRET_KEY || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.FAZHI_TRUST_PROXY === '1',
  };
}
