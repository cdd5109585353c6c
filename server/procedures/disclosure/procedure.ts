import { action, defineProcedure } from '../../platform/engine/define.ts';
import { workingDays } from '../../platform/calendar/deadline.ts';
import { OUTCOMES, type OutcomeKey } from './outcomes.ts';
import { receivedOnOf, ZAnswer, ZConsult, ZCorrection, ZExtend, ZNote, ZRegister, ZReply } from './schemas.ts';
import { disclosureDocuments } from './documents.ts';
import { recordAnswerAct } from './answer-act.ts';

const HANDLE = 'disclosure.handle';

/**
 * 依申请公开 under 中华人民共和国政府信息公开条例（国务院令第711号，2019-05-15施行）. All periods are
 * working days (工作日) as the 条例 states them. See DOMAIN.md §1.1.
 */
export const disclosure = defineProcedure({
  key: 'disclosure',
  title: '政府信息公开申请',
  version: '2019',
  basis: '中华人民共和国政府信息公开条例（2019年修订）',
  caseNoKind: '依申请',
  states: {
    received: '办理中',
    correcting: '补正中',
    consulting: '征求意见中',
    answered: '已答复',
    closed: '已办结',
    abandoned: '视为放弃',
  },
  finalStates: ['answered', 'closed', 'abandoned'],
  clocks: {
    answer: { title: '答复期限', limit: workingDays(20), basis: '第三十三条第二款（补正后重新计算，第三十条；征求意见时间不计入，第三十三条第三款）' },
    correction: { title: '申请人补正期限', limit: workingDays(15), basis: '第三十条（合理的补正期限，由行政机关确定）' },
    thirdParty: { title: '第三方提出意见', limit: workingDays(15), basis: '第三十二条' },
    agency: { title: '被征求意见机关提出意见', limit: workingDays(15), basis: '第三十四条' },
  },
  createAction: 'register',
  actions: {
    register: action({
      title: '登记申请', from: [], to: 'received', permission: HANDLE, input: ZRegister, onField: receivedOnOf,
      basis: '第二十九条、第三十一条', clocks: { answer: 'start' },
      apply: ({ data, input, on }) => ({ ...data, ...input, receivedOn: on }),
    }),
    requestCorrection: action({
      title: '告知补正', from: ['received'], to: 'correcting', permission: HANDLE, input: ZCorrection, isOnce: true, basis: '第三十条',
      check: ({ data, on, calendar }) => (calendar.workingDaysBetween(String(data.receivedOn), on) > 7 ? '应当自收到申请之日起7个工作日内一次性告知补正（第三十条）' : null),
      clocks: { answer: 'pause', correction: { kind: 'start', limit: ({ input }) => workingDays(input.deadlineWorkingDays) } },
      documents: ['correctionNotice'],
      apply: ({ data, input, on }) => ({ ...data, correction: { ...input, requestedOn: on } }),
    }),
    receiveCorrection: action({
      title: '收到补正', from: ['correcting'], to: 'received', permission: HANDLE, input: ZNote, basis: '第三十条（答复期限自收到补正的申请之日起计算）',
      clocks: { correction: 'stop', answer: 'restart' },
      apply: ({ data, on }) => ({ ...data, correctedOn: on }),
    }),
    markAbandoned: action({
      title: '逾期未补正（视为放弃）', from: ['correcting'], to: 'abandoned', permission: HANDLE, input: ZNote, basis: '第三十条',
      check: ({ data, on, calendar }) => {
        const correction = data.correction as { requestedOn: string; deadlineWorkingDays: number };
        return calendar.workingDaysBetween(correction.requestedOn, on) <= correction.deadlineWorkingDays ? '补正期限尚未届满' : null;
      },
      clocks: { correction: 'stop', answer: 'stop' },
      apply: ({ data, on }) => ({ ...data, outcome: 'other_no_correction' satisfies OutcomeKey, concludedOn: on }),
    }),
    consultThirdParty: action({
      title: '书面征求第三方意见', from: ['received'], to: 'consulting', permission: HANDLE, input: ZConsult, basis: '第三十二条、第三十三条第三款',
      clocks: { answer: 'pause', thirdParty: 'start' }, documents: ['thirdPartyLetter'],
      apply: ({ data, input, on }) => ({ ...data, consultation: { kind: 'thirdParty', ...input, sentOn: on } }),
    }),
    thirdPartyReplied: action({
      title: '第三方意见已回复或逾期', from: ['consulting'], to: 'received', permission: HANDLE, input: ZReply, basis: '第三十二条',
      isAvailable: (data) => (data.consultation as { kind?: string } | undefined)?.kind === 'thirdParty',
      clocks: { thirdParty: 'stop', answer: 'resume' },
      apply: ({ data, input, on }) => ({ ...data, consultation: { ...(data.consultation as object), reply: input, repliedOn: on } }),
    }),
    consultAgency: action({
      title: '征求其他机关意见', from: ['received'], to: 'consulting', permission: HANDLE, input: ZConsult, basis: '第三十四条、第三十三条第三款',
      clocks: { answer: 'pause', agency: 'start' }, documents: ['agencyLetter'],
      apply: ({ data, input, on }) => ({ ...data, consultation: { kind: 'agency', ...input, sentOn: on } }),
    }),
    agencyReplied: action({
      title: '被征求机关意见已回复或逾期（逾期视为同意）', from: ['consulting'], to: 'received', permission: HANDLE, input: ZReply, basis: '第三十四条',
      isAvailable: (data) => (data.consultation as { kind?: string } | undefined)?.kind === 'agency',
      clocks: { agency: 'stop', answer: 'resume' },
      apply: ({ data, input, on }) => ({ ...data, consultation: { ...(data.consultation as object), reply: input, repliedOn: on } }),
    }),
    extend: action({
      title: '延长答复期限', from: ['received'], to: 'received', permission: HANDLE, input: ZExtend, isOnce: true, basis: '第三十三条第二款',
      clocks: { answer: { kind: 'extend', limit: ({ input }) => workingDays(input.workingDays) } }, documents: ['extensionNotice'],
      apply: ({ data, input, on }) => ({ ...data, extension: { ...input, on } }),
    }),
    answer: action({
      title: '作出答复', from: ['received'], to: 'answered', permission: HANDLE, input: ZAnswer, basis: '第三十六条、第三十七条',
      clocks: { answer: 'stop' }, documents: ['answer'], afterApply: recordAnswerAct,
      apply: ({ data, input, on }) => ({ ...data, answer: { ...input, on }, outcome: input.outcome, concludedOn: on }),
    }),
    close: action({
      title: '送达归档（办结）', from: ['answered'], to: 'closed', permission: HANDLE, input: ZNote, basis: '第四十条',
      apply: ({ data, input, on }) => ({ ...data, closing: { ...input, on } }),
    }),
  },
  documents: disclosureDocuments,
  permissions: {
    'disclosure.read': '查看政府信息公开申请',
    'disclosure.handle': '办理政府信息公开申请',
    'disclosure.personal': '查看申请人完整身份信息',
  },
  caseTitle: (data) => `${(data.applicant as { name?: string } | undefined)?.name ?? ''}申请公开：${String(data.description ?? '')}`.slice(0, 200),
  facets: ({ data }) => ({
    applicantType: (data.applicant as { type?: string } | undefined)?.type,
    channel: data.channel as string | undefined,
    outcome: data.outcome as string | undefined,
    outcomeGroup: data.outcome ? OUTCOMES[data.outcome as OutcomeKey]?.group : undefined,
    queryCode: data.queryCodeHash as string | undefined,
  }),
  // The applicant's 查询码 finds the request on the portal.
  lookupKey: 'queryCode',
  searchText: (data) => JSON.stringify([data.applicant, data.description]),
});
