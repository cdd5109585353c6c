import { addDays } from '../../platform/calendar/dates.ts';
import { continueCase, orgId, runCase, type FixtureContext, type Step } from './context.ts';
import { personName } from './names.ts';
import { orgCode, ROOT_CODE } from './org-tree.ts';

/**
 * 行政应诉, 2024. Report: “以县政府为被告的行政应诉案件一审3件、再审1件，胜诉率达100%” and “县级行政部门行政应诉案件
 * 12件”. Cases against 县人民政府 are heard at first instance by the 中级人民法院 (行政诉讼法第十五条第一项); those
 * against departments by the county court (大竹县, 511724: 川1724). The government's four all end won in 2024; the
 * departments' twelve mix wins, one loss, withdrawals, an appeal with its second instance, and two that end in 2025.
 */
type Ending =
  | { kind: 'judgment'; outcome: 'dismissClaims' | 'revoke'; appeal?: 'plaintiff' }
  | { kind: 'ruling' }
  | { kind: 'final' }
  | { kind: 'withdraw'; isAfterActChanged: boolean };

type Suit = {
  defendant: string; instance: 'first' | 'second' | 'retrial'; received: string; act: { kind: string; title: string; docNumber?: string; actId?: number };
  ending: Ending; isHeadPresent: boolean; court?: string; courtCaseNo: string; appealOf?: number;
};

const INTERMEDIATE = '四川省达州市中级人民法院';
const COUNTY_COURT = '大竹县人民法院';

const GOVERNMENT_SUITS: Suit[] = [
  { defendant: ROOT_CODE, instance: 'first', received: '2024-03-11', court: INTERMEDIATE, courtCaseNo: '（2024）川17行初21号', isHeadPresent: true,
    act: { kind: '行政征收征用', title: '国有土地上房屋征收决定', docNumber: '竹府发〔2023〕31号' }, ending: { kind: 'judgment', outcome: 'dismissClaims' } },
  { defendant: ROOT_CODE, instance: 'first', received: '2024-05-20', court: INTERMEDIATE, courtCaseNo: '（2024）川17行初48号', isHeadPresent: true,
    act: { kind: '信息公开答复', title: '政府信息公开申请答复', docNumber: '竹府依申请〔2024〕9号' }, ending: { kind: 'judgment', outcome: 'dismissClaims' } },
  { defendant: ROOT_CODE, instance: 'first', received: '2024-07-08', court: INTERMEDIATE, courtCaseNo: '（2024）川17行初77号', isHeadPresent: false,
    act: { kind: '不履行法定职责', title: '未履行征收补偿安置职责' }, ending: { kind: 'judgment', outcome: 'dismissClaims' } },
  { defendant: ROOT_CODE, instance: 'retrial', received: '2024-04-15', court: '四川省高级人民法院', courtCaseNo: '（2024）川行再12号', isHeadPresent: true,
    act: { kind: '行政征收征用', title: '集体土地征收补偿安置方案批复', docNumber: '竹府函〔2022〕58号' }, ending: { kind: 'final' } },
];

const dept = (defendant: string, received: string, no: number, act: Suit['act'], ending: Ending, isHeadPresent = true): Suit => ({
  defendant: orgCode(defendant), instance: 'first', received, courtCaseNo: `（2024）川1724行初${no}号`, act, ending, isHeadPresent,
});

