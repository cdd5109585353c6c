import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import { loadChineseDays } from '../../platform/calendar/chinese-days-source.ts';
import { AppError } from '../../platform/errors.ts';
import { planAction, type CaseSnapshot } from '../../platform/engine/plan.ts';
import { reconsideration } from './procedure.ts';
import { SAMPLE_INPUTS } from '../../../test/factories/reconsideration.ts';

// A pure walk of the table: every action from every state it allows, and refused from the others.
const data = loadChineseDays();
const calendar = createCalendar(data.exceptions, data.years, { countAdjustedWorkdays: true });
const TODAY = '2024-12-31';

const DATA_BY_STATE: Record<string, Record<string, unknown>> = {
  received: { receivedOn: '2024-09-27' },
  correcting: { receivedOn: '2024-09-27', correctionRequestedOn: '2024-09-30' },
  accepted: { receivedOn: '2024-09-27', procedureType: 'ordinary', opinionLetter: { issuedOn: '2024-10-10' } },
  suspended: { receivedOn: '2024-09-27', procedureType: 'ordinary' },
  decided: { receivedOn: '2024-09-27', opinionLetter: { issuedOn: '2024-10-10' } },
  mediated: { receivedOn: '2024-09-27', opinionLetter: { issuedOn: '2024-10-10' } },
  terminated: { receivedOn: '2024-09-27', opinionLetter: { issuedOn: '2024-10-10' } },
};

const snapshot = (state: string): CaseSnapshot => ({ state, data: DATA_BY_STATE[state] ?? {}, lastEventOn: '2024-09-27', takenActions: [] });
const ON: Record<string, string> = { requestCorrection: '2024-09-30', markAbandoned: '2024-10-30' };

describe('the reconsideration table', () => {
  it('declares an input sample for every action', () => {
    expect(Object.keys(SAMPLE_INPUTS).sort()).toEqual(Object.keys(reconsideration.actions).sort());
  });

  for (const [key, definition] of Object.entries(reconsideration.actions)) {
    if (key === reconsideration.createAction) continue;
    for (const state of definition.from) {
      it(`${key} is allowed from ${state}`, () => {
        const plan = planAction(reconsideration, snapshot(state), key, SAMPLE_INPUTS[key], ON[key] ?? '2024-10-31', TODAY, calendar);
        expect(Object.keys(reconsideration.states)).toContain(plan.toState);
      });
    }
    const refused = Object.keys(reconsideration.states).filter((s) => !definition.from.includes(s));
    it(`${key} is refused from ${refused.join(', ')}`, () => {
      for (const state of refused) {
        expect(() => planAction(reconsideration, snapshot(state), key, SAMPLE_INPUTS[key], '2024-10-31', TODAY, calendar)).toThrowError(
          expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }),
        );
      }
    });
  }

  it('opens a case with register and starts the 5-working-day review clock', () => {
    const plan = planAction(reconsideration, null, 'register', SAMPLE_INPUTS.register, undefined, TODAY, calendar);
    expect(plan).toMatchObject({ toState: 'received', on: '2024-09-27' });
    expect(plan.clockEvents).toEqual([{ clock: 'review', event: { kind: 'start', on: '2024-09-27' } }]);
  });

  it('starts a 30-day decision clock and a 3-working-day copy clock for the simplified procedure', () => {
    const plan = planAction(reconsideration, snapshot('received'), 'accept', { procedureType: 'simplified' }, '2024-10-08', TODAY, calendar);
    expect(plan.clockEvents).toEqual(expect.arrayContaining([
      { clock: 'decision', event: { kind: 'start', on: '2024-10-08', limit: { unit: 'days', count: 30 } } },
      { clock: 'copy', event: { kind: 'start', on: '2024-10-08', limit: { unit: 'workingDays', count: 3 } } },
    ]));
  });

  it('refuses a correction notice later than 5 working days after receipt (第三十一条)', () => {
    expect(() => planAction(reconsideration, snapshot('received'), 'requestCorrection', SAMPLE_INPUTS.requestCorrection, '2024-10-11', TODAY, calendar))
      .toThrowError(/五日内/);
  });

  it('refuses an extension beyond 30 days, for a simplified case, and a second time', () => {
    expect(() => planAction(reconsideration, snapshot('accepted'), 'extend', { ...SAMPLE_INPUTS.extend, days: 31 }, '2024-10-31', TODAY, calendar)).toThrowError(/三十日/);
    const simplified = { ...snapshot('accepted'), data: { procedureType: 'simplified' } };
    expect(() => planAction(reconsideration, simplified, 'extend', SAMPLE_INPUTS.extend, '2024-10-31', TODAY, calendar)).toThrowError(/简易程序/);
    const extended = { ...snapshot('accepted'), takenActions: ['extend'] };
    expect(() => planAction(reconsideration, extended, 'extend', SAMPLE_INPUTS.extend, '2024-10-31', TODAY, calendar)).toThrowError(AppError);
  });

  it('refuses a hearing noticed fewer than 5 working days ahead (第五十一条)', () => {
    const input = { ...SAMPLE_INPUTS.holdHearing, noticeOn: '2024-10-10', hearingOn: '2024-10-15' };
    expect(() => planAction(reconsideration, snapshot('accepted'), 'holdHearing', input, '2024-10-31', TODAY, calendar)).toThrowError(/五日前/);
  });

  it('validates the applicant ID check digit', () => {
    const bad = { ...SAMPLE_INPUTS.register, applicants: [{ kind: 'person', name: '张三', idNumber: '110105194912310021' }] };
    expect(() => planAction(reconsideration, null, 'register', bad, undefined, TODAY, calendar)).toThrowError(/GB 11643/);
  });

  it('refuses a legal date in the future or before the last event', () => {
    expect(() => planAction(reconsideration, snapshot('received'), 'accept', { procedureType: 'ordinary' }, '2025-01-01', TODAY, calendar)).toThrowError(/不能晚于今天/);
    expect(() => planAction(reconsideration, snapshot('received'), 'accept', { procedureType: 'ordinary' }, '2024-09-26', TODAY, calendar)).toThrowError(/不能早于上一步/);
  });

  it('only offers 责令重作 together with 撤销 (第六十四条)', () => {
    const input = { ...SAMPLE_INPUTS.decide, decision: 'uphold', orderRedo: true };
    expect(() => planAction(reconsideration, snapshot('accepted'), 'decide', input, '2024-10-31', TODAY, calendar)).toThrowError(/第六十四条/);
  });
});
