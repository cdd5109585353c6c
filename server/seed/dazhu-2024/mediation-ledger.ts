import { addDays, fromDayNumber, toDayNumber } from '../../platform/calendar/dates.ts';
import { LEDGER_COLUMNS } from '../../procedures/mediation/ledger/columns.ts';
import { personName, pick } from './names.ts';

/**
 * The committees' 2024 ledgers (台账) as they would hand them in, one file per committee in the import template's
 * columns (server/procedures/mediation/ledger/columns.ts). Labels, not codes, as people write them.
 */
export type LedgerSpec = {
  /** 台账编号 prefix, e.g. 竹阳调. */
  prefix: string;
  /** Disputes mediated (受理调处) in 2024; which of them failed (调解不成) the global row number decides (`isFailedRow`). */
  handled: number;
  /** Dispute category and source labels (the dictionaries' labels), taken in turn. */
  categories: readonly string[];
  sources: readonly string[];
  /** Extra rows the committee declined (不予调解): registered, not 调处. */
  declined: number;
};

export type LedgerRows = { rows: Record<string, string>[]; agreed: number; failed: number; declined: number };

/** 13 of the 3 308 ledger disputes failed: every 254th row from the 101st, across all committees in order. */
export const isFailedRow = (globalIndex: number) => globalIndex % 254 === 100;

const SUMMARIES: Record<string, string> = {
  邻里纠纷: '相邻双方因排水、通行等琐事发生争执', 婚姻家庭纠纷: '夫妻因家庭琐事及子女抚养问题发生矛盾', 房屋宅基地纠纷: '双方对宅基地界址存在争议',
  山林土地纠纷: '双方对承包地、林地界址存在争议', 损害赔偿纠纷: '一方受伤后双方就赔偿金额发生争议', 合同纠纷: '双方因合同履行及价款支付发生争议',
  劳动争议纠纷: '劳动者与用人单位因工资报酬发生争议', 医疗纠纷: '患者家属对诊疗过程及结果提出异议', 道路交通事故纠纷: '交通事故发生后双方就损害赔偿协商未果',
  物业纠纷: '业主与物业服务企业因物业费及服务质量发生争议', 征地拆迁纠纷: '被征收户对补偿安置有异议', 环境污染纠纷: '村民认为企业生产噪声、粉尘影响生活',
  金融纠纷: '借款人与金融机构因贷款偿还发生争议', 生产经营纠纷: '经营者之间因货款结算发生争议', 其他纠纷: '双方因其他民间事务发生争议',
};

const COUNTERPARTIES: Record<string, string> = {
  医疗纠纷: '大竹县人民医院', 劳动争议纠纷: '大竹县某建筑劳务有限公司', 金融纠纷: '大竹县某农村商业银行股份有限公司',
  物业纠纷: '大竹县某物业服务有限公司', 环境污染纠纷: '大竹县某建材有限公司', 征地拆迁纠纷: '大竹县某村股份经济合作社',
};

/**
 * The rows of one committee's ledger. `firstGlobal` is the committee's first row number across all ledgers, so the
 * failed rows fall where `isFailedRow` says; `seed` varies names between committees.
 */
export function ledgerRows(spec: LedgerSpec, firstGlobal: number, seed: number): LedgerRows {
  const rows: Record<string, string>[] = [];
  let agreed = 0;
  let failed = 0;
  const start = toDayNumber('2024-01-02');
  const span = toDayNumber('2024-12-20') - start;
  for (let k = 0; k < spec.handled; k++) {
    const g = firstGlobal + k;
    const receivedOn = fromDayNumber(start + Math.floor(((k + 0.5) * span) / spec.handled));
    const acceptedOn = k % 3 === 0 ? addDays(receivedOn, 1) : receivedOn;
    const closedOn = minDate(addDays(acceptedOn, 1 + (k % 9)), '2024-12-31');
    const category = pick(spec.categories, k * 7 + seed);
    const isFailed = isFailedRow(g);
    const form = k % 4 === 0 ? '口头' : '书面';
    rows.push({
      ...baseRow(spec, k, g, seed, receivedOn, category),
      mediators: `${personName(seed * 31 + (k % 4))}、${personName(seed * 31 + 7)}`, acceptedOn, closedOn,
      outcome: isFailed ? '调解不成' : '调解成功',
      ...(isFailed
        ? { advisedRoutes: '提起诉讼' }
        : {
          agreementForm: form, terms: '双方自愿达成协议，互相谅解，按约定履行', performanceTerms: '协议生效之日起十五日内履行完毕',
          agreementAmount: String((k * 37) % 30 * 100), performance: k % 41 === 7 ? '部分履行' : '已履行',
          confirmation: form === '书面' && k % 53 === 11 ? '已确认' : '',
        }),
    });
    if (isFailed) failed += 1;
    else agreed += 1;
  }
  for (let d = 0; d < spec.declined; d++) {
    const receivedOn = fromDayNumber(start + 40 + d * 97);
    rows.push({
      ...baseRow(spec, spec.handled + d, -1, seed, receivedOn, pick(spec.categories, d)),
      outcome: '不予调解', closedOn: addDays(receivedOn, 1), declineReason: d % 2 ? '当事人拒绝调解' : '已由其他机关处理',
    });
  }
  return { rows, agreed, failed, declined: spec.declined };
}

function baseRow(spec: LedgerSpec, k: number, g: number, seed: number, receivedOn: string, category: string): Record<string, string> {
  const counterparty = COUNTERPARTIES[category];
  const isGroup = k % 97 === 13;
  return {
    ledgerKey: `${spec.prefix}2024-${String(k + 1).padStart(4, '0')}`, receivedOn, source: pick(spec.sources, k + seed), category,
    party1Name: personName(seed * 1000 + k), party2Name: counterparty && k % 2 === 0 ? counterparty : personName(seed * 1000 + k + 500),
    summary: SUMMARIES[category] ?? SUMMARIES.其他纠纷, amount: String(((k * 53 + g) % 80) * 500), peopleCount: isGroup ? '6' : '2',
  };
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/** The ledger as the CSV the import template describes (UTF-8 with BOM, header row of the template's columns). */
export function ledgerCsv(rows: Record<string, string>[]): Buffer {
  const escape = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [LEDGER_COLUMNS.map((c) => c.header).join(','), ...rows.map((r) => LEDGER_COLUMNS.map((c) => escape(r[c.key] ?? '')).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\n')}\n`, 'utf8');
}
