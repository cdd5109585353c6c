import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../test/support/http.ts';
import { multipart } from '../../../test/support/multipart.ts';
import { searchDocuments } from '../search/search.ts';
import { releaseScheduledItems } from './transitions.ts';

type Detail = {
  id: number; version: number; state: string; stateLabel: string; title: string; bodyHtml: string; source: string; dueOn: string;
  publishedOn: string | null; rejectReason: string | null; withdrawReason: string | null; abilities: string[];
  timeliness: { status: string; workingDaysLate: number | null };
  attachments: { id: number; name: string; url: string }[];
  interprets: { id: number; title: string }[]; interpretedBy: { id: number; title: string }[];
};
type List = { items: { id: number; timeliness: { status: string } }[]; total: number; page: number; pageSize: number };

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let reviewer: Agent;
let department: Agent;
let marketId: number;
let eduId: number;

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  reviewer = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  department = await loginAs(ctx.app, 'scjg', TEST_ADMIN_PASSWORD);
  const orgs = (await reviewer.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items;
  marketId = orgs.find((o) => o.code === 'market')!.id;
  eduId = orgs.find((o) => o.code === 'edu')!.id;
});
afterAll(async () => {
  await ctx?.close();
});

const draft = (overrides: Record<string, unknown> = {}) => ({
  orgId: marketId, category: 'penalty', title: '县市场监督管理局行政处罚决定公示', formedOn: '2024-09-20',
  bodyHtml: '<p>当事人不服的，可依法申请行政复议。</p>', ...overrides,
});
const act = (agent: Agent, id: number, action: string, body: Record<string, unknown>) => agent.post<Detail>(`/api/items/${id}/${action}`, body);
const found = async (q: string) =>
  (await searchDocuments(ctx.platform.db, ctx.platform.dialect, { q, subjectType: 'item', page: 1, pageSize: 50 })).items.map((h) => h.subjectId);
const auditActions = async (id: number) =>
  (await ctx.platform.db.selectFrom('audit_log').select('action').where('target_type', '=', 'item').where('target_id', '=', String(id)).orderBy('seq').execute()).map((r) => r.action);

