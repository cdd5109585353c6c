import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../test/support/http.ts';

const PASSWORD = 'Demo@2024pass';
let ctx: Awaited<ReturnType<typeof createTestApp>>;
let admin: Agent;
let staff: Agent;

type Setting = { key: string; value: unknown; defaultValue: unknown; isDefault: boolean; basis: string; type: string };
type Item = { id: number; code: string; label: string; isEnabled: boolean };

beforeAll(async () => {
  ctx = await createTestApp({ seed: true, adminPassword: PASSWORD });
  admin = await loginAs(ctx.app, 'admin', PASSWORD);
  staff = await loginAs(ctx.app, 'scjg', PASSWORD);
});
afterAll(async () => {
  await ctx.close();
});

const auditCount = async (action: string) =>
  (await ctx.platform.db.selectFrom('audit_log').select('seq').where('action', '=', action).execute()).length;

describe('参数设置', () => {
  it('lists typed settings with defaults and their basis', async () => {
    const items = (await staff.get<{ items: Setting[] }>('/api/settings')).body.items;
    const nearDue = items.find((s) => s.key === 'clock.nearDueWorkingDays')!;
    expect(nearDue).toMatchObject({ value: 3, defaultValue: 3, isDefault: true, type: 'number' });
    expect(nearDue.basis).toContain('本地规定');
    // Choices and lists say what they take, so the settings page offers a select or a tag list.
    expect(items.find((s) => s.key === 'litigation.lossRateBase')).toMatchObject({ type: 'string', options: ['concluded', 'judged'] });
    expect(items.find((s) => s.key === 'dashboard.headlineIndicators')).toMatchObject({ type: 'array', options: null });
    expect(items.find((s) => s.key === 'reconsideration.correctionDecisions')).toMatchObject({ type: 'array' });
  });

  it('changes a setting with an audit record, rejects a wrong type, and resets to default', async () => {
    expect((await admin.put('/api/settings/clock.nearDueWorkingDays', { value: 5 })).status).toBe(200);
    let items = (await admin.get<{ items: Setting[] }>('/api/settings')).body.items;
    expect(items.find((s) => s.key === 'clock.nearDueWorkingDays')).toMatchObject({ value: 5, isDefault: false });
    expect(await auditCount('setting.update')).toBe(1);

    const bad = await admin.put('/api/settings/clock.nearDueWorkingDays', { value: 'five' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(await auditCount('setting.update')).toBe(1);

    expect((await admin.put('/api/settings/no.such.key', { value: 1 })).status).toBe(404);
    expect((await admin.delete('/api/settings/clock.nearDueWorkingDays')).status).toBe(200);
    items = (await admin.get<{ items: Setting[] }>('/api/settings')).body.items;
    expect(items.find((s) => s.key === 'clock.nearDueWorkingDays')).toMatchObject({ value: 3, isDefault: true });
    expect(await auditCount('setting.reset')).toBe(1);
  });

  it('refuses changes from users without setting.manage', async () => {
    expect((await staff.put('/api/settings/clock.nearDueWorkingDays', { value: 4 })).status).toBe(403);
  });
});

describe('字典管理', () => {
  it('seeds the declared dictionaries', async () => {
    const items = (await staff.get<{ items: Item[] }>('/api/dicts/receive_channel/items')).body.items;
    expect(items.map((i) => i.label)).toContain('信访转入');
  });

  it('adds and disables an item, which stays readable for old records', async () => {
    const created = await admin.post<{ id: number }>('/api/dicts/receive_channel/items', { code: 'wechat', label: '政务微信' });
    expect(created.status).toBe(201);
    const dup = await admin.post('/api/dicts/receive_channel/items', { code: 'wechat', label: '重复' });
    expect(dup.status).toBe(409);
    const disabled = await admin.put(`/api/dicts/receive_channel/items/${created.body.id}`, { label: '政务微信', sort: 9, isEnabled: false });
    expect(disabled.status).toBe(200);
    const items = (await staff.get<{ items: Item[] }>('/api/dicts/receive_channel/items')).body.items;
    expect(items.find((i) => i.code === 'wechat')).toMatchObject({ label: '政务微信', isEnabled: false });
    expect(await auditCount('dict.item.create')).toBe(1);
    expect(await auditCount('dict.item.update')).toBe(1);
  });

  it('rejects bad codes with a field path and writes nothing', async () => {
    const res = await admin.post('/api/dicts', { code: 'Bad Code', name: 'x' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('body.code');
    expect((await staff.post('/api/dicts', { code: 'new_type', name: '新字典' })).status).toBe(403);
  });
});
