/**
 * The one place that starts a test browser: Debian's Chromium and Firefox ESR, headless unless asked,
 * with every stand-in host (all registry venues' hosts) resolved to the local stand-in server. With the
 * extension: the production build unmodified (dist/chrome, dist/firefox). Used by the e2e suites, the
 * bench, the demo and the stand-in and adapter tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type LaunchOptions, type Page } from 'puppeteer-core';
import { STANDIN_HOSTS } from '../sites/server';
import { pollUntil } from './poll';

export type BrowserName = 'chromium' | 'firefox';

export interface TestBrowser {
  name: BrowserName;
  newPage(): Promise<Page>;
  /** Stops the extension's background (service worker / event page) so the next message starts it anew. */
  stopBackground(): Promise<void>;
  /** Removes the extension while pages stay open (their content scripts are left orphaned). */
  removeExtension(): Promise<void>;
  /** The URL of one of the extension's own pages, e.g. extensionUrl('src/options/index.html'). */
  extensionUrl(pagePath: string): string;
  close(): Promise<void>;
  /** Resolves once the browser is gone: closed by its user (a headed window) or by close(). */
  closed(): Promise<void>;
}

const VIEWPORT = { width: 1600, height: 1000 };
const ROOT = path.resolve(import.meta.dirname, '../..');
/** The Firefox add-on id (manifest.json browser_specific_settings.gecko.id). */
const GECKO_ID: string = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
/**
 * Firefox gives each installed add-on a random internal UUID for its moz-extension:// origin; the
 * `extensions.webextensions.uuids` preference pins ours, so tests can open the extension's pages.
 */
const FIREFOX_EXTENSION_UUID = '6f1d3c2a-4b5e-4c7d-9a8b-0e1f2a3b4c5d';

export interface ChromiumTestBrowser extends TestBrowser {
  /** The installed extension's id (its pages and content-script worlds have the origin chrome-extension://<id>). */
  extensionId: string;
  /** A page in a separate browser context, where the extension is not enabled (the bench's baseline). */
  newPageWithoutExtension(): Promise<Page>;
}

export interface LaunchChoice {
  headless?: boolean;
  /** Load the built extension (default true). */
  extension?: boolean;
}

