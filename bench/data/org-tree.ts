import type { OrgKind } from '../../server/db/schema.ts';
import { appendAudit } from '../../server/platform/audit/append.ts';
import { inTransaction, SYSTEM_ACTOR, type Platform } from '../../server/platform/context.ts';
import { insertOrg } from '../../server/platform/orgs/service.ts';
import { placeName } from './random.ts';

/** Every generated organisation's code starts with this; its presence marks a database holding generated data. */
export const BENCH_CODE_PREFIX = 'bench';
export const PROVINCE_CODE = 'bench-province';
/** The committee the benchmarks write into (actions, the import), outside every generated county. */
export const LAB_CODE = 'bench-lab';

/** The demo county's departments (server/seed/demo-county.ts), by code suffix, name and 简称 suffix. */
const DEPARTMENTS: [string, string, string][] = [
  ['gov-office', '人民政府办公室', '府办'], ['justice', '司法局', '司'], ['market', '市场监督管理局', '市监'], ['natres', '自然资源局', '自然资'],
  ['eco', '生态环境局', '环'], ['edu', '教育局', '教'], ['hrss', '人力资源和社会保障局', '人社'], ['housing', '住房和城乡建设局', '住建'],
  ['transport', '交通运输局', '交'], ['health', '卫生健康局', '卫健'], ['finance', '财政局', '财'],
];
const JUSTICE_OFFICES: [string, string][] = [['fzdc', '法治督察与政府法律事务股'], ['xzfy', '行政复议与应诉股'], ['rmtj', '人民参与和促进法治股']];

export type CountyOrgs = {
  index: number;
  code: string;
  name: string;
  governmentId: number;
  justiceId: number;
  /** Departments of the county government (respondents, defendants, publishers). */
  departmentIds: number[];
  townshipIds: number[];
  committeeIds: number[];
};

/** The province above generated counties (only when there are several). */
export async function createProvince(platform: Platform): Promise<number> {
  return inTransaction(platform, async (trx) => {
    const id = await insertOrg(trx, { parentId: null, name: '基准测试省人民政府', shortName: '基准省', kind: 'government', code: PROVINCE_CODE });
    await appendAudit(trx, platform.dialect, SYSTEM_ACTOR, { action: 'bench.data.orgs', targetType: 'organization', targetId: id, after: { code: PROVINCE_CODE } });
    return id;
  });
}

/** The committee benchmarks write into, a root of its own so no county's lists or figures count its cases. */
export async function createLab(platform: Platform): Promise<number> {
  return inTransaction(platform, async (trx) => {
    const id = await insertOrg(trx, { parentId: null, name: '基准测试专用人民调解委员会', shortName: '基准', kind: 'committee', code: LAB_CODE });
    await appendAudit(trx, platform.dialect, SYSTEM_ACTOR, { action: 'bench.data.orgs', targetType: 'organization', targetId: id, after: { code: LAB_CODE } });
    return id;
  });
}

/**
 * One county shaped like the demo county: the government, its departments (司法局 with its offices), and
 * townships, each with its 司法所 and, below it, the township's 人民调解委员会.
 */
export async function createCounty(platform: Platform, index: number, parentId: number | null, townships: number): Promise<CountyOrgs> {
  const place = placeName(index);
  const code = `${BENCH_CODE_PREFIX}-c${String(index + 1).padStart(3, '0')}`;
  const name = `${place}县人民政府`;
  return inTransaction(platform, async (trx) => {
    const add = (parent: number | null, suffix: string, orgName: string, kind: OrgKind, short: string | null, sort: number) =>
      insertOrg(trx, { parentId: parent, name: orgName, shortName: short, kind, code: suffix ? `${code}.${suffix}` : code, sort });
    const governmentId = await add(parentId, '', name, 'government', `${place}府`, index);
    const departmentIds: number[] = [];
    let justiceId = 0;
    for (const [i, [suffix, deptName, short]] of DEPARTMENTS.entries()) {
      const id = await add(governmentId, suffix, `${place}县${deptName}`, 'department', `${place}${short}`, i);
      departmentIds.push(id);
      if (suffix === 'justice') {
        justiceId = id;
        for (const [j, [office, officeName]] of JUSTICE_OFFICES.entries()) await add(id, `justice.${office}`, officeName, 'office', null, j);
      }
    }
    const { townshipIds, committeeIds } = await addTownships(add, governmentId, place, townships);
    await appendAudit(trx, platform.dialect, SYSTEM_ACTOR, {
      action: 'bench.data.orgs', targetType: 'organization', targetId: governmentId,
      after: { code, departments: departmentIds.length, townships: townshipIds.length },
    });
    return { index, code, name, governmentId, justiceId, departmentIds, townshipIds, committeeIds };
  });
}

type Add = (parent: number | null, suffix: string, name: string, kind: OrgKind, short: string | null, sort: number) => Promise<number>;

async function addTownships(add: Add, governmentId: number, place: string, count: number) {
  const townshipIds: number[] = [];
  const committeeIds: number[] = [];
  for (let t = 0; t < count; t += 1) {
    const townName = `${placeName(t * 7 + 3)}${t % 3 === 2 ? '乡' : '镇'}`;
    const suffix = `t${String(t + 1).padStart(2, '0')}`;
    const townshipId = await add(governmentId, suffix, townName, 'township', `${place}${townName}`, DEPARTMENTS.length + t);
    // The 司法所 guides the township's mediation committee (人民调解法第五条), as in the demo county.
    const officeId = await add(townshipId, `${suffix}.sfs`, `${townName}司法所`, 'office', `${townName}司法所`, 0);
    committeeIds.push(await add(officeId, `${suffix}.twh`, `${townName}人民调解委员会`, 'committee', townName, 0));
    townshipIds.push(townshipId);
  }
  return { townshipIds, committeeIds };
}
