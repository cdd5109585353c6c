import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listZipEntries, readZipEntry } from '../../server/platform/files/zip-reader.ts';
import type { TestServer } from './support/server.ts';
import { useBrowserSession } from './support/session.ts';
import { adminUi } from './support/ui.ts';

/**
 * A 行政复议 case through the generic 办案 UI: register it with the form generated from the action's
 * JSON Schema (a wrong ID number is refused on its field), accept it, survive a stale page (CONFLICT),
 * decide it, and download the 行政复议决定书 as a Word file.
 */
describe('reconsideration flow: register, accept, decide, download the decision', () => {
  let server: TestServer;
  let page: Page;
  let pageErrors: string[] = [];




  const state = () => page.locator('[data-test=case-state]').getAttribute('data-state');

  async function csrfToken(): Promise<string> {
    return page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { csrfToken: string }).csrfToken);
  }

  const ui = () => adminUi(page);

  useBrowserSession((session) => ({ server, page, errors: pageErrors } = session));

  it('shows the 办案 menu with the procedures the administrator may read', async () => {
    await adminUi(page).login(server!.url, 'admin', server!.adminPassword);
    await page.locator('[data-test=menu-cases-reconsideration]').waitFor();
    await expect(page.locator('[data-test=menu-tasks]').count()).resolves.toBe(1);
    await expect(page.locator('[data-test=menu-map-reconsideration]').count()).resolves.toBe(1);
    await page.click('[data-test=menu-cases-reconsideration]');
    await expect(page.locator('[data-test=case-list-title]').innerText()).resolves.toBe('行政复议');
  });

  it('registers a case with the generated form and shows a wrong ID number on its field', async () => {
    await page.click('[data-test=case-create]');
    await page.locator(ui().field('receivedOn')).waitFor();
    await ui().setDate(ui().field('receivedOn'), '2024-09-27');
    await ui().choose(ui().field('channel'), 'field-channel-in_person');
    await page.click('[data-test="field-applicants.0.kind-person"]');
    await page.fill(ui().field('applicants.0.name'), '张三');
    await page.fill(ui().field('applicants.0.idNumber'), '110105194912310021');
    await page.fill(ui().field('applicants.0.phone'), '13812345678');
    await page.click(`.el-select${ui().field('respondentOrgId')}`);
    await page.locator('div.el-tree-select__popper:visible .el-select-dropdown__item', { hasText: /^县市场监督管理局$/ }).click();
    await ui().choose(ui().field('act.kind'), 'field-act.kind-行政处罚');
    await page.fill(ui().field('act.title'), '行政处罚决定书');
    await page.fill(ui().field('act.docNumber'), '县市监罚〔2024〕12号');
    await page.fill(ui().field('request'), '请求撤销被申请人作出的行政处罚决定。');
    await page.click('[data-test=action-submit]');

    // The check digit is the server's rule (GB 11643); its message lands on the nested field.
    const idItem = page.locator('.el-form-item.is-error', { has: page.locator(ui().field('applicants.0.idNumber')) });
    await expect(idItem.locator('.el-form-item__error').innerText()).resolves.toContain('校验位');

    await page.fill(ui().field('applicants.0.idNumber'), '11010519491231002X');
    await page.click('[data-test=action-submit]');
    await page.locator('[data-test=case-header]').waitFor();
    await expect(state()).resolves.toBe('received');
    await expect(page.locator('[data-test=case-no]').innerText()).resolves.toMatch(/〔2024〕\d+号/);
    await expect(page.locator('[data-test=case-title]').innerText()).resolves.toContain('张三');
    await expect(page.locator('[data-test=clock-title][data-key=review]').count()).resolves.toBe(1);
    await expect(page.locator('[data-test=timeline-event][data-action=register]').innerText()).resolves.toContain('2024-09-27');
    await expect(page.locator('[data-test=case-fields]').innerText()).resolves.toContain('县市场监督管理局');
  });

  it('accepts the case on its legal date and issues the acceptance notice', async () => {
    await page.click('[data-test=ability-accept]');
    await page.locator(ui().field('procedureType')).waitFor();
    await ui().setDate('[data-test=action-on]', '2024-09-30');
    await page.click('[data-test="field-procedureType-ordinary"]');
    await page.click('[data-test=action-submit]');
    await page.locator('[data-test=case-state][data-state=accepted]').waitFor();
    await expect(page.locator('[data-test=timeline-event][data-action=accept]').innerText()).resolves.toContain('2024-09-30');
    await expect(page.locator('[data-test=clock-title][data-key=decision]').count()).resolves.toBe(1);
    await expect(page.locator('[data-test=document-download][data-kind="reconsideration.acceptanceNotice"]').count()).resolves.toBe(1);
  });

  it('tells a stale page that the case changed and reloads it', async () => {
    await page.click('[data-test=ability-decide]');
    await page.locator(`.el-select${ui().field('decision')}`).waitFor();
    // Someone else acts on the case while this dialog still holds the old version.
    const caseUrl = page.url().replace('/admin/cases/', '/api/cases/');
    const version = Number((await page.locator('[data-test=case-header]').innerText()).match(/版本：(\d+)/)?.[1]);
    const other = await page.request.post(`${caseUrl}/actions/notifyRespondent`, {
      headers: { 'X-CSRF-Token': await csrfToken() },
      data: { on: '2024-10-08', version },
    });
    expect(other.status()).toBe(200);

    await ui().setDate('[data-test=action-on]', '2024-11-20');
    await ui().choose(ui().field('decision'), 'field-decision-uphold');
    await page.fill(ui().field('facts'), '经审理查明，被申请人作出的行政处罚决定事实清楚。');
    await page.fill(ui().field('reasoning'), '被申请人认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当。');
    await page.click('[data-test=action-submit]');
    await expect(page.locator('.el-message-box').innerText()).resolves.toContain('已被他人更新');
    await page.click('.el-message-box .el-button--primary');
    await page.locator('[data-test=timeline-event][data-action=notifyRespondent]').waitFor();
    await expect(state()).resolves.toBe('accepted');
  });

  it('decides the case and issues the numbered decision', async () => {
    await page.click('[data-test=ability-decide]');
    await page.locator(`.el-select${ui().field('decision')}`).waitFor();
    await ui().setDate('[data-test=action-on]', '2024-11-20');
    await ui().choose(ui().field('decision'), 'field-decision-uphold');
    await page.fill(ui().field('facts'), '经审理查明，被申请人作出的行政处罚决定事实清楚。');
    await page.fill(ui().field('reasoning'), '被申请人认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当。');
    await page.click('[data-test=action-submit]');
    await page.locator('[data-test=case-state][data-state=decided]').waitFor();
    const decisionRow = page.locator('.el-table__row', { has: page.locator('[data-test=document-download][data-kind="reconsideration.decision"]') });
    await expect(decisionRow.locator('[data-test=document-number]').innerText()).resolves.toMatch(/〔2024〕\d+号/);
    await expect(page.locator('[data-test=case-fields]').innerText()).resolves.toContain('维持');
    await expect(page.locator('[data-test=ability-decide]').count()).resolves.toBe(0);
  });

  it('downloads the decision as a Word document', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test=document-download][data-kind="reconsideration.decision"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await download.path();
    const buffer = fs.readFileSync(file);
    const names = listZipEntries(buffer)?.map((e) => e.name) ?? [];
    expect(names).toContain('word/document.xml');
    expect(readZipEntry(buffer, 'word/document.xml', 5_000_000)?.length ?? 0).toBeGreaterThan(0);
  });

  it('shows the reviewed act with the case pointing to it', async () => {
    await page.click('[data-test=case-link][data-type=act]');
    await page.locator('[data-test=act-card]').waitFor();
    await expect(page.locator('[data-test=act-title]').innerText()).resolves.toBe('行政处罚决定书');
    await expect(page.locator('[data-test=act-org]').innerText()).resolves.toBe('县市场监督管理局');
    await expect(page.locator('[data-test=act-case-link]').count()).resolves.toBe(1);
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
