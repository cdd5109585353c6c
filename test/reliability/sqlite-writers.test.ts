import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../../server/db/client.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-sqlite-writers-'));
const file = path.join(dir, 'shared.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * A second process that holds the write lock for a moment: the shape of the `fazhi` CLI importing while the
 * server runs. It signals on stdout once it holds the lock.
 */
function holdWriteLock(ms: number): Promise<{ done: Promise<number> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.pragma('busy_timeout = 5000');
    db.exec('begin immediate');
    db.exec("insert into t (v) values ('other process')");
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('commit'); db.close(); }, ${ms});
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: path.resolve(import.meta.dirname, '../..') });
  const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve({ done }));
    child.on('error', reject);
  });
}

describe.runIf(process.env.FAZHI_TEST_DB !== 'postgres')('SQLite writers in two processes', () => {
  it('waits for another process’s write lock instead of failing a read-then-write transaction', async () => {
    const handle = openDatabase({ sqliteFile: file });
    await sql`create table t (id integer primary key, v text)`.execute(handle.db);
    const other = await holdWriteLock(300);
    // Read, then write: with a deferred BEGIN this failed at once with SQLITE_BUSY while the other process wrote.
    await handle.db.transaction().execute(async (trx) => {
      const before = await sql<{ n: number }>`select count(*) as n from t`.execute(trx);
      await sql`insert into t (v) values (${`after ${before.rows[0].n}`})`.execute(trx);
    });
    expect(await other.done).toBe(0);
    const rows = await sql<{ v: string }>`select v from t order by id`.execute(handle.db);
    // The transaction began only once the other process had committed, so it saw its row.
    expect(rows.rows.map((r) => r.v)).toEqual(['other process', 'after 1']);
    await handle.db.destroy();
  }, 30_000);
});
