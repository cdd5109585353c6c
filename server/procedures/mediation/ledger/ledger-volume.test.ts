import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform } from '../../../../test/support/platform.ts';
import { generateLedgerRows, toCsv } from '../../../../test/factories/mediation-ledger.ts';
import { evaluateIndicator } from '../../../platform/indicators/evaluate.ts';
import { findIndicator } from '../../../platform/indicators/registry.ts';
import { importLedger } from './import-ledger.ts';

/** The volume check: 100,000 generated ledger rows with 1% bad rows (FAZHI_LEDGER_ROWS overrides). */
const ROWS = Number(process.env.FAZHI_LEDGER_ROWS ?? 100_000);

let ctx: Awaited<ReturnType<typeof createTestPlatform>>;
beforeAll(async () => {
  ctx = await createTestPlatform({ seed: true });
});
afterAll(async () => {
  await ctx.close();
});

describe('a province-size ledger import', () => {
  it(`reports exactly the bad rows of ${ROWS} and imports the rest, and the indicators match`, async () => {
    const { rows, badRowNumbers, agreed, handled } = generateLedgerRows(ROWS, { badEvery: 100, prefix: 'V' });
    const org = await ctx.platform.db.selectFrom('organization').select('id').where('code', '=', 'qingshui.twh').executeTakeFirstOrThrow();
    const result = await importLedger(ctx.platform, { id: null, name: '测试', ip: null }, { orgId: org.id, userId: null }, { buffer: toCsv(rows), format: 'csv', name: 'v.csv' }, 'valid_rows');
    expect(result.total).toBe(ROWS);
    expect(result.imported).toBe(ROWS - badRowNumbers.length);
    expect([...new Set(result.errors.map((e) => e.row))]).toEqual(badRowNumbers);
    const query = { year: 2023, orgIds: [org.id] };
    expect((await evaluateIndicator(ctx.platform.db, findIndicator('mediation.handled')!, query)).value).toBe(handled);
    expect((await evaluateIndicator(ctx.platform.db, findIndicator('mediation.successful')!, query)).value).toBe(agreed);
  }, 900_000);
});
