import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { createBackup } from './backup/create-backup.ts';
import { BackupError } from './backup/errors.ts';
import { restoreBackup } from './backup/restore-backup.ts';
import { fail } from './open-platform.ts';

/**
 * `fazhi backup FILE` (while the server runs) and `fazhi restore FILE [--force]` (server stopped).
 * Exit codes: 0 ok; 2 bad input (missing or foreign file, other dialect, target not empty, key missing);
 * 1 a check failed (audit chain, files or row counts differ from the manifest).
 */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .argument('<file>', '备份文件（如 fazhi-20250101.tar.gz），不得已存在')
    .option('--include-key', '把字段加密密钥 secret.key 一并写入备份（此时备份文件须与密钥同等保管）')
    .description('在线备份：数据库（SQLite 在线备份 / PostgreSQL pg_dump）、上传文件和生成的文书、审计链，写入一个归档文件')
    .action(async (file: string, options: { includeKey?: boolean }) => {
      const summary = await orFail(() => createBackup({ config: loadConfig(), file, isKeyIncluded: !!options.includeKey }));
      const { manifest } = summary;
      const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
      console.log(`备份完成：${summary.file}`);
      console.log(`  数据库（${manifest.dialect}）：${Object.keys(manifest.tables).length} 张表，共 ${rows} 行`);
      console.log(`  文件：${manifest.files.count} 个，共 ${manifest.files.totalBytes} 字节`);
      console.log(`  审计链：${manifest.audit.count} 条，链头哈希 ${manifest.audit.headHash}`);
      console.log(manifest.key.isIncluded
        ? `  字段加密密钥：已包含（指纹 ${manifest.key.fingerprint}）。此备份文件能解密身份证号、电话等个人信息，请与密钥同等保管`
        : `  字段加密密钥：未包含（指纹 ${manifest.key.fingerprint}）。恢复时须提供原安装的 secret.key 或 FAZHI_SECRET_KEY，请另行妥善保管密钥`);
      for (const warning of summary.warnings) console.error(`警告：${warning}`);
      if (summary.warnings.length) process.exitCode = 1;
    });

  program
    .command('restore')
    .argument('<file>', '由 fazhi backup 写出的备份文件')
    .option('--force', '目标不是空的安装时也恢复：以备份替换现有数据库、文件（及备份中的密钥）；须先停止服务')
    .description('从备份恢复到 DATABASE_URL / FAZHI_DATA_DIR 指向的空安装，并逐表核对行数、逐个核对文件 SHA-256、重新校验审计链')
    .action(async (file: string, options: { force?: boolean }) => {
      const summary = await orFail(() => restoreBackup({ config: loadConfig(), file, isForced: !!options.force }));
      const { manifest } = summary;
      if (summary.failures.length) {
        console.error('恢复后的校验未通过，请勿启动服务；检查备份文件后可用 --force 重新恢复：');
        for (const failure of summary.failures.slice(0, 50)) console.error(`  ${failure}`);
        if (summary.failures.length > 50) console.error(`  …… 共 ${summary.failures.length} 处`);
        process.exitCode = 1;
        return;
      }
      const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
      console.log(`恢复完成并通过校验（备份时间 ${manifest.createdAt}）：`);
      console.log(`  数据库（${manifest.dialect}）：${Object.keys(manifest.tables).length} 张表，共 ${rows} 行，行数与备份清单一致`);
      console.log(`  文件：${manifest.files.count} 个，SHA-256 全部一致`);
      console.log(`  审计链完好：${manifest.audit.count} 条，链头哈希 ${manifest.audit.headHash}`);
      console.log(`  ${summary.keyNote}`);
    });
}

async function orFail<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof BackupError) fail(error.message, error.exitCode);
    throw error;
  }
}
