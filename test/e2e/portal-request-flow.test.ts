import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listZipEntries, readZipEntry } from '../../server/platform/files/zip-reader.ts';
import { launchBrowser, openPage } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

/**
 * 依申请公开 end to end: a member of the public submits a request on the portal (no login; the portal
 * needs no JavaScript) and notes the 查询码; staff answer it in the admin UI (予以公开 — 已主动公开, with
 * the way to get it); the applicant looks the code up and downloads the 答复书 as a Word file. Then an
 * item written, submitted and approved in the admin UI (政务公开 → 信息发布) is found by the portal's search.
 */
describe('portal request flow: request, answer, look up, download; search finds a published item', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let portal: Page;
  let staff: Page;
  let pageErrors: string[] = [];
  let queryCode = '';

  const suffix = String(Date.now()).slice(-6);
  const description = `本县2024年城区停车场收费标准的批复文件（${suffix}）`;
  const field = (path: string) => `[data-test="field-${path}"]`;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // The public's browser runs no scripts: the portal must work without them.
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', javaScriptEnabled: false });
    context.setDefaultTimeout(15_000);
    portal = await context.newPage();
    const opened = await openPage(browser);
    staff = opened.page;
    pageErrors = opened.errors;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('submits a request through the portal form and shows the 查询码 once', async () => {
    await portal.goto(`${server!.url}/`);
    await portal.click('nav.site-nav a:has-text("依申请公开")');
    await expect(portal.locator('h1').innerText()).resolves.toBe('政府信息公开申请');
    await portal.selectOption('#f-orgId', { label: '示例县人民政府' });
    await portal.selectOption('#f-applicantType', 'natural_person');
    await portal.fill('#f-name', '王五');
    await portal.fill('#f-idNumber', '11010519491231002X');
    await portal.fill('#f-phone', '13912345678');
    await portal.fill('#f-description', description);
    await expect(portal.locator('#f-form-0').isChecked()).resolves.toBe(true);
    await expect(portal.locator('#f-delivery-0').isChecked()).resolves.toBe(true);
    await portal.click('form.public-form button[type=submit]');

    await expect(portal.locator('h1').innerText()).resolves.toBe('申请已提交');
    queryCode = await portal.locator('.query-code').innerText();
    expect(queryCode).toMatch(/^[A-Z2-9]{12}$/);
  });

  it('shows the request to staff, who answer it: 已主动公开 with the way to get it', async () => {
    await staff.goto(`${server!.url}/admin/`);
    await staff.fill('[data-test=login-username]', 'admin');
    await staff.fill('[data-test=login-password]', server!.adminPassword);
    await staff.click('[data-test=login-submit]');
    await staff.waitForSelector('[data-test=home-welcome]');
    await staff.click('[data-test=menu-cases-disclosure]');
    await expect(staff.locator('[data-test=case-list-title]').innerText()).resolves.toBe('政府信息公开申请');
    await staff.fill('[data-test=case-filter-q]', suffix);
    await staff.click('[data-test=case-search]');
    await expect.poll(() => staff.locator('[data-test=case-row-no]').count()).toBe(1);
    await staff.locator('[data-test=case-row-no]').click();
    await staff.locator('[data-test=case-header]').waitFor();
    await expect(staff.locator('[data-test=case-state]').getAttribute('data-state')).resolves.toBe('received');
    await expect(staff.locator('[data-test=case-fields]').innerText()).resolves.toContain(description);

    await staff.click('[data-test=ability-answer]');
    await staff.click(`.el-select${field('outcome')}`);
    await staff.locator('[data-test="field-outcome-already_public"]').filter({ visible: true }).click();
    await staff.fill(field('accessPath'), '示例县人民政府门户网站“政府信息公开目录—财政预决算”栏目');
    await staff.click('[data-test=action-submit]');
    await staff.locator('[data-test=case-state][data-state=answered]').waitFor();
    await expect(staff.locator('[data-test=timeline-event][data-action=answer]').count()).resolves.toBe(1);
  });

  it('looks the 查询码 up on the portal and downloads the 答复书 as a Word file', async () => {
    await portal.click('nav.site-nav a:has-text("申请查询")');
    await portal.fill('#f-code', queryCode.toLowerCase());
    await portal.click('form.public-form button[type=submit]');
    await expect(portal.locator('h1').innerText()).resolves.toBe('申请办理情况');
    await expect(portal.locator('dl.status').innerText()).resolves.toContain('已答复');
    await expect(portal.locator('main').innerText()).resolves.not.toContain('11010519491231002X');

    const answer = portal.locator('ul.documents li', { hasText: '答复书' });
    await expect(answer.count()).resolves.toBe(1);
    const [download] = await Promise.all([portal.waitForEvent('download'), answer.locator('button').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const buffer = fs.readFileSync(await download.path());
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    expect(listZipEntries(buffer)?.map((e) => e.name) ?? []).toContain('word/document.xml');
    const xml = readZipEntry(buffer, 'word/document.xml', 5_000_000)?.toString('utf8') ?? '';
    expect(xml).toContain('财政预决算');
  });

  it('finds an item composed, submitted and approved in the admin UI with the portal search', async () => {
    const title = `示例县行政复议工作规则（${suffix}）`;
    await staff.click('[data-test=menu-items]');
    await staff.click('[data-test=item-create]');
    await staff.locator('[data-test=item-form-title]').waitFor();
    await staff.click('.el-select[data-test=item-form-category]');
    await staff.locator('[data-test=item-category-normative_documents]').filter({ visible: true }).click();
    await staff.fill('[data-test=item-form-title]', title);
    await staff.fill('[data-test=item-form-body]', '<p>行政复议机关办理行政复议案件，适用本规则。</p><script>alert(1)</script>');
    await staff.click('[data-test=item-form-save-submit]');
    await staff.locator('[data-test=item-state][data-state=submitted]').waitFor();
    await expect(staff.locator('[data-test=item-body]').innerHTML()).resolves.toBe('<p>行政复议机关办理行政复议案件，适用本规则。</p>');
    await staff.click('[data-test=item-ability-approve]');
    await staff.click('[data-test=item-action-submit]');
    await staff.locator('[data-test=item-state][data-state=published]').waitFor();
    await expect(staff.locator('[data-test=item-timeliness]').getAttribute('data-status')).resolves.toBe('on_time');
    const id = Number(/\/publishing\/items\/(\d+)/.exec(staff.url())?.[1]);
    expect(id).toBeGreaterThan(0);

    for (const q of ['复议', '行政复议', '规']) {
      await portal.goto(`${server!.url}/search?q=${encodeURIComponent(q)}`);
      const hit = portal.locator(`ol.results a[href="/items/${id}"]`);
      await expect(hit.count(), q).resolves.toBe(1);
    }
    await portal.locator(`ol.results a[href="/items/${id}"]`).click();
    await expect(portal.locator('h1').innerText()).resolves.toBe(title);
  });

  it('raised no uncaught errors in the admin pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
