// Shared setup of the stand-in self-tests (tests/sites/<venue>/standin.test.ts): one stand-in server and one
// headless Chromium per test file (tests/support/browsers.ts maps every registry venue's hosts to the server),
// pages opened with the page-side helpers installed, and the checks every stand-in passes the same way: the
// server's routing, a Firefox ESR smoke load and no request beyond the page's origin (tests/sites/README.md).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { request } from 'node:https';
import { launchPlainChromium, launchPlainFirefox } from '../../support/browsers.ts';
import { startStandinServer, type StandinServer } from '../server.ts';

// Page-side basics, installed before any page script runs: `vis` is the visibility test and `txt` the element
// text (README: visibility, element text); `visAll` the visible matches of a selector.
const PAGE_BASICS = `
  window.vis = (el) => el.getClientRects().length > 0 && !el.closest('[hidden], [aria-hidden="true"]')
    && getComputedStyle(el).visibility === 'visible';
  window.txt = (el) => el.textContent.replace(/\\s+/g, ' ').trim().normalize('NFC');
  window.visAll = (sel, root = document) => [...root.querySelectorAll(sel)].filter(vis);
`;

export interface StandinPages {
  /** The stand-in server's HTTPS port (after `beforeAll`). */
  port(): number;
  /** A fresh Chromium page with the page helpers installed, its requests recorded for the no-network check. */
  newPage(): Promise<Page>;
  /** `origin + path + '?' + query` with the page helpers installed, once `window.__standin.ready` resolved. */
  open(path: string, query: string): Promise<Page>;
  /** Every request the file's pages made stayed on the page's origin (README: no network); run it last. */
  expectOwnOriginOnly(): void;
  /** The HTTP status the server answers for `path` on `host`. */
  status(path: string, host?: string): Promise<number>;
}

/**
 * Start the server and the browser for this test file. `helpers` is the venue's own page-side script (its
 * `__probe`, its form-root finders), run after the basics.
 */
export function useStandinPages(origin: string, helpers = ''): StandinPages {
  let server: StandinServer;
  let browser: Browser;
  const requests: string[] = [];
  beforeAll(async () => {
    server = await startStandinServer({ port: 0 });
    browser = await launchPlainChromium(server.port);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const newPage = async (): Promise<Page> => {
    const page = await browser.newPage();
    page.on('request', (r) => { requests.push(r.url()); });
    await page.evaluateOnNewDocument(PAGE_BASICS + helpers);
    return page;
  };
  const pages: StandinPages = {
    port: () => server.port,
    newPage,
    async open(path, query) {
      const page = await newPage();
      page.on('pageerror', (e) => { throw e; });
      await page.goto(`${origin}${path}?${query}`);
      await page.evaluate(() => (window as any).__standin.ready);
      return page;
    },
    expectOwnOriginOnly() {
      expect(requests.length).toBeGreaterThan(10);
      expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|about):/.test(u))).toEqual([]);
    },
    status: (path, host = new URL(origin).hostname) => new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path, headers: { host }, rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject).end();
    }),
  };
  return pages;
}

/** Run `fn` in the page; the page helpers are globals there. */
export const inPage = <T>(page: Page, fn: string): Promise<T> => page.evaluate(fn) as Promise<T>;

/** Evaluate `code` in the page with `s` bound to `window.__standin`. */
export const api = (page: Page, code: string): Promise<unknown> =>
  page.evaluate(`(() => { const s = window.__standin; return ${code}; })()`);

/**
 * The server check every stand-in passes: `served` paths answer 200 and `refused` ones 404 on the venue's host,
 * the shared modules load under /__standin/common/ (and nothing outside that folder does), any other host gets 404.
 */
export async function expectServerRoutes(pages: StandinPages, served: string[], refused: string[]): Promise<void> {
  const common = ['/__standin/common/dec.js', '/__standin/common/standin-core.js'];
  const outside = ['/__standin/common/../server.ts', '/__standin/common/%2e%2e/server.ts', '/__standin/common/%2e%2e%2fserver.ts',
    '/__standin/common/harness.ts', '/__standin/common/nothing.js', '/__standin/common/..%5cserver.ts', '/__standin/common/%ZZ.js'];
  const ok = [...served, ...common];
  const no = [...refused, ...outside];
  expect(await Promise.all(ok.map((p) => pages.status(p)))).toEqual(ok.map(() => 200));
  expect(await Promise.all(no.map((p) => pages.status(p)))).toEqual(no.map(() => 404));
  expect(await pages.status('/__standin/standin.js', 'example.com')).toBe(404);
  expect(await pages.status('/__standin/common/dec.js', 'example.com')).toBe(404);
}

/**
 * The Firefox ESR smoke load: `url` (its origin with the server's port, which e2e drops by serving on 443) loads
 * and hydrates with every stand-in host resolved to this machine; `check` asserts on the page.
 */
