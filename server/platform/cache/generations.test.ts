import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type DbHandle } from '../../db/client.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { cachedByGeneration, refreshGenerations } from './generations.ts';

// Two handles on one SQLite file stand for the server and another process (the fazhi CLI).
let dir: string;
let server: DbHandle;
let other: DbHandle;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-generations-'));
  server = openDatabase({ sqliteFile: path.join(dir, 'fazhi.db') });
  await migrateToLatest(server);
  other = openDatabase({ sqliteFile: path.join(dir, 'fazhi.db') });
});
afterAll(async () => {
  await server?.db.destroy();
  await other?.db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const setSetting = (handle: DbHandle, value: string) =>
  sql`insert into setting (key, value_json, updated_at, updated_by) values ('test.key', ${value}, '2026-01-01', null)
    on conflict (key) do update set value_json = excluded.value_json`.execute(handle.db);

describe('caches checked against table generations', () => {
  it('loads once while the tables are unchanged, again after another process writes', async () => {
    let loads = 0;
    const load = () => cachedByGeneration(server.db, 'settings', 'probe', async () => ++loads);
    await refreshGenerations(server.db);
    expect(await load()).toBe(1);
    expect(await load()).toBe(1);
    await setSetting(other, '"a"');
    // The next request reads the generations first (the auth hook) and sees the other process's write.
    await refreshGenerations(server.db);
    expect(await load()).toBe(2);
    expect(await load()).toBe(2);
  });

  it('notices its own writes at once, without waiting for a refresh', async () => {
    let loads = 0;
    const load = () => cachedByGeneration(server.db, 'settings', 'own', async () => ++loads);
    expect(await load()).toBe(1);
    await setSetting(server, '"b"');
    expect(await load()).toBe(2);
  });

  it('keeps unrelated caches when another table set changes', async () => {
    let loads = 0;
    const load = () => cachedByGeneration(server.db, 'calendar', 'unrelated', async () => ++loads);
    expect(await load()).toBe(1);
    await setSetting(other, '"c"');
    await refreshGenerations(server.db);
    expect(await load()).toBe(1);
  });

  it('never caches inside a transaction', async () => {
    let loads = 0;
    await server.db.transaction().execute(async (trx) => {
      await cachedByGeneration(trx, 'settings', 'trx', async () => ++loads);
      await cachedByGeneration(trx, 'settings', 'trx', async () => ++loads);
    });
    expect(loads).toBe(2);
  });
});
