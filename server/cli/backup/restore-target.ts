import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import { openDatabase, type DialectName } from '../../db/client.ts';
import { verifyAuditChain } from '../../platform/audit/verify.ts';
import { isEmptyDir, listBlobs } from './blobs.ts';
import { describeDatabase, type FileItem, type Manifest } from './manifest.ts';
import { runPgTool } from './pg-tools.ts';

const sqliteFileOf = (dataDir: string) => path.join(dataDir, 'fazhi.db');

/** What the target installation already holds; empty means restoring cannot overwrite anything. */
export async function findTargetContents(config: Config, dialect: DialectName): Promise<string[]> {
  const found: string[] = [];
  if (dialect === 'sqlite') {
    const tables = sqliteTableCount(sqliteFileOf(config.dataDir));
    if (tables !== 0) found.push(`数据库 ${sqliteFileOf(config.dataDir)} ${tables == null ? '无法读取' : `已有 ${tables} 张表`}`);
  } else {
    const tables = await postgresTableCount(config.databaseUrl as string);
    if (tables) found.push(`DATABASE_URL 指向的数据库已有 ${tables} 张表`);
  }
  const filesDir = path.join(config.dataDir, 'files');
  if (!isEmptyDir(filesDir)) found.push(`文件目录 ${filesDir} 不是空的`);
  return found;
}

/** 0 when the file is absent or holds no table; null when it cannot be read as a database. */
function sqliteTableCount(file: string): number | null {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return 0;
  try {
    const db = new SQLite(file, { fileMustExist: true });
    try {
      return (db.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

async function postgresTableCount(databaseUrl: string): Promise<number> {
  const handle = openDatabase({ databaseUrl });
  try {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables
      where table_schema not in ('pg_catalog', 'information_schema')`.execute(handle.db);
    return rows[0]?.n ?? 0;
  } finally {
    await handle.db.destroy();
  }
}

/**
 * SQLite: the dump file becomes <dataDir>/fazhi.db, after removing the old WAL (SQLite would replay a stale
 * WAL into the new file). PostgreSQL: pg_restore in one transaction, so a failure leaves the target as it was;
 * with isForced the objects of the dump are dropped first (--clean).
 */
export async function restoreDatabase(config: Config, dialect: DialectName, dumpFile: string, isForced: boolean): Promise<void> {
  if (dialect === 'sqlite') {
    const file = sqliteFileOf(config.dataDir);
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.renameSync(dumpFile, file);
    return;
  }
  const args = ['--exit-on-error', '--single-transaction', '--no-owner', '--no-privileges'];
  if (isForced) args.push('--clean', '--if-exists');
  await runPgTool('pg_restore', [...args, dumpFile], config.databaseUrl as string);
}

/** The unpacked files directory replaces <dataDir>/files (one rename: the staging dir is inside the data dir). */
export function restoreFiles(dataDir: string, staging: string): void {
  const target = path.join(dataDir, 'files');
  fs.rmSync(target, { recursive: true, force: true });
  const unpacked = path.join(staging, 'files');
  if (fs.existsSync(unpacked)) fs.renameSync(unpacked, target);
}

/** Compares the restored installation with the manifest; each difference is one line. */
export async function verifyRestored(config: Config, dialect: DialectName, manifest: Manifest): Promise<string[]> {
  const failures: string[] = [];
  const blobs = await listBlobs(config.dataDir);
  const handle = openDatabase(dialect === 'postgres' ? { databaseUrl: config.databaseUrl } : { sqliteFile: sqliteFileOf(config.dataDir) });
  try {
    const description = await describeDatabase(handle.db, dialect);
    const names = [...new Set([...Object.keys(manifest.tables), ...Object.keys(description.tables)])].sort();
    for (const name of names) {
      const expected = manifest.tables[name];
      const actual = description.tables[name];
      if (expected == null) failures.push(`多出数据表 ${name}`);
      else if (actual == null) failures.push(`缺少数据表 ${name}`);
      else if (expected !== actual) failures.push(`数据表 ${name}：备份中 ${expected} 行，恢复后 ${actual} 行`);
    }
    const chain = await verifyAuditChain(handle.db);
    if (!chain.ok) failures.push(`审计链校验未通过：第 ${chain.brokenSeq} 条（${chain.reason}）`);
    else if (chain.count !== manifest.audit.count || chain.headHash !== manifest.audit.headHash) {
      failures.push(`审计链与备份不符：备份 ${manifest.audit.count} 条、链头 ${manifest.audit.headHash}；恢复后 ${chain.count} 条、链头 ${chain.headHash}`);
    }
    const present = new Set(blobs.map((b) => b.path));
    const storagePaths = (await handle.db.selectFrom('stored_file').select('storage_path').execute()).map((r) => r.storage_path);
    const missing = [...new Set(storagePaths)].filter((p) => !present.has(p)).sort();
    if (missing.join('\n') !== manifest.files.missingBlobs.join('\n')) {
      failures.push(`文件记录找不到内容：${missing.slice(0, 5).join('、')}（备份时缺少 ${manifest.files.missingBlobs.length} 个）`);
    }
  } finally {
    await handle.db.destroy();
  }
  failures.push(...compareFiles(blobs, manifest));
  return failures;
}

function compareFiles(blobs: FileItem[], manifest: Manifest): string[] {
  const failures: string[] = [];
  const restored = new Map(blobs.map((b) => [b.path, b]));
  for (const item of manifest.files.items) {
    const found = restored.get(item.path);
    if (!found) failures.push(`缺少文件 ${item.path}`);
    else if (found.sha256 !== item.sha256 || found.size !== item.size) failures.push(`文件 ${item.path} 的 SHA-256 与备份清单不符`);
    restored.delete(item.path);
  }
  for (const extra of restored.keys()) failures.push(`多出文件 ${extra}`);
  return failures;
}
