import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/support/platform.ts';
import { SYSTEM_ACTOR } from '../platform/context.ts';
import { ZItemInput } from '../platform/publishing/schemas.ts';
import { createItem } from '../platform/publishing/service.ts';
import { transitionItem } from '../platform/publishing/transitions.ts';
import { portalStateOf } from './state.ts';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let marketId: number;
const ids: Record<string, number> = {};
const ALL = { isAll: true } as const;
const XSS = '<script>alert("xss")</script>';

/** Writes an item as the system and takes it as far as the given state. */
async function item(title: string, bodyHtml: string, state: 'draft' | 'published' | 'withdrawn', extra: Record<string, unknown> = {}) {
  const input = ZItemInput.parse({ orgId: marketId, category: 'penalty', title, bodyHtml, formedOn: '2024-09-20', ...extra });
  const id = await createItem(ctx.platform, SYSTEM_ACTOR, { edit: ALL, read: ALL }, input);
  if (state === 'draft') return id;
  await transitionItem(ctx.platform, SYSTEM_ACTOR, ALL, id, 'submit', { version: 1 });
  await transitionItem(ctx.platform, SYSTEM_ACTOR, ALL, id, 'approve', { version: 2 });
  if (state === 'withdrawn') await transitionItem(ctx.platform, SYSTEM_ACTOR, ALL, id, 'withdraw', { version: 3, reason: '测试撤回' });
  return id;
}

const get = async (url: string, cookie?: string) => {
  const response = await ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
  expect(response.body, `${url} must work without scripts`).not.toMatch(/<script/i);
  return response;
};

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  marketId = (await ctx.platform.db.selectFrom('organization').select('id').where('code', '=', 'market').executeTakeFirstOrThrow()).id;
  ids.decision = await item('关于某公司不服行政处罚的行政复议决定书', '<p>本机关作出行政复议决定如下：维持。</p>', 'published', { docNumber: '示复决〔2024〕1号' });
  ids.policy = await item('示例县行政执法公示办法', '<p>第一条 为规范行政执法……</p>', 'published', { category: 'normative_documents' });
  ids.reading = await item('《示例县行政执法公示办法》政策解读', '<p>一、起草背景</p>', 'published', { category: 'interpretation', interpretsIds: [ids.policy] });
  ids.draft = await item('草稿中的复议信息', '<p>尚未公开的复议草稿</p>', 'draft');
  ids.withdrawn = await item('已撤回的复议信息', '<p>撤回的复议内容</p>', 'withdrawn');
  ids.xss = await item(`${XSS}标题`, `<p onmouseover="steal()">正文</p>${XSS}`, 'published', { source: `<b>来源</b>` });
});
afterAll(async () => {
  await ctx?.close();
});

describe('portal pages without JavaScript', () => {
  it('renders the home page: language, skip link, headings, labelled search, latest items only when published', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<a class="skip-link" href="#main">跳到主要内容</a>');
    expect(html).toContain('<main id="main"');
    expect(html).toContain('<h1>政府信息公开</h1>');
    expect(html).toMatch(/<label for="home-q">搜索政府信息<\/label>\s*<input id="home-q" name="q"/);
    expect(html).toContain('<h2 id="cat-penalty">行政处罚</h2>');
    expect(html).toContain(`href="/items/${ids.decision}"`);
    expect(html).not.toContain('草稿中的复议信息');
    expect(html).not.toContain('已撤回的复议信息');
  });

  it('shows an item with 来源, 发布日期, 点击数, its body and the interpretations linked both ways', async () => {
    const html = (await get(`/items/${ids.decision}`)).body;
    expect(html).toContain('<h1>关于某公司不服行政处罚的行政复议决定书</h1>');
    expect(html).toMatch(/<dt>来源<\/dt><dd>县市场监督管理局<\/dd>/);
    expect(html).toMatch(/<dt>发布日期<\/dt><dd><time datetime="\d{4}-\d{2}-\d{2}">/);
    expect(html).toMatch(/<dt>点击数<\/dt><dd>\d+<\/dd>/);
    expect(html).toContain('<dt>文号</dt><dd>示复决〔2024〕1号</dd>');
    expect(html).toContain('<p>本机关作出行政复议决定如下：维持。</p>');
    const policy = (await get(`/items/${ids.policy}`)).body;
    expect(policy).toContain('<h2 id="readings-heading">政策解读</h2>');
    expect(policy).toContain(`<a href="/items/${ids.reading}">《示例县行政执法公示办法》政策解读</a>`);
    const reading = (await get(`/items/${ids.reading}`)).body;
    expect(reading).toContain('<h2 id="policies-heading">解读的政策文件</h2>');
    expect(reading).toContain(`<a href="/items/${ids.policy}">示例县行政执法公示办法</a>`);
  });

  it('escapes a script in a title and source, and has stripped it from the body', async () => {
    const html = (await get(`/items/${ids.xss}`)).body;
    expect(html).toContain('<h1>&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;标题</h1>');
    expect(html).toContain('&lt;b&gt;来源&lt;/b&gt;');
    expect(html).toContain('<p>正文</p>');
    expect(html).not.toContain('onmouseover');
  });

  it('answers drafts, withdrawn items and unknown pages with the Chinese 404 page', async () => {
    for (const url of [`/items/${ids.draft}`, `/items/${ids.withdrawn}`, '/items/abc', '/no/such/page']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).toContain('<h1>页面不存在</h1>');
      expect(response.body).toContain('<html lang="zh-CN">');
    }
    const api = await ctx.app.inject({ url: '/api/no-such-thing' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists the catalogue by category and organisation, with counts', async () => {
    const html = (await get(`/xxgk?org=${marketId}&category=interpretation`)).body;
    expect(html).toContain('<h1>县市场监督管理局 · 政策解读</h1>');
    expect(html).toContain('公开依据：《中华人民共和国政府信息公开条例》');
    expect(html).toContain('《示例县行政执法公示办法》政策解读');
    expect(html).not.toContain('行政复议决定书</a>');
    expect(html).toMatch(/县市场监督管理局（4）/);
    expect(html).toContain('<th scope="col">发布日期</th>');
    expect((await get('/xxgk?org=abc&category=%3Cx%3E&page=-1')).statusCode).toBe(200);
  });
});

