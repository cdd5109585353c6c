import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Agent } from '../../../test/support/http.ts';
import { createTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../../../test/support/platform.ts';
import { inTransaction, type Actor } from '../context.ts';
import { registerFileAccessCheck } from '../files/access.ts';
import { defineDocumentKind, documentKinds } from './kinds.ts';
import { generateDocument, type GenerateDocumentInput } from './store.ts';

const decision = defineDocumentKind<{ applicant: string }>({
  key: 'test.decision',
  title: '行政复议决定书',
  numbered: true,
  build: (data, { docNumber }) => ({
    layout: 'instrument',
    title: '行政复议决定书',
    docNumber,
    issuingOrgName: '示例县人民政府',
    recipient: data.applicant,
    blocks: [{ type: 'paragraph', text: `申请人${data.applicant}不服行政行为，向本机关申请行政复议。` }],
    signature: '示例县人民政府',
    date: '2024-05-06',
  }),
});

defineDocumentKind({
  key: 'test.receipt',
  title: '收件回执',
  numbered: false,
  build: () => ({ title: '收件回执', issuingOrgName: '示例县人民政府', blocks: [], signature: '示例县人民政府', date: '2024-05-06' }),
});

describe('generated documents', () => {
  let t: TestApp;
  let staff: Agent;
  let actor: Actor;
  let orgId: number;

  const generate = (input: Partial<GenerateDocumentInput> = {}) =>
    inTransaction(t.platform, (trx) =>
      generateDocument(trx, t.platform, { kind: decision.key, data: { applicant: '张三' }, orgId, year: 2024, subject: { type: 'test_subject', id: '7' }, actor, ...input }),
    );

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await loginAs(t.app, 'scjg', TEST_ADMIN_PASSWORD);
    const fzb = await t.platform.db.selectFrom('app_user').select(['id', 'display_name']).where('username', '=', 'fzb').executeTakeFirstOrThrow();
    actor = { id: fzb.id, name: fzb.display_name, ip: null };
    orgId = (await t.platform.db.selectFrom('organization').select('id').where('code', '=', 'county').executeTakeFirstOrThrow()).id;
    await t.platform.db
      .insertInto('doc_number_format')
      .values({ org_id: null, kind: 'test.decision', pattern: '{prefix}〔{year}〕{seq}号', prefix: '示府复决', updated_at: new Date().toISOString() })
      .execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the declared kinds and their number series', () => {
    expect(documentKinds.get('test.decision')).toMatchObject({ numbered: true, numberKind: 'test.decision' });
    expect(documentKinds.numberSeries().filter((s) => s.kind.startsWith('test.'))).toEqual([{ kind: 'test.decision', titles: ['行政复议决定书'] }]);
    expect(() => defineDocumentKind({ ...decision, build: decision.build })).toThrow(/twice/);
  });

  it('numbers, renders and stores a document with its file and audit records', async () => {
    const stored = await generate();
    expect(stored).toMatchObject({ kind: 'test.decision', title: '行政复议决定书', docNumber: '示府复决〔2024〕1号' });
    const row = await t.platform.db.selectFrom('document').selectAll().where('id', '=', stored.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ org_id: orgId, subject_type: 'test_subject', subject_id: '7', created_by: actor.id, file_id: stored.fileId });
    const file = await t.platform.db.selectFrom('stored_file').selectAll().where('id', '=', stored.fileId).executeTakeFirstOrThrow();
    expect(file).toMatchObject({ mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', original_name: '示府复决〔2024〕1号 行政复议决定书.docx' });
    const audit = await t.platform.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', 'in', ['document.create', 'file.create']).execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'document.create', target_id: String(stored.id) }, { action: 'file.create', target_id: String(stored.fileId) }]));
  });

  it('leaves nothing and keeps the number when the transaction rolls back', async () => {
    const before = await t.platform.db.selectFrom('document').select('id').execute();
    await expect(
      inTransaction(t.platform, async (trx) => {
        await generateDocument(trx, t.platform, { kind: decision.key, data: { applicant: '李四' }, orgId, year: 2024, subject: null, actor });
        throw new Error('case update conflicted');
      }),
    ).rejects.toThrow('conflicted');
    expect(await t.platform.db.selectFrom('document').select('id').execute()).toHaveLength(before.length);
    expect((await generate()).docNumber).toBe('示府复决〔2024〕2号');
  });

  it('gives unnumbered kinds no number and refuses undeclared kinds', async () => {
    expect((await generate({ kind: 'test.receipt' })).docNumber).toBeNull();
    await expect(generate({ kind: 'test.unknown' })).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('downloads the .docx to administrators, and to others as the subject check allows', async () => {
    const stored = await generate();
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: TEST_ADMIN_PASSWORD } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    // Raw inject: the test agent reads answers as text, which would mangle the .docx bytes.
    const answer = await t.app.inject({ method: 'GET', url: `/api/documents/${stored.id}`, headers: { cookie } });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${stored.docNumber} 行政复议决定书.docx`)}`);
    const xml = await (await JSZip.loadAsync(answer.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain(stored.docNumber);
    expect(xml).toContain('申请人张三不服行政行为');

    expect((await staff.get(`/api/documents/${stored.id}`)).status).toBe(404);
    registerFileAccessCheck('test_subject', ({ principal }) => principal.username === 'scjg');
    expect((await staff.get(`/api/documents/${stored.id}`)).status).toBe(200);
    expect((await staff.get('/api/documents/999999')).status).toBe(404);
    const downloads = await t.platform.db.selectFrom('audit_log').select('target_id').where('action', '=', 'document.download').execute();
    expect(downloads.filter((d) => d.target_id === String(stored.id))).toHaveLength(2);
  });
});
