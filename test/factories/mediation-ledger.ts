import { LEDGER_COLUMNS } from '../../server/procedures/mediation/ledger/columns.ts';

/**
 * A generated ledger of `count` rows; every row whose index is in `badEvery` multiples is broken in a
 * known way (wrong ID check digit), so a test knows exactly which rows must be reported.
 */
export function generateLedgerRows(count: number, options: { badEvery?: number; prefix?: string } = {}): { rows: Record<string, string>[]; badRowNumbers: number[]; agreed: number; handled: number } {
  const rows: Record<string, string>[] = [];
  const badRowNumbers: number[] = [];
  let agreed = 0;
  let handled = 0;
  const categories = ['邻里纠纷', '婚姻家庭纠纷', '劳动争议纠纷', '合同纠纷'];
  for (let i = 1; i <= count; i++) {
    const isBad = !!options.badEvery && i % options.badEvery === 0;
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 27) + 1).padStart(2, '0');
    const outcome = i % 25 === 0 ? '调解不成' : '调解成功';
    rows.push({
      ledgerKey: `${options.prefix ?? 'T'}-${i}`, receivedOn: `2023-${month}-${day}`, source: i % 3 ? '当事人申请' : '网格上报', category: categories[i % categories.length],
      party1Name: `当事人甲${i}`, party1Id: isBad ? '110105194912310021' : '11010519491231002X', party2Name: `当事人乙${i}`,
      summary: '邻里之间因琐事发生纠纷', amount: String(i % 1000), peopleCount: '2', mediators: '调解员甲', acceptedOn: `2023-${month}-${day}`,
      outcome, closedOn: `2023-${month}-${String(Math.min(Number(day) + 1, 28)).padStart(2, '0')}`, agreementForm: i % 2 ? '书面' : '口头',
      terms: '双方和解', agreementAmount: '100', advisedRoutes: '提起诉讼', performance: outcome === '调解成功' ? '已履行' : '',
    });
    if (isBad) {
      badRowNumbers.push(i + 1);
      continue;
    }
    handled += 1;
    if (outcome === '调解成功') agreed += 1;
  }
  return { rows, badRowNumbers, agreed, handled };
}

export function toCsv(rows: Record<string, string>[]): Buffer {
  const escape = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [LEDGER_COLUMNS.map((c) => c.header).join(','), ...rows.map((r) => LEDGER_COLUMNS.map((c) => escape(r[c.key] ?? '')).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\n')}\n`, 'utf8');
}
