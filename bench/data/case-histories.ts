import type { Step } from './bulk-cases.ts';
import { addDays, dayOfYear, mobile, personName, residentId, type Random } from './random.ts';

/**
 * What a county's reconsideration, litigation and disclosure cases of a year went through, step by step, with
 * inputs valid under each procedure's table (test/factories hold the same shapes). Cases opened late in the
 * year are still open at its end. Dates never pass `today`; a history that would is cut short there.
 */
export type HistoryContext = { year: number; today: string; place: string; departmentIds: number[]; governmentId: number };

const ACTS = [['行政处罚', '行政处罚决定'], ['行政许可', '不予行政许可决定'], ['行政强制', '查封决定'], ['行政确认', '工伤认定结论'], ['不履行法定职责', '未答复投诉举报']] as const;

function applicant(random: Random) {
  return { kind: 'person', name: personName(random), ...(random.chance(0.8) ? { idNumber: residentId(random) } : {}), ...(random.chance(0.7) ? { phone: mobile(random) } : {}) };
}

/** Input fields that carry an action's legal date (the tables' `onField`). */
const DATE_FIELDS = ['receivedOn', 'submittedOn', 'servedOn', 'hearingOn', 'effectiveOn'];

/** Keeps the steps whose legal date has come; the first step (the registration) always stays. */
function upTo(today: string, steps: Step[]): Step[] {
  const kept: Step[] = [];
  for (const step of steps) {
    const on = step.on ?? DATE_FIELDS.map((f) => step.input[f]).find((v): v is string => typeof v === 'string');
    if (kept.length && on && on > today) break;
    kept.push(step);
  }
  return kept;
}

export function reconsiderationHistories(random: Random, count: number, ctx: HistoryContext): Step[][] {
  return Array.from({ length: count }, (_, n) => {
    const received = dayOfYear(random, ctx.year);
    const [kind, title] = random.pick(ACTS);
    const register: Step = {
      action: 'register',
      input: {
        receivedOn: received, channel: random.pick(['in_person', 'post', 'online']), applicants: [applicant(random)],
        respondentOrgId: random.pick(ctx.departmentIds), act: { kind, title, docNumber: `${ctx.place}〔${ctx.year}〕${n + 1}号` }, request: `撤销该${title}`,
      },
    };
    const fate = random.weighted([['decide', 70], ['reject', 10], ['mediate', 8], ['terminate', 12]] as const);
    if (fate === 'reject') return upTo(ctx.today, [register, { action: 'reject', on: addDays(received, 3), input: { reason: '不属于本机关受理范围' } }]);
    const type = random.chance(0.3) ? 'simplified' : 'ordinary';
    const accepted = addDays(received, random.int(1, 5));
    const steps: Step[] = [register, { action: 'accept', on: accepted, input: { procedureType: type } }];
    steps.push({ action: 'notifyRespondent', on: addDays(accepted, 2), input: {} });
    steps.push({ action: 'receiveAnswer', on: addDays(accepted, 9), input: { summary: '被申请人提交了答复书和证据材料' } });
    const closed = addDays(accepted, random.int(20, type === 'simplified' ? 28 : 55));
    if (fate === 'mediate') steps.push({ action: 'mediate', on: closed, input: { terms: '双方就赔偿数额达成一致', signedOn: closed } });
    if (fate === 'terminate') steps.push({ action: 'terminate', on: closed, input: { reason: 'withdrawn' } });
    if (fate === 'decide') {
      const decision = random.weighted([['uphold', 55], ['dismiss', 15], ['revoke', 15], ['confirmIllegal', 10], ['change', 5]] as const);
      steps.push({ action: 'decide', on: closed, input: { decision, facts: '经审理查明的事实', reasoning: '认定事实清楚，适用依据正确' } });
    }
    return upTo(ctx.today, steps);
  });
}

