import { addDays } from '../../platform/calendar/dates.ts';
import { continueCase, orgId, runCase, type FixtureContext, type Step } from './context.ts';
import { personName, pick, seededRandom } from './names.ts';
import { orgCode, ROOT_CODE } from './org-tree.ts';

/**
 * 行政复议, 2024 (report: “审结行政复议案件41件（其中责令履行2件，撤销2件，纠错4件），由信访转入行政复议案件3件，向县市场
 * 监督管理局发出行政复议意见书1份”). 县人民政府 is the review body (行政复议法第二十四条), its 行政复议机构 in 县司法局
 * does the work, so the cases are the government's (竹府复〔2024〕N号). 43 applications: 41 concluded — 2 撤销 and
 * 2 责令履行 (the 4 纠错 under the default setting), 21 维持, 9 驳回, 5 终止, 2 调解 — and 2 不予受理, which are not
 * 审结. Three came by way of 信访 (the 行政复议与信访衔接 pilot).
 */
type Outcome = 'uphold' | 'dismiss' | 'revoke' | 'orderPerformance' | 'withdrawn' | 'settled' | 'mediate' | 'reject';

const PLAN: [Outcome, number][] = [
  ['uphold', 21], ['dismiss', 9], ['revoke', 2], ['orderPerformance', 2], ['withdrawn', 3], ['settled', 2], ['mediate', 2], ['reject', 2],
];

/** Respondents with the kind of act a county sees most often before it. [org code, act kind, act title, 文号 prefix] */
const RESPONDENTS = [
  ['market', '行政处罚', '行政处罚决定', '竹市监罚'],
  ['natres', '行政处罚', '违法占地行政处罚决定', '竹自然资罚'],
  ['police', '行政处罚', '治安管理处罚决定', '竹公（治）决字'],
  ['hrss', '行政确认', '工伤认定决定', '竹人社工认'],
  ['housing', '行政处罚', '违法建设行政处罚决定', '竹住建罚'],
  ['transport', '行政处罚', '道路运输行政处罚决定', '竹交罚'],
  ['eco', '行政处罚', '环境违法行政处罚决定', '竹环罚'],
  ['natres', '行政确认', '不动产登记', '竹自然资登'],
  ['zhuyang', '行政强制', '限期拆除决定', '竹竹阳强拆'],
  ['police', '行政处罚', '道路交通安全违法行为处罚决定', '竹公交决字'],
] as const;

/** 责令履行 is the remedy for a failure to act (行政复议法第六十六条). */
const NON_PERFORMANCE = [
  ['market', '不履行法定职责', '未对投诉举报作出处理', undefined],
  ['housing', '不履行法定职责', '未依法履行物业监管职责', undefined],
] as const;

const REJECT_REASONS = ['申请超过法定申请期限且无正当理由（行政复议法第二十条、第三十条）', '申请事项不属于行政复议范围（行政复议法第十二条）'];

