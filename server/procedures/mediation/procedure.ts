import { action, defineProcedure } from '../../platform/engine/define.ts';
import { days } from '../../platform/calendar/deadline.ts';
import { GROUP_DISPUTE_THRESHOLD, MEDIATION_PERIOD_DAYS } from './settings.ts';
import { ZAccept, ZAgreement, ZDecline, ZFail, ZFollowUp, ZJudicialConfirmation, ZPerformance, ZRegister, ZSession } from './schemas.ts';
import { mediationDocuments } from './documents.ts';

const HANDLE = 'mediation.handle';
const AFTER_AGREEMENT = ['agreed'] as const;

/**
 * 人民调解 under 中华人民共和国人民调解法（2011-01-01施行）. The law sets no mediation period; the period here is a
 * local setting (提醒, not a statutory deadline). The 30-day window for 司法确认 is 第三十三条.
 */
export const mediation = defineProcedure({
  key: 'mediation',
  title: '人民调解',
  version: '2010',
  basis: '中华人民共和国人民调解法',
  caseNoKind: '调',
  states: {
    registered: '已登记（待受理）',
    mediating: '调解中',
    agreed: '调解成功',
    failed: '调解不成',
    declined: '不予调解',
  },
  finalStates: ['agreed', 'failed', 'declined'],
  clocks: {
    mediation: { title: '调解期限（本地规定）', limit: days(30), basis: '本地规定（参数“人民调解期限”）' },
    judicialConfirmation: { title: '申请司法确认', limit: days(30), basis: '人民调解法第三十三条', isWindow: true },
  },
  createAction: 'register',
  actions: {
    register: action({
      title: '登记纠纷', from: [], to: 'registered', permission: HANDLE, input: ZRegister, onField: 'receivedOn', basis: '第十七条、第十八条',
      documents: ({ input }) => (input.isOnBehalf ? ['application'] : []),
      apply: ({ input, settings }) => ({ ...input, isGroup: input.peopleCount >= Number(settings[GROUP_DISPUTE_THRESHOLD.key] ?? GROUP_DISPUTE_THRESHOLD.defaultValue) }),
    }),
    accept: action({
      title: '受理调解', from: ['registered'], to: 'mediating', permission: HANDLE, input: ZAccept, basis: '第十七条',
      clocks: { mediation: { kind: 'start', limit: ({ settings }) => days(Number(settings[MEDIATION_PERIOD_DAYS.key] ?? MEDIATION_PERIOD_DAYS.defaultValue)) } },
      apply: ({ data, input, on }) => ({ ...data, mediators: input.mediators, acceptedOn: on }),
    }),
    decline: action({
      title: '不予调解', from: ['registered', 'mediating'], to: 'declined', permission: HANDLE, input: ZDecline, basis: '第十七条',
      clocks: { mediation: 'stop' }, apply: ({ data, input, on }) => ({ ...data, declined: { ...input, on } }),
    }),
    recordSession: action({
      title: '记录调解', from: ['mediating'], to: 'mediating', permission: HANDLE, input: ZSession, onField: 'sessionOn',
      basis: '第二十二条、第二十七条', documents: ['sessionRecord'],
      apply: ({ data, input }) => ({ ...data, sessions: [...((data.sessions as unknown[]) ?? []), input] }),
    }),
    reachAgreement: action({
      title: '达成调解协议', from: ['mediating'], to: 'agreed', permission: HANDLE, input: ZAgreement, onField: 'effectiveOn',
      basis: '第二十八条、第二十九条、第三十条',
      clocks: { mediation: 'stop', judicialConfirmation: 'start' },
      documents: ({ input }) => (input.form === 'written' ? ['agreement'] : ['oralRecord']),
      apply: ({ data, input }) => ({ ...data, agreement: input }),
    }),
    fail: action({
      title: '调解不成', from: ['mediating'], to: 'failed', permission: HANDLE, input: ZFail, basis: '第二十六条',
      clocks: { mediation: 'stop' }, apply: ({ data, input, on }) => ({ ...data, failure: { ...input, on } }),
    }),
    recordPerformance: action({
      title: '记录履行情况', from: AFTER_AGREEMENT, to: 'agreed', permission: HANDLE, input: ZPerformance, basis: '第三十一条',
      apply: ({ data, input, on }) => ({ ...data, performance: { ...input, on } }),
    }),
    recordFollowUp: action({
      title: '回访', from: ['agreed', 'failed'], to: ({ state }) => state, permission: HANDLE, input: ZFollowUp, basis: '第三十一条第二款',
      documents: ['followUpRecord'],
      apply: ({ data, input, on }) => ({ ...data, followUps: [...((data.followUps as unknown[]) ?? []), { ...input, on }] }),
    }),
    recordJudicialConfirmation: action({
      title: '司法确认', from: AFTER_AGREEMENT, to: 'agreed', permission: HANDLE, input: ZJudicialConfirmation, basis: '第三十三条',
      isAvailable: (data) => (data.agreement as { form?: string } | undefined)?.form === 'written',
      check: ({ data, input }) => {
        const current = (data.judicialConfirmation as { stage?: string } | undefined)?.stage;
        if (input.stage === 'applied' && current) return '已申请司法确认';
        if (input.stage !== 'applied' && current !== 'applied') return '请先登记司法确认申请';
        return null;
      },
      clocks: { judicialConfirmation: 'stop' },
      apply: ({ data, input, on }) => ({ ...data, judicialConfirmation: { ...input, on } }),
    }),
  },
  documents: mediationDocuments,
  permissions: {
    'mediation.read': '查看人民调解案件',
    'mediation.handle': '办理人民调解案件',
    'mediation.personal': '查看调解当事人完整身份信息',
  },
  caseTitle: (data) => {
    const names = ((data.parties as { name: string }[] | undefined) ?? []).map((p) => p.name).slice(0, 3).join('与');
    return `${names}纠纷`.slice(0, 200);
  },
  facets: ({ state, data }) => ({
    outcome: state,
    category: data.category as string | undefined,
    source: data.source as string | undefined,
    committee: data.committeeId == null ? undefined : String(data.committeeId),
    group: data.isGroup ? 'yes' : null,
    handled: state !== 'registered' && state !== 'declined' ? 'yes' : null,
    concluded: state === 'agreed' || state === 'failed' ? 'yes' : null,
    performance: (data.performance as { status?: string } | undefined)?.status,
    confirmation: (data.judicialConfirmation as { stage?: string } | undefined)?.stage,
    escalated: (data.failure as { escalation?: string } | undefined)?.escalation && (data.failure as { escalation: string }).escalation !== 'none' ? 'yes' : null,
    ledgerKey: data.ledgerKey as string | undefined,
  }),
  // A ledger import skips rows whose 台账编号 the committee already has.
  lookupKey: 'ledgerKey',
  searchText: (data) => JSON.stringify([data.parties, data.summary, data.place]),
});
