import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import { loadChineseDays } from '../../platform/calendar/chinese-days-source.ts';
import { planAction, type CaseSnapshot } from '../../platform/engine/plan.ts';
import { DISCLOSURE_SAMPLES } from '../../../test/factories/disclosure.ts';
import { disclosure } from './procedure.ts';

const data = loadChineseDays();
const calendar = createCalendar(data.exceptions, data.years, { countAdjustedWorkdays: true });
const TODAY = '2024-12-31';

const DATA_BY_STATE: Record<string, Record<string, unknown>> = {
  received: { receivedOn: '2024-09-20' },
  correcting: { receivedOn: '2024-09-20', correction: { requestedOn: '2024-09-27', deadlineWorkingDays: 15 } },
  consulting: { receivedOn: '2024-09-20', consultation: { kind: 'thirdParty' } },
};
const snapshot = (state: string, extra: Record<string, unknown> = {}): CaseSnapshot => ({
  state, data: { ...(DATA_BY_STATE[state] ?? {}), ...extra }, lastEventOn: '2024-09-20', takenActions: [],
});
const ON: Record<string, string> = { requestCorrection: '2024-09-27', markAbandoned: '2024-11-29' };

describe('the disclosure table', () => {
  it('declares an input sample for every action', () => {
    expect(Object.keys(DISCLOSURE_SAMPLES).sort()).toEqual(Object.keys(disclosure.actions).sort());
  });

  for (const [key, definition] of Object.entries(disclosure.actions)) {
    if (key === disclosure.createAction) continue;
    for (const state of definition.from) {
      it(`${key} is allowed from ${state}`, () => {
        const extra = key === 'agencyReplied' ? { consultation: { kind: 'agency' } } : {};
        const plan = planAction(disclosure, snapshot(state, extra), key, DISCLOSURE_SAMPLES[key], ON[key] ?? '2024-10-31', TODAY, calendar);
        expect(Object.keys(disclosure.states)).toContain(plan.toState);
      });
    }
    it(`${key} is refused from every other state`, () => {
      for (const state of Object.keys(disclosure.states).filter((s) => !definition.from.includes(s))) {
        expect(() => planAction(disclosure, snapshot(state), key, DISCLOSURE_SAMPLES[key], '2024-10-31', TODAY, calendar))
          .toThrowError(expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }));
      }
    });
  }

  it('takes 收到申请之日 from the channel (第三十一条)', () => {
    const post = planAction(disclosure, null, 'register', { ...DISCLOSURE_SAMPLES.register, channel: 'post_signed', signedOn: '2024-09-23' }, undefined, TODAY, calendar);
    expect(post.on).toBe('2024-09-23');
    const online = planAction(disclosure, null, 'register', { ...DISCLOSURE_SAMPLES.register, channel: 'online', confirmedOn: '2024-09-24' }, undefined, TODAY, calendar);
    expect(online.on).toBe('2024-09-24');
    expect(() => planAction(disclosure, null, 'register', { ...DISCLOSURE_SAMPLES.register, channel: 'fax' }, undefined, TODAY, calendar)).toThrowError(/确认之日/);
  });

  it('refuses a correction notice after 7 working days and an extension beyond 20 (第三十条、第三十三条)', () => {
    expect(() => planAction(disclosure, snapshot('received'), 'requestCorrection', DISCLOSURE_SAMPLES.requestCorrection, '2024-10-09', TODAY, calendar)).toThrowError(/7个工作日/);
    expect(() => planAction(disclosure, snapshot('received'), 'extend', { ...DISCLOSURE_SAMPLES.extend, workingDays: 21 }, '2024-10-09', TODAY, calendar)).toThrowError(/20个工作日/);
  });

  it('requires reasons for a refusal and a path for already-published information', () => {
    expect(() => planAction(disclosure, snapshot('received'), 'answer', { outcome: 'refuse_process' }, '2024-10-09', TODAY, calendar)).toThrowError(/说明理由/);
    expect(() => planAction(disclosure, snapshot('received'), 'answer', { outcome: 'already_public' }, '2024-10-09', TODAY, calendar)).toThrowError(/途径/);
  });
});