const DEPARTMENT_SUITS: Suit[] = [
  dept('market', '2024-02-26', 6, { kind: '行政处罚', title: '食品安全行政处罚决定', docNumber: '竹市监罚〔2023〕215号' }, { kind: 'judgment', outcome: 'dismissClaims' }),
  dept('market', '2024-06-17', 33, { kind: '行政处罚', title: '价格违法行政处罚决定', docNumber: '竹市监罚〔2024〕42号' }, { kind: 'withdraw', isAfterActChanged: false }, false),
  dept('natres', '2024-03-25', 14, { kind: '行政处罚', title: '违法占地行政处罚决定', docNumber: '竹自然资罚〔2023〕88号' }, { kind: 'judgment', outcome: 'dismissClaims' }),
  dept('natres', '2024-04-22', 19, { kind: '行政强制', title: '责令限期拆除决定', docNumber: '竹自然资强〔2024〕3号' }, { kind: 'judgment', outcome: 'revoke' }),
  dept('natres', '2024-05-13', 26, { kind: '行政确认', title: '不动产登记', docNumber: '竹自然资登〔2023〕1207号' }, { kind: 'judgment', outcome: 'dismissClaims', appeal: 'plaintiff' }),
  dept('police', '2024-06-03', 30, { kind: '行政处罚', title: '治安管理处罚决定', docNumber: '竹公（治）决字〔2024〕156号' }, { kind: 'judgment', outcome: 'dismissClaims' }, false),
  dept('police', '2024-07-15', 41, { kind: '行政处罚', title: '道路交通安全违法行为处罚决定', docNumber: '竹公交决字〔2024〕2031号' }, { kind: 'ruling' }),
  dept('hrss', '2024-08-05', 47, { kind: '行政确认', title: '工伤认定决定', docNumber: '竹人社工认〔2024〕77号' }, { kind: 'judgment', outcome: 'dismissClaims' }),
  dept('housing', '2024-10-14', 63, { kind: '行政处罚', title: '违法建设行政处罚决定', docNumber: '竹住建罚〔2024〕19号' }, { kind: 'judgment', outcome: 'dismissClaims' }),
  dept('transport', '2024-09-09', 55, { kind: '行政处罚', title: '道路运输行政处罚决定', docNumber: '竹交罚〔2024〕64号' }, { kind: 'judgment', outcome: 'dismissClaims' }, false),
  dept('eco', '2024-11-25', 71, { kind: '行政处罚', title: '环境违法行政处罚决定', docNumber: '竹环罚〔2024〕11号' }, { kind: 'withdraw', isAfterActChanged: true }),
];

export type LitigationSummary = { governmentCases: number; departmentCases: number };

export async function loadLitigation(ctx: FixtureContext): Promise<LitigationSummary> {
  for (const [i, suit] of GOVERNMENT_SUITS.entries()) {
    // 县人民政府 defends through its legal office in 县司法局; the case is the government's.
    await suitCase(ctx, suit, orgId(ctx, ROOT_CODE), { name: '王志刚', position: '县长' }, 600 + i);
  }
  let departmentCases = 0;
  for (const [i, suit] of DEPARTMENT_SUITS.entries()) {
    const defendantId = orgId(ctx, suit.defendant);
    const caseId = await suitCase(ctx, suit, defendantId, { name: personName(700 + i), position: '局长' }, 620 + i);
    departmentCases += 1;
    if (suit.ending.kind === 'judgment' && suit.ending.appeal) {
      // The plaintiff appealed: the second instance at the 中级人民法院 is a case of its own (行政诉讼法第八十五条).
      // Same plaintiff, same act (the act recorded at first instance), linked to the first-instance case.
      const first = await ctx.platform.db.selectFrom('proc_case').select(['last_event_on', 'data_json']).where('id', '=', caseId).executeTakeFirstOrThrow();
      const actId = (JSON.parse(first.data_json) as { act: { actId: number } }).act.actId;
      await suitCase(ctx, {
        ...suit, act: { ...suit.act, actId }, instance: 'second', received: ctx.dates.afterWorkdays(first.last_event_on, 12), court: INTERMEDIATE,
        courtCaseNo: '（2024）川17行终93号', ending: { kind: 'final' }, appealOf: caseId,
      }, defendantId, { name: personName(700 + i), position: '局长' }, 620 + i);
      departmentCases += 1;
    }
  }
  return { governmentCases: GOVERNMENT_SUITS.length, departmentCases };
}

