import type { Page } from 'playwright-core';

/** Element Plus interactions and the login the browser tests share. */
export function adminUi(page: Page) {
  return {
    /** A generated form's field wrapper (SchemaForm sets data-test="field-<path>"). */
    field: (path: string) => `[data-test="field-${path}"]`,

    /** el-date-picker: type the date into its input and confirm. */
    async setDate(wrapper: string, value: string): Promise<void> {
      const input = page.locator(`${wrapper} input`).first();
      await input.click();
      await input.fill(value);
      await input.press('Enter');
    },

    /** Opens an el-select and clicks the visible option with this data-test. */
    async choose(select: string, option: string): Promise<void> {
      await page.click(`.el-select${select}`);
      await page.locator(`[data-test="${option}"]`).filter({ visible: true }).first().click();
    },

    /** Signs in on the admin login page and waits for the home page. */
    async login(baseUrl: string, username: string, password: string): Promise<void> {
      await page.goto(`${baseUrl}/admin/`);
      await page.fill('[data-test=login-username]', username);
      await page.fill('[data-test=login-password]', password);
      await page.click('[data-test=login-submit]');
      await page.waitForSelector('[data-test=home-welcome]');
    },
  };
}
