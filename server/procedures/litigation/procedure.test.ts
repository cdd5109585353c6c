import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import { loadChineseDays } from '../../platform/calendar/chinese-days-source.ts';
import { computeClock } from '../../platform/engine/clocks.ts';
import { planAction, actionsFrom, type CaseSnapshot } from '../../platform/engine/plan.ts';
import { litigation } from './procedure.ts';
import { reviewBodyRole } from './case-links.ts';
import { SAMPLE_INPUTS } from '../../../test/factories/litigation.ts';

// A pure walk of the table: every action from every state it allows, and refused from the others.
const data = loadChineseDays();
const calendar = createCalendar(data.exceptions, data.years, { countAdjustedWorkdays: true });
const TODAY = '2024-12-31';

const BASE = { receivedOn: '2024-09-16', isAppealable: true };
const DEFENCE = { defence: { submittedOn: '2024-09-30' } };
const JUDGMENT = { lastDecision: { form: 'judgment', kind: 'dismissClaims', servedOn: '2024-11-29' } };
const DATA_BY_STATE: Record<string, Record<string, unknown>> = {
  defending: BASE,
  trial: { ...BASE, ...DEFENCE },
  suspended: BASE,
  judged: { ...BASE, ...DEFENCE, ...JUDGMENT },
  ruled: { ...BASE, lastDecision: { form: 'ruling', kind: 'dismissSuit', servedOn: '2024-11-29' } },
  appealed: { ...BASE, ...DEFENCE, ...JUDGMENT },
  withdrawn: BASE,
  closed: { ...BASE, ...DEFENCE },
};
/** Data an action needs beyond its state (its isAvailable condition). */
const DATA_FOR_ACTION: Record<string, Record<string, unknown>> = {
  endEvidenceDelay: { evidenceDelay: { appliedOn: '2024-09-20' } },
  continueTrial: { lastDecision: { form: 'ruling', kind: 'jurisdiction', servedOn: '2024-11-29' } },
  recordFinalDecision: { isAppealable: false },
};
const ON: Record<string, string> = { delayEvidence: '2024-09-25', submitDefence: '2024-09-30', resume: '2024-10-20' };

const snapshot = (state: string, action = ''): CaseSnapshot => ({
  state, data: { ...(DATA_BY_STATE[state] ?? {}), ...(DATA_FOR_ACTION[action] ?? {}) }, lastEventOn: '2024-09-16', takenActions: [],
});
const plan = (state: string, action: string, input: Record<string, unknown> = SAMPLE_INPUTS[action], on = ON[action] ?? '2024-12-20') =>
  planAction(litigation, snapshot(state, action), action, input, on, TODAY, calendar);
const dueOf = (events: { clock: string; event: Parameters<typeof computeClock>[1][number] }[], key: 'defence' | 'appeal') =>
  computeClock(calendar, events.filter((e) => e.clock === key).map((e) => e.event), litigation.clocks[key].limit).dueOn;

