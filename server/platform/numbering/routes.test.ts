import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Agent } from '../../../test/support/http.ts';
import { createTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../../../test/support/platform.ts';
import { listPermissions } from '../access/permission-registry.ts';
import { inTransaction } from '../context.ts';
import { issueDocNumber } from './issue.ts';
import { todayInChina } from '../engine/plan.ts';

type Formats = { items: { orgId: number | null; orgName: string | null; kind: string; prefix: string; pattern: string; example: string }[]; defaultPattern: string };

describe('doc number format routes', () => {
  let t: TestApp;
  let admin: Agent;
  let staff: Agent;
  let justiceId: number;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    admin = await loginAs(t.app, 'admin', TEST_ADMIN_PASSWORD);
    staff = await loginAs(t.app, 'scjg', TEST_ADMIN_PASSWORD);
    justiceId = (await t.platform.db.selectFrom('organization').select('id').where('code', '=', 'justice').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('declares the docnumber.manage permission under 系统管理', () => {
    expect(listPermissions()).toContainEqual({ key: 'docnumber.manage', label: '管理发文字号格式', group: '系统管理' });
  });

  it('saves the default and an organisation’s own format, audited, and issuing follows them', async () => {
    const items = [
      { orgId: null, kind: '复决', prefix: '示府复决', pattern: '{prefix}〔{year}〕{seq}号' },
      { orgId: justiceId, kind: '复决', prefix: '示司复决', pattern: '{prefix}〔{year}〕{seq}号' },
    ];
    const saved = await admin.put('/api/doc-number-formats', { items });
    expect(saved.status).toBe(200);
    const listed = await admin.get<Formats>('/api/doc-number-formats');
    expect(listed.body.defaultPattern).toBe('{prefix}〔{year}〕{seq}号');
    expect(listed.body.items).toEqual([
      expect.objectContaining({ orgId: null, orgName: null, kind: '复决', example: `示府复决〔${todayInChina().slice(0, 4)}〕1号` }),
      expect.objectContaining({ orgId: justiceId, orgName: '县司法局', prefix: '示司复决' }),
    ]);
    const audit = await t.platform.db.selectFrom('audit_log').select(['after_json']).where('action', '=', 'docnumber.formats.update').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after_json!)).toHaveLength(2);

    const issued = await inTransaction(t.platform, (trx) => issueDocNumber(trx, t.platform.dialect, { orgId: justiceId, kind: '复决', year: 2024 }));
    expect(issued.text).toBe('示司复决〔2024〕1号');
  });

  it('refuses unusable patterns, duplicates and unknown organisations with field paths', async () => {
    const bad = await admin.put('/api/doc-number-formats', {
      items: [
        { orgId: null, kind: '复受', prefix: '示府通', pattern: '{prefix}〔{year}〕第{seq}号' },
        { orgId: null, kind: '复决', prefix: '', pattern: '{prefix}〔{year}〕{seq}号' },
        { orgId: null, kind: '复决', prefix: '示府', pattern: '{prefix}〔{year}〕{seq}号' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const paths = (bad.body.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(['body.items.0.pattern', 'body.items.1.prefix', 'body.items.2.kind']);
    const unknownSeries = await admin.put('/api/doc-number-formats', { items: [{ orgId: null, kind: '不存在的序列', prefix: '示', pattern: '{prefix}〔{year}〕{seq}号' }] });
    expect(unknownSeries.status).toBe(400);
    expect(JSON.stringify(unknownSeries.body)).toContain('不存在的序列');
    const unknownOrg = await admin.put('/api/doc-number-formats', { items: [{ orgId: 99999, kind: '复决', prefix: '示', pattern: '{prefix}〔{year}〕{seq}号' }] });
    expect(unknownOrg.status).toBe(400);
    // Nothing changed.
    expect((await admin.get<Formats>('/api/doc-number-formats')).body.items).toHaveLength(2);
  });

  it('is for holders of docnumber.manage only', async () => {
    expect((await staff.get('/api/doc-number-formats')).status).toBe(403);
    expect((await staff.put('/api/doc-number-formats', { items: [] })).status).toBe(403);
  });
});
