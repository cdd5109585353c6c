import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BackupError } from './errors.ts';

type PgTool = 'pg_dump' | 'pg_restore';

/**
 * pg_dump / pg_restore: the newest /usr/lib/postgresql/<v>/bin first (Debian keeps every installed version
 * there, and pg_dump must not be older than the server), else PATH, else FAZHI_PG_BIN_DIR if set.
 */
export function findPgTool(tool: PgTool, env: NodeJS.ProcessEnv = process.env): string {
  const candidates: string[] = [];
  if (env.FAZHI_PG_BIN_DIR) candidates.push(path.join(env.FAZHI_PG_BIN_DIR, tool));
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs.readdirSync(root).sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    candidates.push(...versions.map((v) => path.join(root, v, 'bin', tool)));
  }
  candidates.push(...(env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, tool)));
  const found = candidates.find(isExecutable);
  if (!found) {
    throw new BackupError(`找不到 ${tool}：PostgreSQL 的备份与恢复需要 PostgreSQL 客户端工具（Debian/Ubuntu：apt-get install -y postgresql-client），或用 FAZHI_PG_BIN_DIR 指定其所在目录`, 2);
  }
  return found;
}

/** The URL without its password (which goes to PGPASSWORD), so it never shows in the process list. */
export function connectionFor(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) {
    env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = '';
  }
  return { dbname: url.toString(), env };
}

/** Runs a PostgreSQL tool to completion; a non-zero exit throws with what it printed. */
export function runPgTool(tool: PgTool, args: string[], databaseUrl: string): Promise<void> {
  const exe = findPgTool(tool);
  const { dbname, env } = connectionFor(databaseUrl);
  return new Promise((resolve, reject) => {
    const child = spawn(exe, [...args, `--dbname=${dbname}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new BackupError(`无法运行 ${exe}：${error.message}`, 1)));
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve();
      reject(new BackupError(`${tool} 执行失败（${code ?? signal}）：${stderr.trim().slice(0, 2000)}`, 1));
    });
  });
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
