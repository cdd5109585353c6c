import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Agent } from '../../../test/support/http.ts';
import { createTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../../../test/support/platform.ts';

type Day = { date: string; kind: string; isWorkday: boolean; name: string | null };

describe('calendar routes', () => {
  let t: TestApp;
  let admin: Agent;
  let staff: Agent;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    admin = await loginAs(t.app, 'admin', TEST_ADMIN_PASSWORD);
    staff = await loginAs(t.app, 'scjg', TEST_ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows a month to any logged-in user', async () => {
    const answer = await staff.get<{ days: Day[] }>('/api/calendar?year=2024&month=10');
    expect(answer.status).toBe(200);
    expect(answer.body.days).toHaveLength(31);
    expect(answer.body.days[0]).toMatchObject({ date: '2024-10-01', kind: 'holiday', isWorkday: false, name: '国庆节' });
    expect(answer.body.days[11]).toMatchObject({ date: '2024-10-12', kind: 'adjusted_workday', isWorkday: true });
  });

  it('answers CALENDAR_MISSING for a year without data and VALIDATION_FAILED for a bad month', async () => {
    const missing = await staff.get('/api/calendar?year=2030&month=1');
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('CALENDAR_MISSING');
    const bad = await staff.get('/api/calendar?year=2024&month=13');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('lists covered years with their source', async () => {
    const answer = await staff.get<{ items: { year: number; source: string }[] }>('/api/calendar/years');
    expect(answer.body.items.at(-1)).toMatchObject({ year: 2026, source: 'chinese-days@1.5.7' });
  });

  it('computes a deadline in days or working days', async () => {
    const calendarDays = await staff.get('/api/calendar/deadline?from=2024-09-06&days=25');
    expect(calendarDays.body).toMatchObject({ from: '2024-09-06', limit: { unit: 'days', count: 25 }, due: '2024-10-08' });
    const working = await staff.get('/api/calendar/deadline?from=2024-09-27&workingDays=5');
    expect(working.body).toMatchObject({ limit: { unit: 'workingDays', count: 5 }, due: '2024-10-10' });
    const both = await staff.get('/api/calendar/deadline?from=2024-09-27&workingDays=5&days=3');
    expect(both.status).toBe(400);
  });

  it('lets only calendar managers edit or import', async () => {
    const refused = await staff.put('/api/calendar/days/2025-03-03', { kind: 'holiday', name: '地方性放假' });
    expect(refused.status).toBe(403);
    const edited = await admin.put<Day>('/api/calendar/days/2025-03-03', { kind: 'holiday', name: '地方性放假' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ kind: 'holiday', isWorkday: false });

    const csv = 'date,kind,name\n2027-01-01,休,元旦\n2027-02-20,班,春节';
    expect((await staff.post('/api/calendar/import', { csv })).status).toBe(403);
    const imported = await admin.post('/api/calendar/import', { csv });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ year: 2027, holidays: 1, adjustedWorkdays: 1 });
    const bad = await admin.post('/api/calendar/import', { csv: 'date,kind,name\n2027-01-01,休,元旦\n2027-01-04,班,' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('第3行');
  });
});