describe('composing, reviewing and publishing an item', () => {
  it('walks draft → 审核中 → 已发布 with an audit record per step and indexes it on publication', async () => {
    const created = await department.post<Detail>('/api/items', draft({ bodyHtml: '<p onclick="x()">行政复议决定书<script>alert(1)</script></p>' }));
    expect(created.status).toBe(201);
    let item = created.body;
    expect(item).toMatchObject({ state: 'draft', stateLabel: '草稿', source: '县市场监督管理局', dueOn: '2024-10-23', bodyHtml: '<p>行政复议决定书</p>' });
    expect(item.abilities).toEqual(['edit', 'submit']);
    expect(await found('复议')).not.toContain(item.id);

    item = (await act(department, item.id, 'submit', { version: item.version })).body;
    expect(item.state).toBe('submitted');
    expect(item.abilities).toEqual([]);
    expect((await act(department, item.id, 'approve', { version: item.version })).status).toBe(403);
    expect(await found('复议')).not.toContain(item.id);

    item = (await act(reviewer, item.id, 'approve', { version: item.version })).body;
    expect(item.state).toBe('published');
    expect(item.publishedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Formed 2024-09-20, due 2024-10-23: published now, so late.
    expect(item.timeliness.status).toBe('late');
    expect(await found('复议')).toContain(item.id);
    expect(await found('行政复议决定')).toContain(item.id);
    expect(await found('书')).toContain(item.id);
    expect(await auditActions(item.id)).toEqual(['item.create', 'item.submit', 'item.approve']);
  });

  it('sends an item back with a reason, then takes the corrected draft', async () => {
    let item = (await department.post<Detail>('/api/items', draft())).body;
    item = (await act(department, item.id, 'submit', { version: item.version })).body;
    expect((await act(reviewer, item.id, 'reject', { version: item.version })).status).toBe(400);
    item = (await act(reviewer, item.id, 'reject', { version: item.version, reason: '请补充文号' })).body;
    expect(item).toMatchObject({ state: 'draft', rejectReason: '请补充文号' });
    const edited = await department.put<Detail>(`/api/items/${item.id}`, { ...draft({ docNumber: '市监罚〔2024〕1号' }), version: item.version });
    expect(edited.status).toBe(200);
    expect((await department.put(`/api/items/${item.id}`, { ...draft(), version: item.version })).status).toBe(409);
    item = (await act(department, item.id, 'submit', { version: edited.body.version })).body;
    expect(item).toMatchObject({ state: 'submitted', rejectReason: null });
    expect(await auditActions(item.id)).toEqual(['item.create', 'item.submit', 'item.reject', 'item.update', 'item.submit']);
  });

  it('publishes a scheduled item when its time comes, dated the scheduled day', async () => {
    let item = (await department.post<Detail>('/api/items', draft({ title: '定时发布的通告', bodyHtml: '<p>定时调解公告</p>' }))).body;
    item = (await act(department, item.id, 'submit', { version: item.version })).body;
    item = (await act(reviewer, item.id, 'approve', { version: item.version, publishAt: '2099-01-05T09:00:00+08:00' })).body;
    expect(item.state).toBe('scheduled');
    expect(await found('定时')).not.toContain(item.id);
    expect(await releaseScheduledItems(ctx.platform, new Date('2099-01-05T00:59:00Z'))).toBe(0);
    expect(await releaseScheduledItems(ctx.platform, new Date('2099-01-05T01:00:00Z'))).toBe(1);
    item = (await reviewer.get<Detail>(`/api/items/${item.id}`)).body;
    expect(item).toMatchObject({ state: 'published', publishedOn: '2099-01-05' });
    expect(await found('定时')).toContain(item.id);
    expect(await auditActions(item.id)).toEqual(['item.create', 'item.submit', 'item.approve', 'item.publish']);
  });

  it('withdraws a published item: the record and reason stay, the index forgets it', async () => {
    let item = (await department.post<Detail>('/api/items', draft({ title: '将撤回的复议信息', bodyHtml: '<p>撤回测试复议</p>' }))).body;
    item = (await act(department, item.id, 'submit', { version: item.version })).body;
    item = (await act(reviewer, item.id, 'approve', { version: item.version })).body;
    expect(await found('撤回测试')).toEqual([item.id]);
    item = (await act(reviewer, item.id, 'withdraw', { version: item.version, reason: '内容有误' })).body;
    expect(item).toMatchObject({ state: 'withdrawn', withdrawReason: '内容有误' });
    expect(await found('撤回测试')).toEqual([]);
    expect((await reviewer.get<Detail>(`/api/items/${item.id}`)).body.title).toBe('将撤回的复议信息');
  });
});

describe('the Art 26 lists and data scope', () => {
  it('lists unpublished items past their 20 working days as overdue, and late publications as late', async () => {
    const item = (await department.post<Detail>('/api/items', draft({ title: '超期未公开' }))).body;
    const overdue = (await reviewer.get<List>('/api/items?timeliness=overdue&pageSize=100')).body;
    expect(overdue.items.map((i) => i.id)).toContain(item.id);
    expect(overdue.items.every((i) => i.timeliness.status === 'overdue')).toBe(true);
    const late = (await reviewer.get<List>('/api/items?timeliness=late&pageSize=100')).body;
    expect(late.items.length).toBeGreaterThan(0);
    expect(late.items.every((i) => i.timeliness.status === 'late')).toBe(true);
    expect(late.items.map((i) => i.id)).not.toContain(item.id);
  });

  it('keeps a department to its own items: others are not found, and it cannot write for others', async () => {
    const other = (await reviewer.post<Detail>('/api/items', draft({ orgId: eduId, category: 'other', title: '教育局信息' }))).body;
    expect((await department.get(`/api/items/${other.id}`)).status).toBe(404);
    expect((await department.post('/api/items', draft({ orgId: eduId }))).status).toBe(403);
    const list = (await department.get<List>('/api/items?pageSize=100')).body;
    expect(list.items.map((i) => i.id)).not.toContain(other.id);
    expect(list).toMatchObject({ page: 1, pageSize: 100 });
  });

  it('validates the category and the forming date', async () => {
    expect((await department.post('/api/items', draft({ category: 'nope' }))).status).toBe(400);
    expect((await department.post('/api/items', draft({ formedOn: '2999-01-01' }))).status).toBe(400);
    expect((await department.post('/api/items', draft({ title: '' }))).status).toBe(400);
  });
});

describe('interpretations and attachments', () => {
  it('links a 政策解读 to the policy it explains, shown from both sides', async () => {
    const policy = (await reviewer.post<Detail>('/api/items', draft({ category: 'normative_documents', title: '某规范性文件' }))).body;
    expect((await reviewer.post('/api/items', draft({ category: 'penalty', interpretsIds: [policy.id] }))).status).toBe(400);
    const reading = await reviewer.post<Detail>('/api/items', draft({ category: 'interpretation', title: '《某规范性文件》解读', interpretsIds: [policy.id] }));
    expect(reading.status).toBe(201);
    expect(reading.body.interprets).toEqual([expect.objectContaining({ id: policy.id, title: '某规范性文件' })]);
    const seen = (await reviewer.get<Detail>(`/api/items/${policy.id}`)).body;
    expect(seen.interpretedBy).toEqual([expect.objectContaining({ id: reading.body.id })]);
  });

  it('attaches a file uploaded for the item and serves it to readers', async () => {
    const item = (await department.post<Detail>('/api/items', draft({ title: '带附件的信息' }))).body;
    const form = multipart([{ name: 'subjectType', value: 'item' }, { name: 'subjectId', value: String(item.id) }, { name: 'file', value: Buffer.from('附件内容\n'), filename: '说明.txt' }]);
    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'scjg', password: TEST_ADMIN_PASSWORD } });
    const uploaded = await ctx.app.inject({
      method: 'POST', url: '/api/files', payload: form.body,
      headers: { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken, 'content-type': form.contentType },
    });
    expect(uploaded.statusCode).toBe(201);
    const fileId = uploaded.json<{ id: number }>().id;
    const saved = await department.put<Detail>(`/api/items/${item.id}`, { ...draft({ title: '带附件的信息' }), attachmentIds: [fileId], version: item.version });
    expect(saved.body.attachments).toEqual([expect.objectContaining({ id: fileId, name: '说明.txt' })]);
    const download = await reviewer.download(saved.body.attachments[0].url);
    expect(download.status).toBe(200);
    expect(download.buffer.toString('utf8')).toBe('附件内容\n');
    expect((await department.put(`/api/items/${item.id}`, { ...draft(), attachmentIds: [999999], version: saved.body.version })).status).toBe(400);
  });
});
