import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cli-calendar-'));
const bin = path.resolve(import.meta.dirname, '../../bin/fazhi.mjs');

/** Runs `fazhi …` on its own SQLite file in a temporary data directory (never DATABASE_URL). */
function fazhi(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, FAZHI_DATA_DIR: dataDir, DATABASE_URL: '', FAZHI_SECRET_KEY: '' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('fazhi deadline and fazhi calendar', { timeout: 120_000 }, () => {
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds an empty database and prints only the due date', () => {
    expect(fazhi('deadline', '--from', '2024-09-06', '--days', '25')).toEqual({ status: 0, stdout: '2024-10-08', stderr: '' });
    expect(fazhi('deadline', '--from', '2024-09-27', '--working-days', '5').stdout).toBe('2024-10-10');
  });

  it('answers a year without calendar data and bad input with exit code 2 and a Chinese message', () => {
    const missing = fazhi('deadline', '--from', '2030-01-02', '--days', '5');
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('2030年的工作日历尚未导入');
    expect(fazhi('deadline', '--from', '2024-09-27', '--days', '5', '--working-days', '3').status).toBe(2);
    expect(fazhi('deadline', '--days', '5').status).toBe(2);
  });

  it('imports a year from a CSV file, after which deadlines reach into it', () => {
    const file = path.join(dataDir, 'notice-2027.csv');
    fs.writeFileSync(file, 'date,kind,name\n2027-01-01,休,元旦\n2027-02-20,班,春节\n');
    const imported = fazhi('calendar', 'import', file);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('2027');
    expect(fazhi('deadline', '--from', '2026-12-31', '--working-days', '1').stdout).toBe('2027-01-04');
  });
});