export function firefoxSmoke(pages: StandinPages, url: (port: number) => string, check: (page: Page) => Promise<void>): void {
  it('loads in Firefox ESR with every stand-in host resolved to this machine (smoke)', async () => {
    const firefox = await launchPlainFirefox();
    try {
      const page = await firefox.newPage();
      await page.goto(url(pages.port()));
      await page.evaluate(() => (window as any).__standin.ready);
      await check(page);
    } finally {
      await firefox.close();
    }
  });
}

/** What `sampleStalehides` saw on one page. */
export interface RerenderSamples {
  /** The si-stalehide value the page was opened with. */
  method: string;
  /** The distinct `count` values the probe returned. */
  counts: unknown[];
  /** How the stale copies seen were hidden (`visible!` for one that was not). */
  stale: string[];
  /** Samples taken. */
  n: number;
  /** Distinct live roots the probe returned (each re-render makes a new one). */
  roots: number;
  /** What `after(page)` returned. */
  extra?: unknown;
}

/**
 * The re-render check every stand-in runs (README: re-renders with stale copies, one visible form root): for each
 * si-stalehide value, open `path` with `query` plus si-stalehide, sample on every mutation of the form slot and
 * every 5 ms for `ms` (or until `untilRoots` distinct live roots were seen), then run `after(page)`. `probe` is a
 * page-side function expression returning `{ count, root }`: a summary of the root-defining hooks' visible matches
 * and the live root (or null).
 */
export async function sampleStalehides(open: StandinPages['open'], path: string, query: string, probe: string,
  { ms = 800, untilRoots = 0, after }: { ms?: number; untilRoots?: number; after?: (page: Page) => Promise<unknown> } = {},
): Promise<RerenderSamples[]> {
  const methods = ['display', 'hidden', 'aria', 'visibility'];
  return Promise.all(methods.map(async (method) => {
    const page = await open(path, `${query}&si-stalehide=${method}`);
    const r = await inPage<Omit<RerenderSamples, 'method' | 'extra'>>(page, `new Promise((resolve) => {
      const probe = ${probe};
      const counts = new Set();
      const stale = new Set();
      const roots = new Set();
      let n = 0;
      const done = () => { obs.disconnect(); clearInterval(t); clearTimeout(end);
        resolve({ counts: [...counts], stale: [...stale], n, roots: roots.size }); };
      const sample = () => {
        const { count, root } = probe();
        n += 1;
        counts.add(count);
        if (root) roots.add(root);
        for (const s of document.querySelectorAll('[data-si-stale]')) {
          stale.add(s.hidden ? 'hidden' : s.getAttribute('aria-hidden') === 'true' ? 'aria' : s.style.display === 'none' ? 'display'
            : s.style.visibility === 'hidden' ? 'visibility' : 'visible!');
        }
        if (${untilRoots} && roots.size >= ${untilRoots}) done();
      };
      const obs = new MutationObserver(sample);
      obs.observe(document.querySelector('.si-form-slot'), { childList: true, subtree: true, attributes: true });
      const t = setInterval(sample, 5);
      const end = setTimeout(done, ${ms});
    })`);
    const extra = after ? await after(page) : undefined;
    await page.close();
    return { method, ...r, extra };
  }));
}

/**
 * The storm-rate check of a book drawn as rows (README: order-book storm): open `path` with `query` plus si-storm
 * 200, 50 and 0, count the mutation records under `book` (a selector) for 1.5 s, and expect about 200 and 50 a
 * second and none at 0. `after(page)` runs on the si-storm=200 page before it closes; its result is returned.
 */
export async function expectStormRates(open: StandinPages['open'], path: string, query: string, book: string,
  after?: (page: Page) => Promise<unknown>): Promise<unknown> {
  const measure = async (rate: number) => {
    const page = await open(path, `${query}&si-storm=${rate}`);
    const r = await inPage<{ records: number; seconds: number }>(page, `new Promise((resolve) => {
      let records = 0;
      const obs = new MutationObserver((list) => { records += list.length; });
      obs.observe(document.querySelector(${JSON.stringify(book)}), { subtree: true, childList: true, attributes: true, characterData: true });
      const t0 = performance.now();
      setTimeout(() => { obs.disconnect(); resolve({ records, seconds: (performance.now() - t0) / 1000 }); }, 1500);
    })`);
    const extra = rate === 200 && after ? await after(page) : undefined;
    await page.close();
    return { rate: r.records / r.seconds, extra };
  };
  const [r200, r50, r0] = await Promise.all([measure(200), measure(50), measure(0)]);
  expect(r200.rate).toBeGreaterThan(100);
  expect(r200.rate).toBeLessThan(300);
  expect(r50.rate).toBeGreaterThan(25);
  expect(r50.rate).toBeLessThan(75);
  expect(r0.rate).toBe(0);
  return r200.extra;
}
