import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { defineIndicator, findIndicator } from '../../../platform/indicators/registry.ts';
import { evaluateIndicator } from '../../../platform/indicators/evaluate.ts';

/**
 * Table 2 主动公开政府信息情况: figures the platform holds no records for yet (规范性文件, 许可, 处罚, 强制, 收费)
 * are entered (填报) by the responsible department and approved; the report marks them as entered.
 */
const ROWS = [
  { id: 'disclosure.t2.rules.issued', title: '规章：本年制发件数', unit: '件' },
  { id: 'disclosure.t2.rules.repealed', title: '规章：本年废止件数', unit: '件' },
  { id: 'disclosure.t2.rules.inForce', title: '规章：现行有效件数', unit: '件' },
  { id: 'disclosure.t2.normative.issued', title: '行政规范性文件：本年制发件数', unit: '件' },
  { id: 'disclosure.t2.normative.repealed', title: '行政规范性文件：本年废止件数', unit: '件' },
  { id: 'disclosure.t2.normative.inForce', title: '行政规范性文件：现行有效件数', unit: '件' },
  { id: 'disclosure.t2.licensing.decisions', title: '行政许可：本年处理决定数量', unit: '件' },
  { id: 'disclosure.t2.penalty.decisions', title: '行政处罚：本年处理决定数量', unit: '件' },
  { id: 'disclosure.t2.coercion.decisions', title: '行政强制：本年处理决定数量', unit: '件' },
  { id: 'disclosure.t2.fees.amount', title: '行政事业性收费：本年收费金额', unit: '万元' },
] as const;

for (const row of ROWS) {
  defineIndicator({
    id: row.id, title: row.title, unit: row.unit, group: '政府信息公开', isEnterable: true,
    description: `政府信息公开工作年度报告表二（国办公开办函〔2021〕30号）。平台尚无相应业务记录，由责任单位填报、法治办审核。`,
  });
}

export type Table2Cell = { id: string; title: string; unit: string; value: number | null; source: 'computed' | 'entered' | 'missing' };

export async function computeTable2(db: Kysely<Database>, year: number, orgIds: number[] | null): Promise<Table2Cell[]> {
  const cells: Table2Cell[] = [];
  for (const row of ROWS) {
    const result = await evaluateIndicator(db, findIndicator(row.id)!, { year, orgIds });
    cells.push({ id: row.id, title: row.title, unit: row.unit, value: result.value, source: result.source });
  }
  return cells;
}