async function suitCase(ctx: FixtureContext, suit: Suit, defendantId: number, representative: { name: string; position: string }, seed: number): Promise<number> {
  const { dates } = ctx;
  const received = dates.workday(suit.received);
  const register: Step = {
    action: 'register', on: received,
    input: {
      receivedOn: received, filedOn: addDays(received, -5),
      court: suit.court ?? COUNTY_COURT, courtCaseNo: suit.courtCaseNo, instance: suit.instance,
      ...(suit.instance === 'retrial' ? { retrialProcedure: 'second' } : {}), ...(suit.appealOf ? { previousCaseId: suit.appealOf } : {}),
      plaintiffs: [{ kind: 'person', name: personName(seed), address: '大竹县竹阳街道' }], defendantOrgId: defendantId, legalRepresentative: representative,
      act: { ...suit.act }, claims: suit.act.kind === '不履行法定职责' ? `判令被告履行职责（${suit.act.title}）` : `撤销被告作出的${suit.act.docNumber ?? ''}${suit.act.title}`,
    },
  };
  const defenceOn = dates.afterDays(received, 9);
  const hearingOn = dates.afterDays(defenceOn, 38);
  const steps: Step[] = [register, {
    action: 'submitDefence', on: defenceOn,
    input: {
      facts: `答辩人依法作出${suit.act.title}，认定事实清楚。`, reasons: '被诉行政行为证据确凿，适用法律、法规正确，符合法定程序。',
      evidence: [{ name: `${suit.act.title}及送达回证`, purpose: '证明被诉行政行为的内容及程序合法' }, { name: '调查笔录、现场检查记录', purpose: '证明认定的事实' }],
      normativeDocuments: ['中华人民共和国行政诉讼法'],
    },
  }];
  if (suit.ending.kind === 'withdraw') {
    steps.push({ action: 'withdraw', on: dates.afterDays(defenceOn, 30), input: { servedOn: dates.afterDays(defenceOn, 30), isAfterActChanged: suit.ending.isAfterActChanged, ...(suit.ending.isAfterActChanged ? { actChange: '被告重新调查后变更了处罚决定' } : {}) } });
    return runCase(ctx, 'litigation', defendantId, steps);
  }
  steps.push({
    action: 'recordHearing', on: hearingOn,
    input: suit.isHeadPresent
      ? { hearingOn, isHeadPresent: true, head: { name: suit.defendant === ROOT_CODE ? '李明远' : representative.name, position: suit.defendant === ROOT_CODE ? '副县长' : representative.position, role: suit.defendant === ROOT_CODE ? 'deputyInCharge' : 'principal' }, staff: [{ name: personName(seed + 50), position: '法制股股长' }] }
      : { hearingOn, isHeadPresent: false, staff: [{ name: personName(seed + 50), position: '法制股股长' }], absenceReason: '需要履行他人不能代替的公务', absenceDetail: '同日参加上级召开的防汛工作会议' },
  });
  const servedOn = dates.afterDays(hearingOn, 24);
  const ending = suit.ending;
  if (ending.kind === 'final') {
    steps.push({ action: 'recordFinalDecision', on: servedOn, input: { form: 'judgment', outcome: 'upholdOriginal', documentNo: suit.courtCaseNo, servedOn } });
    return runCase(ctx, 'litigation', defendantId, steps);
  }
  if (ending.kind === 'ruling') {
    steps.push({ action: 'recordRuling', on: servedOn, input: { kind: 'dismissSuit', documentNo: suit.courtCaseNo, servedOn, summary: '起诉超过法定期限，裁定驳回起诉' } });
  } else {
    steps.push({ action: 'recordJudgment', on: servedOn, input: { outcome: ending.outcome, isRedoOrdered: ending.outcome === 'revoke', documentNo: suit.courtCaseNo, servedOn } });
  }
  const caseId = await runCase(ctx, 'litigation', defendantId, steps);
  // The appeal period runs 15 days from service (10 for a ruling), rolled past rest days (第八十五条).
  const appealDue = dates.afterDays(servedOn, ending.kind === 'ruling' ? 10 : 15);
  const next: Step = ending.kind === 'judgment' && ending.appeal
    ? { action: 'fileAppeal', on: dates.afterDays(servedOn, 12), input: { appellant: ending.appeal, filedOn: dates.afterDays(servedOn, 12) } }
    : { action: 'closeAsFinal', on: addDays(appealDue, 1), input: { effectiveOn: addDays(appealDue, 1) } };
  await continueCase(ctx, 'litigation', caseId, [next]);
  return caseId;
}
