import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../../test/support/platform.ts';
import { loginAs } from '../../../../test/support/http.ts';
import { multipart } from '../../../../test/support/multipart.ts';
import { generateLedgerRows, toCsv } from '../../../../test/factories/mediation-ledger.ts';
import { MEDIATION_SAMPLES } from '../../../../test/factories/mediation.ts';
import { LEDGER_COLUMNS } from './columns.ts';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let committeeOrg: number;
let headers: Record<string, string>;

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  const staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  committeeOrg = (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items.find((o) => o.code === 'shihe.twh')!.id;
  const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'fzb', password: TEST_ADMIN_PASSWORD } });
  headers = { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
});
afterAll(async () => {
  await ctx.close();
});

type Result = { total: number; imported: number; duplicates: number; isCommitted: boolean; errorCount: number; errors: { row: number; column: string; message: string }[]; errorReportFileId: number | null };

async function upload(file: Buffer, name: string, mode = 'valid_rows') {
  const form = multipart([{ name: 'orgId', value: String(committeeOrg) }, { name: 'mode', value: mode }, { name: 'file', value: file, filename: name }]);
  const res = await ctx.app.inject({ method: 'POST', url: '/api/mediation/ledger/import', headers: { ...headers, 'content-type': form.contentType }, payload: form.body });
  return { status: res.statusCode, body: res.json<Result>() };
}

async function xlsxOf(rows: Record<string, string>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('调解台账');
  sheet.addRow(LEDGER_COLUMNS.map((c) => c.header));
  for (const row of rows) sheet.addRow(LEDGER_COLUMNS.map((c) => row[c.key] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('ledger import', () => {
  it('imports the good rows of an xlsx ledger, reports the bad ones by row and column, and skips them on re-import', async () => {
    const { rows } = generateLedgerRows(6, { prefix: 'X' });
    rows[1].party1Id = '110105194912310021';
    rows[3].category = '不存在的类别';
    rows[4].receivedOn = '2024-13-45';
    const file = await xlsxOf(rows);
    const first = await upload(file, '石河镇调解台账.xlsx');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 6, imported: 3, duplicates: 0, isCommitted: true, errorCount: 3 });
    expect(first.body.errors.map((e) => [e.row, e.column])).toEqual([[3, '当事人一证件号码'], [5, '纠纷类别'], [6, '登记日期']]);
    const report = await ctx.app.inject({ method: 'GET', url: `/api/files/${first.body.errorReportFileId}`, headers });
    expect(report.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(4);
    expect(String(sheet.getRow(2).getCell(LEDGER_COLUMNS.length + 2).value)).toContain('GB 11643');

    const again = await upload(file, '石河镇调解台账.xlsx');
    expect(again.body).toMatchObject({ imported: 0, duplicates: 3, errorCount: 3 });
    const cases = await ctx.platform.db.selectFrom('proc_case').select('id').where('procedure', '=', 'mediation').where('org_id', '=', committeeOrg).execute();
    expect(cases).toHaveLength(3);
  });

  it('skips the 台账编号 the committee already has, across batches and for cases registered by hand', async () => {
    const staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
    const byHand = await staff.post<{ id: number }>('/api/cases/mediation', { ...MEDIATION_SAMPLES.register, orgId: committeeOrg, isOnBehalf: true, ledgerKey: 'B-2' });
    expect(byHand.status).toBe(201);
    const { rows } = generateLedgerRows(2500, { prefix: 'B' });
    const first = await upload(toCsv(rows.slice(0, 1200)), 'first.csv');
    expect(first.body).toMatchObject({ total: 1200, imported: 1199, duplicates: 1, errorCount: 0 });
    // 1,200 known keys spread over three batches of 1,000, then 1,300 new ones.
    const second = await upload(toCsv(rows), 'all.csv');
    expect(second.body).toMatchObject({ total: 2500, imported: 1300, duplicates: 1200, errorCount: 0 });
    const keys = await ctx.platform.db.selectFrom('proc_case').select('lookup_key').where('procedure', '=', 'mediation').where('org_id', '=', committeeOrg).where('lookup_key', 'like', 'B-%').execute();
    expect(keys).toHaveLength(2500);
    expect(new Set(keys.map((k) => k.lookup_key)).size).toBe(2500);
  });

  it('writes nothing in all-or-nothing mode when a row is bad', async () => {
    const { rows } = generateLedgerRows(5, { prefix: 'Y', badEvery: 5 });
    const result = await upload(toCsv(rows), 'ledger.csv', 'all_or_nothing');
    expect(result.body).toMatchObject({ total: 5, imported: 0, isCommitted: false, errorCount: 1 });
    const cases = await ctx.platform.db.selectFrom('proc_case').select('id').where('procedure', '=', 'mediation').where('facets_json', 'like', '%"ledgerKey":"Y-%').execute();
    expect(cases).toHaveLength(0);
  });

  it('refuses a file without the template columns, and one that is not xlsx or csv', async () => {
    const wrong = await upload(Buffer.from('名称,日期\n甲,2024-01-01\n'), 'x.csv');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const pdf = await upload(Buffer.from('%PDF-1.4'), 'x.pdf');
    expect(pdf.status).toBe(415);
  });

  it('serves the template with the columns and the dictionaries', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/mediation/ledger/template', headers });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['调解台账', '填写说明', '字典']);
    expect(workbook.worksheets[0].getRow(1).getCell(1).value).toBe('台账编号');
  });
});
