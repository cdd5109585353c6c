import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../../test/support/platform.ts';
import { loginAs, type Agent } from '../../../test/support/http.ts';
import { todayInChina } from '../engine/plan.ts';
import { submitPublicComment } from './service.ts';
import { publicConsultation } from './queries.ts';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;
let countyId: number;
const today = todayInChina();
const plusDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  countyId = (await staff.get<{ items: { id: number; code: string }[] }>('/api/orgs')).body.items.find((o) => o.code === 'county')!.id;
});
afterAll(async () => {
  await ctx.close();
});

const draft = (overrides: Record<string, unknown> = {}) => ({
  orgId: countyId, title: '示例县城区停车管理办法（征求意见稿）', description: '为规范城区停车秩序，起草本办法。',
  articles: ['第一条 为了规范停车……', '第二条 本办法适用于……'], subjectKind: 'normative_document', opensOn: today, closesOn: plusDays(40), ...overrides,
});

type Detail = { state: string; version: number; comments: { id: number; decision: string; contactMasked: string | null }[] };

describe('征求意见', () => {
  it('tells staff the period norm of each kind and the earliest close date for a start date', async () => {
    const meta = await staff.get<{ subjectKinds: { key: string; label: string; basis: string; earliestClose: string | null }[] }>('/api/consultations/meta?opensOn=2024-09-27');
    expect(meta.status).toBe(200);
    expect(meta.body.subjectKinds.find((k) => k.key === 'major_decision')).toMatchObject({ label: '重大行政决策', earliestClose: '2024-10-28' });
    // 7 working days after 2024-09-27 skip the National Day holiday (10月1日–7日).
    expect(meta.body.subjectKinds.find((k) => k.key === 'normative_document')).toMatchObject({ label: '规范性文件', earliestClose: '2024-10-12' });
  });

  it('requires the period a major decision needs (30 days) unless a reason is given', async () => {
    const short = await staff.post('/api/consultations', draft({ subjectKind: 'major_decision', closesOn: plusDays(10) }));
    expect(short.status).toBe(400);
    expect(short.body.message).toContain('30日');
    const withReason = await staff.post('/api/consultations', draft({ subjectKind: 'major_decision', closesOn: plusDays(10), shortPeriodReason: '防汛应急需要' }));
    expect(withReason.status).toBe(201);
  });

  it('takes public comments only while open, records each handling and publishes the 采纳情况说明', async () => {
    const { id } = (await staff.post<{ id: number }>('/api/consultations', draft())).body;
    await expect(submitPublicComment(ctx.platform, id, { articleNo: null, content: '草稿阶段的意见' }, '127.0.0.1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await staff.post(`/api/consultations/${id}/open`)).status).toBe(200);
    expect(await publicConsultation(ctx.platform.db, id)).toMatchObject({ isAcceptingComments: true, handling: [] });

    await submitPublicComment(ctx.platform, id, { articleNo: 2, authorName: '市民甲', contact: '13812345678', content: '建议增加夜间免费停车时段。' }, '127.0.0.1');
    await submitPublicComment(ctx.platform, id, { articleNo: null, content: '<script>alert(1)</script> 整体赞同' }, '127.0.0.2');
    await expect(submitPublicComment(ctx.platform, id, { articleNo: 9, content: '不存在的条款' }, null)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    let detail = (await staff.get<Detail>(`/api/consultations/${id}`)).body;
    expect(detail.comments).toHaveLength(2);
    expect(detail.comments[0].contactMasked).toBe('138****5678');
    const stored = await ctx.platform.db.selectFrom('consultation_comment').select('contact_enc').where('consultation_id', '=', id).execute();
    expect(JSON.stringify(stored)).not.toContain('13812345678');

    expect((await staff.put(`/api/consultations/${id}/comments/${detail.comments[0].id}`, { decision: 'rejected' })).status).toBe(400);
    expect((await staff.put(`/api/consultations/${id}/comments/${detail.comments[0].id}`, { decision: 'partial', reason: '夜间时段由各停车场自定' })).status).toBe(200);
    const early = await staff.post(`/api/consultations/${id}/conclude`, { summary: '共收到意见2条。' });
    expect(early.status).toBe(409);

    await ctx.platform.db.updateTable('consultation').set({ opens_on: plusDays(-40), closes_on: plusDays(-1) }).where('id', '=', id).execute();
    await expect(submitPublicComment(ctx.platform, id, { articleNo: null, content: '期限已过的意见' }, null)).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    expect((await staff.post(`/api/consultations/${id}/conclude`, { summary: '共收到意见2条。' })).status).toBe(400);
    expect((await staff.put(`/api/consultations/${id}/comments/${detail.comments[1].id}`, { decision: 'adopted' })).status).toBe(200);
    expect((await staff.post(`/api/consultations/${id}/conclude`, { summary: '共收到意见2条，部分采纳1条，采纳1条。' })).status).toBe(200);

    const published = await publicConsultation(ctx.platform.db, id);
    expect(published?.summary).toContain('共收到意见2条');
    expect(published?.handling.map((h) => h.decisionLabel)).toEqual(['部分采纳', '采纳']);
    expect(JSON.stringify(published)).not.toContain('市民甲');
    detail = (await staff.get<Detail>(`/api/consultations/${id}`)).body;
    expect(detail.state).toBe('concluded');
  });

  it('hides consultations of other organisations from a department user', async () => {
    const { id } = (await staff.post<{ id: number }>('/api/consultations', draft())).body;
    const market = await loginAs(ctx.app, 'scjg', TEST_ADMIN_PASSWORD);
    expect((await market.get(`/api/consultations/${id}`)).status).toBe(404);
  });
});
