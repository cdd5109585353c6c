import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import * as tar from 'tar';
import type { Config } from '../../config.ts';
import { isPostgresUrl, openDatabase, type Db, type DialectName } from '../../db/client.ts';
import { verifyAuditChain, type VerifyResult } from '../../platform/audit/verify.ts';
import { isIntact, listBlobs } from './blobs.ts';
import { BackupError } from './errors.ts';
import {
  BACKUP_FORMAT, BACKUP_FORMAT_VERSION, describeDatabase, dumpNameFor, KEY_NAME, MANIFEST_NAME,
  type DatabaseDescription, type Manifest,
} from './manifest.ts';
import { runPgTool } from './pg-tools.ts';
import { keyFingerprint, readInstalledKey } from './secret-key.ts';

export type BackupOptions = { config: Config; file: string; isKeyIncluded: boolean };
export type BackupSummary = { file: string; manifest: Manifest; warnings: string[] };

/** One consistent view of the database: its dump, what it holds, and the stored files it refers to. */
type Snapshot = { description: DatabaseDescription; verify: VerifyResult; storagePaths: string[] };

/**
 * Writes one archive (tar + gzip) of a running installation: manifest.json, the database dump taken from one
 * consistent snapshot while the server keeps writing, every blob of <dataDir>/files and, only when asked,
 * the field-encryption key. Blobs are written before the rows that refer to them commit and are never
 * changed, so a blob list taken after the snapshot covers every file the snapshot refers to.
 */
export async function createBackup(options: BackupOptions): Promise<BackupSummary> {
  const { config } = options;
  const target = path.resolve(options.file);
  const outDir = path.dirname(target);
  if (fs.existsSync(target)) throw new BackupError(`备份文件已存在：${target}（不会覆盖已有备份，请换一个文件名）`, 2);
  if (!fs.existsSync(outDir)) throw new BackupError(`备份文件所在目录不存在：${outDir}`, 2);
  const installed = readInstalledKey(config.dataDir, config.secretKey);
  if (!installed) {
    throw new BackupError(`找不到字段加密密钥：未设置 FAZHI_SECRET_KEY，数据目录 ${config.dataDir} 中也没有 secret.key。请确认 FAZHI_DATA_DIR 指向服务器使用的数据目录`, 2);
  }
  const dialect: DialectName = isPostgresUrl(config.databaseUrl) ? 'postgres' : 'sqlite';
  const staging = fs.mkdtempSync(path.join(outDir, '.fazhi-backup-'));
  const partial = `${target}.partial`;
  try {
    const dumpName = dumpNameFor(dialect);
    const dumpFile = path.join(staging, dumpName);
    const snapshot = dialect === 'postgres'
      ? await snapshotPostgres(config.databaseUrl as string, dumpFile)
      : await snapshotSqlite(config.dataDir, dumpFile);
    const items = await listBlobs(config.dataDir);
    const present = new Set(items.map((i) => i.path));
    const missingBlobs = [...new Set(snapshot.storagePaths)].filter((p) => !present.has(p)).sort();
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      dialect,
      migration: snapshot.description.migration,
      database: { file: dumpName },
      tables: snapshot.description.tables,
      audit: { ...snapshot.description.audit, isVerified: snapshot.verify.ok },
      files: { count: items.length, totalBytes: items.reduce((sum, i) => sum + i.size, 0), items, missingBlobs },
      key: { fingerprint: keyFingerprint(installed.key), isIncluded: options.isKeyIncluded },
    };
    fs.writeFileSync(path.join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    const entries = [MANIFEST_NAME, dumpName];
    if (options.isKeyIncluded) {
      fs.writeFileSync(path.join(staging, KEY_NAME), `${installed.key}\n`, { mode: 0o600 });
      entries.push(KEY_NAME);
    }
    if (items.length) {
      // tar packs from one directory: the blobs are reached through a link instead of being copied.
      fs.symlinkSync(path.join(config.dataDir, 'files'), path.join(staging, 'files'), 'dir');
      entries.push(...items.map((i) => i.path));
    }
    await tar.create({ file: partial, cwd: staging, gzip: true, portable: true }, entries);
    syncFile(partial);
    fs.renameSync(partial, target);
    return { file: target, manifest, warnings: warningsOf(snapshot, manifest) };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(partial, { force: true });
  }
}

/**
 * SQLite's online backup API through better-sqlite3. All remaining pages are copied in one step, so the copy
 * is read in one read transaction: writes the server commits meanwhile neither restart it nor appear in it.
 */
async function snapshotSqlite(dataDir: string, dumpFile: string): Promise<Snapshot> {
  const source = path.join(dataDir, 'fazhi.db');
  if (!fs.existsSync(source)) throw new BackupError(`数据库文件不存在：${source}（请确认 FAZHI_DATA_DIR 指向服务器使用的数据目录）`, 2);
  const live = new SQLite(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    await live.backup(dumpFile, { progress: () => 0x7fffffff });
  } finally {
    live.close();
  }
  const handle = openDatabase({ sqliteFile: dumpFile });
  try {
    return await describeSnapshot(handle.db, 'sqlite');
  } finally {
    // Closing the only connection checkpoints and removes the copy's WAL: the dump is one file.
    await handle.db.destroy();
  }
}

/**
 * pg_dump (custom format) of the snapshot a repeatable-read transaction exported, and the manifest's counts
 * from that same transaction: the dump and its description show the same moment.
 */
async function snapshotPostgres(databaseUrl: string, dumpFile: string): Promise<Snapshot> {
  const handle = openDatabase({ databaseUrl });
  try {
    return await handle.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (trx) => {
      const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
      await runPgTool('pg_dump', ['--format=custom', `--snapshot=${rows[0].id}`, `--file=${dumpFile}`], databaseUrl);
      return describeSnapshot(trx, 'postgres');
    });
  } finally {
    await handle.db.destroy();
  }
}

async function describeSnapshot(db: Db, dialect: DialectName): Promise<Snapshot> {
  const description = await describeDatabase(db, dialect);
  const verify = await verifyAuditChain(db);
  const storagePaths = (await db.selectFrom('stored_file').select('storage_path').execute()).map((r) => r.storage_path);
  return { description, verify, storagePaths };
}

function warningsOf(snapshot: Snapshot, manifest: Manifest): string[] {
  const warnings: string[] = [];
  if (!snapshot.verify.ok) {
    warnings.push(`审计链校验未通过：第 ${snapshot.verify.brokenSeq} 条（${snapshot.verify.reason}）；备份已照常写入，恢复时的校验也会报告此问题`);
  }
  for (const item of manifest.files.items.filter((i) => !isIntact(i))) {
    warnings.push(`文件 ${item.path} 的内容与其 SHA-256 名称不符（磁盘上的文件已损坏）`);
  }
  if (manifest.files.missingBlobs.length) {
    warnings.push(`${manifest.files.missingBlobs.length} 个文件记录在数据目录中找不到内容：${manifest.files.missingBlobs.slice(0, 5).join('、')}`);
  }
  return warnings;
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