describe('the litigation table', () => {
  it('declares an input sample for every action', () => {
    expect(Object.keys(SAMPLE_INPUTS).sort()).toEqual(Object.keys(litigation.actions).sort());
  });

  for (const [key, definition] of Object.entries(litigation.actions)) {
    if (key === litigation.createAction) continue;
    for (const state of definition.from) {
      it(`${key} is allowed from ${state}`, () => {
        expect(Object.keys(litigation.states)).toContain(plan(state, key).toState);
      });
    }
    const refused = Object.keys(litigation.states).filter((s) => !definition.from.includes(s));
    it(`${key} is refused from ${refused.join(', ')}`, () => {
      for (const state of refused) {
        expect(() => plan(state, key)).toThrowError(expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }));
      }
    });
  }

  it('opens a case on the day the complaint copy arrived; the 15-day defence period rolls past National Day (第六十七条)', () => {
    const opened = planAction(litigation, null, 'register', SAMPLE_INPUTS.register, undefined, TODAY, calendar);
    expect(opened).toMatchObject({ toState: 'defending', on: '2024-09-16', data: { isAppealable: true, instanceTitle: '一审' } });
    expect(opened.clockEvents).toEqual([{ clock: 'defence', event: { kind: 'start', on: '2024-09-16' } }]);
    // 2024-09-16 + 15 = 2024-10-01, a holiday until 10-07: the period ends on 2024-10-08 (解释第四十八条).
    expect(dueOf(opened.clockEvents, 'defence')).toBe('2024-10-08');
  });

  it('starts a 15-day appeal period on service of a judgment and a 10-day one on service of a ruling (第八十五条)', () => {
    const judged = plan('trial', 'recordJudgment');
    expect(judged).toMatchObject({ toState: 'judged', on: '2024-11-29' });
    expect(dueOf(judged.clockEvents, 'appeal')).toBe('2024-12-16');
    const ruled = plan('trial', 'recordRuling', { ...SAMPLE_INPUTS.recordRuling, servedOn: '2024-12-18' });
    expect(dueOf(ruled.clockEvents, 'appeal')).toBe('2024-12-30');
  });

  it('refuses a lawyer alone, a missing reason for the head’s absence, and more than two agents', () => {
    const absent = { hearingOn: '2024-10-31', isHeadPresent: false, absenceReason: '意外事件' };
    expect(() => plan('trial', 'recordHearing', { ...absent, lawyers: [{ name: '钱律师', firm: '某律师事务所' }] })).toThrowError(/不得仅委托律师出庭/);
    expect(() => plan('trial', 'recordHearing', { ...absent, staff: [], lawyers: [] })).toThrowError(/规定第十二条/);
    expect(() => plan('trial', 'recordHearing', { ...absent, absenceReason: undefined, staff: [{ name: '赵科长', position: '股长' }] })).toThrowError(/规定第八条/);
    const crowded = { ...SAMPLE_INPUTS.recordHearing, staff: [{ name: '赵', position: '股长' }], lawyers: [{ name: '钱', firm: '所' }, { name: '孙', firm: '所' }] };
    expect(() => plan('trial', 'recordHearing', crowded)).toThrowError(/第三十一条/);
  });

  it('issues the head’s identity certificate or the absence statement with the authorisation', () => {
    expect(plan('trial', 'recordHearing').documents).toEqual(['headIdentityCertificate', 'authorization']);
    const legalRep = { ...SAMPLE_INPUTS.recordHearing, head: { name: '李局长', position: '局长', role: 'principal', isLegalRepresentative: true }, staff: [] };
    expect(plan('trial', 'recordHearing', legalRep).documents).toEqual(['legalRepresentativeCertificate']);
    const absent = { hearingOn: '2024-10-31', isHeadPresent: false, absenceReason: '需要履行他人不能代替的公务', staff: [{ name: '赵科长', position: '法规股股长' }] };
    const planned = plan('trial', 'recordHearing', absent);
    expect(planned.documents).toEqual(['absenceStatement', 'authorization']);
    expect(planned.data).toMatchObject({ isHeadAttended: false });
  });

  it('refuses the agency’s own appeal after its period and closing before the period ends', () => {
    expect(() => plan('judged', 'fileAppeal', { appellant: 'defendant', filedOn: '2024-12-17' })).toThrowError(/第八十五条/);
    expect(plan('judged', 'fileAppeal', { appellant: 'defendant', filedOn: '2024-12-16' }).toState).toBe('appealed');
    expect(() => plan('judged', 'closeAsFinal', { effectiveOn: '2024-12-16' })).toThrowError(/尚未发生法律效力/);
  });

  it('refuses an evidence delay applied for after the 15 days and restarts 15 days when the cause ends (解释第三十四条)', () => {
    expect(() => plan('defending', 'delayEvidence', { appliedOn: '2024-10-09', reason: '不可抗力' }, '2024-10-10')).toThrowError(/解释第三十四条/);
    const ended = plan('defending', 'endEvidenceDelay', {}, '2024-10-20');
    expect(ended.clockEvents).toEqual([{ clock: 'defence', event: { kind: 'restart', on: '2024-10-20', limit: { unit: 'days', count: 15 } } }]);
  });

  it('ends a second instance with a final decision instead of an appealable judgment (第八十八条)', () => {
    const second = { ...snapshot('trial'), data: { ...DATA_BY_STATE.trial, isAppealable: false } };
    expect(actionsFrom(litigation, 'trial', second.data)).not.toContain('recordJudgment');
    expect(actionsFrom(litigation, 'trial', second.data)).toContain('recordFinalDecision');
    expect(actionsFrom(litigation, 'trial', DATA_BY_STATE.trial)).not.toContain('recordFinalDecision');
  });

  it('returns to the defence period after a jurisdiction ruling when no defence was filed yet', () => {
    const data = { ...BASE, lastDecision: { form: 'ruling', kind: 'jurisdiction', servedOn: '2024-09-25' } };
    expect(actionsFrom(litigation, 'ruled', data)).toEqual(['submitDefence', 'continueTrial', 'recordOtherRuling']);
    const next = planAction(litigation, { state: 'ruled', data, lastEventOn: '2024-09-25', takenActions: [] }, 'continueTrial', { isAppealed: false }, '2024-10-08', TODAY, calendar);
    expect(next.toState).toBe('defending');
  });

  it('checks the register input: retrial procedure, simplified procedure only at first instance, court case number', () => {
    const register = (patch: Record<string, unknown>) => () => planAction(litigation, null, 'register', { ...SAMPLE_INPUTS.register, ...patch }, undefined, TODAY, calendar);
    expect(register({ instance: 'retrial' })).toThrowError(/解释第一百一十九条/);
    expect(register({ instance: 'second', isSimplified: true })).toThrowError(/第八十二条/);
    expect(register({ courtCaseNo: '川1724行初12号' })).toThrowError(/法院案号/);
    const retrial = planAction(litigation, null, 'register', { ...SAMPLE_INPUTS.register, instance: 'retrial', retrialProcedure: 'first' }, undefined, TODAY, calendar);
    expect(retrial.data.isAppealable).toBe(true);
  });

  it('makes the review body a co-defendant when the reconsideration upheld or dismissed (第二十六条第二款；解释第一百三十三条)', () => {
    expect(reviewBodyRole('decided', { decision: 'uphold' })).toBe('co_defendant');
    expect(reviewBodyRole('decided', { decision: 'dismiss' })).toBe('co_defendant');
    expect(reviewBodyRole('decided', { decision: 'revoke', isPartial: true })).toBe('co_defendant');
    expect(reviewBodyRole('decided', { decision: 'revoke' })).toBe('sole_defendant');
    expect(reviewBodyRole('decided', { decision: 'confirmIllegal' })).toBe('undetermined');
    expect(reviewBodyRole('rejected', undefined)).toBe('none');
  });
});
