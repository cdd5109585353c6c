import { countCases, countCasesBy, sumCaseData } from '../../platform/indicators/case-counts.ts';
import { defineIndicator, percent, type IndicatorQuery } from '../../platform/indicators/registry.ts';
import { SUCCESS_RATE_BASE } from './settings.ts';

const P = 'mediation';
const GROUP = '人民调解';
/** Mediation figures follow the cohort of disputes received in the period (how county ledgers count them). */
const cohort = (facet: string[] = []) => ({ opened: true, facet });
const records = (q: IndicatorQuery, facet?: string) => ({ procedure: P, filter: { openedFrom: q.from, openedTo: q.to, ...(facet ? { facet } : {}) } });

defineIndicator({
  id: 'mediation.handled', title: '调处矛盾纠纷', unit: '件', group: GROUP, isEnterable: true,
  description: '期间内登记并受理调解的纠纷（不含不予调解的）。',
  compute: async (q) => ({ value: await countCases(q, P, cohort(['handled:yes'])), records: records(q, 'handled:yes') }),
});

defineIndicator({
  id: 'mediation.successful', title: '调解成功', unit: '件', group: GROUP, isEnterable: true,
  description: '期间内受理的纠纷中达成调解协议（书面或口头）的。',
  compute: async (q) => ({ value: await countCases(q, P, cohort(['outcome:agreed'])), records: records(q, 'outcome:agreed') }),
});

defineIndicator({
  id: 'mediation.successRate', title: '调解成功率', unit: '%', group: GROUP,
  description: '调解成功 ÷ 调解结案（达成协议或调解不成），四舍五入保留一位小数；分母可在参数设置中改为受理调处数。',
  compute: async (q) => {
    const base = await q.setting<'concluded' | 'handled'>(SUCCESS_RATE_BASE.key);
    const numerator = await countCases(q, P, cohort(['outcome:agreed']));
    const denominator = await countCases(q, P, cohort([base === 'handled' ? 'handled:yes' : 'concluded:yes']));
    return { value: percent(numerator, denominator), numerator, denominator, records: records(q, 'outcome:agreed') };
  },
});

defineIndicator({
  id: 'mediation.agreementAmount', title: '调解协议涉及金额', unit: '万元', group: GROUP,
  description: '期间内受理、达成协议的纠纷的协议金额合计。',
  compute: async (q) => {
    const total = await sumCaseData(q, P, cohort(['outcome:agreed']), ['agreement', 'agreementAmount']);
    return { value: Math.round(total / 100) / 100, records: records(q, 'outcome:agreed') };
  },
});

defineIndicator({
  id: 'mediation.performanceRate', title: '调解协议履行率', unit: '%', group: GROUP,
  description: '达成协议的纠纷中已记录“履行”的比例（部分履行、未履行和未记录的不计入分子）。',
  compute: async (q) => {
    const numerator = await countCases(q, P, cohort(['outcome:agreed', 'performance:performed']));
    const denominator = await countCases(q, P, cohort(['outcome:agreed']));
    return { value: percent(numerator, denominator), numerator, denominator, records: records(q, 'performance:performed') };
  },
});

for (const [id, title, facet, description] of [
  ['mediation.judicialConfirmations', '调解协议经司法确认', 'confirmation:confirmed', '人民法院裁定确认调解协议有效的（人民调解法第三十三条）。'],
  ['mediation.groupDisputes', '群体性纠纷', 'group:yes', '涉及人数达到参数“群体性纠纷人数标准”的纠纷。'],
  ['mediation.escalated', '调解不成后激化的纠纷', 'escalated:yes', '调解不成且记录为转为信访、诉讼、群体性事件或刑事案件的纠纷。'],
] as const) {
  defineIndicator({
    id, title, unit: '件', group: GROUP, description: `期间内受理的纠纷中${description}`,
    compute: async (q) => ({ value: await countCases(q, P, cohort([facet])), records: records(q, facet) }),
  });
}

/**
 * Handled disputes broken down by a facet or by organisation: counted by the database, then grouped (an
 * organisation into its township, say) and labelled. Cases without the facet count as 未填.
 */
async function breakdown(q: IndicatorQuery, by: { facet: string } | 'org_id', labelOf: (key: string) => Promise<string> | string, groupOf: (key: string) => string = (key) => key) {
  const counts = await countCasesBy(q, P, cohort(['handled:yes']), by);
  const grouped = new Map<string, number>();
  for (const [key, value] of counts) grouped.set(groupOf(key), (grouped.get(groupOf(key)) ?? 0) + value);
  const items = [];
  let total = 0;
  for (const [key, value] of grouped) {
    items.push({ label: key === '' ? '未填' : await labelOf(key), value });
    total += value;
  }
  return { value: total, breakdown: items.sort((a, b) => b.value - a.value), records: records(q, 'handled:yes') };
}

const dictLabel = (q: IndicatorQuery, type: string) => async (code: string) =>
  (await q.db.selectFrom('dict_item').select('label').where('type_code', '=', type).where('code', '=', code).executeTakeFirst())?.label ?? code;

defineIndicator({
  id: 'mediation.byCategory', title: '调处纠纷（按类别）', unit: '件', group: GROUP, description: '期间内受理调处的纠纷按纠纷类别分组。',
  compute: (q) => breakdown(q, { facet: 'category' }, dictLabel(q, 'dispute_category')),
});

defineIndicator({
  id: 'mediation.bySource', title: '调处纠纷（按来源）', unit: '件', group: GROUP, description: '期间内受理调处的纠纷按来源分组（当事人申请、网格上报、法院委派等）。',
  compute: (q) => breakdown(q, { facet: 'source' }, dictLabel(q, 'mediation_source')),
});

defineIndicator({
  id: 'mediation.byOrganisation', title: '调处纠纷（按调委会所属乡镇或部门）', unit: '件', group: GROUP,
  description: '期间内受理调处的纠纷按办理机构所在的乡镇（街道）或部门分组。',
  compute: async (q) => {
    const orgs = await q.db.selectFrom('organization').select(['id', 'name', 'kind', 'path']).execute();
    const byId = new Map(orgs.map((o) => [o.id, o]));
    // The township (or else the department) an organisation sits in, read from its materialised path.
    const unitOf = (orgId: number) => {
      const ancestors = (byId.get(orgId)?.path ?? '').split('/').filter(Boolean).map(Number).map((id) => byId.get(id));
      const unit = ancestors.find((o) => o?.kind === 'township') ?? ancestors.find((o) => o?.kind === 'department') ?? byId.get(orgId);
      return String(unit?.id ?? orgId);
    };
    return breakdown(q, 'org_id', (id) => byId.get(Number(id))?.name ?? id, (orgId) => unitOf(Number(orgId)));
  },
});

defineIndicator({
  id: 'mediation.byCommittee', title: '调处纠纷（按调委会）', unit: '件', group: GROUP,
  description: '期间内受理调处的纠纷按办理的人民调解委员会（案件的办理机构）排名。',
  compute: async (q) => {
    const names = new Map((await q.db.selectFrom('organization').select(['id', 'name']).execute()).map((o) => [String(o.id), o.name]));
    return breakdown(q, 'org_id', (id) => names.get(id) ?? id);
  },
});