function outcomes(): Outcome[] {
  const list = PLAN.flatMap(([outcome, n]) => Array<Outcome>(n).fill(outcome));
  const random = seededRandom(2024_01);
  // A fixed shuffle: outcomes spread over the year instead of in blocks.
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

export type ReconsiderationSummary = { cases: number; concluded: number; opinionLetterCaseId: number };

export async function loadReconsideration(ctx: FixtureContext): Promise<ReconsiderationSummary> {
  const { dates } = ctx;
  const random = seededRandom(2024_02);
  const plan = outcomes();
  const received = dates.spread(plan.length, '2024-01-08', '2024-10-25');
  const government = orgId(ctx, ROOT_CODE);
  // The 信访 transfers: three cases the petition office sent on (one upheld, one withdrawn, one dismissed).
  const petitionCases = new Set(['uphold', 'withdrawn', 'dismiss'].map((o) => plan.indexOf(o as Outcome)));
  // The 意见书 went with an upheld penalty of the market regulator.
  const letterCase = plan.findIndex((o, i) => o === 'uphold' && !petitionCases.has(i));
  let nonPerformance = 0;
  let opinionLetterCaseId = 0;
  for (const [i, outcome] of plan.entries()) {
    const receivedOn = received[i];
    const [respondent, kind, title, prefix] = outcome === 'orderPerformance' ? NON_PERFORMANCE[nonPerformance++] : i === letterCase ? RESPONDENTS[0] : pick(RESPONDENTS, i * 3 + 1);
    const isPetition = petitionCases.has(i);
    // The act was decided two to eight weeks before the application (申请期限六十日, 第二十条).
    const decidedOn = dates.workday(addDays(receivedOn, -(15 + ((i * 7) % 40))));
    const act = { kind, title, ...(prefix ? { docNumber: `${prefix}〔${decidedOn.slice(0, 4)}〕${10 + i * 3}号`, decidedOn } : {}) };
    const isCompany = i % 5 === 2;
    const applicant = isCompany
      ? { kind: 'organization', name: `大竹县${pick(['竹丰', '川东', '白塔', '东柳', '庙坝'], i)}${pick(['商贸有限公司', '建材有限公司', '农业开发有限公司'], i)}`, legalRepresentative: personName(300 + i) }
      : { kind: 'person', name: personName(200 + i), address: `大竹县${pick(['竹阳街道', '东柳街道', '庙坝镇', '石河镇', '杨家镇'], i)}` };
    const steps: Step[] = [{
      action: 'register', on: receivedOn,
      input: {
        receivedOn, channel: isPetition ? 'petition' : pick(['in_person', 'in_person', 'post', 'online'], i), applicants: [applicant],
        respondentOrgId: orgId(ctx, orgCode(respondent)), act,
        request: outcome === 'orderPerformance' ? `责令被申请人依法履行职责（${title}）` : `撤销被申请人作出的${act.docNumber ?? ''}${title}`,
        reasons: '被申请人认定事实不清，适用依据错误。',
      },
    }];
    if (outcome === 'reject') {
      steps.push({ action: 'reject', on: dates.afterWorkdays(receivedOn, 3), input: { reason: REJECT_REASONS[i % 2] } });
      await runCase(ctx, 'reconsideration', government, steps);
      continue;
    }
    let acceptOn = dates.afterWorkdays(receivedOn, 2 + Math.floor(random() * 3));
    if (i % 7 === 3) {
      // Materials incomplete: a correction notice within five days (第三十一条), the review clock restarts.
      const noticeOn = dates.afterWorkdays(receivedOn, 2);
      const correctedOn = dates.afterWorkdays(noticeOn, 4);
      steps.push({ action: 'requestCorrection', on: noticeOn, input: { items: ['提供被申请复议的行政行为文书复印件', '写明具体的行政复议请求'] } });
      steps.push({ action: 'receiveCorrection', on: correctedOn });
      acceptOn = dates.afterWorkdays(correctedOn, 3);
    }
    const isSimplified = kind === '行政处罚' && i % 4 === 0 && outcome !== 'revoke';
    steps.push({ action: 'accept', on: acceptOn, input: { procedureType: isSimplified ? 'simplified' : 'ordinary', ...(isSimplified ? { simplifiedGround: '案件涉及款额三千元以下' } : {}) } });
    const notifyOn = dates.afterWorkdays(acceptOn, isSimplified ? 2 : 3);
    const answerOn = dates.afterWorkdays(notifyOn, isSimplified ? 4 : 6 + Math.floor(random() * 3));
    steps.push({ action: 'notifyRespondent', on: notifyOn });
    steps.push({ action: 'receiveAnswer', on: answerOn, input: { summary: '被申请人提交了书面答复及作出行政行为的证据、依据。' } });
    const isExtended = outcome === 'uphold' && i % 11 === 5 && !isSimplified;
    if (isExtended) steps.push({ action: 'extend', on: dates.afterDays(acceptOn, 50), input: { days: 30, approvedBy: '县司法局分管负责人', reason: '案情复杂，需要进一步调查核实' } });
    if (outcome === 'revoke' && i % 2 === 0) {
      const noticeOn = dates.afterWorkdays(answerOn, 2);
      steps.push({ action: 'holdHearing', on: dates.afterWorkdays(noticeOn, 6), input: { noticeOn, hearingOn: dates.afterWorkdays(noticeOn, 6), place: '县行政复议听证室', matters: '被申请人认定事实的证据是否充分', isRespondentHeadPresent: true } });
    }
    const span = isSimplified ? 18 + Math.floor(random() * 8) : isExtended ? 75 : 32 + Math.floor(random() * 22);
    const closeOn = dates.afterDays(acceptOn, span);
    steps.push(closingStep(outcome, closeOn, title));
    const caseId = await runCase(ctx, 'reconsideration', government, steps);
    if (i === letterCase) {
      // 行政复议意见书 (第七十六条): the act stood, but the review found practice the market regulator should mend.
      const issuedOn = dates.afterWorkdays(closeOn, 5);
      opinionLetterCaseId = caseId;
      await continueCase(ctx, 'reconsideration', caseId, [
        { action: 'issueOpinionLetter', on: issuedOn, input: { toOrgName: '县市场监督管理局', problems: '行政处罚案件调查取证不够规范，部分证据未注明来源，送达程序存在瑕疵。', suggestions: '规范现场检查笔录制作和证据收集，严格执行送达程序，并于六十日内反馈整改情况。' } },
        { action: 'receiveOpinionReply', on: dates.afterDays(issuedOn, 40), input: { summary: '已组织执法人员专题培训，修订现场检查笔录和送达回证格式。' } },
      ]);
    }
  }
  return { cases: plan.length, concluded: plan.filter((o) => o !== 'reject').length, opinionLetterCaseId };
}

function closingStep(outcome: Outcome, on: string, title: string): Step {
  const facts = `经审理查明，被申请人作出${title}前履行了相应程序，申请人对有关事实提出异议。`;
  switch (outcome) {
    case 'withdrawn':
      return { action: 'terminate', on, input: { reason: 'withdrawn', detail: '申请人书面申请撤回行政复议申请，经审查准予撤回。' } };
    case 'settled':
      return { action: 'terminate', on, input: { reason: 'settled', detail: '申请人与被申请人达成和解，申请人撤回申请。' } };
    case 'mediate':
      return { action: 'mediate', on, input: { terms: '被申请人重新核定处罚金额，申请人自愿履行并放弃其他复议请求。', signedOn: on } };
    case 'revoke':
      return { action: 'decide', on, input: { decision: 'revoke', orderRedo: true, facts, reasoning: '被申请人认定事实的主要证据不足，依照行政复议法第六十四条第一款第一项，决定撤销并责令重新作出。' } };
    case 'orderPerformance':
      return { action: 'decide', on, input: { decision: 'orderPerformance', facts: '经审理查明，申请人依法提出申请后，被申请人未在法定期限内履行职责。', reasoning: '被申请人不履行法定职责，依照行政复议法第六十六条，决定责令其在一定期限内履行。', performanceDeadline: '自收到本决定书之日起三十日内' } };
    case 'dismiss':
      return { action: 'decide', on, input: { decision: 'dismiss', facts, reasoning: '申请人的行政复议请求缺乏事实和法律依据，依照行政复议法第六十九条，决定驳回。' } };
    default:
      return { action: 'decide', on, input: { decision: 'uphold', facts, reasoning: '被申请人作出的行政行为认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当，依照行政复议法第六十八条，决定维持。' } };
  }
}