export function litigationHistories(random: Random, count: number, ctx: HistoryContext): Step[][] {
  return Array.from({ length: count }, (_, n) => {
    const received = dayOfYear(random, ctx.year, 10);
    const [kind, title] = random.pick(ACTS);
    const defendant = random.chance(0.2) ? ctx.governmentId : random.pick(ctx.departmentIds);
    const register: Step = {
      action: 'register',
      input: {
        receivedOn: received, filedOn: addDays(received, -random.int(2, 8)), court: `${ctx.place}县人民法院`, courtCaseNo: `（${ctx.year}）川1724行初${n + 1}号`,
        instance: 'first', plaintiffs: [applicant(random)], defendantOrgId: defendant, legalRepresentative: { name: personName(random), position: '局长' },
        act: { kind, title, docNumber: `${ctx.place}〔${ctx.year}〕${n + 101}号` }, claims: `撤销被告作出的${title}`,
      },
    };
    const steps: Step[] = [register];
    if (random.chance(0.15)) {
      steps.push({ action: 'withdraw', input: { servedOn: addDays(received, random.int(20, 40)), isAfterActChanged: false } });
      return upTo(ctx.today, steps);
    }
    steps.push({
      action: 'submitDefence', on: addDays(received, random.int(5, 14)),
      input: { facts: '被诉行政行为认定事实清楚', reasons: '程序合法，适用法律正确', evidence: [{ name: '现场检查笔录', purpose: '证明违法事实' }] },
    });
    const hearingOn = addDays(received, random.int(35, 60));
    const isHeadPresent = random.chance(0.8);
    steps.push({
      action: 'recordHearing',
      input: isHeadPresent
        ? { hearingOn, isHeadPresent: true, head: { name: personName(random), position: '副局长', role: 'deputyInCharge' }, staff: [{ name: personName(random), position: '法规股股长' }] }
        : { hearingOn, isHeadPresent: false, staff: [{ name: personName(random), position: '法规股股长' }], absenceReason: '需要履行他人不能代替的公务' },
    });
    const servedOn = addDays(hearingOn, random.int(15, 40));
    steps.push({ action: 'recordJudgment', input: { outcome: random.weighted([['dismissClaims', 80], ['revoke', 12], ['confirmIllegal', 8]] as const), servedOn } });
    steps.push({ action: 'closeAsFinal', input: { effectiveOn: addDays(servedOn, 30) } });
    return upTo(ctx.today, steps);
  });
}

const DISCLOSURE_OUTCOMES: (readonly [Record<string, string>, number])[] = [
  [{ outcome: 'disclose' }, 45], [{ outcome: 'already_public', accessPath: '已在政府网站主动公开' }, 15],
  [{ outcome: 'partial', reasons: '部分内容涉及个人隐私' }, 8], [{ outcome: 'unable_not_held', reasons: '本机关不掌握该信息' }, 20],
  [{ outcome: 'refuse_process', reasons: '属于过程性信息' }, 5], [{ outcome: 'not_processed_petition', reasons: '属于信访投诉类申请' }, 7],
];

export function disclosureHistories(random: Random, count: number, ctx: HistoryContext): Step[][] {
  return Array.from({ length: count }, () => {
    const submitted = dayOfYear(random, ctx.year);
    const register: Step = {
      action: 'register',
      input: {
        channel: 'in_person', submittedOn: submitted,
        applicant: { ...applicant(random), type: random.weighted([['natural_person', 85], ['commercial', 5], ['other', 10]] as const) },
        description: `${ctx.year}年${random.pick(['城区道路改造项目立项批复', '征地补偿安置方案', '专项资金使用情况', '行政处罚决定书'])}`,
      },
    };
    const steps: Step[] = [register];
    let day = submitted;
    if (random.chance(0.1)) {
      steps.push({ action: 'requestCorrection', on: addDays(day, 3), input: { items: ['请说明所需信息的文号或形成时间'] } });
      day = addDays(day, random.int(6, 12));
      steps.push({ action: 'receiveCorrection', on: day, input: {} });
    }
    const isExtended = random.chance(0.05);
    if (isExtended) steps.push({ action: 'extend', on: addDays(day, 14), input: { workingDays: 15, approvedBy: personName(random), reason: '需要调取档案' } });
    const answered = addDays(day, isExtended ? random.int(16, 30) : random.int(5, 18));
    steps.push({ action: 'answer', on: answered, input: { ...random.weighted(DISCLOSURE_OUTCOMES) } });
    steps.push({ action: 'close', on: addDays(answered, 3), input: {} });
    return upTo(ctx.today, steps);
  });
}
