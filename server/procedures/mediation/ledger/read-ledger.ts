import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { AppError } from '../../../platform/errors.ts';
import { LEDGER_COLUMNS } from './columns.ts';

export type LedgerRow = { rowNumber: number; values: Record<string, string> };

const byHeader = new Map(LEDGER_COLUMNS.map((c) => [c.header, c.key]));

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
  }
  return String(value).trim();
}

function keysOf(headers: string[]): (string | null)[] {
  const keys = headers.map((h) => byHeader.get(h.trim()) ?? null);
  const missing = LEDGER_COLUMNS.filter((c) => c.isRequired && !keys.includes(c.key)).map((c) => c.header);
  if (missing.length) throw new AppError('VALIDATION_FAILED', `台账缺少必需的列：${missing.join('、')}。请使用下载的导入模板。`);
  return keys;
}

/** Reads an xlsx (first worksheet, streamed) or csv (UTF-8, with or without BOM) ledger row by row. */
export async function* readLedger(buffer: Buffer, format: 'xlsx' | 'csv'): AsyncGenerator<LedgerRow> {
  if (format === 'csv') {
    const parser = Readable.from([buffer]).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
    let keys: (string | null)[] | null = null;
    let rowNumber = 0;
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      if (!keys) {
        keys = keysOf(record);
        continue;
      }
      yield { rowNumber, values: toValues(keys, record) };
    }
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore' });
  for await (const worksheet of reader) {
    let keys: (string | null)[] | null = null;
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (!keys) {
        keys = keysOf(cells);
        continue;
      }
      if (cells.every((c) => c === '')) continue;
      yield { rowNumber: row.number, values: toValues(keys, cells) };
    }
    return; // the first worksheet is the ledger; others (e.g. 字典) are ignored
  }
}

function toValues(keys: (string | null)[], cells: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  keys.forEach((key, i) => {
    if (key) values[key] = (cells[i] ?? '').trim();
  });
  return values;
}
