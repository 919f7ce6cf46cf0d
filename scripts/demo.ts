/**
 * npm start — builds the extension, serves the stand-in pages and opens the Binance USDⓈ-M stand-in with
 * the extension loaded: in Chromium by default, in Firefox ESR with --firefox. The browser is started by
 * tests/support/browsers.ts, as in the tests. A few risk limits and the confirm step are set, then
 * screenshots are saved to demo-screenshots/ in the dark and the light theme: the panel (expanded, limits
 * and pictures open), the confirm dialog after a click on Buy/Long, the pop-up's calculator filled from
 * the tab, and the options page. With a display the browser window then stays open until it is closed or
 * Ctrl+C; without one (no $DISPLAY) it runs headless and exits after the screenshots.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import manifest from '../manifest.json';
import type { SettingsPatch, Theme } from '../src/shared/settings';
import { liveFormControl } from '../tests/e2e/standin';
import { startStandinServer } from '../tests/sites/server';
import { launchChromium, launchFirefox, type TestBrowser } from '../tests/support/browsers';
import { openExtensionPage, saveSettings } from '../tests/support/extension-pages';
import { pollUntil } from '../tests/support/poll';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHOTS = path.join(ROOT, 'demo-screenshots');
const OPTIONS_PAGE = manifest.options_ui.page;
const POPUP_PAGE = manifest.action.default_popup;
/** About the size browsers give an action pop-up; the screenshot takes its whole height. */
const POPUP_VIEWPORT = { width: 440, height: 900 };

// A logged-in account with two other positions, so both modes have something to show; a stop-loss and a
// take-profit for the price ladder.
const PAGE_STATE = new URLSearchParams({
  'si-seed': '2024',
  'si-delay': '300',
  'si-price': '60000',
  'si-qty': '0.25',
  'si-lev': '20',
  'si-wallet': '10000',
  'si-tp': '63000',
  'si-sl': '58500',
  'si-pos': 'ETHUSDT,short,2,3100,3000,cross,10;SOLUSDT,long,30,150,140,isolated,5,900',
});
const PAGE = `https://www.binance.com/en/futures/BTCUSDT?${PAGE_STATE}`;

/** Limits the order above breaks (20x against 10x) and some it keeps, with the confirm step on. */
const DEMO_SETTINGS: SettingsPatch = {
  'limits.maxLeverage': '10',
  'limits.maxStopLossPct': '2',
  'limits.minLiquidationDistancePct': '3',
  'limits.minStopBufferPct': '1',
  preSubmitCheck: 'confirm',
};

const firefox = process.argv.includes('--firefox');
const headless = !process.env.DISPLAY;

const panelShows = (page: Page, selector: string) => page.evaluate((s) => Boolean(document.getElementById('margin-lens-panel')?.shadowRoot?.querySelector(s)), selector);

async function shoot(page: Page, name: string, saved: string[], fullPage = false): Promise<void> {
  const file = path.join(SHOTS, name);
  await page.screenshot({ path: file, fullPage });
  saved.push(file);
}

