import { lawReports, studySessions, trainings } from '../../procedures/leadership/registers.ts';
import { ZReportInput, ZStudyInput, ZTrainingInput } from '../../procedures/leadership/schemas.ts';
import { createRecord } from '../../procedures/leadership/store.ts';
import { orgId, scopeOf, type FixtureContext } from './context.ts';
import { personName, pick } from './names.ts';
import { orgCode, ROOT_CODE, TOWNSHIPS } from './org-tree.ts';

/**
 * 法治建设第一责任人 registers, 2024. Report: “县政府常务会议会前学法17次，系统学习了统计、食品安全、公共法律服务等方面的
 * 法律法规”, “全县129名各级党政主要负责人进行了现场述法或书面述法”, “行政执法人员培训50余场次” (53 here).
 */
const STUDIES: [topics: string, laws: string[]][] = [
  ['统计法律法规', ['中华人民共和国统计法', '中华人民共和国统计法实施条例']],
  ['食品安全法律法规', ['中华人民共和国食品安全法']],
  ['公共法律服务法律法规', ['中华人民共和国法律援助法', '中华人民共和国公证法']],
  ['宪法', ['中华人民共和国宪法']],
  ['修订后的行政复议法', ['中华人民共和国行政复议法']],
  ['安全生产法律法规', ['中华人民共和国安全生产法']],
  ['优化营商环境法规', ['优化营商环境条例', '四川省优化营商环境条例']],
  ['民法典合同编', ['中华人民共和国民法典']],
  ['修订后的保守国家秘密法', ['中华人民共和国保守国家秘密法']],
  ['土地管理法律法规', ['中华人民共和国土地管理法', '中华人民共和国土地管理法实施条例']],
  ['生态环境保护法律法规', ['中华人民共和国环境保护法']],
  ['统计造假弄虚作假责任追究规定', ['中华人民共和国统计法']],
  ['农村集体经济组织法', ['中华人民共和国农村集体经济组织法']],
  ['食品安全事故处置', ['中华人民共和国食品安全法实施条例']],
  ['信访工作法规', ['信访工作条例']],
  ['消防法律法规', ['中华人民共和国消防法']],
  ['公共法律服务体系建设', ['中华人民共和国人民调解法']],
];

const REPORTS_ON_SITE = 36;
const REPORTS_WRITTEN = 93;
const ENFORCEMENT_TRAININGS = 53;

const TRAINING_ORGS = ['justice', 'market', 'natres', 'police', 'transport', 'eco', 'hrss', 'housing', 'health', 'agri', 'culture', 'commerce', 'weather'];

export async function loadLeadership(ctx: FixtureContext): Promise<{ studySessions: number; lawReports: number; enforcementTrainings: number }> {
  const { platform, staff, dates } = ctx;
  const scope = await scopeOf(ctx, staff, 'leadership.manage');
  const government = orgId(ctx, ROOT_CODE);
  for (const [i, heldOn] of dates.spread(STUDIES.length, '2024-01-10', '2024-12-20').entries()) {
    const [topics, laws] = STUDIES[i];
    await createRecord(platform, staff.actor, studySessions, scope, ZStudyInput.parse({
      orgId: government, heldOn, meeting: `县人民政府第${52 + i}次常务会议`, topics: `会前学法：${topics}`, laws, presenter: i % 3 === 0 ? '县司法局负责同志' : null,
    }));
  }
  // 各级党政主要负责人: the heads of the departments and the 党委书记 and 镇长/主任 of each township.
  const units = [
    ...['gov-office', 'justice', 'drc', 'approval', 'market', 'commerce', 'weather', 'natres', 'audit', 'police', 'finance', 'hrss', 'housing', 'transport', 'eco', 'health', 'edu', 'agri', 'culture', 'stats', 'petition']
      .map((code) => ({ org: orgCode(code), positions: ['党组书记、局长'] })),
    ...TOWNSHIPS.map(([code, name]) => ({ org: orgCode(code), positions: name.endsWith('街道') ? ['党工委书记', '办事处主任'] : ['党委书记', '镇长'] })),
  ];
  const onSiteOn = dates.workday('2024-12-19');
  const writtenOn = dates.spread(REPORTS_WRITTEN, '2024-11-25', '2024-12-27');
  for (let i = 0; i < REPORTS_ON_SITE + REPORTS_WRITTEN; i++) {
    const unit = pick(units, i);
    const isOnSite = i < REPORTS_ON_SITE;
    await createRecord(platform, staff.actor, lawReports, scope, ZReportInput.parse({
      orgId: orgId(ctx, unit.org), heldOn: isOnSite ? onSiteOn : writtenOn[i - REPORTS_ON_SITE], leaderName: personName(2000 + i),
      position: pick(unit.positions, Math.floor(i / units.length)), form: isOnSite ? 'on_site' : 'written',
      occasion: isOnSite ? '2024年度党政主要负责人述法评议会' : '2024年度书面述法', comments: isOnSite ? '履职情况较好，需进一步加强行政执法监督。' : null,
    }));
  }
  for (const [i, heldOn] of dates.spread(ENFORCEMENT_TRAININGS, '2024-02-26', '2024-12-13').entries()) {
    const org = pick(TRAINING_ORGS, i);
    await createRecord(platform, staff.actor, trainings, scope, ZTrainingInput.parse({
      orgId: orgId(ctx, orgCode(org)), heldOn, title: i % 4 === 0 ? '行政执法人员法律知识培训（巡回讲师团授课）' : '行政执法规范化专题培训', audience: 'enforcement_officers',
      hours: 3 + (i % 4), participantCount: 30 + ((i * 17) % 90), organiser: i % 4 === 0 ? '县司法局' : '本单位',
    }));
  }
  return { studySessions: STUDIES.length, lawReports: REPORTS_ON_SITE + REPORTS_WRITTEN, enforcementTrainings: ENFORCEMENT_TRAININGS };
}