/** Chromium: every stand-in host mapped to the server's port. */
function chromiumOptions(standinPort: number, choice: LaunchChoice): LaunchOptions {
  const rules = STANDIN_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${standinPort}`).join(', ');
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: choice.headless ?? true,
    enableExtensions: choice.extension ?? true,
    defaultViewport: VIEWPORT,
    args: [
      '--no-sandbox',
      '--disable-component-update',
      '--disable-background-networking',
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
    ],
  };
}

/** Firefox resolves every host to 127.0.0.1, so the stand-in server must listen on 443. */
function firefoxOptions(choice: LaunchChoice): LaunchOptions {
  return {
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: choice.headless ?? true,
    enableExtensions: choice.extension ?? true,
    acceptInsecureCerts: true,
    defaultViewport: VIEWPORT,
    // System access lets WebDriver open about:debugging, the one place that stops an event page.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
    },
  };
}

/** A browser without the extension, for the stand-in and adapter tests. */
export function launchPlainChromium(standinPort: number): Promise<Browser> {
  return puppeteer.launch(chromiumOptions(standinPort, { extension: false }));
}

export function launchPlainFirefox(): Promise<Browser> {
  return puppeteer.launch(firefoxOptions({ extension: false }));
}

export async function launchChromium(standinPort: number, choice: LaunchChoice = {}): Promise<ChromiumTestBrowser> {
  const browser = await puppeteer.launch(chromiumOptions(standinPort, choice));
  const closed = whenDisconnected(browser);
  const id = await browser.installExtension(path.join(ROOT, 'dist/chrome'));
  const workerTarget = () =>
    browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${id}/`), {
      timeout: 10_000,
    });
  await workerTarget();
  return {
    name: 'chromium',
    extensionId: id,
    newPage: () => browser.newPage(),
    async stopBackground() {
      // Ask the browser which workers run (puppeteer's own target list keeps workers stopped earlier and
      // can miss one started since) and close them as puppeteer closes a worker: attach, close, detach.
      // Until none runs: a message from the page can start a new worker while the old one stops.
      const session = await browser.target().createCDPSession();
      const running = async () =>
        (await session.send('Target.getTargets')).targetInfos.filter(
          (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${id}/`),
        );
      const close = async (targetId: string) => {
        const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: true });
        await session.send('Target.closeTarget', { targetId });
        await session.send('Target.detachFromTarget', { sessionId });
      };
      try {
        const deadline = Date.now() + 15_000; // a loaded 2-core machine can take seconds to stop a worker
        for (let workers = await running(); workers.length > 0; workers = await running()) {
          if (Date.now() > deadline) throw new Error('the service worker did not stop');
          // A worker may stop between the listing and the close: that is what we want, not an error.
          await Promise.all(workers.map(({ targetId }) => close(targetId).catch(() => {})));
          await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        await session.detach();
      }
    },
    removeExtension: () => browser.uninstallExtension(id),
    extensionUrl: (pagePath) => `chrome-extension://${id}/${pagePath}`,
    async newPageWithoutExtension() {
      const context = await browser.createBrowserContext();
      return context.newPage();
    },
    close: () => browser.close(),
    closed: () => closed,
  };
}

/** Firefox resolves every host to 127.0.0.1, so the stand-in must listen on 443. */
export async function launchFirefox(choice: LaunchChoice = {}): Promise<TestBrowser> {
  const browser: Browser = await puppeteer.launch(firefoxOptions(choice));
  const closed = whenDisconnected(browser);
  const id = await browser.installExtension(path.join(ROOT, 'dist/firefox'));
  return {
    name: 'firefox',
    newPage: () => browser.newPage(),
    stopBackground: () => terminateFirefoxBackground(browser, id),
    removeExtension: () => browser.uninstallExtension(id),
    extensionUrl: (pagePath) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${pagePath}`,
    close: () => browser.close(),
    closed: () => closed,
  };
}

function whenDisconnected(browser: Browser): Promise<void> {
  return new Promise((resolve) => {
    if (!browser.connected) resolve();
    else browser.once('disconnected', () => resolve());
  });
}

/**
 * Presses about:debugging's "Terminate background script" for our extension and waits until the page
 * reports it stopped. Opened in its own tab, which is closed after; callers bring their page back to
 * the front (a hidden page pauses the content script's polls).
 */
async function terminateFirefoxBackground(browser: Browser, extensionId: string): Promise<void> {
  const page = await browser.newPage();
  try {
    // goto does not report completion for privileged pages; the document loads and is scriptable.
    page.goto('about:debugging#/runtime/this-firefox').catch(() => {});
    // Our extension's card: its text, after pressing "Terminate background script" when asked to.
    const card = (terminate: boolean) =>
      page.evaluate(
        (id, press) => {
          const li = [...document.querySelectorAll('li')].find((el) => el.textContent?.includes(id) && el.textContent.includes('Background script'));
          if (li && press) [...li.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Terminate background script')?.click();
          return li ? (li as HTMLElement).innerText : '';
        },
        extensionId,
        terminate,
      );
    const shows = (state: string) => (text: string) => new RegExp(`Background script\\s*${state}`).test(text);
    const failure = (what: string) => (text: string) => `about:debugging: ${what} (it shows ${JSON.stringify(text.slice(0, 300))})`;
    await pollUntil(() => card(false), shows('Running'), failure('our background script is not listed as running'));
    await card(true);
    await pollUntil(() => card(false), shows('Stopped'), failure('the background script did not stop'));
  } finally {
    await page.close();
  }
}
