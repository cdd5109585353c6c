import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createPlatform } from '../bootstrap.ts';
import { seedDemoCounty } from '../seed/demo-county.ts';
import { seedReferenceData } from '../seed/reference-data.ts';
import { importLedger } from '../procedures/mediation/ledger/import-ledger.ts';
import { generateLedgerRows, toCsv } from '../../test/factories/mediation-ledger.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cli-report-'));
const bin = path.resolve(import.meta.dirname, '../../bin/fazhi.mjs');
const env = { ...process.env, FAZHI_DATA_DIR: dataDir, DATABASE_URL: '', FAZHI_SECRET_KEY: '' };
const ledger = generateLedgerRows(30);

function fazhi(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

beforeAll(async () => {
  const platform = await createPlatform({ ...loadConfig(env), logLevel: 'silent' });
  await seedReferenceData(platform);
  await seedDemoCounty(platform, { adminPassword: 'Cli#Test2024' });
  const org = await platform.db.selectFrom('organization').select('id').where('code', '=', 'dongcheng.twh').executeTakeFirstOrThrow();
  await importLedger(platform, { id: null, name: '测试', ip: null }, { orgId: org.id, userId: null }, { buffer: toCsv(ledger.rows), format: 'csv', name: 'ledger.csv' }, 'valid_rows');
  await platform.db.destroy();
}, 60_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('fazhi report', () => {
  it('lists every figure with its indicator, value, unit and source as JSON', () => {
    const result = fazhi('report', '--year', '2023', '--org', 'county', '--format', 'json');
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { title: string; isSaved: boolean; figures: { indicatorId: string; value: number; unit: string; source: string }[] };
    expect(report.title).toBe('示例县人民政府2023年法治政府建设工作报告');
    expect(report.isSaved).toBe(false);
    expect(report.figures).toEqual(expect.arrayContaining([
      expect.objectContaining({ indicatorId: 'mediation.handled', value: ledger.handled, unit: '件', source: 'computed' }),
      expect.objectContaining({ indicatorId: 'mediation.successful', value: ledger.agreed, unit: '件', source: 'computed' }),
      expect.objectContaining({ indicatorId: 'mediation.successRate', value: 96.7, unit: '%', source: 'computed' }),
    ]));
  }, 60_000);

  it('writes the Word file and prints the HTML', async () => {
    const out = path.join(dataDir, 'report.docx');
    expect(fazhi('report', '--year', '2023', '--org', 'county', '--format', 'docx', '--out', out).status).toBe(0);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toContain('2023年度推进法治政府建设主要举措和成效');
    const html = fazhi('report', '--year', '2023', '--org', 'county', '--format', 'html');
    expect(html.stdout).toContain(`各调委会共调处矛盾纠纷${ledger.handled}件`);
  }, 60_000);

  it('answers bad options with exit code 2 and a Chinese message', () => {
    expect(fazhi('report', '--year', '2023', '--org', 'county', '--format', 'pdf').stderr).toContain('--format 只能是');
    const unknown = fazhi('report', '--year', '2023', '--org', 'nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('组织编码不存在');
    expect(fazhi('report', '--year', '2023', '--org', 'county', '--format', 'docx').status).toBe(2);
  }, 60_000);
});
