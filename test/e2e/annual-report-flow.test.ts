import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import type { TestServer } from './support/server.ts';
import { useBrowserSession, type BrowserSession } from './support/session.ts';
import { adminUi } from './support/ui.ts';

/**
 * 法治政府建设年度报告 end to end: the rule-of-law office (fzb) starts the county government's report for last
 * year, cites an entered figure (解答涉法事务咨询, approved 填报) through 插入数据 in a new subsection, is told what
 * is missing when it submits too early, completes the required parts and submits; admin approves, the leader
 * signs (文号, frozen figures), fzb publishes, and the public portal shows the report with the figure as printed.
 */
describe('annual rule-of-law report: write with cited figures, review, sign, publish to the portal', () => {
  let session: BrowserSession;
  let server: TestServer;
  let fzb: Page;
  const pageErrors: string[] = [];
  let reportId = 0;
  let itemId = 0;

  const chinaDate = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const year = Number(chinaDate().slice(0, 4)) - 1;
  const title = `示例县人民政府${year}年法治政府建设工作报告`;
  const INDICATOR = 'legality.consultations';
  const newSub = '[data-test=report-subsection][data-key=measures]';

  useBrowserSession((s) => {
    session = s;
    ({ server, page: fzb } = s);
  });

  /** Another user in a browser context of their own. */
  async function loginAs(username: string): Promise<Page> {
    const opened = await openPage(session.browser);
    opened.page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
    await adminUi(opened.page).login(server.url, username, server.adminPassword);
    return opened.page;
  }

  /** Clicks a workflow button, confirms its dialog and waits for the server's answer. */
  async function act(page: Page, action: string, expectedStatus = 200): Promise<void> {
    await page.click(`[data-test=report-action-${action}]`);
    const dialog = page.locator(`[data-test=report-action-dialog][data-action=${action}]`);
    await dialog.waitFor();
    const answered = page.waitForResponse((r) => r.url().includes(`/api/annual-reports/${reportId}/actions/${action}`));
    await dialog.locator('[data-test=report-action-confirm]').click();
    expect((await answered).status()).toBe(expectedStatus);
  }

  const state = (page: Page) => page.locator('[data-test=report-state]').getAttribute('data-state');

  it('seeds an approved entered figure for the county government (填报 by fzb, approved by admin)', async () => {
    const context = await session.browser.newContext();
    try {
      const api = context.request;
      const as = async (username: string) => {
        const login = await api.post(`${server.url}/api/auth/login`, { data: { username, password: server.adminPassword } });
        expect(login.status()).toBe(200);
        return ((await login.json()) as { csrfToken: string }).csrfToken;
      };
      let csrf = await as('fzb');
      const orgs = (await (await api.get(`${server.url}/api/orgs`)).json()) as { items: { id: number; code: string }[] };
      const countyId = orgs.items.find((o) => o.code === 'county')!.id;
      const entered = await api.post(`${server.url}/api/entered-figures`, {
        headers: { 'X-CSRF-Token': csrf },
        data: { indicatorId: INDICATOR, orgId: countyId, year, value: 312, source: '县司法局涉法事务咨询台账' },
      });
      expect(entered.status(), await entered.text()).toBe(201);
      const { id } = (await entered.json()) as { id: number };
      csrf = await as('admin');
      const reviewed = await api.post(`${server.url}/api/entered-figures/${id}/review`, { headers: { 'X-CSRF-Token': csrf }, data: { decision: 'approve' } });
      expect(reviewed.status(), await reviewed.text()).toBe(200);
    } finally {
      await context.close();
    }
  });

  it('creates the county government\'s report for last year from the list page', async () => {
    await adminUi(fzb).login(server.url, 'fzb', server.adminPassword);
    await fzb.click('[data-test=menu-annual-reports]');
    await fzb.locator('[data-test=report-table]').waitFor();
    await expect(fzb.locator('[data-test=report-list-deadlines]').innerText()).resolves.toContain('4月1日前');
    await fzb.click('[data-test=report-create]');
    await fzb.click('.el-select[data-test=report-create-org]');
    await fzb.locator('div.el-tree-select__popper:visible .el-select-dropdown__item', { hasText: /^示例县人民政府$/ }).click();
    await expect(fzb.locator('.el-select[data-test=report-create-year]').innerText()).resolves.toContain(`${year}年度`);
    const created = fzb.waitForResponse((r) => r.url().endsWith('/api/annual-reports') && r.request().method() === 'POST');
    await fzb.click('[data-test=report-create-submit]');
    const response = await created;
    expect(response.status()).toBe(201);
    reportId = ((await response.json()) as { id: number }).id;

    await fzb.locator('[data-test=report-editor]').waitFor();
    expect(fzb.url()).toContain(`/admin/reports/${reportId}`);
    await expect(fzb.locator('[data-test=report-title]').innerText()).resolves.toBe(title);
    await expect(state(fzb)).resolves.toBe('draft');
    await expect(fzb.locator('[data-test=report-deadline-report]').getAttribute('data-deadline')).resolves.toBe(`${year + 1}-03-01`);
    await expect(fzb.locator('[data-test=report-deadline-publish]').getAttribute('data-deadline')).resolves.toBe(`${year + 1}-04-01`);
    await expect(fzb.locator('[data-test=report-deadline-publish-status]').innerText()).resolves.toMatch(/剩余|今日到期|已逾期/);
    // Only what fzb may do on a draft: edit and submit.
    await expect(fzb.locator('[data-test=report-actions] [data-test^=report-action-]').count()).resolves.toBe(1);
    await fzb.locator('[data-test=report-action-submit]').waitFor();
  });

  it('adds a subsection and inserts the entered figure at the cursor with 插入数据 (约数)', async () => {
    const before = await fzb.locator(newSub).count();
    await fzb.click('[data-test=report-part-measures-add-sub]');
    await expect(fzb.locator(newSub).count()).resolves.toBe(before + 1);
    const sub = fzb.locator(newSub).last();
    await sub.locator('[data-test=report-subsection-title]').fill('强化涉法事务服务');
    const textarea = sub.locator(`[data-test=report-part-measures-sub-${before}-input]`);
    await textarea.fill('全年解答群众和企业涉法事务咨询。');
    // The cursor goes before the full stop; the token must land there.
    await textarea.press('End');
    await textarea.press('ArrowLeft');
    await sub.locator(`[data-test=report-part-measures-sub-${before}-insert]`).click();
    const picker = fzb.locator('[data-test=figure-picker]');
    await picker.locator(`[data-test=figure-picker-row][data-id="${INDICATOR}"]`).waitFor();
    await expect(picker.locator(`[data-test=figure-picker-source][data-id="${INDICATOR}"]`).innerText()).resolves.toBe('填报');
    await expect(picker.locator(`[data-test=figure-picker-value][data-id="${INDICATOR}"]`).innerText()).resolves.toBe('312 次');
    await picker.locator('[data-test=figure-format-approx]').click();
    await picker.locator(`[data-test=figure-pick][data-id="${INDICATOR}"]`).click();
    await expect.poll(() => textarea.inputValue()).toBe(`全年解答群众和企业涉法事务咨询{{${INDICATOR}:approx}}。`);
    const cited = sub.locator(`[data-test=cited-figure][data-id="${INDICATOR}"]`);
    // Under the field, the figure as the report will print it.
    await expect(cited.innerText()).resolves.toContain('300余次');
    await expect(cited.getAttribute('data-source')).resolves.toBe('entered');
    await fzb.locator('[data-test=report-dirty]').waitFor();

    // Moving the subsection up keeps its text with it.
    await sub.locator('[data-test=report-subsection-up]').click();
    const moved = fzb.locator(newSub).nth(before - 1);
    await expect(moved.locator('[data-test=report-subsection-title]').inputValue()).resolves.toBe('强化涉法事务服务');
    await expect(moved.locator('textarea').inputValue()).resolves.toContain(`{{${INDICATOR}:approx}}`);
  });

  it('keeps the user on the page when they would leave with unsaved changes', async () => {
    await fzb.click('[data-test=menu-annual-reports]');
    const box = fzb.locator('.el-message-box', { hasText: '未保存的修改' });
    await box.waitFor();
    await box.locator('button', { hasText: '留下' }).click();
    await fzb.locator('[data-test=report-editor]').waitFor();
    expect(fzb.url()).toContain(`/admin/reports/${reportId}`);
  });

  it('saves, and the preview prints the figure as 300余次 marked 填报 with its source in 数据来源', async () => {
    const saved = fzb.waitForResponse((r) => r.url().endsWith(`/api/annual-reports/${reportId}`) && r.request().method() === 'PUT');
    await fzb.click('[data-test=report-save]');
    expect((await saved).status()).toBe(200);
    await expect.poll(() => fzb.locator('[data-test=report-dirty]').count()).toBe(0);
    const figure = fzb.locator(`[data-test=report-preview] .figure-entered[data-indicator="${INDICATOR}"]`);
    await figure.waitFor();
    await expect(figure.innerText()).resolves.toMatch(/^300余次\s*填报$/);
    const preview = fzb.locator('[data-test=report-preview]');
    await expect(preview.locator('h3', { hasText: '强化涉法事务服务' }).count()).resolves.toBe(1);
    await expect(preview.locator('table').innerText()).resolves.toContain('县司法局涉法事务咨询台账');
    // The preview names what a submission would be refused for: the required parts still empty, no figure problem.
    const problems = fzb.locator('[data-test=report-problems]');
    await expect(problems.innerText()).resolves.toContain('存在的不足和原因');
    await expect(problems.innerText()).resolves.not.toContain('没有数据');
  });

  it('downloads the Word file', async () => {
    const download = fzb.waitForEvent('download');
    await fzb.click('[data-test=report-download]');
    expect((await download).suggestedFilename()).toBe(`${title}.docx`);
  });

  it('refuses to submit while required parts are empty, naming them', async () => {
    await act(fzb, 'submit', 400);
    const problems = fzb.locator('[data-test=report-action-problems]');
    await problems.waitFor();
    await expect(problems.innerText()).resolves.toContain('存在的不足和原因');
    await expect(problems.innerText()).resolves.toContain('第一责任人职责');
    await fzb.keyboard.press('Escape');
    await expect(state(fzb)).resolves.toBe('draft');
  });

  it('fills the required parts and submits the report for review', async () => {
    // A token typed by hand works as well as one inserted; this one is computed from the (empty) mediation records.
    await fzb.fill('[data-test=report-part-shortcomings-body-input]', '基层行政执法人员法治素养有待提升，各调委会调处矛盾纠纷{{mediation.handled}}。');
    await fzb.fill('[data-test=report-part-duties-body-input]', '县政府主要负责人召开常务会议专题研究法治政府建设工作。');
    await fzb.fill('[data-test=report-part-plans-body-input]', '持续推进严格规范公正文明执法。');
    // Submitting saves the unsaved changes first.
    const saved = fzb.waitForResponse((r) => r.url().endsWith(`/api/annual-reports/${reportId}`) && r.request().method() === 'PUT');
    await fzb.click('[data-test=report-action-submit]');
    expect((await saved).status()).toBe(200);
    const dialog = fzb.locator('[data-test=report-action-dialog][data-action=submit]');
    await dialog.waitFor({ state: 'visible' });
    const answered = fzb.waitForResponse((r) => r.url().includes(`/api/annual-reports/${reportId}/actions/submit`));
    await dialog.locator('[data-test=report-action-confirm]').click();
    expect((await answered).status()).toBe(200);
    await expect.poll(() => state(fzb)).toBe('reviewing');
    await expect(fzb.locator('[data-test=report-editor]').count()).resolves.toBe(0);
    // fzb may review reports, but not the one they submitted: 退回 (to withdraw it) remains, 审核通过 does not.
    await fzb.locator('[data-test=report-action-return]').waitFor();
    await expect(fzb.locator('[data-test=report-action-approve]').count()).resolves.toBe(0);
  });

  it('opens the records behind a computed figure from the preview, inside the admin UI', async () => {
    const figure = fzb.locator('[data-test=report-preview] a.figure-computed[data-indicator="mediation.handled"]');
    await expect(figure.innerText()).resolves.toBe('0件');
    await figure.click();
    await expect.poll(() => fzb.url()).toContain('/admin/cases/mediation?');
    expect(fzb.url()).toContain('facet=handled');
    await fzb.goBack();
    await fzb.locator('[data-test=report-preview]').waitFor();
  });

  it('lets admin approve and the leader sign, which gives the report its 文号', async () => {
    const admin = await loginAs('admin');
    await admin.goto(`${server.url}/admin/reports/${reportId}`);
    await admin.locator('[data-test=report-action-approve]').waitFor();
    await act(admin, 'approve');
    await expect.poll(() => state(admin)).toBe('approved');
    await admin.context().close();

    const leader = await loginAs('leader');
    await leader.click('[data-test=menu-annual-reports]');
    await leader.locator(`[data-test=report-row-title][data-id="${reportId}"]`).click();
    await leader.locator('[data-test=report-action-sign]').waitFor();
    await expect(leader.locator('[data-test=report-actions] [data-test^=report-action-]').count()).resolves.toBe(1);
    await act(leader, 'sign');
    await expect.poll(() => state(leader)).toBe('signed');
    await expect(leader.locator('[data-test=report-doc-number]').innerText()).resolves.toMatch(new RegExp(`^示府〔${Number(chinaDate().slice(0, 4))}〕\\d+号$`));
    await expect(leader.locator('[data-test=report-preview-frozen]').count()).resolves.toBe(1);
    await leader.context().close();
  });

  it('lets fzb publish it, linking the portal page', async () => {
    await fzb.click('[data-test=report-reload]');
    await expect.poll(() => state(fzb)).toBe('signed');
    await act(fzb, 'publish');
    await expect.poll(() => state(fzb)).toBe('published');
    const link = fzb.locator('[data-test=report-portal-link]');
    itemId = Number(await link.getAttribute('data-item'));
    expect(itemId).toBeGreaterThan(0);
    await expect(link.getAttribute('href')).resolves.toBe(`/items/${itemId}`);
    await expect(fzb.locator('[data-test=report-event][data-action=publish]').count()).resolves.toBe(1);
  });

  it('shows the published report on the portal with the figure as printed, and finds it by search', async () => {
    const context = await session.browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    try {
      const portal = await context.newPage();
      await portal.goto(`${server.url}/items/${itemId}`);
      await expect(portal.locator('h1').innerText()).resolves.toBe(title);
      const body = await portal.locator('main').innerText();
      expect(body).toContain('全年解答群众和企业涉法事务咨询300余次。');
      expect(body).toContain('县司法局涉法事务咨询台账');

      await portal.goto(`${server.url}/search?q=${encodeURIComponent('法治政府建设工作报告')}`);
      await expect(portal.locator(`main a[href="/items/${itemId}"]`).count()).resolves.toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it('lists the report as published with its 文号', async () => {
    await fzb.click('[data-test=menu-annual-reports]');
    const row = fzb.locator('.el-table__row', { has: fzb.locator(`[data-test=report-row-title][data-id="${reportId}"]`) });
    await expect.poll(() => row.locator('[data-test=report-row-state]').getAttribute('data-state')).toBe('published');
    await expect(row.locator('[data-test=report-row-doc-number]').innerText()).resolves.toContain('示府〔');
    await expect(row.locator('[data-test=report-row-published]').innerText()).resolves.toBe(chinaDate());
  });

  it('raised no uncaught errors in the pages', () => {
    expect([...session.errors, ...pageErrors]).toEqual([]);
  });
});
