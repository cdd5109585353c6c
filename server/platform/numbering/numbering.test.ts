import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { appendAudit } from '../audit/append.ts';
import { inTransaction, SYSTEM_ACTOR } from '../context.ts';
import { insertOrg } from '../orgs/service.ts';
import { formatDocNumber, patternProblems } from '../../../common/doc-number.ts';
import { issueDocNumber, type DocNumberRequest } from './issue.ts';

describe('document number format', () => {
  it('writes 机关代字〔年份〕序号号 with the full year and no padding', () => {
    expect(formatDocNumber({ pattern: '{prefix}〔{year}〕{seq}号', prefix: '示府复决' }, 2024, 3)).toBe('示府复决〔2024〕3号');
    expect(formatDocNumber({ pattern: '{prefix}〔{year}〕{seq}号', prefix: '示府发' }, 2025, 120)).toBe('示府发〔2025〕120号');
  });

  it('refuses patterns without a sequence or year, with the wrong brackets or with 第', () => {
    expect(patternProblems('{prefix}〔{year}〕{seq}号')).toEqual([]);
    expect(patternProblems('{prefix}〔{year}〕号').join()).toContain('{seq}');
    expect(patternProblems('{prefix}{seq}号').join()).toContain('{year}');
    expect(patternProblems('{prefix}[{year}]{seq}号').join()).toContain('六角括号');
    expect(patternProblems('{prefix}〔{year}〕第{seq}号').join()).toContain('第');
    expect(patternProblems('{prefix}〔{year}〕{seq}号{org}').join()).toContain('{org}');
  });
});

describe('issueDocNumber', () => {
  let t: TestPlatform;
  let orgA: number;
  let orgB: number;

  beforeAll(async () => {
    t = await createTestPlatform();
    [orgA, orgB] = await inTransaction(t.platform, async (trx) => [
      await insertOrg(trx, { parentId: null, name: '示例县人民政府', kind: 'government', code: 'gov' }),
      await insertOrg(trx, { parentId: null, name: '示例县司法局', kind: 'department', code: 'justice' }),
    ]);
    await t.platform.db
      .insertInto('doc_number_format')
      .values([
        { org_id: null, kind: 'decision', pattern: '{prefix}〔{year}〕{seq}号', prefix: '示府复决', updated_at: '2024-01-01T00:00:00Z' },
        { org_id: orgB, kind: 'decision', pattern: '{prefix}〔{year}〕{seq}号', prefix: '示司复决', updated_at: '2024-01-01T00:00:00Z' },
      ])
      .execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  const issue = (request: DocNumberRequest) => inTransaction(t.platform, (trx) => issueDocNumber(trx, t.platform.dialect, request));

  it('uses the organisation’s own format, else the default one, else the fallback', async () => {
    expect((await issue({ orgId: orgA, kind: 'decision', year: 2023 })).text).toBe('示府复决〔2023〕1号');
    expect((await issue({ orgId: orgB, kind: 'decision', year: 2023 })).text).toBe('示司复决〔2023〕1号');
    const fallback = await issue({ orgId: orgA, kind: 'notice', year: 2023, fallback: { pattern: '{prefix}〔{year}〕{seq}号', prefix: '示府通' } });
    expect(fallback.text).toBe('示府通〔2023〕1号');
    await expect(issue({ orgId: orgA, kind: 'unconfigured', year: 2023 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('keeps one sequence per organisation, kind and year', async () => {
    expect((await issue({ orgId: orgA, kind: 'decision', year: 2023 })).seq).toBe(2);
    expect((await issue({ orgId: orgA, kind: 'decision', year: 2022 })).seq).toBe(1);
    expect((await issue({ orgId: orgB, kind: 'decision', year: 2023 })).seq).toBe(2);
  });

  it('gives a rolled-back number back', async () => {
    const request = { orgId: orgA, kind: 'decision', year: 2021 };
    expect((await issue(request)).seq).toBe(1);
    await expect(
      inTransaction(t.platform, async (trx) => {
        const taken = await issueDocNumber(trx, t.platform.dialect, request);
        expect(taken.seq).toBe(2);
        throw new Error('the action failed after numbering');
      }),
    ).rejects.toThrow('the action failed');
    expect((await issue(request)).text).toBe('示府复决〔2021〕2号');
  });

  it('issues exactly 1..50 to 50 concurrent transactions, skipping none for 10 that roll back', async () => {
    const request = { orgId: orgA, kind: 'decision', year: 2024 };
    const attempts = Array.from({ length: 60 }, (_, i) =>
      inTransaction(t.platform, async (trx) => {
        const number = await issueDocNumber(trx, t.platform.dialect, request);
        // The action's own audit record, after the number as the engine does it.
        await appendAudit(trx, t.platform.dialect, SYSTEM_ACTOR, { action: 'test.number', after: { seq: number.seq } });
        await new Promise((resolve) => setTimeout(resolve, i % 3));
        if (i % 6 === 5) throw new Error('rolled back');
        return number.seq;
      }).then((seq) => ({ seq }), () => ({ seq: null })),
    );
    const results = await Promise.all(attempts);
    const committed = results.flatMap((r) => (r.seq == null ? [] : [r.seq])).sort((a, b) => a - b);
    expect(committed).toHaveLength(50);
    expect(committed).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const row = await t.platform.db.selectFrom('doc_number_sequence').select('last_value').where('org_id', '=', orgA).where('kind', '=', 'decision').where('year', '=', 2024).executeTakeFirstOrThrow();
    expect(row.last_value).toBe(50);
  });
});
