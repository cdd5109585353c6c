import { defineProcedure, action } from '../../platform/engine/define.ts';
import { days } from '../../platform/calendar/deadline.ts';
import {
  APPEALABLE_RULINGS, FINAL_OUTCOMES, INSTANCES, JUDGMENT_OUTCOMES, ZAppeal, ZContinueTrial, ZDefence, ZEffective, ZEmpty,
  ZEvidenceDelay, ZFinalDecision, ZHearing, ZJudgment, ZOtherRuling, ZRegister, ZRuling, ZSuspend, ZTerminate, ZWithdraw,
} from './schemas.ts';
import {
  appealLimit, checkAttendance, checkOwnAppeal, checkTakenEffect, hearingDocuments, isAppealableInstance, isJurisdictionRuling,
  JUDGMENT_APPEAL_DAYS, RULING_APPEAL_DAYS,
} from './rules.ts';
import { litigationDocuments } from './documents.ts';
import { recordLitigationLinks } from './case-links.ts';
import { toDayNumber } from '../../platform/calendar/dates.ts';

const HANDLE = 'litigation.handle';
const hasDefence = (data: Record<string, unknown>) => !!data.defence;
const backToTrial = ({ data }: { data: Record<string, unknown> }) => (hasDefence(data) ? 'trial' : 'defending');

/**
 * 行政应诉: a body of the county is defendant in an administrative case. 法 = 中华人民共和国行政诉讼法（2017年修正）;
 * 解释 = 最高人民法院关于适用《中华人民共和国行政诉讼法》的解释（2018）; 规定 = 最高人民法院关于行政机关负责人出庭应诉
 * 若干问题的规定（2020）. Periods are calendar days (日): the start day is not counted and a period ending on a
 * holiday ends on the next working day (解释第四十八条). See DOMAIN.md §3.
 */
