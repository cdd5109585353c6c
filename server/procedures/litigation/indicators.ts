import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry.ts';
import { countCases } from '../../platform/indicators/case-counts.ts';
import { defineIndicator, percent, type IndicatorQuery } from '../../platform/indicators/registry.ts';
import { INSTANCES } from './schemas.ts';

const P = 'litigation';
const GROUP = '行政应诉';

export const LOSS_RATE_BASE = defineSetting({
  key: 'litigation.lossRateBase',
  title: '败诉率、胜诉率的分母',
  group: '行政应诉',
  schema: z.enum(['concluded', 'judged']),
  defaultValue: 'concluded',
  basis: '本地口径（法律未规定败诉率的计算方法，见 DOMAIN.md §3）',
  description: 'concluded：本期审结（上诉、撤诉、生效结案）的案件；judged：本期审结且有判决或终审裁判的案件。',
});

const concluded = (facet: string[] = []) => ({ closed: true, facet: ['concluded:yes', ...facet] });
const recordsOf = (q: { from: string; to: string }, facet: string | string[]) => ({ procedure: P, filter: { closedFrom: q.from, closedTo: q.to, facet } });

for (const [instance, title] of Object.entries(INSTANCES)) {
  defineIndicator({
    id: `litigation.received.${instance}`, title: `行政应诉案件（${title}）`, unit: '件', group: GROUP,
    description: `期间内收到起诉状副本（或上诉状、再审材料）登记的${title}案件。`,
    compute: async (q) => ({ value: await countCases(q, P, { opened: true, facet: [`instance:${instance}`] }), records: { procedure: P, filter: { openedFrom: q.from, openedTo: q.to, facet: `instance:${instance}` } } }),
  });
}

defineIndicator({
  id: 'litigation.concluded', title: '审结行政应诉案件', unit: '件', group: GROUP,
  description: '期间内本审级结束（上诉、撤诉、裁判生效）的案件。',
  compute: async (q) => ({ value: await countCases(q, P, concluded()), records: recordsOf(q, 'concluded:yes') }),
});

async function rate(q: IndicatorQuery, loss: 'yes' | 'no', only: string[] = []) {
  const base = await q.setting<'concluded' | 'judged'>(LOSS_RATE_BASE.key);
  const numerator = await countCases(q, P, concluded([`loss:${loss}`, ...only]));
  const denominator = await countCases(q, P, concluded([...(base === 'judged' ? ['judged:yes'] : []), ...only]));
  return { value: percent(numerator, denominator), numerator, denominator, records: recordsOf(q, [`loss:${loss}`, ...only]) };
}

defineIndicator({
  id: 'litigation.lossRate', title: '行政机关败诉率', unit: '%', group: GROUP,
  description: '判决撤销、确认违法或无效、责令履行、变更、赔偿的案件 ÷ 审结案件（分母可在参数设置中改为有裁判的案件）。',
  compute: (q) => rate(q, 'yes'),
});

defineIndicator({
  id: 'litigation.winRate', title: '行政机关胜诉率', unit: '%', group: GROUP,
  description: '判决驳回诉讼请求、终审维持或驳回起诉等未败诉的裁判 ÷ 同一分母。',
  compute: (q) => rate(q, 'no'),
});

defineIndicator({
  id: 'litigation.headAttendanceRate', title: '行政机关负责人出庭应诉率', unit: '%', group: GROUP,
  description: '开庭审理的案件中，行政机关负责人出庭的案件比例（行政诉讼法第三条第三款；按立案登记日期）。',
  compute: async (q) => {
    const numerator = await countCases(q, P, { opened: true, facet: ['headAttended:yes'] });
    const denominator = await countCases(q, P, { opened: true, facet: ['heard:yes'] });
    return { value: percent(numerator, denominator), numerator, denominator, records: { procedure: P, filter: { openedFrom: q.from, openedTo: q.to, facet: 'heard:yes' } } };
  },
});

/**
 * Annual reports state the cases of the government itself apart from those of its departments (以县政府为被告的
 * 行政应诉案件 / 县级行政部门行政应诉案件). The split is the defendant's kind in the organisation tree: 人民政府 or 部门;
 * cases against a 乡镇 or another body count in neither.
 */
const GOVERNMENT = 'defendantKind:government';
const DEPARTMENT = 'defendantKind:department';

for (const [instance, title] of Object.entries(INSTANCES)) {
  defineIndicator({
    id: `litigation.government.received.${instance}`, title: `以人民政府为被告的行政应诉案件（${title}）`, unit: '件', group: GROUP,
    description: `期间内登记的${title}案件中，被告为人民政府（组织机构类型“人民政府”）的。`,
    compute: async (q) => ({
      value: await countCases(q, P, { opened: true, facet: [`instance:${instance}`, GOVERNMENT] }),
      records: { procedure: P, filter: { openedFrom: q.from, openedTo: q.to, facet: [`instance:${instance}`, GOVERNMENT] } },
    }),
  });
}

defineIndicator({
  id: 'litigation.government.winRate', title: '以人民政府为被告的案件胜诉率', unit: '%', group: GROUP,
  description: '被告为人民政府的案件中未败诉的裁判 ÷ 审结案件（分母口径同“行政机关胜诉率”）。',
  compute: (q) => rate(q, 'no', [GOVERNMENT]),
});

defineIndicator({
  id: 'litigation.department.received', title: '以政府部门为被告的行政应诉案件', unit: '件', group: GROUP,
  description: '期间内登记的各审级案件中，被告为政府工作部门（组织机构类型“部门”，即县级行政部门）的。',
  compute: async (q) => ({ value: await countCases(q, P, { opened: true, facet: [DEPARTMENT] }), records: { procedure: P, filter: { openedFrom: q.from, openedTo: q.to, facet: DEPARTMENT } } }),
});
