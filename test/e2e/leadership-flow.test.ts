import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestServer } from './support/server.ts';
import { useBrowserSession } from './support/session.ts';
import { adminUi } from './support/ui.ts';

/**
 * 法治建设第一责任人: record a 会前学法 session in its register, see it listed, then find it counted on the
 * 指标 page and follow the figure to the register's list filtered by the same period.
 */
describe('leadership flow: record 会前学法, see it listed and counted, follow the indicator to the records', () => {
  let server: TestServer;
  let page: Page;

  // The platform's year is China's (UTC+8): on 31 December from 16:00 UTC it is already the next one.
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  const meeting = `县政府第17次常务会议（E2E ${Date.now()}）`;

  useBrowserSession((session) => ({ server, page } = session));

  it('opens 法治建设第一责任人 → 会前学法', async () => {
    await adminUi(page).login(server.url, 'admin', server.adminPassword);
    for (const entry of ['menu-leadership-study-sessions', 'menu-leadership-law-reports', 'menu-leadership-oaths', 'menu-leadership-trainings']) {
      await expect(page.locator(`[data-test=${entry}]`).count(), entry).resolves.toBe(1);
    }
    await page.click('[data-test=menu-leadership-study-sessions]');
    await expect(page.locator('[data-test=register-title]').innerText()).resolves.toBe('会前学法');
  });

  it('refuses an empty form with Chinese messages, then records a session', async () => {
    await page.click('[data-test=register-create]');
    await page.locator('[data-test=study-form]').waitFor();
    await page.click('[data-test=register-form-save]');
    await page.locator('[data-test=study-form] .el-form-item__error', { hasText: '请填写会议名称' }).waitFor();
    await expect(page.locator('[data-test=study-form] .el-form-item__error', { hasText: '请至少填写一部所学法律法规' }).count()).resolves.toBe(1);
    await page.fill('[data-test=study-form-meeting]', meeting);
    await page.fill('[data-test=study-form-laws]', '中华人民共和国统计法\n《中华人民共和国食品安全法》');
    await page.fill('[data-test=study-form-topics]', '学习统计、食品安全方面的法律法规');
    await page.click('[data-test=register-form-save]');
    const row = page.locator('.el-table__row', { has: page.locator('[data-test=study-row-meeting]', { hasText: meeting }) });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('《中华人民共和国食品安全法》');
  });

  it('counts it on the 指标 page and links the figure to the register filtered by the year', async () => {
    await page.goto(`${server.url}/admin/statistics/indicators?year=${year}`);
    const value = page.locator('[data-test=indicator-value][data-id="leadership.preMeetingStudy"]');
    await value.waitFor();
    await expect(value.innerText()).resolves.toBe('1 次');
    await expect(page.locator('[data-test=indicator-source][data-id="leadership.preMeetingStudy"]').innerText()).resolves.toBe('平台统计');
    const listed = page.waitForRequest((r) => r.url().includes('/api/leadership/study-sessions?'));
    await page.click('[data-test=indicator-records][data-id="leadership.preMeetingStudy"]');
    const request = new URL((await listed).url());
    expect(request.searchParams.get('from')).toBe(`${year}-01-01`);
    expect(request.searchParams.get('to')).toBe(`${year}-12-31`);
    expect(page.url()).toContain('/admin/leadership/study-sessions?');
    await page.locator('[data-test=study-row-meeting]', { hasText: meeting }).waitFor();
    const dates = page.locator('[data-test=register-filters] input.el-range-input');
    await expect(dates.first().inputValue()).resolves.toBe(`${year}-01-01`);
    await expect(dates.last().inputValue()).resolves.toBe(`${year}-12-31`);
  });
});
