import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Db } from '../../server/db/client.ts';
import { LEDGER_COLUMNS } from '../../server/procedures/mediation/ledger/columns.ts';
import { addDays, dayOfYear, mobile, notAfter, personName, residentId, type Random } from './random.ts';

/** The labels a ledger's cells take (dictionaries 纠纷来源 and 矛盾纠纷类别, as seeded). */
export type LedgerLabels = { sources: string[]; categories: string[] };

export async function loadLedgerLabels(db: Db): Promise<LedgerLabels> {
  const rows = await db.selectFrom('dict_item').select(['type_code', 'label']).where('type_code', 'in', ['mediation_source', 'dispute_category']).where('is_enabled', '=', 1).orderBy('sort').execute();
  return {
    sources: rows.filter((r) => r.type_code === 'mediation_source').map((r) => r.label),
    categories: rows.filter((r) => r.type_code === 'dispute_category').map((r) => r.label),
  };
}

const SUMMARIES: Record<string, string[]> = {
  邻里纠纷: ['两户因排水沟堵塞发生争执', '相邻两户因院墙滴水引发矛盾', '邻居因宠物扰民发生口角'],
  婚姻家庭纠纷: ['夫妻因家庭琐事多次争吵要求调解', '子女对老人赡养费分担意见不一', '兄弟之间因分家析产产生分歧'],
  房屋宅基地纠纷: ['两户对宅基地界址存在争议', '因建房占用公共通道发生纠纷'],
  合同纠纷: ['双方因货款结算发生争议', '承包合同到期后对返还押金有分歧'],
  劳动争议纠纷: ['务工人员追讨拖欠工资', '用工方与工人对工伤待遇意见不一'],
  道路交通事故纠纷: ['两车刮擦后对赔偿金额存在分歧', '电动车与行人碰撞引发医疗费争议'],
  损害赔偿纠纷: ['牲畜啃食庄稼引发赔偿纠纷', '装修施工造成邻居房屋渗水'],
};
const GENERIC_SUMMARIES = ['双方因琐事发生争执，经村组干部劝解未果', '当事人之间因经济往来产生矛盾', '双方对损失赔偿数额存在较大分歧'];
const ROUTES = ['提起诉讼', '申请仲裁', '向行政机关申请处理'];
const COMPANY_PARTS = ['建筑', '商贸', '农业开发', '物业服务', '运输'];

/**
 * Ledger rows of one committee for a year, as a committee keeps them: mostly 调解成功, some 调解不成 and 不予调解,
 * the last weeks' cases still 调解中 or 待受理. Every row is valid (the import benchmark imports all of them).
 */
export function* ledgerRows(random: Random, count: number, options: { year: number; keyPrefix: string; labels: LedgerLabels; today: string }): Generator<Record<string, string>> {
  const { year, labels, today } = options;
  for (let n = 1; n <= count; n += 1) {
    const receivedOn = notAfter(dayOfYear(random, year), today);
    const isLate = receivedOn > `${year}-12-10`;
    const outcome = random.weighted<string>([['调解成功', isLate ? 40 : 93], ['调解不成', 4], ['不予调解', 1], ['调解中', isLate ? 50 : 1.5], ['待受理', isLate ? 5 : 0.5]]);
    const category = random.weighted<string>(labels.categories.map((c, i) => [c, i < 4 ? 6 : 1] as const));
    const acceptedOn = notAfter(addDays(receivedOn, random.int(0, 2)), today);
    const closedOn = notAfter(addDays(acceptedOn, random.int(1, 25)), today);
    const isWritten = random.chance(0.7);
    const isCompany = random.chance(0.08);
    const row: Record<string, string> = {
      ledgerKey: `${options.keyPrefix}-${n}`, receivedOn, source: random.pick(labels.sources), category,
      party1Name: personName(random), party2Name: isCompany ? `${personName(random).slice(0, 1)}氏${random.pick(COMPANY_PARTS)}有限公司` : personName(random),
      summary: random.pick(SUMMARIES[category] ?? GENERIC_SUMMARIES), amount: String(random.chance(0.6) ? random.int(0, 50_000) : 0),
      peopleCount: String(random.chance(0.04) ? random.int(5, 30) : 2), outcome,
    };
    if (random.chance(0.3)) row.party1Id = residentId(random);
    if (random.chance(0.5)) row.party1Phone = mobile(random);
    if (outcome === '不予调解') Object.assign(row, { closedOn, declineReason: random.pick(['当事人拒绝调解', '已由其他机关处理', '不属于人民调解范围']) });
    if (['调解成功', '调解不成', '调解中'].includes(outcome)) Object.assign(row, { acceptedOn, mediators: `${personName(random)}、${personName(random)}` });
    if (outcome === '调解成功') {
      Object.assign(row, {
        closedOn, agreementForm: isWritten ? '书面' : '口头', terms: '双方自愿达成协议，由责任方一次性赔偿损失，双方今后互不追究',
        performanceTerms: '协议签订之日起十日内履行完毕', agreementAmount: String(random.int(0, 20_000)),
        performance: random.weighted([['已履行', 85], ['部分履行', 5], ['未履行', 2], ['', 8]]),
      });
      if (isWritten && random.chance(0.03)) row.confirmation = '已确认';
    }
    if (outcome === '调解不成') Object.assign(row, { closedOn, advisedRoutes: random.pick(ROUTES) });
    yield row;
  }
}

/** The ledger as the import's csv (UTF-8 with BOM, the template's headers). */
export function ledgerCsv(rows: Iterable<Record<string, string>>): Buffer {
  const escape = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [LEDGER_COLUMNS.map((c) => c.header).join(',')];
  for (const row of rows) lines.push(LEDGER_COLUMNS.map((c) => escape(row[c.key] ?? '')).join(','));
  return Buffer.from(`\uFEFF${lines.join('\n')}\n`, 'utf8');
}

/** The ledger as an xlsx file, written row by row (exceljs streaming writer) so 100,000 rows never sit in memory. */
export async function writeLedgerXlsx(file: string, rows: Iterable<Record<string, string>>): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: fs.createWriteStream(file), useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('调解台账');
  sheet.addRow(LEDGER_COLUMNS.map((c) => c.header)).commit();
  let count = 0;
  for (const row of rows) {
    sheet.addRow(LEDGER_COLUMNS.map((c) => row[c.key] ?? '')).commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
