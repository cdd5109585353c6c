import { defineIndicator, type IndicatorQuery, type IndicatorUnit } from '../../platform/indicators/registry.ts';
import type { LeadershipTables } from '../../db/schema-leadership.ts';
import { GROUP } from './vocabulary.ts';

/**
 * Figures of the annual report's part on 党政主要负责人履行推进法治建设第一责任人职责 (DOMAIN.md §9, item 3), counted
 * from the four registers: records in force (not voided) whose legal date falls in the period and whose organisation
 * is in scope. Each links to the register's list with the same period and filters. Until an organisation keeps
 * records, departments may enter (填报) the figure; once records exist the computed figure wins.
 */
type Table = keyof LeadershipTables;
type Filter = { column: 'form' | 'audience'; value: string };

function records(q: IndicatorQuery, table: Table) {
  let query = q.db.selectFrom(table).where('is_voided', '=', 0).where('held_on', '>=', q.from).where('held_on', '<=', q.to);
  if (q.orgIds) query = query.where('org_id', 'in', q.orgIds.length ? q.orgIds : [-1]);
  return query;
}

async function count(q: IndicatorQuery, table: Table, filter?: Filter): Promise<number> {
  let query = records(q, table);
  // form exists on 述法 records, audience on 培训 records; the ids below pair each filter with its table.
  if (filter) query = query.where(filter.column, '=', filter.value);
  const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function sum(q: IndicatorQuery, table: Table, column: 'sworn_count' | 'participant_count'): Promise<number> {
  const row = await records(q, table).select((eb) => eb.fn.sum<number | string | null>(column).as('n')).executeTakeFirstOrThrow();
  return Number(row.n ?? 0);
}

const REGISTER_OF: Record<Table, string> = {
  leader_study_session: 'leadership/study-sessions',
  leader_law_report: 'leadership/law-reports',
  constitution_oath: 'leadership/oaths',
  law_training: 'leadership/trainings',
};

const link = (q: IndicatorQuery, table: Table, filter?: Filter) => ({
  register: REGISTER_OF[table],
  filter: { from: q.from, to: q.to, ...(filter ? { [filter.column]: filter.value } : {}) },
});

/** A figure counts records, or sums a number column of them (宣誓人数, 参训人数). */
type FigureSpec = {
  id: string; title: string; unit: IndicatorUnit; description: string; table: Table; filter?: Filter;
  sumOf?: 'sworn_count' | 'participant_count';
};

const FIGURES: FigureSpec[] = [
  { id: 'leadership.preMeetingStudy', title: '会前学法', unit: '次', table: 'leader_study_session',
    description: '期间内政府常务会议等会议会前学法的次数（会前学法记录，不含已作废的）。' },
  { id: 'leadership.lawReports', title: '述法', unit: '人', table: 'leader_law_report',
    description: '期间内进行现场述法或书面述法的党政主要负责人人数（每条述法记录计一人）。' },
  { id: 'leadership.lawReportsOnSite', title: '现场述法', unit: '人', table: 'leader_law_report', filter: { column: 'form', value: 'on_site' },
    description: '期间内述法记录中形式为“现场述法”的人数。' },
  { id: 'leadership.oathCeremonies', title: '宪法宣誓', unit: '次', table: 'constitution_oath',
    description: '期间内组织宪法宣誓仪式的次数（全国人民代表大会常务委员会关于实行宪法宣誓制度的决定）。' },
  { id: 'leadership.oathPersons', title: '宪法宣誓人数', unit: '人', table: 'constitution_oath', sumOf: 'sworn_count',
    description: '期间内宪法宣誓仪式的宣誓人数合计。' },
  { id: 'leadership.trainings', title: '法治培训', unit: '次', table: 'law_training',
    description: '期间内举办的学法培训场次（领导干部、行政执法人员、公职人员等）。' },
  { id: 'leadership.trainingParticipants', title: '参训', unit: '人', table: 'law_training', sumOf: 'participant_count',
    description: '期间内学法培训的参训人数合计（人次，按每场培训登记的参训人数相加）。' },
  { id: 'leadership.enforcementTrainings', title: '行政执法人员培训', unit: '次', table: 'law_training', filter: { column: 'audience', value: 'enforcement_officers' },
    description: '期间内培训对象为行政执法人员的学法培训场次。' },
];

for (const spec of FIGURES) {
  defineIndicator({
    id: spec.id, title: spec.title, unit: spec.unit, group: GROUP, description: spec.description, isEnterable: true,
    compute: async (q) => ({
      value: spec.sumOf ? await sum(q, spec.table, spec.sumOf) : await count(q, spec.table, spec.filter),
      records: link(q, spec.table, spec.filter),
    }),
  });
}
