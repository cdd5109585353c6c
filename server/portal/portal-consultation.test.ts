import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../test/support/platform.ts';
import { loginAs, type Agent } from '../../test/support/http.ts';
import { todayInChina } from '../platform/engine/plan.ts';
import { articleView, chineseNumber } from './consultation-view.ts';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let staff: Agent;
let countyId: number;
const today = todayInChina();
const plusDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>';

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
  countyId = (await ctx.platform.db.selectFrom('organization').select('id').where('code', '=', 'county').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await ctx?.close();
});

/** A consultation opened by staff through the API. */
async function openConsultation(title: string): Promise<number> {
  const created = await staff.post<{ id: number }>('/api/consultations', {
    orgId: countyId, title, description: '为规范城区停车秩序，起草本办法。\n现公开征求意见。',
    articles: ['第一条 为了规范停车秩序，制定本办法。', '本办法适用于本县城区。'], subjectKind: 'normative_document', opensOn: today, closesOn: plusDays(40),
  });
  expect(created.status, created.text).toBe(201);
  expect((await staff.post(`/api/consultations/${created.body.id}/open`)).status).toBe(200);
  return created.body.id;
}

/** The consultation's period moved into the past, as if the time had run out. */
const endPeriod = (id: number) => ctx.platform.db.updateTable('consultation').set({ opens_on: plusDays(-40), closes_on: plusDays(-1) }).where('id', '=', id).execute();

async function get(url: string, cookie = '') {
  const response = await ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
  expect(response.body, `${url} must work without scripts`).not.toMatch(/<script/i);
  const set = response.cookies.find((c) => c.name === 'fz_form');
  const token = /name="_token" value="([^"]+)"/.exec(response.body)?.[1] ?? '';
  return { response, html: response.body, cookie: set ? `fz_form=${set.value}` : cookie, token };
}

const post = (url: string, cookie: string, fields: Record<string, string>) =>
  ctx.app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });

type Detail = { comments: { id: number; articleNo: number | null; authorName: string | null; contactMasked: string | null; content: string }[]; version: number };

