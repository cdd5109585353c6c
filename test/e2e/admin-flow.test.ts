import type { Browser, Page } from 'playwright-core';
import { openPage } from './support/browser.ts';
import { describe, expect, it } from 'vitest';
import type { TestServer } from './support/server.ts';
import { useBrowserSession } from './support/session.ts';

/**
 * An administrator's first day: log in, add a department under the county government, add a
 * user to it, find both in their lists, and find both creations in the audit log (审计日志).
 */
describe('admin flow: organisation, user and audit log', () => {
  let server: TestServer;
  let page: Page;
  let pageErrors: string[] = [];

  const suffix = String(Date.now()).slice(-6);
  const orgName = `县退役军人事务局${suffix}`;
  const orgCode = `veterans${suffix}`;
  const username = `tyjr${suffix}`;
  const displayName = '赵退役';

  // A tree-select's options live in a popper attached to <body>; only the open one is visible.
  const treeOption = (text: string | RegExp) =>
    page.locator('div.el-tree-select__popper:visible .el-select-dropdown__item', { hasText: text });

  let browser: Browser;
  useBrowserSession((session) => ({ server, browser, page, errors: pageErrors } = session));

  it('logs in as the administrator and shows the permitted menu', async () => {
    await page.goto(`${server!.url}/admin/`);
    await page.fill('[data-test=login-username]', 'admin');
    await page.fill('[data-test=login-password]', server!.adminPassword);
    await page.click('[data-test=login-submit]');
    await page.waitForSelector('[data-test=home-welcome]');
    for (const entry of ['menu-orgs', 'menu-users', 'menu-roles', 'menu-audit', 'menu-calendar']) {
      await expect(page.locator(`[data-test=${entry}]`).count()).resolves.toBe(1);
    }
  });

  it('rejects a wrong password with the server message', async () => {
    const { page: other } = await openPage(browser);
    await other.goto(`${server!.url}/admin/login`);
    await other.fill('[data-test=login-username]', 'admin');
    await other.fill('[data-test=login-password]', 'not-the-password');
    await other.click('[data-test=login-submit]');
    await expect(other.locator('[data-test=login-error]').innerText()).resolves.toContain('用户名或密码错误');
    await other.context().close();
  });

  it('creates a department under the county government and lists it in the tree', async () => {
    await page.click('[data-test=menu-orgs]');
    await page.click('[data-test=org-create]');
    await page.click('.el-select[data-test=org-form-parent]');
    // The first node of the tree is the root: the county government.
    await treeOption(/.+/).first().click();
    await page.fill('[data-test=org-form-name]', orgName);
    await page.click('[data-test=org-form-kind]');
    await page.click('[data-test=org-kind-department]');
    await page.fill('[data-test=org-form-code]', orgCode);
    await page.click('[data-test=org-form-save]');

    const row = page.locator('[data-test=org-name]', { hasText: orgName });
    await row.waitFor();
    const orgRow = page.locator('.el-table__row', { has: row });
    await expect(orgRow.innerText()).resolves.toContain('部门');
    await expect(orgRow.innerText()).resolves.toContain(orgCode);
  });

  it('creates a user in that department and finds it in the user list', async () => {
    await page.click('[data-test=menu-users]');
    await page.click('[data-test=user-create]');
    await page.fill('[data-test=user-form-username]', username);
    await page.fill('[data-test=user-form-display-name]', displayName);
    await page.fill('[data-test=user-form-password]', 'Init#Pass2024');
    await page.fill('[data-test=user-form-phone]', '13812345678');
    await page.click('.el-select[data-test=user-form-orgs]');
    await treeOption(new RegExp(`^${orgName}$`)).click();
    await page.click('[data-test=user-form-display-name]');
    await page.click('[data-test=user-form-roles]');
    await page.click('[data-test=user-role-option-department_staff]');
    await page.click('[data-test=user-form-display-name]');
    await page.click('[data-test=user-form-save]');
    await page.locator('[data-test=user-username]', { hasText: username }).waitFor();

    await page.fill('[data-test=user-search-keyword]', username);
    await page.click('[data-test=user-search-submit]');
    await expect.poll(() => page.locator('[data-test=user-username]').allInnerTexts()).toEqual([username]);
    const userRow = page.locator('.el-table__row', { has: page.locator('[data-test=user-username]', { hasText: username }) });
    const text = await userRow.first().innerText();
    expect(text).toContain(displayName);
    expect(text).toContain(orgName);
    expect(text).toContain('138****5678');
    expect(text).not.toContain('13812345678');
  });

  it('shows both creations in the audit log with their details and a verified chain', async () => {
    await page.click('[data-test=menu-audit]');
    await page.locator('[data-test=audit-action][data-action="user.create"]').first().waitFor();
    await expect(page.locator('[data-test=audit-action][data-action="org.create"]').count()).resolves.toBeGreaterThan(0);

    const userCreateRow = page.locator('.el-table__row', { has: page.locator('[data-test=audit-action][data-action="user.create"]') }).first();
    await userCreateRow.locator('[data-test=audit-detail]').click();
    await expect(page.locator('[data-test=audit-after]').innerText()).resolves.toContain(username);
    await page.keyboard.press('Escape');

    await page.click('[data-test=audit-verify]');
    await expect(page.locator('[data-test=audit-verify-result]').innerText()).resolves.toContain('审计链完整');
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
