import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestServer } from './support/server.ts';
import { useBrowserSession } from './support/session.ts';
import { adminUi } from './support/ui.ts';

/**
 * A 人民调解 dispute through the generic 办案 UI: register it (two parties, category, source), accept it,
 * record a written agreement, then see it counted on the 调解工作台 for the current year.
 */
describe('mediation flow: register, accept, agree, see it on the dashboard', () => {
  let server: TestServer;
  let page: Page;
  let pageErrors: string[] = [];
  /** The handling organisation chosen at registration, when the form offers a choice. */
  let chosenOrg = '';

  // The platform's legal dates are China's (UTC+8, todayInChina): from 16:00 UTC on, the machine's date is a day behind.
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));



  async function party(index: number, name: string): Promise<void> {
    await page.click(`[data-test="field-parties.${index}.kind-person"]`);
    await page.fill(ui().field(`parties.${index}.name`), name);
  }

  const ui = () => adminUi(page);

  useBrowserSession((session) => ({ server, page, errors: pageErrors } = session));

  it('opens 人民调解 → 案件 as admin', async () => {
    await adminUi(page).login(server!.url, 'admin', server!.adminPassword);
    await page.locator('[data-test=menu-procedure-mediation]').click();
    await expect(page.locator('[data-test=menu-mediation-dashboard]').count()).resolves.toBe(1);
    await expect(page.locator('[data-test=menu-mediation-ledger]').count()).resolves.toBe(1);
    await page.click('[data-test=menu-cases-mediation]');
    await expect(page.locator('[data-test=case-list-title]').innerText()).resolves.toBe('人民调解');
    await expect(page.locator('[data-test=case-export]').count()).resolves.toBe(1);
  });

  it('registers a dispute with two parties', async () => {
    await page.click('[data-test=case-create]');
    await page.locator(ui().field('receivedOn')).waitFor();
    await ui().setDate(ui().field('receivedOn'), today);
    if (await page.locator('[data-test=action-org]').count()) {
      await page.click('.el-select[data-test=action-org]');
      const option = page.locator('.el-select-dropdown__item:visible', { hasText: /^东城镇人民调解委员会$/ });
      if (await option.count()) {
        await option.click();
        chosenOrg = '东城镇';
      }
      else await page.keyboard.press('Escape');
    }
    await ui().choose(ui().field('source'), 'field-source-party_application');
    while ((await page.locator(`${ui().field('parties')} fieldset.row-fieldset`).count()) < 2) await page.click(`[data-test="field-parties-add"]`);
    await party(0, '李四');
    await party(1, '王五');
    await ui().choose(ui().field('category'), 'field-category-neighbourhood');
    await page.fill(ui().field('summary'), '相邻房屋排水引发纠纷，双方申请调解。');
    await page.fill(`${ui().field('peopleCount')} input`, '2');
    await page.click('[data-test=action-submit]');
    await page.locator('[data-test=case-header]').waitFor();
    await expect(page.locator('[data-test=case-state]').getAttribute('data-state')).resolves.toBe('registered');
    await expect(page.locator('[data-test=case-fields]').innerText()).resolves.toContain('邻里纠纷');
  });

  it('accepts the dispute for mediation', async () => {
    await page.click('[data-test=ability-accept]');
    await page.locator(ui().field('mediators')).waitFor();
    if (!(await page.locator(ui().field('mediators.0')).count())) await page.click('[data-test="field-mediators-add"]');
    await page.fill(ui().field('mediators.0'), '赵调解');
    await page.click('[data-test=action-submit]');
    await page.locator('[data-test=case-state][data-state=mediating]').waitFor();
  });

  it('records a written agreement', async () => {
    await page.click('[data-test=ability-reachAgreement]');
    await page.locator(ui().field('form')).waitFor();
    await page.click('[data-test="field-form-written"]');
    await ui().setDate(ui().field('effectiveOn'), today);
    await page.fill(ui().field('facts'), '双方因排水问题发生争议，各负相应责任。');
    await page.fill(ui().field('terms'), '王五改建排水管道，李四给予适当补偿。');
    await page.fill(ui().field('performance'), '协议生效后十五日内履行完毕。');
    await page.click('[data-test=action-submit]');
    await page.locator('[data-test=case-state][data-state=agreed]').waitFor();
    await expect(page.locator('[data-test=case-fields]').innerText()).resolves.toContain('书面');
  });

  it('shows the dispute on the 调解工作台 of the current year', async () => {
    await page.click('[data-test=menu-mediation-dashboard]');
    const value = (id: string) => page.locator(`[data-test=mediation-card-value][data-id="${id}"]`);
    await expect.poll(async () => Number(await value('mediation.handled').innerText()), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect(Number(await value('mediation.successful').innerText())).toBeGreaterThanOrEqual(1);
    await page.locator('[data-test=mediation-trend] canvas').waitFor();
    await expect(page.locator('[data-test=mediation-township-value]').count()).resolves.toBeGreaterThanOrEqual(1);
    if (chosenOrg) await expect(page.locator('[data-test=mediation-township-table]').innerText()).resolves.toContain(chosenOrg);
    // A figure leads to its records.
    await value('mediation.successful').click();
    await page.locator('[data-test=case-row-no]').first().waitFor();
    await expect(page.locator('[data-test=case-filter-facet]').first().getAttribute('data-facet')).resolves.toBe('outcome:agreed');
  });

  it('exports the filtered case list as xlsx', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=case-export]')]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('imports a ledger: the good row is imported, the bad row reported, a second import skips it', async () => {
    await page.click('[data-test=menu-mediation-ledger]');
    const [template] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=ledger-template]')]);
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.click('.el-select[data-test=ledger-org]');
    await page.locator('.el-select-dropdown__item:visible').first().click();
    const header = '台账编号,登记日期,纠纷来源,纠纷类别,当事人一,当事人二,纠纷简要情况,调解员,受理日期,调解结果,结案日期,协议形式,协议内容';
    const good = `E2E-001,${today},当事人申请,邻里纠纷,刘一,陈二,两户因排水沟堵塞发生争执,张调解,${today},调解成功,${today},书面,双方共同清理排水沟`;
    const bad = `E2E-002,${today},当事人申请,不存在的类别,刘三,陈四,宅基地界址争议,张调解,,调解中,,,`;
    const buffer = Buffer.from(`\uFEFF${header}\n${good}\n${bad}\n`, 'utf8');
    await page.setInputFiles('[data-test=ledger-file]', { name: '台账.csv', mimeType: 'text/csv', buffer });
    await page.click('[data-test=ledger-import]');
    await page.locator('[data-test=ledger-result], .el-message--error').first().waitFor();
    expect(await page.locator('.el-message--error').allInnerTexts(), server!.output().slice(-3000)).toEqual([]);
    await expect(page.locator('[data-test=ledger-total]').innerText()).resolves.toBe('2');
    await expect(page.locator('[data-test=ledger-imported]').innerText()).resolves.toBe('1');
    await expect(page.locator('[data-test=ledger-errors]').innerText()).resolves.toContain('纠纷类别');
    await expect(page.locator('[data-test=ledger-error-report]').count()).resolves.toBe(1);

    await page.click('[data-test=ledger-import]');
    await expect.poll(() => page.locator('[data-test=ledger-duplicates]').innerText(), { timeout: 10_000 }).toBe('1');
    await expect(page.locator('[data-test=ledger-imported]').innerText()).resolves.toBe('0');
  });

  it('lists the committees with their composition warnings', async () => {
    await page.click('[data-test=menu-mediation-committees]');
    await page.locator('[data-test=committee-table]').waitFor();
  });

  it('registers a committee with two men and sees the 成员少于3人 and no-woman warnings', async () => {
    await page.click('[data-test=committee-create]');
    await page.locator('[data-test=committee-form]').waitFor();
    const name = `E2E调委会${Date.now() % 100000}`;
    await page.fill('[data-test=committee-form-name]', name);
    await ui().choose('[data-test=committee-form-kind]', 'committee-kind-village_resident');
    await page.click('.el-select[data-test=committee-form-parent]');
    await page.locator('[data-test=committee-parent-option]').filter({ visible: true }).first().click();
    await page.click('[data-test=member-add]');
    await page.click('[data-test=member-add]');
    await page.fill('[data-test=member-name-0]', '张主任');
    await ui().choose('[data-test=member-role-0]', 'member-role-option-director');
    await page.fill('[data-test=member-name-1]', '李委员');
    await page.click('[data-test=committee-form-save]');
    await page.locator('[data-test=committee-drawer-warning]').first().waitFor();
    expect(await page.locator('.el-message--error').allInnerTexts()).toEqual([]);
    const codes = await page.locator('[data-test=committee-drawer-warning]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(codes).toEqual(expect.arrayContaining(['too_few_members', 'no_woman_member']));
    const text = await page.locator('[data-test=committee-drawer]').innerText();
    expect(text).toContain('少于三人');
    expect(text).toContain('没有妇女成员');
    await expect(page.locator('[data-test=committee-drawer-members] tbody tr').count()).resolves.toBe(2);
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
