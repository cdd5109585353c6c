import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestPlatform, type TestPlatform } from './platform.ts';
import { testDbKind } from './pg-admin.ts';

describe('createTestPlatform', () => {
  const opened: TestPlatform[] = [];
  afterAll(async () => {
    for (const t of opened) await t.close();
  });

  it('runs on the database named by FAZHI_TEST_DB', async () => {
    const t = await createTestPlatform();
    opened.push(t);
    expect(t.platform.dialect).toBe(process.env.FAZHI_TEST_DB || 'sqlite');
    expect(t.platform.dialect).toBe(testDbKind());
  });

  it('gives every call its own fresh, migrated database', async () => {
    const first = await createTestPlatform();
    const second = await createTestPlatform();
    opened.push(first, second);
    await first.platform.db
      .insertInto('dict_type')
      .values({ code: 'harness_probe', name: '隔离探针', description: null, is_builtin: 0 })
      .execute();

    const inFirst = await first.platform.db.selectFrom('dict_type').select('name').where('code', '=', 'harness_probe').execute();
    const inSecond = await second.platform.db.selectFrom('dict_type').select('name').where('code', '=', 'harness_probe').execute();
    expect(inFirst).toEqual([{ name: '隔离探针' }]);
    expect(inSecond).toEqual([]);
  });

  it('can be closed twice', async () => {
    const t = await createTestPlatform();
    await t.close();
    await expect(t.close()).resolves.toBeUndefined();
  });
});

describe('createTestApp', () => {
  it('answers the health check on the database under test', async () => {
    const { app, close } = await createTestApp();
    try {
      const response = await app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'ok', database: testDbKind() });
    } finally {
      await close();
    }
  });
});
