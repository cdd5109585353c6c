import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestServer } from './support/server.ts';
import { useBrowserSession } from './support/session.ts';
import { adminUi } from './support/ui.ts';

/**
 * The county leader's 领导驾驶舱: two 依申请公开 requests are filed at the market authority (one today, one whose
 * 20 working days ran out long ago); the leader sees the report deadlines on the home page, opens the dashboard,
 * follows a headline figure to the case list filtered to exactly the records it counts, and an overdue count to
 * the department's overdue cases.
 */
describe('leader dashboard flow: headline figures and overdue clocks lead to their records', () => {
  let server: TestServer;
  let page: Page;
  let pageErrors: string[] = [];
  let marketId = 0;

  const chinaDate = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const year = Number(chinaDate(0).slice(0, 4));

  useBrowserSession((session) => ({ server, page, errors: pageErrors } = session));

  it('files two requests at the market authority as the rule-of-law office', async () => {
    const context = await page.context().browser()!.newContext();
    try {
      const api = context.request;
      const login = await api.post(`${server.url}/api/auth/login`, { data: { username: 'fzb', password: server.adminPassword } });
      expect(login.status()).toBe(200);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const orgs = (await (await api.get(`${server.url}/api/orgs`)).json()) as { items: { id: number; code: string }[] };
      marketId = orgs.items.find((o) => o.code === 'market')!.id;
      for (const submittedOn of [chinaDate(0), chinaDate(-60)]) {
        const res = await api.post(`${server.url}/api/cases/disclosure`, {
          headers: { 'X-CSRF-Token': csrfToken },
          data: {
            channel: 'in_person', submittedOn, orgId: marketId, form: 'electronic', delivery: 'email', description: '县城区道路改造项目的立项批复文件',
            applicant: { type: 'natural_person', kind: 'person', name: '王五' },
          },
        });
        expect(res.status(), await res.text()).toBe(201);
      }
    } finally {
      await context.close();
    }
  });

  it('shows the leader the government\'s report deadline on the home page', async () => {
    await adminUi(page).login(server.url, 'leader', server.adminPassword);
    const card = page.locator('[data-test=home-deadlines]');
    await card.waitFor();
    await expect(card.innerText()).resolves.toContain(`示例县人民政府${year - 1}年政府信息公开工作年度报告`);
    // Only the leader's own organisation here (the dashboard lists the whole county).
    await expect(card.locator('[data-test=deadline-link][data-source="disclosure.annualReport"]').count()).resolves.toBe(1);
  });

  it('opens the dashboard with headline cards, charts, overdue clocks and deadlines', async () => {
    await page.click('[data-test=menu-leader-dashboard]');
    const figure = page.locator('[data-test=dashboard-headline-value][data-id="disclosure.requests"]');
    await figure.waitFor();
    await expect(page.locator('[data-test=dashboard-headline]').count()).resolves.toBeGreaterThanOrEqual(6);
    await expect(page.locator('[data-test=dashboard-headline-source][data-id="disclosure.requests"]').innerText()).resolves.toBe('平台统计');
    await expect(page.locator('[data-test=dashboard-headline-change][data-id="disclosure.requests"]').innerText()).resolves.toMatch(/↑|→|↓|上年无可比数据/);
    await expect(page.locator('[data-test=dashboard-comparison] canvas').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('[data-test=dashboard-clock-chart] canvas').count()).resolves.toBeGreaterThan(0);
    const overdue = page.locator(`[data-test=dashboard-clock-link][data-org="${marketId}"][data-procedure=disclosure][data-status=overdue]`);
    await expect(overdue.innerText()).resolves.toBe('1');
    // Every department and township owes last year's disclosure report, plus the government.
    await expect(page.locator('[data-test=dashboard-deadline-table] [data-test=deadline-link][data-source="disclosure.annualReport"]').count()).resolves.toBe(15);
    expect(pageErrors).toEqual([]);
  });

  it('follows a headline figure to the case list filtered to the records it counts', async () => {
    const figure = page.locator('[data-test=dashboard-headline-value][data-id="disclosure.requests"]');
    const count = Number(await figure.innerText());
    expect(count).toBeGreaterThanOrEqual(1);
    const listed = page.waitForRequest((r) => r.url().includes('/api/cases/disclosure?') && r.url().includes(`openedFrom=${year}-01-01`));
    await figure.click();
    expect((await listed).url()).toContain(`openedTo=${year}-12-31`);
    await expect.poll(() => page.url()).toContain('/admin/cases/disclosure?');
    expect(page.url()).toContain(`openedFrom=${year}-01-01`);
    await page.locator('[data-test=case-row-no]').first().waitFor();
    await expect(page.locator('[data-test=case-row-no]').count()).resolves.toBe(count);
  });

  it('follows an overdue count to that department\'s overdue cases', async () => {
    await page.goBack();
    const overdue = page.locator(`[data-test=dashboard-clock-link][data-org="${marketId}"][data-procedure=disclosure][data-status=overdue]`);
    await overdue.click();
    await expect.poll(() => page.url()).toContain('clockStatus=overdue');
    expect(page.url()).toContain(`orgTree=${marketId}`);
    await page.locator('[data-test=case-row-no]').first().waitFor();
    await expect(page.locator('[data-test=case-row-no]').count()).resolves.toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
