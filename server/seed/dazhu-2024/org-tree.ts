import type { OrgKind } from '../../db/schema.ts';

/**
 * 大竹县 as the fixture builds it: the county government, the departments its 2024 report names (and those its
 * cases need), and eight townships (街道) each with a 司法所 guiding the township's 人民调解委员会 (人民调解法第五条),
 * laid out like the demo county (server/seed/demo-county.ts). Codes start with `dazhu` so the fixture never
 * collides with the demo county in the same installation.
 */
export type OrgSeed = { code: string; name: string; kind: OrgKind; short?: string; children?: OrgSeed[] };

export const ROOT_CODE = 'dazhu';

const dept = (code: string, name: string, short: string, children?: OrgSeed[]): OrgSeed => ({ code: `${ROOT_CODE}.${code}`, name, kind: 'department', short, children });

export const TOWNSHIPS = [
  ['zhuyang', '竹阳街道'], ['dongliu', '东柳街道'], ['baita', '白塔街道'], ['miaoba', '庙坝镇'],
  ['shihe', '石河镇'], ['yangjia', '杨家镇'], ['qinghe', '清河镇'], ['guanyin', '观音镇'],
] as const;

export type TownshipCode = (typeof TOWNSHIPS)[number][0];

const township = (code: string, name: string): OrgSeed => ({
  code: `${ROOT_CODE}.${code}`, name, kind: 'township', short: name,
  children: [{
    code: `${ROOT_CODE}.${code}.sfs`, name: `${name}司法所`, kind: 'office',
    // The 机关简称 of the committee's case numbers: 竹阳街道调〔2024〕12号.
    children: [{ code: `${ROOT_CODE}.${code}.twh`, name: `${name}人民调解委员会`, kind: 'committee', short: name }],
  }],
});

export const DAZHU_TREE: OrgSeed = {
  code: ROOT_CODE, name: '大竹县人民政府', kind: 'government', short: '竹府',
  children: [
    dept('gov-office', '县人民政府办公室', '竹府办'),
    dept('justice', '县司法局', '竹司', [
      { code: `${ROOT_CODE}.justice.office`, name: '办公室', kind: 'office' },
      { code: `${ROOT_CODE}.justice.xzfy`, name: '行政复议与应诉股', kind: 'office' },
      { code: `${ROOT_CODE}.justice.fzdc`, name: '法治督察与执法监督股', kind: 'office' },
      { code: `${ROOT_CODE}.justice.hfsc`, name: '合法性审查与备案股', kind: 'office' },
      { code: `${ROOT_CODE}.justice.rmtj`, name: '人民参与和促进法治股', kind: 'office' },
      { code: `${ROOT_CODE}.justice.sqjz`, name: '社区矫正股', kind: 'office' },
    ]),
    dept('drc', '县发展和改革局', '竹发改'),
    dept('approval', '县行政审批局', '竹审批'),
    dept('market', '县市场监督管理局', '竹市监'),
    dept('commerce', '县商务局', '竹商务'),
    dept('weather', '县气象局', '竹气象'),
    dept('natres', '县自然资源局', '竹自然资'),
    dept('audit', '县审计局', '竹审'),
    dept('police', '县公安局', '竹公'),
    dept('finance', '县财政局', '竹财'),
    dept('hrss', '县人力资源和社会保障局', '竹人社'),
    dept('housing', '县住房和城乡建设局', '竹住建'),
    dept('transport', '县交通运输局', '竹交'),
    dept('eco', '县生态环境局', '竹环'),
    dept('health', '县卫生健康局', '竹卫健'),
    dept('edu', '县教育科技局', '竹教科'),
    dept('agri', '县农业农村局', '竹农'),
    dept('culture', '县文化广播电视和旅游局', '竹文旅'),
    dept('stats', '县统计局', '竹统'),
    dept('petition', '县信访局', '竹信'),
    ...TOWNSHIPS.map(([code, name]) => township(code, name)),
  ],
};

export const orgCode = (code: string) => `${ROOT_CODE}.${code}`;
