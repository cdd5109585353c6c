import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry.ts';
import { countCases, listCaseRows } from '../../platform/indicators/case-counts.ts';
import { defineIndicator, percent, type IndicatorQuery } from '../../platform/indicators/registry.ts';
import { DECISIONS, type DecisionKind } from './schemas.ts';

const P = 'reconsideration';
const GROUP = '行政复议';
const LOCAL_BASIS = '本地口径（行政复议法未规定纠错率的计算方法，见 DOMAIN.md §2）';
const DECISION_KEYS = Object.keys(DECISIONS) as [DecisionKind, ...DecisionKind[]];

export const CORRECTION_DECISIONS = defineSetting({
  key: 'reconsideration.correctionDecisions',
  title: '计入纠错的复议决定类型',
  group: '行政复议',
  schema: z.array(z.enum(DECISION_KEYS)).min(1),
  defaultValue: DECISION_KEYS.filter((k) => DECISIONS[k].isCorrection),
  basis: LOCAL_BASIS,
  description: '纠错率 =（所选决定类型的案件数）÷ 审结数。默认：变更、撤销、确认违法、责令履行、确认无效。',
});

export const CORRECTION_INCLUDES_MEDIATION = defineSetting({
  key: 'reconsideration.correctionIncludesMediation',
  title: '调解结案计入纠错（综合纠错率）',
  group: '行政复议',
  schema: z.boolean(),
  defaultValue: false,
  basis: LOCAL_BASIS,
  description: '部分地方将经调解、和解使行政行为得到变更的案件计入“综合纠错率”。',
});

/** Concluded (审结) = accepted cases that ended by decision, mediation or termination in the period. */
const CONCLUDED = { facet: ['concluded:yes'] };

defineIndicator({
  id: 'reconsideration.received', title: '收到行政复议申请', unit: '件', group: GROUP,
  description: '期间内登记收件的行政复议申请（按收件日期）。',
  compute: async (q) => ({ value: await countCases(q, P, { opened: true }), records: { procedure: P, filter: { openedFrom: q.from, openedTo: q.to } } }),
});

defineIndicator({
  id: 'reconsideration.accepted', title: '受理行政复议案件', unit: '件', group: GROUP,
  description: '期间内收件并已受理的行政复议案件（按收件日期）。',
  compute: async (q) => ({ value: await countCases(q, P, { opened: true, facet: ['accepted:yes'] }), records: { procedure: P, filter: { openedFrom: q.from, openedTo: q.to, facet: 'accepted:yes' } } }),
});

defineIndicator({
  id: 'reconsideration.fromPetitions', title: '信访转入行政复议案件', unit: '件', group: GROUP,
  description: '期间内收件、收件渠道为“信访转入”的行政复议申请。',
  compute: async (q) => ({ value: await countCases(q, P, { opened: true, facet: ['channel:petition'] }), records: { procedure: P, filter: { openedFrom: q.from, openedTo: q.to, facet: 'channel:petition' } } }),
});

defineIndicator({
  id: 'reconsideration.concluded', title: '审结行政复议案件', unit: '件', group: GROUP,
  description: '期间内以决定、调解或终止审结的已受理案件（按结案日期）。',
  compute: async (q) => ({ value: await countCases(q, P, { closed: true, ...CONCLUDED }), records: { procedure: P, filter: { closedFrom: q.from, closedTo: q.to, facet: 'concluded:yes' } } }),
});

for (const kind of DECISION_KEYS) {
  defineIndicator({
    id: `reconsideration.decision.${kind}`, title: `复议决定：${DECISIONS[kind].title}`, unit: '件', group: GROUP,
    description: `期间内作出“${DECISIONS[kind].title}”决定（${DECISIONS[kind].basis}）的案件。`,
    compute: async (q) => ({ value: await countCases(q, P, { closed: true, facet: [`decision:${kind}`] }), records: { procedure: P, filter: { closedFrom: q.from, closedTo: q.to, facet: `decision:${kind}` } } }),
  });
}

