import type { Table3Column, Table4Row } from '@/api/report-types.ts';

/**
 * The layout of 政府信息公开工作年度报告 tables 2–4 as the 国办公开办函〔2021〕30号 template prints them;
 * the figures come from GET /api/reports/disclosure.
 */

export const TABLE3_COLUMNS: { key: Table3Column; label: string }[] = [
  { key: 'natural_person', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'public_welfare', label: '社会公益组织' },
  { key: 'legal_service', label: '法律服务机构' },
  { key: 'other', label: '其他' },
  { key: 'total', label: '总计' },
];

const TOP: Record<string, string> = {
  一: '一、本年新收政府信息公开申请数量',
  二: '二、上年结转政府信息公开申请数量',
  三: '三、本年度办理结果',
  四: '四、结转下年度继续办理',
};

const MIDDLE: Record<string, string> = {
  一: '（一）予以公开',
  二: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  三: '（三）不予公开',
  四: '（四）无法提供',
  五: '（五）不予处理',
  六: '（六）其他处理',
  七: '（七）总计',
};

const SUB: Record<string, string[]> = {
  三: ['属于国家秘密', '其他法律行政法规禁止公开', '危及“三安全一稳定”', '保护第三方合法权益', '属于三类内部事务信息', '属于四类过程性信息', '属于行政执法案卷', '属于行政查询事项'],
  四: ['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确'],
  五: ['信访举报投诉类申请', '重复申请', '要求提供公开出版物', '无正当理由大量反复申请', '要求行政机关确认或重新出具已获取信息'],
  六: ['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '其他'],
};

export type LabelCell = { text: string; rowspan: number; colspan: number };

/** A row of table 3: its key (一, 二, 三(一) … 三(七), 四), the label cells it starts, and its full label. */
export type Table3Line = { key: string; cells: LabelCell[]; label: string };

type Parsed = { top: string; middle: string | null; sub: number | null };

function parse(key: string): Parsed {
  const match = /^(.)(?:\((.)\)(\d*))?$/.exec(key);
  if (!match) return { top: key, middle: null, sub: null };
  return { top: match[1], middle: match[2] ?? null, sub: match[3] ? Number(match[3]) : null };
}

function subLabel(p: Parsed): string {
  const text = p.middle && p.sub ? SUB[p.middle]?.[p.sub - 1] : undefined;
  return `${p.sub}.${text ?? ''}`;
}

/** The label cells with the template's row spans (三 spans its 23 rows; 不予公开 etc. span their items). */
export function table3Lines(keys: string[]): Table3Line[] {
  const parsed = keys.map(parse);
  const run = (from: number, same: (p: Parsed) => boolean) => {
    let n = 0;
    while (from + n < parsed.length && same(parsed[from + n])) n += 1;
    return n;
  };
  return parsed.map((p, i) => {
    const prev = parsed[i - 1];
    const topText = TOP[p.top] ?? keys[i];
    const cells: LabelCell[] = [];
    if (p.middle === null) {
      cells.push({ text: topText, rowspan: 1, colspan: 3 });
      return { key: keys[i], cells, label: topText };
    }
    if (!prev || prev.top !== p.top || prev.middle === null) cells.push({ text: topText, rowspan: run(i, (q) => q.top === p.top && q.middle !== null), colspan: 1 });
    const middleText = MIDDLE[p.middle] ?? p.middle;
    if (p.sub === null) {
      cells.push({ text: middleText, rowspan: 1, colspan: 2 });
      return { key: keys[i], cells, label: middleText };
    }
    if (!prev || prev.middle !== p.middle) cells.push({ text: middleText, rowspan: run(i, (q) => q.top === p.top && q.middle === p.middle), colspan: 1 });
    cells.push({ text: subLabel(p), rowspan: 1, colspan: 1 });
    return { key: keys[i], cells, label: `${middleText} ${subLabel(p)}` };
  });
}

/** Table 2 by the template's sections (政府信息公开条例第二十条各项); cells are indicator ids. */
export const TABLE2_SECTIONS: { title: string; headers: string[]; rows: { label: string; ids: string[] }[] }[] = [
  {
    title: '第二十条第（一）项',
    headers: ['本年制发件数', '本年废止件数', '现行有效件数'],
    rows: [
      { label: '规章', ids: ['disclosure.t2.rules.issued', 'disclosure.t2.rules.repealed', 'disclosure.t2.rules.inForce'] },
      { label: '行政规范性文件', ids: ['disclosure.t2.normative.issued', 'disclosure.t2.normative.repealed', 'disclosure.t2.normative.inForce'] },
    ],
  },
  { title: '第二十条第（五）项', headers: ['本年处理决定数量'], rows: [{ label: '行政许可', ids: ['disclosure.t2.licensing.decisions'] }] },
  {
    title: '第二十条第（六）项',
    headers: ['本年处理决定数量'],
    rows: [
      { label: '行政处罚', ids: ['disclosure.t2.penalty.decisions'] },
      { label: '行政强制', ids: ['disclosure.t2.coercion.decisions'] },
    ],
  },
  { title: '第二十条第（八）项', headers: ['本年收费金额（单位：万元）'], rows: [{ label: '行政事业性收费', ids: ['disclosure.t2.fees.amount'] }] },
];

export const TABLE4_COLUMNS: { key: keyof Table4Row; label: string }[] = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];

/** 2025-01-31 → 2025年1月31日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
