import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import { loadChineseDays } from '../../platform/calendar/chinese-days-source.ts';
import { planAction, type CaseSnapshot } from '../../platform/engine/plan.ts';
import { MEDIATION_SAMPLES } from '../../../test/factories/mediation.ts';
import { mediation } from './procedure.ts';

const data = loadChineseDays();
const calendar = createCalendar(data.exceptions, data.years, { countAdjustedWorkdays: true });
const TODAY = '2024-12-31';
const snapshot = (state: string): CaseSnapshot => ({ state, data: { agreement: { form: 'written' } }, lastEventOn: '2024-09-20', takenActions: [] });

describe('the mediation table', () => {
  it('declares an input sample for every action', () => {
    expect(Object.keys(MEDIATION_SAMPLES).sort()).toEqual(Object.keys(mediation.actions).sort());
  });

  for (const [key, definition] of Object.entries(mediation.actions)) {
    if (key === mediation.createAction) continue;
    for (const state of definition.from) {
      it(`${key} is allowed from ${state}`, () => {
        const plan = planAction(mediation, snapshot(state), key, MEDIATION_SAMPLES[key], '2024-10-31', TODAY, calendar);
        expect(Object.keys(mediation.states)).toContain(plan.toState);
      });
    }
    it(`${key} is refused from every other state`, () => {
      for (const state of Object.keys(mediation.states).filter((s) => !definition.from.includes(s))) {
        expect(() => planAction(mediation, snapshot(state), key, MEDIATION_SAMPLES[key], '2024-10-31', TODAY, calendar))
          .toThrowError(expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }));
      }
    });
  }

  it('marks a dispute as 群体性 from the configured threshold and starts the configured period', () => {
    const settings = { 'mediation.groupThreshold': 10, 'mediation.periodDays': 45 };
    const small = planAction(mediation, null, 'register', { ...MEDIATION_SAMPLES.register, peopleCount: 9 }, undefined, TODAY, calendar, settings);
    const large = planAction(mediation, null, 'register', { ...MEDIATION_SAMPLES.register, peopleCount: 10 }, undefined, TODAY, calendar, settings);
    expect([small.data.isGroup, large.data.isGroup]).toEqual([false, true]);
    const accepted = planAction(mediation, snapshot('registered'), 'accept', MEDIATION_SAMPLES.accept, '2024-09-21', TODAY, calendar, settings);
    expect(accepted.clockEvents[0].event.limit).toEqual({ unit: 'days', count: 45 });
  });

  it('requires the Art 29 contents of a written agreement and the advice of other routes on failure (第二十六条)', () => {
    expect(() => planAction(mediation, snapshot('mediating'), 'reachAgreement', { ...MEDIATION_SAMPLES.reachAgreement, terms: '' }, undefined, TODAY, calendar)).toThrowError(/第二十九条/);
    expect(() => planAction(mediation, snapshot('mediating'), 'fail', { ...MEDIATION_SAMPLES.fail, advisedRoutes: [] }, '2024-10-01', TODAY, calendar)).toThrowError(/第二十六条/);
  });

  it('allows 司法确认 only for written agreements, application first', () => {
    const oral = { ...snapshot('agreed'), data: { agreement: { form: 'oral' } } };
    expect(() => planAction(mediation, oral, 'recordJudicialConfirmation', MEDIATION_SAMPLES.recordJudicialConfirmation, '2024-10-01', TODAY, calendar)).toThrowError(/不具备/);
    expect(() => planAction(mediation, snapshot('agreed'), 'recordJudicialConfirmation', { stage: 'confirmed', court: '法院' }, '2024-10-01', TODAY, calendar)).toThrowError(/先登记/);
  });
});
