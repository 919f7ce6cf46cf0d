/**
 * The extension's own pages (options, pop-up) from the e2e checks and the demo: opening one in a tab of
 * a test browser, and sending the background a message from it as the page itself would.
 */
import type { Page } from 'puppeteer-core';
import manifest from '../../manifest.json';
import { UiToBg, type Request } from '../../src/contracts/messages';
import type { SettingsPatch } from '../../src/shared/settings';
import type { TestBrowser } from './browsers';
import { pollUntil } from './poll';

/**
 * One of the extension's pages in `page` (a new tab unless given), once `ready` is on it. Firefox moves
 * the tab into the extension's process and puppeteer never hears the navigation end (as with
 * about:debugging in browsers.ts), so the page is awaited by its content in both browsers. Polled from
 * here, not with waitForSelector: its in-page polling runs on animation frames, which a tab opened
 * behind another (the pop-up describing the exchange tab) never gets.
 */
export async function openExtensionPage(browser: TestBrowser, pagePath: string, ready: string, page?: Page): Promise<Page> {
  const tab = page ?? (await browser.newPage());
  tab.goto(browser.extensionUrl(pagePath)).catch(() => {});
  // While the navigation runs the old document may answer, or none (its context destroyed).
  const shown = () =>
    tab
      .evaluate((selector) => ({ url: location.href, found: document.querySelector(selector) !== null, text: document.body?.innerText.slice(0, 300) ?? '' }), ready)
      .catch((error: Error) => ({ url: tab.url(), found: false, text: `(unreadable: ${error.message})` }));
  await pollUntil(
    shown,
    (s) => s.found && s.url.startsWith(browser.extensionUrl(pagePath)),
    (s) => `${pagePath}: no ${ready} after 10 s; the tab is at ${s.url} and shows ${JSON.stringify(s.text)}`,
  );
  return tab;
}

/** A message to the background from one of the extension's pages (`browser` in Firefox, `chrome` in Chromium). */
export function sendFrom(page: Page, message: Request): Promise<unknown> {
  return page.evaluate((m) => {
    type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const scope = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
    return (scope.browser ?? scope.chrome).runtime.sendMessage(m);
  }, message);
}

/** Saves settings the way the options page does: a message to the background from the options page. */
export async function saveSettings(browser: TestBrowser, patch: SettingsPatch): Promise<void> {
  const page = await openExtensionPage(browser, manifest.options_ui.page, '[data-action="save"]');
  try {
    const reply = JSON.stringify(await sendFrom(page, { type: UiToBg.settingsSet, patch }));
    if (!reply.includes('"settings"')) throw new Error(`the background did not save ${JSON.stringify(patch)}: ${reply}`);
  } finally {
    await page.close();
  }
}
