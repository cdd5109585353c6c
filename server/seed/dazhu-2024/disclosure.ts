import { addDays } from '../../platform/calendar/dates.ts';
import type { OutcomeKey } from '../../procedures/disclosure/outcomes.ts';
import { orgId, runCase, type FixtureContext, type Step } from './context.ts';
import { personName, pick, seededRandom } from './names.ts';
import { orgCode, ROOT_CODE } from './org-tree.ts';

/**
 * 依申请公开, 2024 (report: “受理政府信息公开申请99件”): 99 requests received in 2024 by the government and eight
 * departments, answered under 条例第三十六条 with the mix a county sees (most disclosed or already public, some not
 * held, a few refused with reasons, two deemed withdrawn after no correction). Three received in the last days of
 * December are answered in January 2025 (carried forward in the annual report's table 3).
 */
const RECEIVERS: [code: string, count: number, topics: string[]][] = [
  [ROOT_CODE, 35, ['县城北片区棚户区改造项目征收补偿方案', '2024年县政府常务会议纪要中涉及本村道路建设的内容', '县国土空间总体规划批复文件', '大竹县2023年财政预算执行情况', '某片区集体土地征收的批准文件及公告']],
  ['natres', 20, ['本户宅基地审批档案', '某地块国有建设用地使用权出让合同', '村集体土地征收补偿安置标准', '某矿区采矿权出让信息']],
  ['housing', 12, ['某小区规划验收及竣工备案资料', '老旧小区改造项目资金使用情况', '某楼盘商品房预售许可证']],
  ['market', 8, ['某企业食品经营许可档案', '某投诉举报的处理结果', '2024年食品安全抽检结果']],
  ['hrss', 6, ['某企业农民工工资保证金缴存情况', '2024年公益性岗位招聘公告及结果']],
  ['finance', 5, ['2024年乡村振兴衔接资金分配文件', '某项目财政评审报告']],
  ['police', 4, ['某路段电子监控设施设置依据', '户籍迁移办理政策依据']],
  ['transport', 4, ['某乡村公路建设项目招标文件', '县城公交线路调整方案']],
  ['eco', 5, ['某企业环境影响评价批复', '2024年县城空气质量监测数据']],
];

const OUTCOME_PLAN: [OutcomeKey | 'abandoned', number][] = [
  ['disclose', 44], ['already_public', 14], ['partial', 6], ['refuse_process', 3], ['refuse_third_party', 2], ['refuse_internal', 2],
  ['unable_not_held', 18], ['unable_needs_creation', 3], ['not_processed_petition', 3], ['not_processed_repeat', 2], ['abandoned', 2],
];

const REASONS: Partial<Record<OutcomeKey, string>> = {
  partial: '申请公开的信息中含有个人隐私，已作区分处理，公开其余部分（条例第三十七条）。',
  refuse_process: '申请公开的信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿，依照条例第十六条第二款不予公开。',
  refuse_third_party: '经书面征求第三方意见，第三方以涉及商业秘密为由不同意公开且理由合理，依照条例第十五条、第三十二条不予公开。',
  refuse_internal: '申请公开的信息属于内部事务信息，依照条例第十六条第一款不予公开。',
  unable_not_held: '经检索，本机关未制作或者获取该政府信息（条例第三十六条第（四）项）。',
  unable_needs_creation: '申请内容需要本机关对现有信息进行加工、分析，依照条例第三十八条不予提供。',
  not_processed_petition: '该申请实为信访、投诉事项，已告知通过相应渠道提出（条例第三十九条第一款）。',
  not_processed_repeat: '申请人重复申请公开相同政府信息，本机关已作出答复，不予重复处理（条例第三十六条第（六）项）。',
};

const APPLICANT_TYPES = ['natural_person', 'natural_person', 'natural_person', 'natural_person', 'commercial', 'natural_person', 'legal_service', 'natural_person', 'other'] as const;

