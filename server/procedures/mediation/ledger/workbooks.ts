import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { LEDGER_COLUMNS } from './columns.ts';
import type { ImportResult } from './import-ledger.ts';

function headerRow(sheet: ExcelJS.Worksheet, headers: string[]): void {
  sheet.addRow(headers);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => { column.width = 18; });
}

/** The import template: the columns with an example row, and the dictionaries whose labels the cells take. */
export async function ledgerTemplate(db: Kysely<Database>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('调解台账');
  headerRow(sheet, LEDGER_COLUMNS.map((c) => c.header));
  sheet.addRow(LEDGER_COLUMNS.map((c) => c.example));
  const notes = workbook.addWorksheet('填写说明');
  notes.addRow(['列名', '是否必填', '说明']);
  for (const c of LEDGER_COLUMNS) notes.addRow([c.header, c.isRequired ? '必填' : '', c.help]);
  const dicts = workbook.addWorksheet('字典');
  const items = await db.selectFrom('dict_item').select(['type_code', 'label']).where('type_code', 'in', ['mediation_source', 'dispute_category']).where('is_enabled', '=', 1).orderBy('sort').execute();
  dicts.addRow(['纠纷来源', '纠纷类别']);
  const sources = items.filter((i) => i.type_code === 'mediation_source').map((i) => i.label);
  const categories = items.filter((i) => i.type_code === 'dispute_category').map((i) => i.label);
  for (let i = 0; i < Math.max(sources.length, categories.length); i++) dicts.addRow([sources[i] ?? '', categories[i] ?? '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The rows that failed, as read, with the reasons in the last column: fix them and import this file again. */
export async function errorReport(result: ImportResult): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('调解台账');
  headerRow(sheet, [...LEDGER_COLUMNS.map((c) => c.header), '原行号', '错误说明']);
  const reasons = new Map<number, string[]>();
  for (const e of result.errors) reasons.set(e.row, [...(reasons.get(e.row) ?? []), `【${e.column}】${e.message}`]);
  for (const bad of result.badRows) {
    sheet.addRow([...LEDGER_COLUMNS.map((c) => bad.values[c.key] ?? ''), bad.rowNumber, (reasons.get(bad.rowNumber) ?? []).join('；')]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
