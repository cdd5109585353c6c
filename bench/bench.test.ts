import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { dropDatabase, quoteIdent, randomSuffix, testDatabasePrefix, testDbKind, urlForDatabase, withAdmin } from '../test/support/pg-admin.ts';
import type { BenchRow } from './support/context.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Keeps the benchmarks working (issue 7): `npm run bench -- --size tiny` end to end — data generation, the real
 * server, the baselines — on the suite's database (SQLite, or a fresh PostgreSQL database), and every benchmark
 * prints its row with a ratio. No figure is asserted: a busy CI machine says nothing about speed.
 */
describe('npm run bench -- --size tiny', () => {
  it('runs every benchmark against its in-run baseline and prints the table', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-test-'));
    const json = path.join(dir, 'rows.json');
    const database = testDbKind() === 'postgres' ? `${testDatabasePrefix(inject('fazhiRunId'))}${randomSuffix()}` : null;
    try {
      if (database) await withAdmin((client) => client.query(`CREATE DATABASE ${quoteIdent(database)} TEMPLATE template0 ENCODING 'UTF8'`));
      const env = { ...process.env, DATABASE_URL: database ? urlForDatabase(database) : '' };
      const args = ['--import', 'tsx', path.join(root, 'bench', 'run.ts'), '--size', 'tiny', '--data-dir', dir, '--json', json, '--dialect', database ? 'postgres' : 'sqlite'];
      const run = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', timeout: 240_000 });
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.status, output.slice(-4000)).toBe(0);
      expect(output).toContain('| 基准 | 结果 | 目标 | 基线（同次运行） | 比值 | 判定 |');

      const { rows } = JSON.parse(fs.readFileSync(json, 'utf8')) as { rows: BenchRow[] };
      const numbers = rows.map((row) => Number.parseInt(row.benchmark, 10));
      expect([...new Set(numbers)].sort()).toEqual([1, 2, 3, 4, 5, 6]);
      expect(rows.filter((row) => row.benchmark.startsWith('3 '))).toHaveLength(4);
      for (const row of rows) {
        expect(Number.isFinite(row.ratio) && row.ratio! > 0, `${row.benchmark}: ${row.figure}`).toBe(true);
        expect(output).toContain(`| ${row.benchmark} |`);
      }
    } finally {
      if (database) await withAdmin((client) => dropDatabase(client, database));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