function shuffledOutcomes(): (OutcomeKey | 'abandoned')[] {
  const list = OUTCOME_PLAN.flatMap(([o, n]) => Array<OutcomeKey | 'abandoned'>(n).fill(o));
  const random = seededRandom(2024_03);
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

export async function loadDisclosure(ctx: FixtureContext): Promise<{ requests: number }> {
  const { dates } = ctx;
  const outcomes = shuffledOutcomes();
  const total = RECEIVERS.reduce((n, [, count]) => n + count, 0);
  const received = dates.spread(total, '2024-01-04', '2024-12-27');
  // Receivers take turns through the year rather than one after another.
  const receivers = RECEIVERS.flatMap(([code, count, topics]) => Array.from({ length: count }, (_, k) => ({ code, topics, k })))
    .map((r, i) => ({ ...r, order: (i * 37) % total })).sort((a, b) => a.order - b.order);
  for (const [i, receiver] of receivers.entries()) {
    const receivedOn = received[i];
    const outcome = outcomes[i];
    const handlingOrg = orgId(ctx, receiver.code === ROOT_CODE ? ROOT_CODE : orgCode(receiver.code));
    await runCase(ctx, 'disclosure', handlingOrg, requestSteps(ctx, i, receivedOn, outcome, pick(receiver.topics, receiver.k)));
  }
  return { requests: total };
}

function requestSteps(ctx: FixtureContext, i: number, receivedOn: string, outcome: OutcomeKey | 'abandoned', topic: string): Step[] {
  const { dates } = ctx;
  const type = pick(APPLICANT_TYPES, i);
  const applicant = type === 'natural_person' || type === 'other'
    ? { type, kind: 'person', name: personName(900 + i) }
    : { type, kind: 'organization', name: type === 'legal_service' ? `四川${pick(['竹海', '川东', '明理'], i)}律师事务所` : `大竹县${pick(['兴竹', '东湖', '锦程'], i)}置业有限公司` };
  // 收到申请之日 depends on the channel (条例第三十一条).
  const channel = pick(['in_person', 'online', 'post_signed', 'online', 'post_ordinary'], i);
  const register: Step = {
    action: 'register', on: receivedOn,
    input: {
      channel, applicant, description: topic, form: channel === 'online' ? 'electronic' : 'paper', delivery: channel === 'online' ? 'online' : 'post',
      submittedOn: channel.startsWith('post') ? addDays(receivedOn, -3) : receivedOn,
      ...(channel === 'post_signed' ? { signedOn: receivedOn } : {}), ...(channel === 'online' || channel === 'post_ordinary' ? { confirmedOn: receivedOn } : {}),
    },
  };
  const steps: Step[] = [register];
  if (outcome === 'abandoned') {
    const noticeOn = dates.afterWorkdays(receivedOn, 3);
    steps.push({ action: 'requestCorrection', on: noticeOn, input: { items: ['请写明所需政府信息的名称、文号或者便于查询的其他特征描述'], deadlineWorkingDays: 15 } });
    steps.push({ action: 'markAbandoned', on: dates.afterWorkdays(noticeOn, 16) });
    return steps;
  }
  let answerFrom = receivedOn;
  if (outcome === 'refuse_third_party') {
    // Third-party consultation: the time it takes does not count (条例第三十二条、第三十三条第三款).
    const sentOn = dates.afterWorkdays(receivedOn, 4);
    steps.push({ action: 'consultThirdParty', on: sentOn, input: { party: '大竹县某建材有限公司', matters: '申请公开的合同含有该公司的报价等经营信息' } });
    answerFrom = dates.afterWorkdays(sentOn, 10);
    steps.push({ action: 'thirdPartyReplied', on: answerFrom, input: { opinion: 'object', summary: '涉及商业秘密，不同意公开' } });
  } else if (outcome === 'disclose' && i % 9 === 4) {
    const sentOn = dates.afterWorkdays(receivedOn, 3);
    steps.push({ action: 'consultAgency', on: sentOn, input: { party: '县财政局', matters: '该信息由两机关共同制作' } });
    answerFrom = dates.afterWorkdays(sentOn, 8);
    steps.push({ action: 'agencyReplied', on: answerFrom, input: { opinion: 'agree' } });
  } else if (outcome === 'disclose' && i % 13 === 6) {
    const noticeOn = dates.afterWorkdays(receivedOn, 2);
    steps.push({ action: 'requestCorrection', on: noticeOn, input: { items: ['请说明所需信息的形成时间或文号'], deadlineWorkingDays: 15 } });
    answerFrom = dates.afterWorkdays(noticeOn, 5);
    steps.push({ action: 'receiveCorrection', on: answerFrom });
  } else if (outcome === 'unable_not_held' && i % 10 === 1) {
    // Extension approved by the head of the disclosure office, at most 20 more working days (条例第三十三条第二款).
    answerFrom = dates.afterWorkdays(receivedOn, 15);
    steps.push({ action: 'extend', on: answerFrom, input: { workingDays: 15, approvedBy: '县政务公开办主任', reason: '需要调取多年档案进行检索' } });
  }
  const answeredOn = dates.afterWorkdays(answerFrom, 5 + (i % 12));
  steps.push({
    action: 'answer', on: answeredOn,
    input: {
      outcome, reasons: REASONS[outcome] ?? '',
      ...(outcome === 'already_public' ? { accessPath: '大竹县人民政府网站“政府信息公开”专栏' } : {}),
      ...(outcome === 'disclose' || outcome === 'partial' ? { content: `提供${topic}（电子版或复印件）。` } : {}),
    },
  });
  if (i % 6 !== 5) steps.push({ action: 'close', on: dates.afterWorkdays(answeredOn, 2), input: { note: '答复书已送达申请人' } });
  return steps;
}
