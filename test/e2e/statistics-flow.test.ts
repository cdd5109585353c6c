import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

/**
 * Statistics as the rule-of-law office uses them: the 指标 of a year by group, a figure entered (填报) by
 * one user and approved by another (the server refuses self-approval), the figure then marked 填报 in
 * 指标, and the annual disclosure report's table 3 laid out as the 国办公开办函〔2021〕30号 template.
 */
describe('statistics flow: indicators, entered figures with review, annual disclosure report', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let admin: Page;
  let fzb: Page;
  const pageErrors: string[] = [];

  const INDICATOR = 'disclosure.t2.licensing.decisions';

  async function login(username: string): Promise<Page> {
    const opened = await openPage(browser!);
    opened.page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
    await opened.page.goto(`${server!.url}/admin/`);
    await opened.page.fill('[data-test=login-username]', username);
    await opened.page.fill('[data-test=login-password]', server!.adminPassword);
    await opened.page.click('[data-test=login-submit]');
    await opened.page.waitForSelector('[data-test=home-welcome]');
    return opened.page;
  }

  /** Opens an el-select and clicks the visible option with this data-test. */
  async function choose(page: Page, select: string, option: string): Promise<void> {
    await page.click(`.el-select[data-test=${select}]`);
    await page.locator(`[data-test="${option}"]`).filter({ visible: true }).first().click();
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await login('admin');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the statistics, report and template pages in the administrator menu', async () => {
    for (const entry of ['menu-indicators', 'menu-entered-figures', 'menu-disclosure-report', 'menu-doc-numbers', 'menu-doc-templates']) {
      await expect(admin.locator(`[data-test=${entry}]`).count()).resolves.toBe(1);
    }
  });

  it('shows the indicators of 2024 by group, each figure with its source', async () => {
    await admin.click('[data-test=menu-indicators]');
    await admin.locator('[data-test=indicator-group]').first().waitFor();
    await choose(admin, 'indicator-filter-year', 'year-option-2024');
    await expect.poll(() => admin.url()).toContain('year=2024');
    const group = admin.locator('[data-test=indicator-group][data-group="行政复议"]');
    await group.waitFor();
    await expect(group.locator('[data-test=indicator-group-title]').innerText()).resolves.toBe('行政复议');
    await expect(group.locator('[data-test=indicator-title]', { hasText: '收到行政复议申请' }).count()).resolves.toBe(1);
    await expect(admin.locator(`[data-test=indicator-source][data-id="${INDICATOR}"]`).innerText()).resolves.toBe('未提供');
    // A computed figure links to the case list with the same filters the server counted with.
    const listed = admin.waitForRequest((r) => r.url().includes('/api/cases/reconsideration?') && r.url().includes('facet=accepted%3Ayes'));
    await admin.click('[data-test=indicator-records][data-id="reconsideration.accepted"]');
    await admin.locator('[data-test=case-filter-facet][data-facet="accepted:yes"]').waitFor();
    expect((await listed).url()).toContain('openedTo=2024-12-31');
    expect(admin.url()).toContain('/admin/cases/reconsideration?');
    expect(admin.url()).toContain('openedFrom=2024-01-01');
    await admin.goBack();
    await admin.locator('[data-test=indicator-group][data-group="行政复议"]').waitFor();
  });

  it('enters a figure for an indicator the platform cannot compute, and refuses to let its author approve it', async () => {
    await admin.click(`[data-test=indicator-enter][data-id="${INDICATOR}"]`);
    await admin.locator('[data-test=entered-form-source]').waitFor();
    await admin.fill('[data-test=entered-form-value] input', '37');
    await admin.fill('[data-test=entered-form-source]', '县政务服务中心行政许可台账');
    await admin.click('[data-test=entered-form-save]');
    const row = admin.locator('.el-table__row', { has: admin.locator('[data-test=entered-row-indicator]', { hasText: '行政许可：本年处理决定数量' }) });
    await row.locator('[data-test=entered-row-status][data-status=submitted]').waitFor();
    await expect(row.locator('[data-test=entered-row-value]').innerText()).resolves.toBe('37 件');

    await row.locator('[data-test=entered-approve]').click();
    await admin.click('[data-test=review-submit]');
    await expect(admin.locator('.el-message--error').last().innerText()).resolves.toContain('不能审核本人填报的数据');
    await admin.keyboard.press('Escape');
  });

  it('lets another reviewer (fzb) approve it, after which 指标 shows the value marked 填报', async () => {
    fzb = await login('fzb');
    await fzb.click('[data-test=menu-entered-figures]');
    const row = fzb.locator('.el-table__row', { has: fzb.locator('[data-test=entered-row-status][data-status=submitted]') });
    await row.locator('[data-test=entered-approve]').click();
    await fzb.fill('[data-test=review-note]', '与台账核对一致');
    await fzb.click('[data-test=review-submit]');
    await fzb.locator('[data-test=entered-row-status][data-status=approved]').waitFor();
    await expect(fzb.locator('[data-test=entered-row-review-note]').innerText()).resolves.toBe('与台账核对一致');

    await fzb.goto(`${server!.url}/admin/statistics/indicators?year=2024`);
    const source = fzb.locator(`[data-test=indicator-source][data-id="${INDICATOR}"]`);
    await expect.poll(() => source.getAttribute('data-source')).toBe('entered');
    await expect(source.innerText()).resolves.toBe('填报');
    await expect(fzb.locator(`[data-test=indicator-value][data-id="${INDICATOR}"]`).innerText()).resolves.toBe('37 件');
    await expect(fzb.locator('[data-test=indicator-entry-source]').first().innerText()).resolves.toContain('县政务服务中心行政许可台账');
  });

  it('shows the 2024 annual report: table 3 rows as in the template, the entered figure in table 2, the deadline', async () => {
    await admin.click('[data-test=menu-disclosure-report]');
    await admin.locator('[data-test=report-table3]').waitFor();
    await choose(admin, 'report-filter-year', 'year-option-2024');
    await expect.poll(() => admin.locator('[data-test=report-deadline]').getAttribute('data-deadline')).toBe('2025-03-31');

    await expect(admin.locator('[data-test=report-t3-row]').count()).resolves.toBe(25);
    const labels = await admin.locator('[data-test=report-t3-label]').allInnerTexts();
    expect(labels.slice(0, 4)).toEqual(['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '（一）予以公开']);
    expect(labels).toContain('（三）不予公开');
    expect(labels).toContain('1.属于国家秘密');
    expect(labels).toContain('（七）总计');
    expect(labels.at(-1)).toBe('四、结转下年度继续办理');
    const columns = await admin.locator('[data-test=report-t3-column]').allInnerTexts();
    expect(columns).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    await expect(admin.locator('[data-test=report-table3] thead').innerText()).resolves.toMatch(/自然人[\s\S]*法人或其他组织[\s\S]*总计/);

    const cell = admin.locator(`[data-test=report-t2-cell][data-id="${INDICATOR}"]`);
    await expect(cell.getAttribute('data-source')).resolves.toBe('entered');
    await expect(cell.innerText()).resolves.toContain('37');
    await admin.locator('[data-test=report-balanced]').waitFor();
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
