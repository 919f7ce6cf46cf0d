/**
 * The end-to-end scenarios, shared by both browsers. Each opens the stand-in at its real URL, drives it
 * like the page or the trader would, and waits for the panel to show the engine's figures for the case.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { BASE_CASE, expectedFigures, LOGGED_OUT_REASON, standinUrl, type Case } from './cases';
import type { BrowserName, TestBrowser } from './browsers';
import { waitForPanel, type Figures } from './panel';
import { pollUntil } from './poll';
import { focusQuantity, pageWrite, standin, typeQuantity } from './standin';

export interface ScenarioContext {
  browser: TestBrowser;
  page: Page;
  seed: number;
}

export interface Scenario {
  name: string;
  run(ctx: ScenarioContext): Promise<void>;
}

/** Defaults for every load: a short hydration delay, no storm, unless a scenario says otherwise. */
function open(ctx: ScenarioContext, c: Case, extra: Record<string, string> = {}): Promise<unknown> {
  return ctx.page.goto(standinUrl(c, { 'si-seed': String(ctx.seed), 'si-delay': '150', 'si-storm': '0', ...extra }), {
    waitUntil: 'domcontentloaded',
  });
}

/** Every shown figure "unavailable" (what the panel shows instead of figures it cannot compute). */
function allUnavailable(like: Figures): Figures {
  return Object.fromEntries(Object.keys(like).map((field) => [field, 'unavailable']));
}

/** Cross figures unavailable, isolated ones as the engine says. */
function onlyIsolated(figures: Figures): Figures {
  return Object.fromEntries(Object.entries(figures).map(([f, v]) => [f, f.includes('.cross.') ? 'unavailable' : v]));
}

const isolated10: Case = { ...BASE_CASE, locale: 'zh-CN', mode: 'isolated', lev: 10 };
const quote50: Case = { ...BASE_CASE, locale: 'pt-BR', unit: 'quote', lev: 50, price: '60000.5' };
const quote125: Case = { ...BASE_CASE, unit: 'quote', mode: 'isolated', lev: 125, price: '61000', qty: '0.05' };
const withPositions: Case = {
  ...BASE_CASE,
  positions: [
    { symbol: 'BTCUSDT', side: 'long', size: '0.05', entry: '59000', mark: BASE_CASE.mark, mode: 'cross', lev: 20 },
    { symbol: 'ETHUSDT', side: 'short', size: '2', entry: '3100', mark: '3000', mode: 'cross', lev: 10 },
    { symbol: 'SOLUSDT', side: 'long', size: '30', entry: '150', mark: '140', mode: 'isolated', lev: 5, margin: '900' },
  ],
  upnl: '-40',
};

/** Open the stand-in in one state and check every panel figure against the engine. */
function openAndCheck(name: string, c: Case): Scenario {
  return {
    name,
    async run(ctx) {
      await open(ctx, c);
      await waitForPanel(ctx.page, expectedFigures(c));
    },
  };
}

