import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

describe('admin UI smoke', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the login page at /admin/', async () => {
    const { page, errors } = await openPage(browser!);
    const response = await page.goto(`${server!.url}/admin/`);
    expect(response?.status()).toBe(200);
    // Element Plus spaces out two-character button labels ("登 录"), so compare without whitespace.
    const visibleText = async () => (await page.locator('body').innerText()).replace(/\s+/g, '');
    await expect.poll(visibleText, { timeout: 15_000 }).toContain('登录');
    expect(errors).toEqual([]);
  });
});
