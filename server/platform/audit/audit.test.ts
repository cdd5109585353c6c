import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestPlatform } from '../../../test/support/platform.ts';
import { inTransaction, SYSTEM_ACTOR } from '../context.ts';
import { appendAudit } from './append.ts';
import { verifyAuditChain } from './verify.ts';

let ctx: Awaited<ReturnType<typeof createTestPlatform>>;

beforeEach(async () => {
  ctx = await createTestPlatform();
  for (let i = 1; i <= 5; i++) {
    await inTransaction(ctx.platform, (trx) =>
      appendAudit(trx, ctx.platform.dialect, { id: 1, name: '测试', ip: '127.0.0.1' }, { action: 'test.write', targetType: 'thing', targetId: i, before: { n: i - 1 }, after: { n: i, 名称: '中文' } }),
    );
  }
});
afterEach(async () => {
  await ctx.close();
});

describe('audit chain', () => {
  it('verifies an intact chain', async () => {
    const result = await verifyAuditChain(ctx.platform.db);
    expect(result).toMatchObject({ ok: true, count: 5 });
  });

  it('names a record whose content was edited', async () => {
    await ctx.platform.db.updateTable('audit_log').set({ after_json: '{"n":99}' }).where('seq', '=', 3).execute();
    const result = await verifyAuditChain(ctx.platform.db);
    expect(result).toMatchObject({ ok: false, brokenSeq: 3 });
  });

  it('names the gap where a record was deleted', async () => {
    await ctx.platform.db.deleteFrom('audit_log').where('seq', '=', 2).execute();
    const result = await verifyAuditChain(ctx.platform.db);
    expect(result).toMatchObject({ ok: false, brokenSeq: 2 });
  });

  it('notices a deleted last record', async () => {
    await ctx.platform.db.deleteFrom('audit_log').where('seq', '=', 5).execute();
    const result = await verifyAuditChain(ctx.platform.db);
    expect(result).toMatchObject({ ok: false, brokenSeq: 5 });
  });

  it('notices a record whose hash was recomputed to hide an edit', async () => {
    // Rewriting one row's hash breaks the next row's prev_hash link.
    await ctx.platform.db.updateTable('audit_log').set({ hash: 'f'.repeat(64) }).where('seq', '=', 2).execute();
    const result = await verifyAuditChain(ctx.platform.db);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.brokenSeq).toBe(2);
  });

  it('keeps one linear chain under concurrent appenders', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        inTransaction(ctx.platform, (trx) => appendAudit(trx, ctx.platform.dialect, SYSTEM_ACTOR, { action: 'test.concurrent', targetId: i })),
      ),
    );
    const result = await verifyAuditChain(ctx.platform.db);
    expect(result).toMatchObject({ ok: true, count: 25 });
  });

  it('rolls the audit record back with a failed write', async () => {
    await expect(
      inTransaction(ctx.platform, async (trx) => {
        await appendAudit(trx, ctx.platform.dialect, SYSTEM_ACTOR, { action: 'test.rollback' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { n } = await ctx.platform.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(5);
    expect((await verifyAuditChain(ctx.platform.db)).ok).toBe(true);
  });
});
