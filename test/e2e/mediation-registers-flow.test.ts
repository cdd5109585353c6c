import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestServer } from './support/server.ts';
import { useBrowserSession } from './support/session.ts';
import { adminUi } from './support/ui.ts';

/**
 * The 人民调解 registers through the admin UI: a mediator with a training record, a grid with its workers, and the
 * grid's 排查上报 — one closed with a reason, one converted into a 人民调解 case that opens on its case page.
 */
describe('mediation registers: mediators, grids, workers and 排查上报', () => {
  let server: TestServer;
  let page: Page;
  let pageErrors: string[] = [];

  const suffix = String(Date.now() % 100000);
  const committee = `E2E调委会${suffix}`;
  const mediator = `调解员${suffix}`;
  const grid = `东城镇E2E网格${suffix}`;
  const reportText = `两户因修建围墙争执不下（${suffix}）`;
  const minorText = `楼道堆放杂物引发口角（${suffix}）`;

  const ui = () => adminUi(page);
  const visibleOption = (text: string | RegExp) => page.locator('.el-select-dropdown__item:visible', { hasText: text });
  const errorToasts = () => page.locator('.el-message--error').allInnerTexts();
  const reportRow = (text: string) => page.locator('[data-test=report-table] tbody tr', { hasText: text });

  useBrowserSession((session) => ({ server, page, errors: pageErrors } = session));

  it('shows 调解员 and 网格 under 办案 → 人民调解', async () => {
    await ui().login(server!.url, 'admin', server!.adminPassword);
    await page.locator('[data-test=menu-procedure-mediation]').click();
    await expect(page.locator('[data-test=menu-mediation-mediators]').count()).resolves.toBe(1);
    await expect(page.locator('[data-test=menu-mediation-grids]').count()).resolves.toBe(1);
  });

  it('registers the committee the mediator will belong to', async () => {
    await page.click('[data-test=menu-mediation-committees]');
    await page.click('[data-test=committee-create]');
    await page.fill('[data-test=committee-form-name]', committee);
    await ui().choose('[data-test=committee-form-kind]', 'committee-kind-village_resident');
    await page.click('.el-select[data-test=committee-form-parent]');
    await page.locator('[data-test=committee-parent-option]').filter({ visible: true }).first().click();
    await page.click('[data-test=committee-form-save]');
    await page.locator('[data-test=committee-drawer]').waitFor();
    expect(await errorToasts()).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('refuses an empty mediator form, then registers a mediator', async () => {
    await page.click('[data-test=menu-mediation-mediators]');
    await expect(page.locator('[data-test=mediator-table]').innerText()).resolves.toContain('尚未登记人民调解员');
    await page.click('[data-test=mediator-create]');
    await page.click('[data-test=mediator-form-save]');
    const form = page.locator('[data-test=mediator-form]');
    await expect.poll(() => form.innerText()).toContain('请选择所属调委会');
    expect(await form.innerText()).toContain('请填写姓名');

    await page.click('.el-select[data-test=mediator-form-committee]');
    await page.locator('[data-test=mediator-committee-option]:visible', { hasText: committee }).click();
    await page.fill('[data-test=mediator-form-name]', mediator);
    await page.click('[data-test=mediator-gender-female]');
    await page.click('[data-test=mediator-employment-part_time]');
    await page.click('[data-test=mediator-form-member]');
    await page.fill('[data-test=mediator-form-qualification]', '法律专业本科');
    await page.click('[data-test=mediator-form-save]');
    const drawer = page.locator('[data-test=mediator-drawer]');
    await drawer.waitFor();
    await expect.poll(() => drawer.innerText()).toContain(committee);
    expect(await errorToasts()).toEqual([]);
    await expect(page.locator('[data-test=training-table]').innerText()).resolves.toContain('暂无培训记录');
  });

  it('adds a training record to the mediator', async () => {
    await page.click('[data-test=training-add]');
    await page.click('[data-test=training-form-save]');
    await expect.poll(() => page.locator('[data-test=training-form]').innerText()).toContain('请填写培训内容');
    await page.fill('[data-test=training-form-hours] input', '2.5');
    await page.press('[data-test=training-form-hours] input', 'Tab');
    await page.fill('[data-test=training-form-topic]', '人民调解法及调解技巧');
    await page.fill('[data-test=training-form-organiser]', '县司法局');
    await page.click('[data-test=training-form-save]');
    await expect.poll(() => page.locator('[data-test=training-table] tbody tr').count()).toBe(1);
    const table = await page.locator('[data-test=training-table]').innerText();
    expect(table).toContain('人民调解法及调解技巧');
    expect(table).toContain('2.5');
    await expect(page.locator('[data-test=mediator-drawer]').innerText()).resolves.toContain('1 次，共 2.5 学时');
    await page.keyboard.press('Escape');
  });

  it('finds the mediator in the list by name and filters by 专兼职', async () => {
    await page.fill('[data-test=mediator-filter-q]', mediator);
    await page.click('[data-test=mediator-search]');
    const rows = page.locator('[data-test=mediator-table] tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const row = await rows.first().innerText();
    expect(row).toContain(committee);
    expect(row).toContain('兼职');
    await expect(rows.first().locator('[data-test=mediator-training-summary]').innerText()).resolves.toBe('1 次 / 2.5 学时');
    await ui().choose('[data-test=mediator-filter-employment]', 'mediator-filter-employment-full_time');
    await page.click('[data-test=mediator-search]');
    await expect.poll(() => page.locator('[data-test=mediator-table]').innerText()).toContain('没有符合条件的调解员');
  });

  it('creates a grid in 东城镇 guided by its 司法所', async () => {
    await page.click('[data-test=menu-mediation-grids]');
    await page.locator('[data-test=grid-table]').waitFor();
    await page.click('[data-test=grid-create]');
    await page.fill('[data-test=grid-form-name]', grid);
    await page.click('.el-select[data-test=grid-form-township]');
    await page.locator('[data-test=grid-township-option]:visible', { hasText: /^东城镇$/ }).click();
    await page.fill('[data-test=grid-form-description]', '幸福路以东、解放街以北');
    await page.click('[data-test=grid-form-save]');
    const drawer = page.locator('[data-test=grid-drawer]');
    await drawer.waitFor();
    await expect.poll(() => drawer.innerText()).toContain('东城镇司法所');
    await expect(page.locator('[data-test=worker-table]').innerText()).resolves.toContain('尚未登记网格员');
  });

  it('adds grid workers, checking the phone number, and disables one', async () => {
    await page.click('[data-test=worker-add]');
    await page.fill('[data-test=worker-form-name]', '孙网格');
    await page.fill('[data-test=worker-form-phone]', '12345');
    await page.click('[data-test=worker-form-save]');
    await expect.poll(() => page.locator('[data-test=worker-form]').innerText()).toContain('电话号码格式不正确');
    await page.fill('[data-test=worker-form-phone]', '13900001111');
    await page.click('[data-test=worker-form-save]');
    const workers = page.locator('[data-test=worker-table] tbody tr');
    await expect.poll(() => workers.count()).toBe(1);
    await expect(workers.first().innerText()).resolves.toContain('139****1111');
    await page.click('[data-test=worker-phone-reveal]');
    await expect.poll(() => workers.first().innerText()).toContain('13900001111');

    await page.click('[data-test=worker-add]');
    await page.fill('[data-test=worker-form-name]', '钱网格');
    await page.click('[data-test=worker-form-save]');
    await expect.poll(() => workers.count()).toBe(2);
    await workers.filter({ hasText: '钱网格' }).locator('[data-test=worker-toggle]').click();
    await expect.poll(() => workers.filter({ hasText: '钱网格' }).locator('[data-test=worker-state]').getAttribute('data-active')).toBe('false');
    await expect(page.locator('[data-test=grid-drawer]').innerText()).resolves.toContain('在岗 1 人');
    expect(await errorToasts()).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('files two 排查上报 from the grid\'s report link; only active workers are offered', async () => {
    const gridRow = page.locator('[data-test=grid-table] tbody tr', { hasText: grid });
    await expect(gridRow.locator('[data-test=grid-worker-count]').innerText()).resolves.toBe('1');
    const openLink = await gridRow.locator('[data-test=grid-open-reports]').getAttribute('href');
    expect(openLink).toMatch(/grid-reports\?gridId=\d+&state=open$/);
    await gridRow.locator('[data-test=grid-name]').click();
    await page.locator('[data-test=grid-drawer-reports]').click();
    await page.locator('[data-test=report-table]').waitFor();
    await expect(page.locator('[data-test=report-table]').innerText()).resolves.toContain('暂无数据');

    for (const [text, parties] of [[reportText, ['张三', '李四']], [minorText, ['王五']]] as const) {
      await page.click('[data-test=report-create]');
      await page.click('.el-select[data-test=report-form-grid]');
      await page.locator('[data-test=report-grid-option]:visible', { hasText: grid }).click();
      await page.click('.el-select[data-test=report-form-worker]');
      await expect.poll(() => visibleOption('孙网格').count()).toBe(1);
      await expect(visibleOption('钱网格').count()).resolves.toBe(0);
      await visibleOption('孙网格').click();
      await page.fill('[data-test=report-form-description]', text);
      const partyInput = page.locator('.el-select[data-test=report-form-parties] input');
      for (const name of parties) {
        await partyInput.fill(name);
        await visibleOption(new RegExp(`^${name}$`)).click();
      }
      await partyInput.press('Tab');
      await page.locator('.el-select-dropdown:visible').waitFor({ state: 'detached' }).catch(() => undefined);
      await page.fill('[data-test=report-form-place]', '东城镇幸福村三组');
      await page.click('[data-test=report-risk-medium]');
      await page.click('[data-test=report-form-save]');
      await expect.poll(() => reportRow(text).count()).toBe(1);
      expect(await errorToasts()).toEqual([]);
    }
    const row = await reportRow(reportText).innerText();
    expect(row).toContain('张三、李四');
    expect(row).toContain('孙网格');
    await expect(reportRow(reportText).locator('[data-test=report-state]').getAttribute('data-state')).resolves.toBe('open');
  });

  it('closes the minor report with a reason', async () => {
    await reportRow(minorText).locator('[data-test=report-close]').click();
    await page.locator('.el-message-box textarea').fill('网格员当场劝解，双方已和好');
    await page.click('.el-message-box .el-button--primary');
    await expect.poll(() => reportRow(minorText).locator('[data-test=report-state]').getAttribute('data-state')).toBe('closed');
    await expect(reportRow(minorText).innerText()).resolves.toContain('网格员当场劝解，双方已和好');
  });

  it('converts the other report into a 人民调解 case and opens it', async () => {
    await reportRow(reportText).locator('[data-test=report-convert]').click();
    const form = page.locator('[data-test=convert-form]');
    await form.waitFor();
    // The report named two parties but no category: 登记纠纷 needs one, so the dialog asks for it.
    await expect(form.locator('.el-select[data-test=convert-form-parties]').innerText()).resolves.toMatch(/张三[\s\S]*李四/);
    await page.click('[data-test=convert-form-save]');
    await expect.poll(() => form.innerText()).toContain('请选择纠纷类别');
    await ui().choose('[data-test=convert-form-category]', 'convert-category-neighbourhood');
    await page.click('[data-test=convert-form-save]');
    await page.locator('[data-test=case-header], .el-message--error').first().waitFor();
    expect(await errorToasts(), server!.output().slice(-3000)).toEqual([]);
    await page.locator('[data-test=case-header]').waitFor();
    await expect(page.locator('[data-test=case-state]').getAttribute('data-state')).resolves.toBe('registered');
    const fields = await page.locator('[data-test=case-fields]').innerText();
    expect(fields).toContain('网格上报');
    expect(fields).toContain(reportText);
    expect(fields).toContain('邻里纠纷');

    await page.goBack();
    await expect.poll(() => reportRow(reportText).locator('[data-test=report-state]').getAttribute('data-state')).toBe('converted');
    await expect(reportRow(reportText).locator('[data-test=report-case-link]').count()).resolves.toBe(1);
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