export const SCENARIOS: Scenario[] = [
  openAndCheck('en, base unit, cross 20x', BASE_CASE),
  openAndCheck('zh-CN, isolated 10x', isolated10),
  openAndCheck('pt-BR (decimal comma), quote unit, cross 50x', quote50),
  openAndCheck('en, quote unit, isolated 125x', quote125),
  openAndCheck('other positions (same symbol, other symbols, isolated and cross)', withPositions),
  {
    name: 'page writes the quantity without any event',
    async run(ctx) {
      await open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await pageWrite(ctx.page, 'qty', '0.25');
      await waitForPanel(ctx.page, expectedFigures({ ...BASE_CASE, qty: '0.25' }));
    },
  },
  {
    name: 'form re-render, then a page write into the new form',
    async run(ctx) {
      await open(ctx, BASE_CASE, { 'si-stale': '1' });
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await standin(ctx.page).rerender();
      await pageWrite(ctx.page, 'qty', '0.3');
      await waitForPanel(ctx.page, expectedFigures({ ...BASE_CASE, qty: '0.3' }));
    },
  },
  {
    name: 'SPA symbol switches (URL first, then form first) take the old figures down until the new form is read',
    async run(ctx) {
      await open(ctx, BASE_CASE);
      const btc = expectedFigures(BASE_CASE);
      await waitForPanel(ctx.page, btc);
      // A symbol change empties the quantity and resets the price to the new symbol's last price (T2).
      await standin(ctx.page).navigate('ETHUSDT', 'url-first');
      await waitForPanel(ctx.page, allUnavailable(btc));
      const eth: Case = { ...BASE_CASE, symbol: 'ETHUSDT', price: '3000.5', mark: '3000', qty: '2' };
      await pageWrite(ctx.page, 'qty', eth.qty);
      await waitForPanel(ctx.page, expectedFigures(eth));
      // Back to BTCUSDT: its mark stays the one the scenario set, its price resets to the default last.
      await standin(ctx.page).navigate('BTCUSDT', 'form-first');
      await waitForPanel(ctx.page, allUnavailable(btc));
      const back: Case = { ...BASE_CASE, price: '61005', qty: '0.2' };
      await pageWrite(ctx.page, 'qty', back.qty);
      await waitForPanel(ctx.page, expectedFigures(back));
    },
  },
  {
    name: 'late form (hydration after 2.5 s)',
    async run(ctx) {
      await open(ctx, isolated10, { 'si-delay': '2500' });
      await waitForPanel(ctx.page, expectedFigures(isolated10));
    },
  },
  {
    name: 'order-book storm (400 mutations/s) while typing the quantity',
    async run(ctx) {
      await open(ctx, BASE_CASE, { 'si-storm': '400' });
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await typeQuantity(ctx.page, '0.42');
      await waitForPanel(ctx.page, expectedFigures({ ...BASE_CASE, qty: '0.42' }));
    },
  },
  {
    name: "missing quantity: can't read instead of figures",
    async run(ctx) {
      await open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await pageWrite(ctx.page, 'qty', '');
      await waitForPanel(ctx.page, allUnavailable(expectedFigures(BASE_CASE)), { textIncludes: ["can't read"] });
    },
  },
  {
    name: 'logged out: isolated from the form, cross asks to log in',
    async run(ctx) {
      const out: Case = { ...BASE_CASE, auth: 'out' };
      await open(ctx, out);
      const expected = expectedFigures(out);
      if (Object.values(onlyIsolated(expected)).filter((v) => v !== 'unavailable').length === 0) {
        throw new Error('the engine gave no isolated figure for the logged-out case');
      }
      await waitForPanel(ctx.page, onlyIsolated(expected), { textIncludes: [LOGGED_OUT_REASON] });
    },
  },
  {
    name: 'collapsed panel stays collapsed after a reload, and never takes the focus',
    async run(ctx) {
      await open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await focusQuantity(ctx.page);
      // A real mouse click on the panel's toggle (inside the open shadow root).
      const toggle = async () => {
        const button = await ctx.page.evaluateHandle(
          () => document.getElementById('margin-lens-panel')!.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!,
        );
        await (button.asElement() as ElementHandle<Element>).click();
        await button.dispose();
      };
      const expanded = () =>
        ctx.page.evaluate(
          () => document.getElementById('margin-lens-panel')?.shadowRoot?.querySelector('button.toggle')?.getAttribute('aria-expanded') ?? null,
        );
      await toggle();
      if ((await expanded()) !== 'false') throw new Error('the panel did not collapse');
      const focusedTag = await ctx.page.evaluate(() => document.activeElement?.tagName);
      if (focusedTag !== 'INPUT') throw new Error(`the panel took the focus (active element: ${focusedTag})`);
      try {
        await ctx.page.reload({ waitUntil: 'domcontentloaded' });
        await pollUntil(expanded, (state) => state === 'false', (state) => `after a reload the panel is ${String(state)} expanded, not collapsed`);
        const figures = await ctx.page.evaluate(() => document.getElementById('margin-lens-panel')!.shadowRoot!.querySelectorAll('[data-field]').length);
        if (figures !== 0) throw new Error('a collapsed panel still shows figures');
      } finally {
        if ((await expanded()) === 'false') await toggle(); // later scenarios expect an open panel
      }
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
    },
  },
  {
    name: 'background stopped, then the form changes (cold start)',
    async run(ctx) {
      await open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await ctx.browser.stopBackground();
      await ctx.page.bringToFront();
      await pageWrite(ctx.page, 'qty', '0.15');
      await waitForPanel(ctx.page, expectedFigures({ ...BASE_CASE, qty: '0.15' }));
    },
  },
  {
    // Last: the extension is gone for the rest of this browser's run.
    // Chromium leaves the script running orphaned: it notices and removes the panel. Firefox unloads the
    // script: the panel stays in the DOM, hidden with the stylesheet the browser removes.
    name: 'extension removed under an open page: its panel leaves the screen, nothing thrown into the page',
    async run(ctx) {
      await open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      const shown = () =>
        ctx.page.evaluate(() => {
          const host = document.getElementById('margin-lens-panel');
          return host !== null && getComputedStyle(host).display !== 'none' && host.getBoundingClientRect().height > 0;
        });
      if (!(await shown())) throw new Error('the panel is not on screen before the removal');
      await ctx.browser.removeExtension();
      await pageWrite(ctx.page, 'qty', '0.15');
      await pollUntil(shown, (onScreen) => !onScreen, () => 'the panel is still on screen after the extension was removed');
    },
  },
];
