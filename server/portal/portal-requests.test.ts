import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../../test/support/platform.ts';
import { loginAs } from '../../test/support/http.ts';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let countyId: number;

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  countyId = (await ctx.platform.db.selectFrom('organization').select('id').where('code', '=', 'county').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await ctx?.close();
});

type Form = { cookie: string; token: string; html: string };

async function openForm(url: string, cookie = ''): Promise<Form> {
  const response = await ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
  expect(response.statusCode).toBe(200);
  expect(response.body).not.toMatch(/<script/i);
  const set = response.cookies.find((c) => c.name === 'fz_form');
  const token = /name="_token" value="([^"]+)"/.exec(response.body)?.[1] ?? '';
  return { cookie: set ? `fz_form=${set.value}` : cookie, token, html: response.body };
}

const post = (url: string, cookie: string, fields: Record<string, string>) =>
  ctx.app.inject({
    method: 'POST', url, payload: new URLSearchParams(fields).toString(),
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });

const valid = (token: string): Record<string, string> => ({
  _token: token, orgId: String(countyId), applicantType: 'natural_person', name: '张三', idNumber: '11010519491231002X',
  phone: '13800138000', description: '本县2024年度政府信息公开工作年度报告的纸质版本', form: 'electronic', delivery: 'online',
});

describe('依申请公开 on the portal', () => {
  it('renders an accessible form: every control labelled, required fields marked, a token and a SameSite cookie', async () => {
    const response = await ctx.app.inject({ url: '/ysqgk' });
    const html = response.body;
    expect(html).toContain('<h1>政府信息公开申请</h1>');
    for (const name of ['orgId', 'applicantType', 'name', 'idNumber', 'phone', 'email', 'address', 'description', 'purpose']) {
      expect(html, name).toContain(`<label for="f-${name}">`);
      expect(html, name).toContain(`id="f-${name}" name="${name}"`);
    }
    expect(html).toContain('<legend>信息的载体形式<span class="required">（必填）</span></legend>');
    expect(html).toMatch(/<option value="\d+">示例县人民政府<\/option>/);
    const cookie = response.cookies.find((c) => c.name === 'fz_form')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  });

  it('refuses a post without the form token or from another browser', async () => {
    const form = await openForm('/ysqgk');
    expect((await post('/ysqgk', form.cookie, { ...valid(''), _token: '' })).statusCode).toBe(403);
    expect((await post('/ysqgk', 'fz_form=AAAAAAAAAAAAAAAAAAAAAA', valid(form.token))).statusCode).toBe(403);
    expect((await post('/ysqgk', '', valid(form.token))).statusCode).toBe(403);
  });

  it('shows field errors with the values escaped, and keeps what was typed', async () => {
    const form = await openForm('/ysqgk');
    const attack = '<img src=x onerror=alert(1)>';
    const response = await post('/ysqgk', form.cookie, { ...valid(form.token), name: attack, idNumber: '110105194912310021', phone: '', description: '' });
    expect(response.statusCode).toBe(400);
    const html = response.body;
    expect(html).toContain('<div class="error-summary" role="alert"');
    expect(html).toContain('<a href="#f-idNumber">身份证件号码：居民身份证号码校验位不正确（GB 11643）</a>');
    expect(html).toContain('<a href="#f-phone">联系电话：请填写联系电话</a>');
    expect(html).toMatch(/<a href="#f-description">所需信息的名称、文号或特征描述：/);
    expect(html).toContain('value="&lt;img src=x onerror=alert(1)&gt;"');
    expect(html).not.toContain(attack);
    expect(html).toContain('aria-invalid="true" aria-describedby="f-phone-error"');
  });

  it('takes a request, answers with a 查询码 once, and shows its status and answer by that code', async () => {
    const form = await openForm('/ysqgk');
    const submitted = await post('/ysqgk', form.cookie, { ...valid(form.token), description: '<b>财政预算</b> 公开文件' });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.headers['cache-control']).toBe('no-store');
    const code = /<strong class="query-code">([A-Z2-9]{12})<\/strong>/.exec(submitted.body)![1];
    const caseNo = /受理编号：<strong>([^<]+)<\/strong>/.exec(submitted.body)![1];
    expect((await post('/ysqgk', form.cookie, valid(form.token))).statusCode).toBe(409);

    const lookup = await openForm('/ysqgk/query', form.cookie);
    expect(lookup.html).toContain('<label for="f-code">查询码<span class="required">（必填）</span></label>');
    const wrong = await post('/ysqgk/query', lookup.cookie, { _token: lookup.token, code: 'AAAAAAAAAAAA' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('查询码不正确，或没有对应的申请');
    let status = await post('/ysqgk/query', lookup.cookie, { _token: lookup.token, code: code.toLowerCase() });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain(`<dt>受理编号</dt><dd>${caseNo}</dd>`);
    expect(status.body).toContain('尚无可下载的文书');
    expect(status.body).not.toContain('11010519491231002X');

    const staff = await loginAs(ctx.app, 'fzb', TEST_ADMIN_PASSWORD);
    const found = await staff.get<{ items: { id: number }[] }>(`/api/cases/disclosure?q=${encodeURIComponent('财政预算')}`);
    const detail = (await staff.get<{ id: number; version: number }>(`/api/cases/disclosure/${found.body.items[0].id}`)).body;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const answered = await staff.post(`/api/cases/disclosure/${detail.id}/actions/answer`, {
      version: detail.version, on: today, outcome: 'already_public', accessPath: '县人民政府门户网站“财政预决算”栏目',
    });
    expect(answered.status, answered.text).toBe(200);

    status = await post('/ysqgk/query', lookup.cookie, { _token: lookup.token, code });
    expect(status.body).toContain(`<dt>答复日期</dt><dd>${today}</dd>`);
    const documentId = /name="documentId" value="(\d+)"/.exec(status.body)![1];
    const downloadToken = /name="_token" value="([^"]+)"/.exec(status.body)![1];
    const download = await post('/ysqgk/download', lookup.cookie, { _token: downloadToken, code, documentId });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await post('/ysqgk/download', lookup.cookie, { _token: downloadToken, code: 'BBBBBBBBBBBB', documentId })).statusCode).toBe(404);
  });

  it('limits lookups per address', async () => {
    const lookup = await openForm('/ysqgk/query');
    const answers: number[] = [];
    for (let i = 0; i < 22; i += 1) answers.push((await post('/ysqgk/query', lookup.cookie, { _token: lookup.token, code: 'CCCCCCCCCCCC' })).statusCode);
    expect(answers).toContain(429);
    const limited = await post('/ysqgk/query', lookup.cookie, { _token: lookup.token, code: 'CCCCCCCCCCCC' });
    expect(limited.body).toContain('<h1>访问过于频繁</h1>');
  });
});
