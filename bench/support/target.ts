import path from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { createPlatform } from '../../server/bootstrap.ts';
import type { Platform } from '../../server/platform/context.ts';
import { LAB_CODE, PROVINCE_CODE } from '../data/org-tree.ts';

/**
 * Where the generated data lives: an SQLite file in `dataDir`, or the PostgreSQL database of `databaseUrl`
 * (the data dir then holds only the field-encryption key). The benchmarks' server child gets the same two.
 */
export type Target = { dataDir: string; databaseUrl?: string };

/** admin's password in generated data (FAZHI_ADMIN_PASSWORD overrides); it passes the password policy. */
export const BENCH_ADMIN_PASSWORD = process.env.FAZHI_ADMIN_PASSWORD || 'Fazhi#Bench2024';

export function resolveTarget(dataDir: string | undefined, databaseUrl = process.env.DATABASE_URL): Target {
  const dir = dataDir ?? process.env.FAZHI_DATA_DIR;
  if (!dir) throw new Error('请用 --data-dir 指定数据目录（SQLite 数据库文件与字段加密密钥所在；使用 PostgreSQL 时另设 DATABASE_URL）');
  return { dataDir: path.resolve(dir), databaseUrl: databaseUrl || undefined };
}

export function openTarget(target: Target): Promise<Platform> {
  const env = { ...process.env, FAZHI_DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl ?? '', LOG_LEVEL: 'warn' };
  return createPlatform(loadConfig(env));
}

/** What `bench:data` generated, as its closing audit record states it. */
export type Manifest = {
  year: number;
  counties: number;
  scale: number;
  townships: number;
  parts: string[];
  totals: Record<string, number>;
  seconds: Record<string, number>;
  rootOrgId: number;
  labOrgId: number;
  countyOrgIds: number[];
  /** The first county's government code, for the annual report of one county. */
  firstCountyCode: string;
};

export const MANIFEST_ACTION = 'bench.data.generate';

export async function readManifest(platform: Platform): Promise<Manifest | null> {
  const row = await platform.db.selectFrom('audit_log').select('after_json').where('action', '=', MANIFEST_ACTION).orderBy('seq', 'desc').executeTakeFirst();
  return row?.after_json ? (JSON.parse(row.after_json) as Manifest) : null;
}

/** Generated organisations exist (even if generation was interrupted and left no manifest). */
export async function hasGeneratedOrgs(platform: Platform): Promise<boolean> {
  const row = await platform.db.selectFrom('organization').select('id').where('code', 'in', [LAB_CODE, PROVINCE_CODE]).executeTakeFirst();
  return !!row;
}
