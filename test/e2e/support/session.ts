import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, openPage } from './browser.ts';
import { startServer, type TestServer } from './server.ts';

export type BrowserSession = { server: TestServer; browser: Browser; page: Page; errors: string[] };

/**
 * For a browser test file: starts the real server and Debian's Chromium with one page before the tests,
 * hands them to `onReady`, and stops both afterwards.
 */
export function useBrowserSession(onReady: (session: BrowserSession) => void): void {
  let session: Partial<BrowserSession> = {};
  beforeAll(async () => {
    // Kept as each starts, so afterAll stops what did start even if a later step fails.
    const server = await startServer();
    session.server = server;
    const browser = await launchBrowser();
    session.browser = browser;
    const opened = await openPage(browser);
    session = { server, browser, page: opened.page, errors: opened.errors };
    onReady(session as BrowserSession);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
}