export const litigation = defineProcedure({
  key: 'litigation',
  title: '行政应诉',
  version: '2017',
  basis: '中华人民共和国行政诉讼法（2017年修正）；最高人民法院关于适用《中华人民共和国行政诉讼法》的解释；最高人民法院关于行政机关负责人出庭应诉若干问题的规定',
  caseNoKind: '诉',
  states: {
    defending: '答辩举证中',
    trial: '审理中',
    suspended: '中止诉讼',
    judged: '已判决（上诉期内）',
    ruled: '已裁定（上诉期内）',
    appealed: '已上诉（本审级结束）',
    withdrawn: '原告撤诉',
    closed: '裁判生效（结案）',
  },
  finalStates: ['appealed', 'withdrawn', 'closed'],
  clocks: {
    defence: {
      title: '答辩举证期限', limit: days(15), basis: '行政诉讼法第六十七条第一款（延期提供证据：第三十六条第一款、解释第三十四条）',
      onExpiry: { inStates: ['defending'], note: '被告无正当理由逾期提供证据的，视为没有相应证据', basis: '行政诉讼法第三十四条第二款；解释第三十四条' },
    },
    appeal: {
      isWindow: true,
      title: '上诉期限', limit: days(JUDGMENT_APPEAL_DAYS), basis: `行政诉讼法第八十五条（判决书送达之日起${JUDGMENT_APPEAL_DAYS}日，裁定书送达之日起${RULING_APPEAL_DAYS}日）`,
      onExpiry: { inStates: ['judged', 'ruled'], note: '逾期不提起上诉的，第一审判决或者裁定发生法律效力', basis: '行政诉讼法第八十五条' },
    },
  },
  createAction: 'register',
  actions: {
    register: action({
      title: '登记应诉案件（收到起诉状副本）', from: [], to: 'defending', permission: HANDLE, input: ZRegister, onField: 'receivedOn',
      basis: '行政诉讼法第六十七条第一款', clocks: { defence: 'start' }, afterApply: recordLitigationLinks,
      check: ({ input }) => (input.filedOn && toDayNumber(input.filedOn) > toDayNumber(input.receivedOn) ? '立案日期不能晚于收到起诉状副本的日期' : null),
      apply: ({ input }) => ({ ...input, isAppealable: isAppealableInstance(input), instanceTitle: INSTANCES[input.instance] }),
    }),
    delayEvidence: action({
      title: '人民法院准许延期提供证据', from: ['defending'], to: 'defending', permission: HANDLE, input: ZEvidenceDelay, isOnce: true,
      basis: '行政诉讼法第三十六条第一款；解释第三十四条', clocks: { defence: 'pause' },
      check: ({ input, data, calendar }) =>
        toDayNumber(input.appliedOn) > toDayNumber(calendar.addCalendarDays(String(data.receivedOn), 15))
          ? '被告申请延期提供证据的，应当在收到起诉状副本之日起十五日内以书面方式向人民法院提出（解释第三十四条）' : null,
      apply: ({ data, input, on }) => ({ ...data, evidenceDelay: { ...input, approvedOn: on } }),
    }),
    endEvidenceDelay: action({
      title: '延期事由消除', from: ['defending'], to: 'defending', permission: HANDLE, input: ZEmpty, isOnce: true,
      basis: '解释第三十四条（正当事由消除后十五日内提供证据）', clocks: { defence: { kind: 'restart', limit: () => days(15) } },
      isAvailable: (data) => !!data.evidenceDelay,
      apply: ({ data, on }) => ({ ...data, evidenceDelay: { ...(data.evidenceDelay as object), causeEndedOn: on } }),
    }),
    submitDefence: action({
      title: '提交答辩状和证据', from: ['defending', 'ruled'], to: ({ state }) => (state === 'defending' ? 'trial' : state),
      permission: HANDLE, input: ZDefence, isOnce: true, basis: '行政诉讼法第三十四条、第六十七条第一款',
      clocks: { defence: 'stop' }, documents: ['defenceStatement'], isAvailable: (data) => !hasDefence(data),
      apply: ({ data, input, on }) => ({ ...data, defence: { ...input, submittedOn: on } }),
    }),
    recordHearing: action({
      title: '登记开庭及出庭应诉情况', from: ['trial'], to: 'trial', permission: HANDLE, input: ZHearing, onField: 'hearingOn',
      basis: '行政诉讼法第三条第三款；解释第一百二十八条至第一百三十二条；规定第二条、第六条至第十条',
      check: ({ input }) => checkAttendance(input), documents: ({ input }) => hearingDocuments(input),
      apply: ({ data, input }) => ({
        ...data,
        hearings: [...((data.hearings as unknown[]) ?? []), input],
        // 规定第七条: one appearance per 审级 usually fulfils the duty.
        isHeadAttended: data.isHeadAttended === true || input.isHeadPresent,
      }),
    }),
    recordJudgment: action({
      title: '登记第一审判决（送达）', from: ['trial'], to: 'judged', permission: HANDLE, input: ZJudgment, onField: 'servedOn',
      basis: '行政诉讼法第六十九条至第七十七条、第八十五条', isAvailable: (data) => data.isAppealable === true,
      clocks: { appeal: { kind: 'start', limit: () => appealLimit('judgment') } },
      apply: ({ data, input }) => ({
        ...data,
        judgment: { ...input, title: JUDGMENT_OUTCOMES[input.outcome].title, isLoss: JUDGMENT_OUTCOMES[input.outcome].isLoss },
        lastDecision: { form: 'judgment', kind: input.outcome, servedOn: input.servedOn },
      }),
    }),
    recordRuling: action({
      title: '登记可上诉的裁定（送达）', from: ['defending', 'trial'], to: 'ruled', permission: HANDLE, input: ZRuling, onField: 'servedOn',
      basis: '解释第一百零一条第二款；行政诉讼法第八十五条', isAvailable: (data) => data.isAppealable === true,
      clocks: { appeal: { kind: 'start', limit: () => appealLimit('ruling') } },
      apply: ({ data, input }) => ({
        ...data,
        ruling: { ...input, title: APPEALABLE_RULINGS[input.kind].title },
        lastDecision: { form: 'ruling', kind: input.kind, servedOn: input.servedOn },
      }),
    }),
    continueTrial: action({
      title: '管辖异议裁定生效，继续审理', from: ['ruled'], to: backToTrial, permission: HANDLE, input: ZContinueTrial,
      basis: '解释第十条', clocks: { appeal: 'stop' }, isAvailable: isJurisdictionRuling,
      apply: ({ data, input, on }) => ({
        ...data, jurisdictionRulings: [...((data.jurisdictionRulings as unknown[]) ?? []), { ...(data.ruling as object), ...input, settledOn: on }],
        ruling: undefined, lastDecision: undefined,
      }),
    }),
    fileAppeal: action({
      title: '提起上诉', from: ['judged', 'ruled'], to: 'appealed', permission: HANDLE, input: ZAppeal, onField: 'filedOn',
      basis: '行政诉讼法第八十五条', clocks: { appeal: 'stop', defence: 'stop' },
      isAvailable: (data) => !isJurisdictionRuling(data),
      check: ({ data, input, calendar }) => checkOwnAppeal(data, input.appellant, input.filedOn, calendar),
      apply: ({ data, input }) => ({ ...data, appeal: input }),
    }),
    closeAsFinal: action({
      title: '裁判发生法律效力（结案）', from: ['judged', 'ruled'], to: 'closed', permission: HANDLE, input: ZEffective, onField: 'effectiveOn',
      basis: '行政诉讼法第八十五条', clocks: { appeal: 'stop', defence: 'stop' },
      isAvailable: (data) => !isJurisdictionRuling(data),
      check: ({ data, input, calendar }) => checkTakenEffect(data, input.effectiveOn, calendar),
      apply: ({ data, input }) => ({ ...data, effectiveOn: input.effectiveOn }),
    }),
    recordFinalDecision: action({
      title: '登记终审裁判（送达即生效）', from: ['defending', 'trial'], to: 'closed', permission: HANDLE, input: ZFinalDecision, onField: 'servedOn',
      basis: '行政诉讼法第八十六条、第八十八条、第八十九条；解释第一百一十九条', clocks: { defence: 'stop' },
      isAvailable: (data) => data.isAppealable === false,
      apply: ({ data, input }) => ({
        ...data,
        finalDecision: { ...input, title: FINAL_OUTCOMES[input.outcome].title, isLoss: FINAL_OUTCOMES[input.outcome].isLoss },
        effectiveOn: input.servedOn,
      }),
    }),
    suspend: action({
      title: '中止诉讼', from: ['defending', 'trial'], to: 'suspended', permission: HANDLE, input: ZSuspend,
      basis: '解释第八十七条第一款；行政诉讼法第六十一条第二款', clocks: { defence: 'pause' },
      apply: ({ data, input, on }) => ({ ...data, suspension: { ...input, suspendedOn: on } }),
    }),
    resume: action({
      title: '恢复诉讼', from: ['suspended'], to: backToTrial, permission: HANDLE, input: ZEmpty,
      basis: '解释第八十七条第二款', clocks: { defence: 'resume' },
    }),
    terminate: action({
      title: '终结诉讼', from: ['defending', 'trial', 'suspended'], to: 'closed', permission: HANDLE, input: ZTerminate,
      basis: '解释第八十八条', clocks: { defence: 'stop' },
      apply: ({ data, input, on }) => ({ ...data, termination: input, effectiveOn: on }),
    }),
    recordOtherRuling: action({
      title: '登记其他裁定', from: ['defending', 'trial', 'suspended', 'judged', 'ruled'], to: ({ state }) => state, permission: HANDLE,
      input: ZOtherRuling, basis: '解释第一百零一条第一款第六项至第十五项',
      apply: ({ data, input, on }) => ({ ...data, otherRulings: [...((data.otherRulings as unknown[]) ?? []), { ...input, on }] }),
    }),
    withdraw: action({
      title: '原告撤诉（准予撤诉裁定）', from: ['defending', 'trial', 'suspended'], to: 'withdrawn', permission: HANDLE, input: ZWithdraw,
      onField: 'servedOn', basis: '行政诉讼法第六十二条；解释第一百零一条第一款第十项', clocks: { defence: 'stop' },
      apply: ({ data, input }) => ({ ...data, withdrawal: input, effectiveOn: input.servedOn }),
    }),
  },
  documents: litigationDocuments,
  permissions: {
    'litigation.read': '查看行政应诉案件',
    'litigation.handle': '办理行政应诉案件',
    'litigation.personal': '查看行政应诉当事人完整身份信息',
  },
  caseTitle: (data) => {
    const plaintiffs = (data.plaintiffs as { name: string }[] | undefined)?.map((p) => p.name).join('、') ?? '';
    const act = (data.act as { title?: string } | undefined)?.title ?? '';
    return `${plaintiffs}诉${act}（${String(data.courtCaseNo ?? '')}）`.slice(0, 200);
  },
  facets: ({ state, data }) => {
    const judgment = (data.finalDecision ?? data.judgment) as { isLoss?: boolean } | undefined;
    const hearings = (data.hearings as { isHeadPresent: boolean }[] | undefined) ?? [];
    return {
      outcome: state,
      instance: data.instance as string | undefined,
      defendantKind: data.defendantKind as string | undefined,
      concluded: ['appealed', 'withdrawn', 'closed'].includes(state) ? 'yes' : null,
      judged: judgment ? 'yes' : null,
      loss: judgment ? (judgment.isLoss ? 'yes' : 'no') : null,
      heard: hearings.length ? 'yes' : null,
      headAttended: hearings.length ? (hearings.some((h) => h.isHeadPresent) ? 'yes' : 'no') : null,
    };
  },
  searchText: (data) => JSON.stringify([data.plaintiffs, data.act, data.court, data.courtCaseNo, data.claims, data.defendantName]),
});
