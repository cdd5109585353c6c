import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createPlatform } from '../bootstrap.ts';
import { seedDemoCounty } from '../seed/demo-county.ts';
import { generateLedgerRows, toCsv } from '../../test/factories/mediation-ledger.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cli-import-'));
const bin = path.resolve(import.meta.dirname, '../../bin/fazhi.mjs');
const env = { ...process.env, FAZHI_DATA_DIR: dataDir, DATABASE_URL: '', FAZHI_SECRET_KEY: '' };

function fazhi(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

beforeAll(async () => {
  // The installation the command works on: a started server would have seeded this demo county.
  const platform = await createPlatform({ ...loadConfig(env), logLevel: 'silent' });
  await seedDemoCounty(platform, { adminPassword: 'Cli#Test2024' });
  await platform.db.destroy();
}, 60_000);
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('fazhi import mediation', () => {
  it('imports a ledger, writes the bad rows to a report, and skips what it already imported', () => {
    const file = path.join(dataDir, 'ledger.csv');
    fs.writeFileSync(file, toCsv(generateLedgerRows(20, { badEvery: 10, prefix: 'C' }).rows));
    const first = fazhi('import', 'mediation', file, '--org', 'dongcheng.twh');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('导入 18 行');
    expect(first.stdout).toContain('第 11 行【当事人一证件号码】');
    expect(fs.existsSync(path.join(dataDir, 'ledger.错误.xlsx'))).toBe(true);
    const again = fazhi('import', 'mediation', file, '--org', 'dongcheng.twh');
    expect(again.stdout).toContain('导入 0 行，跳过已导入 18 行');
  }, 120_000);

  it('answers an unknown organisation and a missing file with exit code 2', () => {
    expect(fazhi('import', 'mediation', path.join(dataDir, 'nope.csv'), '--org', 'dongcheng.twh').status).toBe(2);
    const file = path.join(dataDir, 'ledger.csv');
    const unknown = fazhi('import', 'mediation', file, '--org', 'no.such.org');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('组织编码不存在');
  }, 60_000);
});
