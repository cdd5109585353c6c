import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import type { Config } from '../../config.ts';
import { isPostgresUrl, type DialectName } from '../../db/client.ts';
import { BackupError } from './errors.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BLOB_PATH, dumpNameFor, KEY_NAME, MANIFEST_NAME, ZManifest, type Manifest } from './manifest.ts';
import { findTargetContents, restoreDatabase, restoreFiles, verifyRestored } from './restore-target.ts';
import { keyFingerprint, readInstalledKey, writeKeyFile } from './secret-key.ts';

export type RestoreOptions = { config: Config; file: string; isForced: boolean };
/** `failures` empty: the restored installation matches the manifest row for row, file for file. */
export type RestoreSummary = { manifest: Manifest; keyNote: string; failures: string[] };

const DIALECT_TITLE: Record<DialectName, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/**
 * Restores an archive written by createBackup into the installation named by the environment (DATABASE_URL or
 * FAZHI_DATA_DIR). Everything that can refuse does so before the target is touched: the archive, its dialect,
 * the key, an installation already there (unless isForced). Then the database and files are restored and
 * checked against the manifest: row counts, every file's sha256, the audit chain and its head hash.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreSummary> {
  const { config, isForced } = options;
  const source = path.resolve(options.file);
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new BackupError(`备份文件不存在：${source}`, 2);
  const dialect: DialectName = isPostgresUrl(config.databaseUrl) ? 'postgres' : 'sqlite';
  fs.mkdirSync(config.dataDir, { recursive: true });
  // Unpacked inside the data dir, so the files directory moves into place with one rename.
  const staging = fs.mkdtempSync(path.join(config.dataDir, '.restore-'));
  try {
    const manifest = await unpack(source, staging);
    if (manifest.dialect !== dialect) {
      throw new BackupError(
        `该备份来自 ${DIALECT_TITLE[manifest.dialect]} 安装，而当前目标是 ${DIALECT_TITLE[dialect]}（${dialect === 'postgres' ? '已设置 DATABASE_URL' : '未设置 DATABASE_URL'}）：不支持跨数据库恢复，请恢复到同一种数据库`,
        2,
      );
    }
    const key = planKey(manifest, staging, config, isForced);
    if (!isForced) {
      const contents = await findTargetContents(config, dialect);
      if (contents.length) {
        throw new BackupError(`目标不是空的安装：${contents.join('；')}。恢复只写入空的目标；确认要用备份覆盖它，请先停止服务，再加 --force 重试`, 2);
      }
    }
    assertComplete(manifest, staging);

    // From here on the target changes.
    await restoreDatabase(config, dialect, path.join(staging, manifest.database.file), isForced);
    restoreFiles(config.dataDir, staging);
    key.apply();
    const failures = await verifyRestored(config, dialect, manifest);
    return { manifest, keyNote: key.note, failures };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Unpacks only what a backup holds (no links, nothing outside the staging dir) and reads the manifest. */
async function unpack(source: string, staging: string): Promise<Manifest> {
  const unexpected: string[] = [];
  try {
    await tar.extract({
      file: source,
      cwd: staging,
      strict: true,
      preserveOwner: false,
      // The operator's own archive; a sparse SQLite file compresses far beyond the default bomb guard.
      maxDecompressionRatio: Infinity,
      filter: (entryPath, entry) => {
        const isExpected = isExpectedEntry(entryPath, 'type' in entry ? entry.type : '');
        if (!isExpected) unexpected.push(entryPath);
        return isExpected;
      },
    });
  } catch (error) {
    throw new BackupError(`无法读取备份文件：不是 Fazhi 备份文件，或文件已损坏（${(error as Error).message}）`, 2);
  }
  if (unexpected.length) throw new BackupError(`备份文件中有不属于 Fazhi 备份的条目：${unexpected.slice(0, 5).join('、')}`, 2);
  const file = path.join(staging, MANIFEST_NAME);
  if (!fs.existsSync(file)) throw new BackupError('备份文件中没有 manifest.json：不是 Fazhi 备份文件', 2);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new BackupError('备份清单 manifest.json 不是有效的 JSON：备份文件已损坏', 2);
  }
  const head = raw as { format?: unknown; formatVersion?: unknown };
  if (head?.format !== BACKUP_FORMAT) throw new BackupError('备份清单不是 Fazhi 备份的清单', 2);
  if (head.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(`不支持的备份格式版本 ${String(head.formatVersion)}（本程序支持版本 ${BACKUP_FORMAT_VERSION}），请用写出该备份的版本恢复`, 2);
  }
  const parsed = ZManifest.safeParse(raw);
  if (!parsed.success) throw new BackupError(`备份清单内容不完整或格式不正确：${parsed.error.issues[0]?.path.join('.')}`, 2);
  if (parsed.data.database.file !== dumpNameFor(parsed.data.dialect)) throw new BackupError('备份清单中的数据库文件名不正确：备份文件已损坏', 2);
  return parsed.data;
}