/** The four screenshots in one theme. */
async function screenshots(browser: TestBrowser, exchange: Page, theme: Exclude<Theme, 'auto'>, saved: string[]): Promise<void> {
  await saveSettings(browser, { theme });
  await exchange.bringToFront();
  await pollUntil(
    () => exchange.evaluate(() => document.getElementById('margin-lens-panel')?.dataset.theme ?? ''),
    (shown) => shown === theme,
    (shown) => `the panel is in the ${shown || 'no'} theme, expected ${theme}`,
  );
  await pollUntil(() => panelShows(exchange, '[data-field$=".limit.maxLeverage"]'), Boolean, () => 'the panel shows no limit checks');
  await exchange.evaluate(() => {
    for (const d of document.getElementById('margin-lens-panel')?.shadowRoot?.querySelectorAll<HTMLDetailsElement>('details[data-role="limits"], details[data-role="pictures"]') ?? []) d.open = true;
  });
  await shoot(exchange, `panel-${theme}.png`, saved);

  // A real click on the page's own Buy/Long button, as a trader would: the extension holds it back.
  const buy = await liveFormControl(exchange, 'Buy/Long');
  await buy.click();
  await buy.dispose();
  await pollUntil(() => panelShows(exchange, '[data-confirm="pending"]'), Boolean, () => 'no confirm dialog after the Buy/Long click');
  await shoot(exchange, `confirm-${theme}.png`, saved);
  await exchange.keyboard.press('Escape');

  // The pop-up, loaded while the exchange tab is the active one (it describes the active tab).
  const popup = await browser.newPage();
  try {
    await popup.setViewport(POPUP_VIEWPORT);
    await exchange.bringToFront();
    await openExtensionPage(browser, POPUP_PAGE, '[data-section="tab"] [data-read="ok"]', popup);
    await popup.bringToFront();
    await popup.click('[data-action="open-in-calculator"]');
    await popup.waitForSelector('[data-section="calculator"] [data-calc="ready"]', { timeout: 10_000 });
    const calculator = await popup.$('[data-section="calculator"]');
    if (!calculator) throw new Error('no calculator in the pop-up');
    const file = path.join(SHOTS, `popup-calculator-${theme}.png`);
    await calculator.screenshot({ path: file });
    await calculator.dispose();
    saved.push(file);
  } finally {
    await popup.close();
  }

  const options = await openExtensionPage(browser, OPTIONS_PAGE, '[data-action="save"]');
  try {
    await pollUntil(() => options.evaluate(() => document.documentElement.dataset.theme ?? ''), (t) => t === theme, (t) => `the options page is in the ${t} theme`);
    await shoot(options, `options-${theme}.png`, saved, true);
  } finally {
    await options.close();
  }
}

async function main(): Promise<void> {
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  // Firefox resolves every stand-in host to 127.0.0.1 and connects on 443.
  const server = await startStandinServer({ port: firefox ? 443 : 0 });
  let browser: TestBrowser;
  try {
    browser = firefox ? await launchFirefox({ headless }) : await launchChromium(server.port, { headless });
  } catch (error) {
    await server.close();
    throw error;
  }
  const stop = async (code: number) => {
    await browser.close().catch(() => {});
    await server.close();
    process.exit(code);
  };
  try {
    await saveSettings(browser, DEMO_SETTINGS);
    const page = await browser.newPage();
    await page.goto(PAGE, { waitUntil: 'domcontentloaded' });
    console.log(`Opened ${PAGE} in ${firefox ? 'Firefox' : 'Chromium'} with the extension.`);
    await page.waitForFunction(
      () => document.getElementById('margin-lens-panel')?.shadowRoot?.querySelector('.panel[data-state="ready"] .fig:not(.unavailable)'),
      { timeout: 30_000, polling: 200 },
    );
    // tsx keeps function names through a `__name` helper, which functions evaluated in the page (the
    // shared liveFormControl) then call: the page gets a stand-in that does nothing.
    await page.evaluate('globalThis.__name ??= (f) => f');
    mkdirSync(SHOTS, { recursive: true });
    const saved: string[] = [];
    for (const theme of ['dark', 'light'] as const) await screenshots(browser, page, theme, saved);
    await saveSettings(browser, { theme: 'auto' });
    await page.bringToFront();
    console.log(`Screenshots (limits: ${JSON.stringify(DEMO_SETTINGS)}):\n${saved.map((f) => `  ${path.relative(ROOT, f)}`).join('\n')}`);
    if (headless) {
      console.log('No display: ran headless.');
      await stop(0);
      return;
    }
  } catch (error) {
    console.error(error);
    await stop(1);
    return;
  }
  console.log('The limits above and the confirm step stay on in this browser. Close it or press Ctrl+C to stop.');
  process.on('SIGINT', () => void stop(0));
  await browser.closed();
  await stop(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
