/**
 * npm start — builds the extension, serves the Binance stand-in and opens it with the extension loaded:
 * in Chromium by default, in Firefox ESR with --firefox. With a display the browser window stays open
 * until Ctrl+C; without one (no $DISPLAY) it runs headless, saves demo-screenshot.png and exits.
 */
import { execSync } from 'node:child_process';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { startStandinServer, type StandinServer } from '../tests/sites/server';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCREENSHOT = path.join(ROOT, 'demo-screenshot.png');
const VIEWPORT = { width: 1600, height: 1000 };

// A logged-in account with two other positions, so both modes have something to show.
const SCENARIO = new URLSearchParams({
  'si-seed': '2024',
  'si-delay': '300',
  'si-price': '60000',
  'si-qty': '0.25',
  'si-lev': '20',
  'si-wallet': '10000',
  'si-pos': 'ETHUSDT,short,2,3100,3000,cross,10;SOLUSDT,long,30,150,140,isolated,5,900',
});
const PAGE = `https://www.binance.com/en/futures/BTCUSDT?${SCENARIO}`;

const firefox = process.argv.includes('--firefox');
const headless = !process.env.DISPLAY;

async function launch(server: StandinServer): Promise<Browser> {
  if (firefox) {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless,
      enableExtensions: true,
      acceptInsecureCerts: true,
      defaultViewport: VIEWPORT,
      extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1' },
    });
    await browser.installExtension(path.join(ROOT, 'dist/firefox'));
    return browser;
  }
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    enableExtensions: true,
    defaultViewport: VIEWPORT,
    args: [
      '--no-sandbox',
      '--disable-component-update',
      `--host-resolver-rules=MAP www.binance.com 127.0.0.1:${server.port}`,
      '--ignore-certificate-errors',
      `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
    ],
  });
  await browser.installExtension(path.join(ROOT, 'dist/chrome'));
  return browser;
}

async function main(): Promise<void> {
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  // Firefox resolves www.binance.com to 127.0.0.1 and connects on 443.
  const server = await startStandinServer({ port: firefox ? 443 : 0 });
  const browser = await launch(server);
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
    await browser.close();
    await server.close();
    return;
  }
  console.log('Close the browser or press Ctrl+C to stop.');
  const stop = async () => {
    await browser.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  browser.on('disconnected', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