defineIndicator({
  id: 'reconsideration.corrected', title: '纠错案件', unit: '件', group: GROUP,
  description: '期间内审结、决定类型计入纠错的案件（类型见参数“计入纠错的复议决定类型”；可含调解）。',
  compute: async (q) => ({ value: await correctedCount(q) }),
});

defineIndicator({
  id: 'reconsideration.correctionRate', title: '行政复议纠错率', unit: '%', group: GROUP,
  description: '纠错案件 ÷ 审结案件 × 100%，四舍五入保留一位小数。口径可在参数设置中调整。',
  compute: async (q) => {
    const numerator = await correctedCount(q);
    const denominator = await countCases(q, P, { closed: true, ...CONCLUDED });
    return { value: percent(numerator, denominator), numerator, denominator, records: { procedure: P, filter: { closedFrom: q.from, closedTo: q.to, facet: 'concluded:yes' } } };
  },
});

defineIndicator({
  id: 'reconsideration.onTimeRate', title: '行政复议按期审结率', unit: '%', group: GROUP,
  description: '审结案件中在审理期限（第六十二条，含依法延长）内审结的比例。',
  compute: async (q) => {
    const rows = await listCaseRows(q, P, { closed: true, ...CONCLUDED });
    const dues = rows.length ? await q.db.selectFrom('case_clock').select(['case_id', 'due_on']).where('clock_key', '=', 'decision').where('case_id', 'in', rows.map((r) => r.id)).execute() : [];
    const dueOf = new Map(dues.map((d) => [d.case_id, d.due_on]));
    const onTime = rows.filter((r) => !dueOf.get(r.id) || (r.closed_on ?? '') <= (dueOf.get(r.id) ?? '')).length;
    return { value: percent(onTime, rows.length), numerator: onTime, denominator: rows.length };
  },
});

defineIndicator({
  id: 'reconsideration.byRespondent', title: '按被申请人统计的行政复议申请', unit: '件', group: GROUP,
  description: '期间内收件的申请按被申请人（行政机关）分组。',
  compute: async (q) => {
    const rows = await listCaseRows(q, P, { opened: true });
    const counts = new Map<string, number>();
    for (const row of rows) {
      const name = String((JSON.parse(row.data_json) as { respondentName?: string }).respondentName ?? '未知');
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return { value: rows.length, breakdown: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([label, value]) => ({ label, value })) };
  },
});

defineIndicator({
  id: 'reconsideration.opinionLetters', title: '制发行政复议意见书', unit: '份', group: GROUP,
  description: '期间内制发的行政复议意见书（第七十六条），按制发日期；含向被申请人以外的行政机关制发的。',
  compute: async (q) => {
    let value = 0;
    // Cases carry the year of their letter as a facet; the issue date decides within the year.
    for (let year = Number(q.from.slice(0, 4)); year <= Number(q.to.slice(0, 4)); year++) {
      for (const row of await listCaseRows(q, P, { facet: [`opinionLetterYear:${year}`] })) {
        const issuedOn = (JSON.parse(row.data_json) as { opinionLetter?: { issuedOn?: string } }).opinionLetter?.issuedOn ?? '';
        if (issuedOn >= q.from && issuedOn <= q.to) value += 1;
      }
    }
    return { value, records: { procedure: P, filter: { facet: `opinionLetterYear:${q.from.slice(0, 4)}` } } };
  },
});

async function correctedCount(q: IndicatorQuery): Promise<number> {
  const kinds = await q.setting<DecisionKind[]>(CORRECTION_DECISIONS.key);
  const includesMediation = await q.setting<boolean>(CORRECTION_INCLUDES_MEDIATION.key);
  let total = 0;
  for (const kind of kinds) total += await countCases(q, P, { closed: true, facet: [`decision:${kind}`] });
  if (includesMediation) total += await countCases(q, P, { closed: true, facet: ['outcome:mediated'] });
  return total;
}
