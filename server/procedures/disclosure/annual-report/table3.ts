import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { APPLICANT_TYPES, OUTCOMES, type ApplicantType, type OutcomeKey } from '../outcomes.ts';

/**
 * Table 3 收到和处理政府信息公开申请情况 (国办公开办函〔2021〕30号): 25 rows × 7 columns, from the request records.
 * 一 new requests received in the year; 二 carried over (received earlier, not concluded by 1 January);
 * 三 concluded in the year by outcome; 四 carried forward (not concluded by 31 December).
 */
export const TABLE3_ROWS: { key: string; label: string }[] = [
  { key: '一', label: '一、本年新收政府信息公开申请数量' },
  { key: '二', label: '二、上年结转政府信息公开申请数量' },
  { key: '三(一)', label: '（一）予以公开' },
  { key: '三(二)', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ key: `三(三)${n}`, label: `（三）不予公开 ${n}.${labelOf(`三(三)${n}`)}` })),
  ...[1, 2, 3].map((n) => ({ key: `三(四)${n}`, label: `（四）无法提供 ${n}.${labelOf(`三(四)${n}`)}` })),
  ...[1, 2, 3, 4, 5].map((n) => ({ key: `三(五)${n}`, label: `（五）不予处理 ${n}.${labelOf(`三(五)${n}`)}` })),
  ...[1, 2, 3].map((n) => ({ key: `三(六)${n}`, label: `（六）其他处理 ${n}.${labelOf(`三(六)${n}`)}` })),
  { key: '三(七)', label: '（七）总计' },
  { key: '四', label: '四、结转下年度继续办理' },
];

function labelOf(row: string): string {
  return Object.values(OUTCOMES).find((o) => o.row === row)?.label ?? '';
}

export const TABLE3_COLUMNS = [...(Object.keys(APPLICANT_TYPES) as ApplicantType[]), 'total'] as const;
export type Table3Column = (typeof TABLE3_COLUMNS)[number];
export type Table3 = Record<string, Record<Table3Column, number>>;

type RequestRow = { opened_on: string; closed_on: string | null; applicantType: ApplicantType; outcome: OutcomeKey | null; caseId: number };

export async function loadRequests(db: Kysely<Database>, orgIds: number[] | null, yearEnd: string): Promise<RequestRow[]> {
  let query = db.selectFrom('proc_case').select(['id', 'opened_on', 'closed_on', 'data_json']).where('procedure', '=', 'disclosure').where('opened_on', '<=', yearEnd);
  if (orgIds) query = query.where('org_id', 'in', orgIds.length ? orgIds : [-1]);
  const rows = await query.execute();
  return rows.map((r) => {
    const data = JSON.parse(r.data_json) as { applicant?: { type?: ApplicantType }; outcome?: OutcomeKey };
    return { caseId: r.id, opened_on: r.opened_on, closed_on: r.closed_on, applicantType: data.applicant?.type ?? 'other', outcome: data.outcome ?? null };
  });
}

export function computeTable3(requests: RequestRow[], year: number): { table: Table3; unclassified: number[] } {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const table: Table3 = Object.fromEntries(TABLE3_ROWS.map((r) => [r.key, Object.fromEntries(TABLE3_COLUMNS.map((c) => [c, 0]))])) as Table3;
  const unclassified: number[] = [];
  const add = (row: string, column: ApplicantType) => {
    table[row][column] += 1;
    table[row].total += 1;
  };
  for (const r of requests) {
    const isNew = r.opened_on >= start && r.opened_on <= end;
    const isCarriedOver = r.opened_on < start && (r.closed_on == null || r.closed_on >= start);
    if (!isNew && !isCarriedOver) continue;
    add(isNew ? '一' : '二', r.applicantType);
    const isConcluded = r.closed_on != null && r.closed_on <= end;
    if (!isConcluded) {
      add('四', r.applicantType);
      continue;
    }
    const row = r.outcome ? OUTCOMES[r.outcome]?.row : undefined;
    if (!row) {
      unclassified.push(r.caseId);
      continue;
    }
    add(row, r.applicantType);
    add('三(七)', r.applicantType);
  }
  return { table, unclassified };
}

/**
 * The template's own rules (stated in its header): per column 一 + 二 = 三(七) + 四 and 三(七) = Σ 三(一…六);
 * the 总计 column is the sum of the six applicant columns. Returns the broken rules in Chinese.
 */
export function checkTable3(table: Table3): string[] {
  const problems: string[] = [];
  const outcomeRows = TABLE3_ROWS.map((r) => r.key).filter((k) => k.startsWith('三(') && k !== '三(七)');
  for (const column of TABLE3_COLUMNS) {
    const name = column === 'total' ? '总计' : APPLICANT_TYPES[column];
    const left = table['一'][column] + table['二'][column];
    const right = table['三(七)'][column] + table['四'][column];
    if (left !== right) problems.push(`“${name}”列：本年新收 + 上年结转（${left}）≠ 办理结果总计 + 结转下年度（${right}）`);
    const sum = outcomeRows.reduce((acc, row) => acc + table[row][column], 0);
    if (sum !== table['三(七)'][column]) problems.push(`“${name}”列：办理结果各项之和（${sum}）≠ 总计（${table['三(七)'][column]}）`);
  }
  for (const row of TABLE3_ROWS) {
    const sum = TABLE3_COLUMNS.filter((c) => c !== 'total').reduce((acc, c) => acc + table[row.key][c], 0);
    if (sum !== table[row.key].total) problems.push(`“${row.label}”行：各类申请人之和（${sum}）≠ 总计（${table[row.key].total}）`);
  }
  return problems;
}