describe('征求意见 on the portal', () => {
  it('numbers articles in Chinese and keeps a label the text already has', () => {
    expect([1, 10, 15, 20, 21, 100, 105, 110, 300].map(chineseNumber)).toEqual(['一', '十', '十五', '二十', '二十一', '一百', '一百零五', '一百一十', '三百']);
    expect(articleView({ no: 1, text: '第一条 为了规范停车。' })).toMatchObject({ label: '第一条', text: '为了规范停车。' });
    expect(articleView({ no: 2, text: '本办法适用于城区。' })).toMatchObject({ label: '第二条', text: '本办法适用于城区。' });
  });

  it('lists consultations open ones first, links them from home and the navigation, without scripts', async () => {
    const closed = await openConsultation('示例县已截止的征求意见稿');
    await endPeriod(closed);
    const open = await openConsultation('示例县城区停车管理办法（征求意见稿）');
    const list = await get('/zqyj');
    expect(list.response.statusCode).toBe(200);
    expect(list.html).toContain('<h1>征求意见</h1>');
    expect(list.html).toContain('<a href="/zqyj" aria-current="page">征求意见</a>');
    const openAt = list.html.indexOf(`href="/zqyj/${open}"`);
    const closedAt = list.html.indexOf(`href="/zqyj/${closed}"`);
    expect(openAt).toBeGreaterThan(0);
    expect(closedAt).toBeGreaterThan(openAt);
    expect(list.html).toContain('<span class="state state-open">正在征求意见</span>');
    expect(list.html).toContain('<span class="state state-closed">已截止，意见研究处理中</span>');
    expect(list.html).toContain('示例县人民政府');
    const home = await get('/');
    expect(home.html).toContain('<h2 id="consultations-heading">征求意见</h2>');
    expect(home.html).toContain(`href="/zqyj/${open}"`);
    expect(home.html).not.toContain(`href="/zqyj/${closed}"`);
  });

  it('takes a comment within the period, shows a receipt, and the staff see it', async () => {
    const id = await openConsultation('示例县养犬管理规定（征求意见稿）');
    const page = await get(`/zqyj/${id}?article=2`);
    expect(page.html).toContain('<strong class="article-no">第一条</strong>　为了规范停车秩序，制定本办法。');
    expect(page.html).toContain('<a href="?article=2#comment">对第二条提出意见</a>');
    expect(page.html).toMatch(/<option value="2" selected>第二条/);
    expect(page.html).toContain('<label for="f-content">意见和建议<span class="required">（必填）</span></label>');
    expect(page.response.headers['cache-control']).toBe('no-store');

    // A refused post answers the page again with a fresh token (each token is taken once).
    const tokenOf = (html: string) => /name="_token" value="([^"]+)"/.exec(html)![1];
    const empty = await post(`/zqyj/${id}`, page.cookie, { _token: page.token, articleNo: '2', content: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<a href="#f-content">意见和建议：请填写意见和建议</a>');
    expect(empty.body).toMatch(/<option value="2" selected>/);
    expect((await post(`/zqyj/${id}`, page.cookie, { _token: '', content: '建议增加夜间免费时段。' })).statusCode).toBe(403);
    const json = await ctx.app.inject({ method: 'POST', url: `/zqyj/${id}`, payload: { _token: 1, content: ['x'] }, headers: { cookie: page.cookie } });
    expect(json.statusCode).toBe(403);
    const badArticle = await post(`/zqyj/${id}`, page.cookie, { _token: tokenOf(empty.body), articleNo: '9', content: '建议增加夜间免费时段。' });
    expect(badArticle.statusCode).toBe(400);
    expect(badArticle.body).toContain('意见针对的条款：请选择草案全文或其中的一条');
    expect(badArticle.body).toContain('>建议增加夜间免费时段。</textarea>');

    const token = tokenOf(badArticle.body);
    const done = await post(`/zqyj/${id}`, page.cookie, {
      _token: token, articleNo: '2', content: '建议增加夜间免费停车时段。', authorName: '市民甲', contact: '13812345678',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('<h1>意见已提交</h1>');
    expect(done.body).toMatch(/<dt>回执编号<\/dt><dd><strong>YJ\d{8}<\/strong><\/dd>/);
    expect(done.body).toContain('<dt>意见针对</dt><dd>第二条</dd>');
    expect((await post(`/zqyj/${id}`, page.cookie, { _token: token, content: '再次提交同样的意见。' })).statusCode).toBe(409);

    const detail = (await staff.get<Detail>(`/api/consultations/${id}`)).body;
    expect(detail.comments).toEqual([expect.objectContaining({ articleNo: 2, authorName: '市民甲', contactMasked: '138****5678', content: '建议增加夜间免费停车时段。' })]);
  });

  it('refuses a comment outside the period with a Chinese message on the page', async () => {
    const id = await openConsultation('示例县户外广告设置管理办法（征求意见稿）');
    const page = await get(`/zqyj/${id}`);
    await endPeriod(id);
    const refused = await post(`/zqyj/${id}`, page.cookie, { _token: page.token, content: '期限届满后提交的意见。' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(`征求意见期限：本次征求意见的期限为 ${plusDays(-40)} 至 ${plusDays(-1)}，当前不在期限内`);
    expect(refused.body).toContain(`本次征求意见已于 ${plusDays(-1)} 截止，不再接收意见`);
    expect(refused.body).not.toContain('<form class="public-form"');
    expect((await staff.get<Detail>(`/api/consultations/${id}`)).body.comments).toEqual([]);
    expect((await get('/zqyj/999999')).response.statusCode).toBe(404);
  });

  it('publishes the 采纳情况说明 with each handling, escaping the comments and naming no one', async () => {
    const id = await openConsultation('示例县电动自行车管理办法（征求意见稿）');
    const page = await get(`/zqyj/${id}`);
    expect((await post(`/zqyj/${id}`, page.cookie, { _token: page.token, content: `${XSS} 整体赞同`, authorName: '张某某' })).statusCode).toBe(200);
    const second = await get(`/zqyj/${id}`, page.cookie);
    expect((await post(`/zqyj/${id}`, second.cookie, { _token: second.token, articleNo: '1', content: '第一条应写明上位法依据。' })).statusCode).toBe(200);

    await endPeriod(id);
    const detail = (await staff.get<Detail>(`/api/consultations/${id}`)).body;
    const [whole, first] = detail.comments;
    expect(whole.content).toContain(XSS);
    expect((await staff.put(`/api/consultations/${id}/comments/${whole.id}`, { decision: 'adopted' })).status).toBe(200);
    expect((await staff.put(`/api/consultations/${id}/comments/${first.id}`, { decision: 'rejected', reason: '上位法依据已在起草说明中列明' })).status).toBe(200);
    expect((await staff.post(`/api/consultations/${id}/conclude`, { summary: '共收到意见2条。\n采纳1条，不采纳1条。' })).status).toBe(200);

    const concluded = await get(`/zqyj/${id}`);
    const html = concluded.html;
    expect(html).toContain('<h2 id="summary-heading">意见采纳情况说明</h2>');
    expect(html).toContain('<p>共收到意见2条。</p>');
    expect(html).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; 整体赞同');
    expect(html).not.toContain('<img src=x');
    expect(html).toMatch(/<td class="nowrap">全文<\/td>[\s\S]*<td class="nowrap">采纳<\/td>/);
    expect(html).toMatch(/<td class="nowrap">第一条<\/td>[\s\S]*<td class="nowrap">不采纳<\/td>\s*<td>上位法依据已在起草说明中列明<\/td>/);
    expect(html).not.toContain('张某某');
    expect(html).toContain('本次征求意见已结束，不再接收意见。');
    expect(html).toContain('<span class="state state-concluded">已公布采纳情况</span>');
  });
});
