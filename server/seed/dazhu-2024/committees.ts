import { addDays } from '../../platform/calendar/dates.ts';
import { appendAudit } from '../../platform/audit/append.ts';
import { inTransaction } from '../../platform/context.ts';
import { insertOrg } from '../../platform/orgs/service.ts';
import { createCommittee } from '../../procedures/mediation/registers/committees.ts';
import { ZCommitteeInput } from '../../procedures/mediation/registers/schemas.ts';
import { orgId, scopeOf, type FixtureContext } from './context.ts';
import { personName } from './names.ts';
import { orgCode, TOWNSHIPS } from './org-tree.ts';

/**
 * 行业性专业性人民调解委员会 (人民调解法第三十四条). The report: “创新设立大竹县网格矛盾纠纷人民调解委员会、金融纠纷调解中心，
 * 行业性专业性调委会达17个” — the two new bodies are counted among the 17. Each gets its own node in the organisation
 * tree under the department that set it up, so its cases and ledgers have a handling organisation.
 * [code suffix, name, parent department, mediation_field, dispute category of most of its cases, established]
 */
export const INDUSTRY_COMMITTEES = [
  ['grid', '大竹县网格矛盾纠纷人民调解委员会', 'justice', 'other', null, '2024-03-18'],
  ['finance', '大竹县金融纠纷调解中心', 'finance', 'finance', 'finance', '2024-05-20'],
  ['medical', '大竹县医疗纠纷人民调解委员会', 'health', 'medical', 'medical', '2016-06-01'],
  ['traffic', '大竹县道路交通事故纠纷人民调解委员会', 'police', 'traffic', 'traffic', '2015-09-01'],
  ['labour', '大竹县劳动争议人民调解委员会', 'hrss', 'labour', 'labour', '2017-03-01'],
  ['property', '大竹县物业纠纷人民调解委员会', 'housing', 'property_management', 'property_management', '2019-04-01'],
  ['family', '大竹县婚姻家庭纠纷人民调解委员会', 'justice', 'marriage_family', 'marriage_family', '2018-03-08'],
  ['consumer', '大竹县消费纠纷人民调解委员会', 'market', 'consumer', 'contract', '2020-03-15'],
  ['construction', '大竹县建设工程纠纷人民调解委员会', 'housing', 'construction', 'contract', '2021-05-01'],
  ['environment', '大竹县环境污染纠纷人民调解委员会', 'eco', 'environment', 'environment', '2021-06-05'],
  ['land', '大竹县征地拆迁纠纷人民调解委员会', 'natres', 'land_acquisition', 'land_acquisition', '2019-08-01'],
  ['tourism', '大竹县旅游纠纷人民调解委员会', 'culture', 'tourism', 'contract', '2022-07-01'],
  ['ip', '大竹县知识产权纠纷人民调解委员会', 'market', 'intellectual_property', 'business', '2023-04-26'],
  ['campus', '大竹县校园纠纷人民调解委员会', 'edu', 'campus', 'damages', '2020-09-01'],
  ['rural-land', '大竹县农村土地承包经营纠纷人民调解委员会', 'agri', 'other', 'forest_land', '2018-10-01'],
  ['commerce', '大竹县商事纠纷人民调解委员会', 'commerce', 'other', 'business', '2022-11-01'],
  ['court', '大竹县人民法院诉前人民调解委员会', 'justice', 'other', null, '2021-01-01'],
] as const;

export type IndustryKey = (typeof INDUSTRY_COMMITTEES)[number][0];
export const industryOrgCode = (key: string) => orgCode(`twh.${key}`);
export const townshipCommitteeCode = (township: string) => orgCode(`${township}.twh`);

/** Three to five members, a woman among them, one director, a three-year term (第八条、第九条). */
function members(seed: number, termStart = '2024-01-01') {
  const count = 3 + (seed % 3);
  const termEnd = addDays(`${Number(termStart.slice(0, 4)) + 3}${termStart.slice(4)}`, -1);
  return Array.from({ length: count }, (_, i) => ({
    name: personName(seed * 11 + i), gender: (i + seed) % 2 === 0 ? 'female' : 'male', role: i === 0 ? 'director' : i === 1 ? 'deputy' : 'member',
    termStart, termEnd,
  }));
}

/** Registers the 8 township committees and the 17 industry committees through the register service. */
export async function registerCommittees(ctx: FixtureContext): Promise<void> {
  const { platform, staff } = ctx;
  const scope = await scopeOf(ctx, staff, 'mediation.manage');
  for (const [i, [code, name]] of TOWNSHIPS.entries()) {
    // The township committee's node already exists under its 司法所 (org-tree.ts); the register links to it.
    await createCommittee(platform, staff.actor, scope, ZCommitteeInput.parse({
      name: `${name}人民调解委员会`, kind: 'township', parentOrgId: orgId(ctx, orgCode(code)), orgId: orgId(ctx, townshipCommitteeCode(code)),
      establishedOn: '2011-06-01', members: members(i),
    }));
  }
  const guide = orgId(ctx, orgCode('justice.rmtj'));
  for (const [i, [key, name, parent, field, , establishedOn]] of INDUSTRY_COMMITTEES.entries()) {
    const parentId = orgId(ctx, orgCode(parent));
    const committeeOrgId = await inTransaction(platform, async (trx) => {
      // Its short name heads its case numbers: 医疗纠纷调〔2024〕12号.
      const shortName = name.replace(/^大竹县/, '').replace(/(人民调解委员会|调解中心)$/, '');
      const input = { parentId, name, shortName, kind: 'committee' as const, code: industryOrgCode(key), sort: i };
      const id = await insertOrg(trx, input);
      await appendAudit(trx, platform.dialect, staff.actor, { action: 'org.create', targetType: 'organization', targetId: id, after: input });
      return id;
    });
    ctx.orgs.set(industryOrgCode(key), committeeOrgId);
    await createCommittee(platform, staff.actor, scope, ZCommitteeInput.parse({
      name, kind: 'industry', field, parentOrgId: parentId, orgId: committeeOrgId, guideOrgId: guide, establishedOn, members: members(TOWNSHIPS.length + i, establishedOn > '2024-01-01' ? establishedOn : '2024-01-01'),
      remark: key === 'grid' || key === 'finance' ? '2024年新设立' : undefined,
    }));
  }
}