function isExpectedEntry(entryPath: string, type: string): boolean {
  const name = entryPath.replace(/^\.\//, '').replace(/\/$/, '');
  if (type === 'Directory') return name === 'files' || /^files\/[0-9a-f]{2}$/.test(name);
  if (type !== 'File' && type !== 'OldFile') return false;
  return [MANIFEST_NAME, KEY_NAME, 'database.sqlite', 'database.pgdump'].includes(name) || BLOB_PATH.test(name);
}

/** Everything the manifest lists is in the archive: a truncated archive is refused before anything is written. */
function assertComplete(manifest: Manifest, staging: string): void {
  if (!fs.existsSync(path.join(staging, manifest.database.file))) throw new BackupError(`备份文件中缺少数据库 ${manifest.database.file}：备份文件已损坏`, 2);
  const missing = manifest.files.items.filter((item) => !fs.existsSync(path.join(staging, item.path)));
  if (missing.length) throw new BackupError(`备份文件中缺少 ${missing.length} 个文件（如 ${missing[0].path}）：备份文件已损坏`, 2);
}

type KeyPlan = { note: string; apply: () => void };

/**
 * The restored rows hold personal data sealed under the backed-up installation's key; without that key they
 * cannot be read. The key is in the archive only when the backup was made with --include-key; otherwise the
 * target must already have it (FAZHI_SECRET_KEY or <dataDir>/secret.key), which the fingerprint checks.
 */
function planKey(manifest: Manifest, staging: string, config: Config, isForced: boolean): KeyPlan {
  const { fingerprint } = manifest.key;
  const archived = manifest.key.isIncluded ? readArchivedKey(staging) : null;
  if (manifest.key.isIncluded && (!archived || keyFingerprint(archived) !== fingerprint)) {
    throw new BackupError('备份中的密钥与清单记录的指纹不符：备份文件已损坏', 2);
  }
  const installed = readInstalledKey(config.dataDir, config.secretKey);
  if (installed && keyFingerprint(installed.key) === fingerprint) return { note: '目标的字段加密密钥与备份一致', apply: () => {} };
  const keyFile = path.join(config.dataDir, KEY_NAME);
  if (installed?.source === 'env') {
    throw new BackupError(`FAZHI_SECRET_KEY 与备份时使用的字段加密密钥不同（备份密钥指纹 ${fingerprint}）：用它无法解密恢复后的身份证号、电话等加密字段。请把 FAZHI_SECRET_KEY 设为原安装的密钥后重试`, 2);
  }
  if (!archived) {
    if (installed) throw new BackupError(`${keyFile} 与备份时使用的字段加密密钥不同（备份密钥指纹 ${fingerprint}）：请换成原安装的 secret.key 后重试`, 2);
    throw new BackupError(`备份不含字段加密密钥（备份时未加 --include-key）：请先把原安装的 secret.key 复制为 ${keyFile}，或把 FAZHI_SECRET_KEY 设为原密钥，然后重试（备份密钥指纹 ${fingerprint}）`, 2);
  }
  if (installed && !isForced) throw new BackupError(`${keyFile} 是另一把密钥；确认以备份中的密钥替换它，请加 --force`, 2);
  return { note: `已从备份写入字段加密密钥 ${keyFile}`, apply: () => writeKeyFile(config.dataDir, archived) };
}

function readArchivedKey(staging: string): string | null {
  const file = path.join(staging, KEY_NAME);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : null;
}
