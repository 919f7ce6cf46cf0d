/**
 * One launcher per browser, both loading the production build unmodified (dist/chrome, dist/firefox)
 * and resolving www.binance.com to the local stand-in server.
 */
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

export interface TestBrowser {
  name: BrowserName;
  newPage(): Promise<Page>;
  /** Stops the extension's background so the next message cold-starts it; null where not supported. */
  stopBackground: (() => Promise<void>) | null;
  close(): Promise<void>;
}

const VIEWPORT = { width: 1600, height: 1000 };
const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ChromiumTestBrowser extends TestBrowser {
  /** A page in a separate browser context, where the extension is not enabled (the bench's baseline). */
  newPageWithoutExtension(): Promise<Page>;
}

export async function launchChromium(standinPort: number): Promise<ChromiumTestBrowser> {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    enableExtensions: true,
    defaultViewport: VIEWPORT,
    args: [
      '--no-sandbox',
      '--disable-component-update',
      `--host-resolver-rules=MAP www.binance.com 127.0.0.1:${standinPort}`,
      '--ignore-certificate-errors',
      `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
    ],
  });
  const id = await browser.installExtension(path.join(ROOT, 'dist/chrome'));
  const workerTarget = () =>
    browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${id}/`), {
      timeout: 10_000,
    });
  await workerTarget();
  return {
    name: 'chromium',
    newPage: () => browser.newPage(),
    async stopBackground() {
      const worker = await (await workerTarget()).worker();
      await worker?.close();
      // Puppeteer's own target list keeps a closed worker; ask the browser which workers run.
      const session = await browser.target().createCDPSession();
      try {
        const deadline = Date.now() + 5_000;
        for (;;) {
          const { targetInfos } = await session.send('Target.getTargets');
          if (!targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${id}/`))) break;
          if (Date.now() > deadline) throw new Error('the service worker did not stop');
          await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        await session.detach();
      }
    },
    async newPageWithoutExtension() {
      const context = await browser.createBrowserContext();
      return context.newPage();
    },
    close: () => browser.close(),
  };
}

/** Firefox resolves every host to 127.0.0.1, so the stand-in must listen on 443. */
export async function launchFirefox(): Promise<TestBrowser> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    enableExtensions: true,
    acceptInsecureCerts: true,
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1' },
  });
  await browser.installExtension(path.join(ROOT, 'dist/firefox'));
  return {
    name: 'firefox',
    newPage: () => browser.newPage(),
    stopBackground: null,
    close: () => browser.close(),
  };
}
