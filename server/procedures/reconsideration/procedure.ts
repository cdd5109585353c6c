import { defineProcedure, action } from '../../platform/engine/define.ts';
import { days, workingDays } from '../../platform/calendar/deadline.ts';
import {
  DECISIONS, ZAccept, ZAnswer, ZCorrectionRequest, ZDecide, ZEmpty, ZExtend, ZHearing, ZMediate,
  ZOpinionLetter, ZOpinionReply, ZRegister, ZReject, ZSuspend, ZTerminate,
} from './schemas.ts';
import { reconsiderationDocuments } from './documents.ts';
import { recordReviewedAct } from './reviewed-act.ts';

const HANDLE = 'reconsideration.handle';
const isSimplified = (data: Record<string, unknown>) => data.procedureType === 'simplified';

/**
 * 行政复议 under 中华人民共和国行政复议法（2023年修订，2024-01-01施行）. Periods of 三/五/七/十日 are working
 * days (第八十八条第二款); the 60-day decision period is calendar days. See DOMAIN.md §2.
 */
export const reconsideration = defineProcedure({
  key: 'reconsideration',
  title: '行政复议',
  version: '2023',
  basis: '中华人民共和国行政复议法（2023年修订）',
  caseNoKind: '复',
  states: {
    received: '已收件（审查中）',
    correcting: '补正中',
    accepted: '已受理（审理中）',
    suspended: '中止',
    rejected: '不予受理',
    abandoned: '视为放弃',
    terminated: '已终止',
    mediated: '已调解',
    decided: '已决定',
  },
  finalStates: ['rejected', 'abandoned', 'terminated', 'mediated', 'decided'],
  clocks: {
    review: {
      title: '受理审查', limit: workingDays(5), basis: '第三十条第一款、第八十八条第二款',
      onExpiry: { inStates: ['received'], note: '审查期限届满未作出不予受理决定，视为受理', basis: '第三十条第三款' },
    },
    correction: { title: '申请人补正', limit: workingDays(10), basis: '第三十一条第二款' },
    copy: { title: '发送申请书副本', limit: workingDays(7), basis: '第四十八条（简易程序三日，第五十四条）' },
    answer: { title: '被申请人答复', limit: workingDays(10), basis: '第四十八条（简易程序五日，第五十四条）' },
    decision: { title: '审理期限', limit: days(60), basis: '第六十二条（简易程序三十日，第六十二条第二款）' },
    opinionReply: { title: '意见书反馈', limit: days(60), basis: '第七十六条' },
  },
  createAction: 'register',
  actions: {
    register: action({
      title: '登记收件', from: [], to: 'received', permission: HANDLE, input: ZRegister, onField: 'receivedOn',
      basis: '第三十条', clocks: { review: 'start' }, afterApply: recordReviewedAct,
    }),
    requestCorrection: action({
      title: '通知补正', from: ['received'], to: 'correcting', permission: HANDLE, input: ZCorrectionRequest, isOnce: true,
      basis: '第三十一条', clocks: { review: 'pause', correction: 'start' }, documents: ['correctionNotice'],
      check: ({ data, on, calendar }) =>
        calendar.workingDaysBetween(String(data.receivedOn), on) > 5 ? '补正通知应当自收到申请之日起五日内书面发出（第三十一条第一款）' : null,
      apply: ({ data, input, on }) => ({ ...data, correction: input, correctionRequestedOn: on }),
    }),
    receiveCorrection: action({
      title: '收到补正材料', from: ['correcting'], to: 'received', permission: HANDLE, input: ZEmpty,
      basis: '第三十一条第三款', clocks: { correction: 'stop', review: 'restart' },
    }),
    markAbandoned: action({
      title: '逾期未补正（视为放弃）', from: ['correcting'], to: 'abandoned', permission: HANDLE, input: ZEmpty,
      basis: '第三十一条第二款', clocks: { correction: 'stop', review: 'stop' },
      check: ({ data, on, calendar }) =>
        calendar.workingDaysBetween(String(data.correctionRequestedOn), on) <= 10 ? '补正期限（十日）尚未届满（第三十一条第二款）' : null,
    }),
    accept: action({
      title: '受理', from: ['received'], to: 'accepted', permission: HANDLE, input: ZAccept, basis: '第三十条、第五十三条',
      clocks: {
        review: 'stop',
        decision: { kind: 'start', limit: ({ input }) => (input.procedureType === 'simplified' ? days(30) : days(60)) },
        copy: { kind: 'start', limit: ({ input }) => (input.procedureType === 'simplified' ? workingDays(3) : workingDays(7)) },
      },
      documents: ['acceptanceNotice'],
    }),
    reject: action({
      title: '不予受理', from: ['received'], to: 'rejected', permission: HANDLE, input: ZReject, basis: '第三十条第二款',
      clocks: { review: 'stop' }, documents: ['rejectionDecision'],
    }),
    notifyRespondent: action({
      title: '发送副本、通知答复', from: ['accepted'], to: 'accepted', permission: HANDLE, input: ZEmpty, isOnce: true,
      basis: '第四十八条、第五十四条',
      clocks: { copy: 'stop', answer: { kind: 'start', limit: ({ data }) => (isSimplified(data) ? workingDays(5) : workingDays(10)) } },
      documents: ['answerNotice'],
    }),
    receiveAnswer: action({
      title: '收到答复', from: ['accepted'], to: 'accepted', permission: HANDLE, input: ZAnswer, isOnce: true,
      basis: '第四十八条、第七十条', clocks: { answer: 'stop' },
    }),
    holdHearing: action({
      title: '举行听证', from: ['accepted'], to: 'accepted', permission: HANDLE, input: ZHearing, basis: '第五十条、第五十一条',
      check: ({ input, calendar }) =>
        calendar.workingDaysBetween(input.noticeOn, input.hearingOn) < 5 ? '应当于举行听证的五日前书面通知当事人（第五十一条）' : null,
      apply: ({ data, input }) => ({ ...data, hearings: [...((data.hearings as unknown[]) ?? []), input] }),
    }),
    extend: action({
      title: '延长审理期限', from: ['accepted'], to: 'accepted', permission: HANDLE, input: ZExtend, isOnce: true, basis: '第六十二条第一款',
      check: ({ data }) => (isSimplified(data) ? '简易程序案件不得延长审理期限；需延长的应先转为普通程序（第六十二条）' : null),
      clocks: { decision: { kind: 'extend', limit: ({ input }) => days(input.days) } }, documents: ['extensionNotice'],
      apply: ({ data, input }) => ({ ...data, extension: input }),
    }),
    suspend: action({
      title: '中止', from: ['accepted'], to: 'suspended', permission: HANDLE, input: ZSuspend, basis: '第三十九条',
      clocks: { decision: 'pause' }, documents: ['suspensionNotice'], apply: ({ data, input }) => ({ ...data, suspension: input }),
    }),
    resume: action({
      title: '恢复审理', from: ['suspended'], to: 'accepted', permission: HANDLE, input: ZEmpty, basis: '第四十条',
      clocks: { decision: 'resume' }, documents: ['resumptionNotice'],
    }),
    terminate: action({
      title: '终止', from: ['accepted', 'suspended'], to: 'terminated', permission: HANDLE, input: ZTerminate, basis: '第四十一条、第七十四条',
      clocks: { decision: 'stop', copy: 'stop', answer: 'stop' }, documents: ['terminationDecision'],
      apply: ({ data, input }) => ({ ...data, termination: input }),
    }),
    mediate: action({
      title: '调解结案', from: ['accepted', 'suspended'], to: 'mediated', permission: HANDLE, input: ZMediate, basis: '第五条、第七十三条',
      clocks: { decision: 'stop', copy: 'stop', answer: 'stop' }, documents: ['mediationAgreement'],
      apply: ({ data, input }) => ({ ...data, mediation: input }),
    }),
    decide: action({
      title: '作出行政复议决定', from: ['accepted'], to: 'decided', permission: HANDLE, input: ZDecide, basis: '第六十三条至第六十九条',
      clocks: { decision: 'stop', copy: 'stop', answer: 'stop' }, documents: ['decision'],
      apply: ({ data, input }) => ({ ...data, decision: { ...input, title: DECISIONS[input.decision].title, basis: DECISIONS[input.decision].basis } }),
    }),
    issueOpinionLetter: action({
      title: '制发行政复议意见书', from: ['accepted', 'decided', 'mediated', 'terminated'], to: ({ state }) => state, permission: HANDLE,
      input: ZOpinionLetter, isOnce: true, basis: '第七十六条', clocks: { opinionReply: 'start' }, documents: ['opinionLetter'],
      apply: ({ data, input, on }) => ({ ...data, opinionLetter: { ...input, issuedOn: on } }),
    }),
    receiveOpinionReply: action({
      title: '收到意见书反馈', from: ['accepted', 'decided', 'mediated', 'terminated'], to: ({ state }) => state, permission: HANDLE,
      input: ZOpinionReply, isOnce: true, basis: '第七十六条', clocks: { opinionReply: 'stop' },
      isAvailable: (data) => !!data.opinionLetter,
      apply: ({ data, input, on }) => ({ ...data, opinionReply: { ...input, receivedOn: on } }),
    }),
  },
  documents: reconsiderationDocuments,
  permissions: {
    'reconsideration.read': '查看行政复议案件',
    'reconsideration.handle': '办理行政复议案件',
    'reconsideration.personal': '查看行政复议当事人完整身份信息',
  },
  caseTitle: (data) => {
    const applicants = (data.applicants as { name: string }[] | undefined)?.map((a) => a.name).join('、') ?? '';
    const act = (data.act as { title?: string } | undefined)?.title ?? '';
    return `${applicants}不服${act}`.slice(0, 200);
  },
  facets: ({ state, data }) => ({
    outcome: state,
    channel: data.channel as string | undefined,
    procedureType: data.procedureType as string | undefined,
    accepted: data.procedureType ? 'yes' : null,
    concluded: ['decided', 'mediated', 'terminated'].includes(state) ? 'yes' : null,
    decision: (data.decision as { decision?: string } | undefined)?.decision,
    // The year a 行政复议意见书 was issued (第七十六条), so a year's letters can be listed.
    opinionLetterYear: (data.opinionLetter as { issuedOn?: string } | undefined)?.issuedOn?.slice(0, 4),
  }),
  searchText: (data) => JSON.stringify([data.applicants, data.act, data.request, data.respondentName]),
});
