/**
 * npm start — builds the extension, serves the stand-in pages and opens the Binance USDⓈ-M stand-in with
 * the extension loaded: in Chromium by default, in Firefox ESR with --firefox. The browser is started by
 * tests/support/browsers.ts, as in the tests. With a display the browser window stays open until it is
 * closed or Ctrl+C; without one (no $DISPLAY) it runs headless, saves demo-screenshot.png and exits.
 */
import { execSync } from 'node:child_process';
import path from 'node:path';
import { startStandinServer } from '../tests/sites/server';
import { launchChromium, launchFirefox, type TestBrowser } from '../tests/support/browsers';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCREENSHOT = path.join(ROOT, 'demo-screenshot.png');

// A logged-in account with two other positions, so both modes have something to show.
const PAGE_STATE = new URLSearchParams({
  'si-seed': '2024',
  'si-delay': '300',
  'si-price': '60000',
  'si-qty': '0.25',
  'si-lev': '20',
  'si-wallet': '10000',
  'si-pos': 'ETHUSDT,short,2,3100,3000,cross,10;SOLUSDT,long,30,150,140,isolated,5,900',
});
const PAGE = `https://www.binance.com/en/futures/BTCUSDT?${PAGE_STATE}`;

const firefox = process.argv.includes('--firefox');
const headless = !process.env.DISPLAY;

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
    const page = await browser.newPage();
    await page.goto(PAGE, { waitUntil: 'domcontentloaded' });
    console.log(`Opened ${PAGE} in ${firefox ? 'Firefox' : 'Chromium'} with the extension.`);
    await page.waitForFunction(
      () => document.getElementById('margin-lens-panel')?.shadowRoot?.querySelector('.panel[data-state="ready"] .fig:not(.unavailable)'),
      { timeout: 30_000 },
    );
    if (headless) {
      await page.screenshot({ path: SCREENSHOT });
      console.log(`No display: ran headless. Screenshot of the page with the panel: ${SCREENSHOT}`);
      await stop(0);
      return;
    }
  } catch (error) {
    console.error(error);
    await stop(1);
    return;
  }
  console.log('Close the browser or press Ctrl+C to stop.');
  process.on('SIGINT', () => void stop(0));
  await browser.closed();
  await stop(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
