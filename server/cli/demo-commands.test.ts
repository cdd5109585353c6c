import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DAZHU_2024_FIGURES } from '../seed/dazhu-2024/figures.ts';
import { dropDatabase, quoteIdent, randomSuffix, testDatabasePrefix, testDbKind, urlForDatabase, withAdmin } from '../../test/support/pg-admin.ts';

/**
 * `fazhi demo --load dazhu-2024` on a brand-new installation: the default SQLite data dir, or, in the PostgreSQL
 * run, an empty database named by DATABASE_URL. The command initialises what a first start would, then loads.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cli-demo-'));
const bin = path.resolve(import.meta.dirname, '../../bin/fazhi.mjs');
const pgName = testDbKind() === 'postgres' ? `${testDatabasePrefix(inject('fazhiRunId'))}demo_${randomSuffix()}` : null;
let env: NodeJS.ProcessEnv;

function fazhi(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

beforeAll(async () => {
  if (pgName) await withAdmin((client) => client.query(`CREATE DATABASE ${quoteIdent(pgName)} TEMPLATE template0 ENCODING 'UTF8'`));
  env = { ...process.env, FAZHI_DATA_DIR: dataDir, DATABASE_URL: pgName ? urlForDatabase(pgName) : '', FAZHI_SECRET_KEY: '', FAZHI_ADMIN_PASSWORD: 'Cli#Demo2024' };
});
afterAll(async () => {
  if (pgName) await withAdmin((client) => dropDatabase(client, pgName));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('fazhi demo', () => {
  it('loads the Dazhu 2024 fixture beside the demo county, then refuses to load it again', () => {
    const first = fazhi('demo', '--load', 'dazhu-2024');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('已加载演示数据');
    expect(first.stdout).toContain('行政复议 43 件（审结 41 件）');
    expect(first.stdout).toContain('政府信息公开申请 99 件');
    expect(first.stdout).toContain('人民调解 3314 件（调解成功 3300 件');
    expect(first.stdout).toContain(`填报数据 ${DAZHU_2024_FIGURES.length} 项`);

    const again = fazhi('demo', '--load', 'dazhu-2024');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('已经加载');
    expect(again.stdout).not.toContain('已加载演示数据');
  }, 240_000);

  it('answers an unknown fixture with exit code 2', () => {
    const unknown = fazhi('demo', '--load', 'nowhere-1999');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('未知的演示数据');
  }, 60_000);
});