describe('portal search', () => {
  const resultLinks = (html: string) => [...html.matchAll(/<h3><a href="\/items\/(\d+)">/g)].map((m) => Number(m[1]));

  it('finds 复议, 行政复议决定 and one character in published items only, with marked snippets', async () => {
    for (const q of ['复议', '行政复议决定', '复']) {
      const html = (await get(`/search?q=${encodeURIComponent(q)}`)).body;
      expect(resultLinks(html), q).toContain(ids.decision);
      expect(resultLinks(html), q).not.toContain(ids.draft);
      expect(resultLinks(html), q).not.toContain(ids.withdrawn);
      expect(html).toContain('<mark>');
    }
    expect(resultLinks((await get(`/search?q=${encodeURIComponent('解读')}`)).body)).toEqual([ids.reading]);
  });

  it('escapes the query wherever it is shown', async () => {
    const html = (await get(`/search?q=${encodeURIComponent(XSS)}`)).body;
    expect(html).toContain('value="&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;"');
    expect(html).toContain('“&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;”的搜索结果');
  });

  it('shows the empty search page without a query', async () => {
    const html = (await get('/search')).body;
    expect(html).toContain('<h1>搜索政府信息</h1>');
    expect(html).toContain('<label for="search-q">关键词</label>');
  });
});

describe('larger text and click counts', () => {
  it('switches to 大字版 through a cookie, with no script', async () => {
    const switched = await ctx.app.inject({ url: '/xxgk?size=large' });
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe('/xxgk');
    const cookie = switched.cookies.find((c) => c.name === 'fz_text')!;
    expect(cookie.value).toBe('large');
    const html = (await get('/xxgk', `fz_text=${cookie.value}`)).body;
    expect(html).toContain('<html lang="zh-CN" class="text-large">');
    expect(html).toContain('<a href="/xxgk?size=normal">标准版</a>');
    expect((await get('/xxgk')).body).toContain('<a href="/xxgk?size=large">大字版</a>');
  });

  it('counts views in memory and writes them in one batch', async () => {
    const id = await item('点击计数测试', '<p>内容</p>', 'published');
    const stored = async () => (await ctx.platform.db.selectFrom('info_item').select('click_count').where('id', '=', id).executeTakeFirstOrThrow()).click_count;
    const shown: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const html = (await get(`/items/${id}`)).body;
      shown.push(Number(/<dt>点击数<\/dt><dd>(\d+)<\/dd>/.exec(html)![1]));
    }
    expect(shown).toEqual([1, 2, 3]);
    expect(await stored()).toBe(0);
    await portalStateOf(ctx.platform)!.clicks.flush();
    expect(await stored()).toBe(3);
    expect(portalStateOf(ctx.platform)!.clicks.pendingViews).toBe(0);
    const html = (await get(`/items/${id}`)).body;
    expect(html).toContain('<dt>点击数</dt><dd>4</dd>');
  });

  it('serves a published item attachment publicly and the stylesheet', async () => {
    const css = await ctx.app.inject({ url: '/portal-assets/portal.css' });
    expect(css.statusCode).toBe(200);
    expect(css.body).toContain(':focus-visible');
    expect((await ctx.app.inject({ url: `/items/${ids.decision}/files/1` })).statusCode).toBe(404);
  });
});
