import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS } from './columns.ts';
import { readLedger } from './read-ledger.ts';

describe('reading an xlsx ledger', () => {
  it('keeps Chinese text whole where a character falls across the reader’s chunks (patches/exceljs+4.4.0.patch)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(LEDGER_COLUMNS.map((c) => c.header));
    const summary = (i: number) => `第${i}号纠纷：邻里之间因宅基地界址、排水沟走向和房屋滴水问题发生争执，双方多次协商未果。`.repeat(1 + (i % 3));
    const rows = 3000;
    for (let i = 1; i <= rows; i++) {
      sheet.addRow(LEDGER_COLUMNS.map((c) => (c.key === 'summary' ? summary(i) : c.key === 'party1Name' ? `当事人甲${i}` : '')));
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const damaged: number[] = [];
    let count = 0;
    for await (const row of readLedger(buffer, 'xlsx')) {
      const i = row.rowNumber - 1;
      count += 1;
      if (row.values.summary !== summary(i) || row.values.party1Name !== `当事人甲${i}`) damaged.push(row.rowNumber);
    }
    expect(count).toBe(rows);
    // Unpatched, exceljs's streaming reader decodes each 16 KB chunk on its own: ~1% of these rows came out with U+FFFD.
    expect(damaged).toEqual([]);
  });
});
