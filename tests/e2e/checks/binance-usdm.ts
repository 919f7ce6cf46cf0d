/**
 * The Binance USDⓈ-M end-to-end checks, run in both browsers. Each opens the stand-in at its real URL,
 * drives it like the page or the trader would, and waits for the panel to show the engine's figures for
 * the case. Page traits are named as in tests/sites/README.md.
 */
import type { ElementHandle } from 'puppeteer-core';
import { reason } from '../../../src/contracts/reasons';
import { pollUntil } from '../../support/poll';
import { BASE_CASE, expectedFigures, expectedNoteCodes, LOGGED_OUT_REASON, standinUrl, type Case, type Hidden } from '../cases/binance-usdm';
import { mustDiffer, type BrowserCheck, type CheckContext } from '../check';
import { allUnavailable, onlyIsolated } from '../expect';
import { waitForPanel, type Figures } from '../panel';
import { clickAccountTab, focusQuantity, pageWrite, selectedAccountTab, standin, typeQuantity } from '../standin';

/** Defaults for every load: a short hydration delay, no storm, unless a check says otherwise. */
function open(ctx: CheckContext, c: Case, extra: Record<string, string> = {}): Promise<unknown> {
  return ctx.page.goto(standinUrl(c, { 'si-seed': String(ctx.seed), 'si-delay': '150', 'si-storm': '0', ...extra }), {
    waitUntil: 'domcontentloaded',
  });
}


const isolated10: Case = { ...BASE_CASE, locale: 'zh-CN', mode: 'isolated', lev: 10 };
const quote50: Case = { ...BASE_CASE, locale: 'pt-BR', unit: 'quote', lev: 50, price: '60000.5' };
const quote125: Case = { ...BASE_CASE, unit: 'quote', mode: 'isolated', lev: 125, price: '61000', qty: '0.05' };
const ownPosition = { symbol: 'BTCUSDT', side: 'long', size: '0.05', entry: '59000', mark: BASE_CASE.mark, mode: 'cross', lev: 20 } as const;
const otherPositions = [
  { symbol: 'ETHUSDT', side: 'short', size: '2', entry: '3100', mark: '3000', mode: 'cross', lev: 10 },
  { symbol: 'SOLUSDT', side: 'long', size: '30', entry: '150', mark: '140', mode: 'isolated', lev: 5, margin: '900' },
] as const;
const withPositions: Case = { ...BASE_CASE, positions: [ownPosition, ...otherPositions], upnl: '-40' };
/** The same account without the position on the order's own symbol. */
const withoutOwn: Case = { ...withPositions, positions: [...otherPositions] };

/** Open the stand-in in one state and check every panel figure against the engine. */
function openAndCheck(name: string, c: Case): BrowserCheck {
  return {
    name,
    async run(ctx) {
      await open(ctx, c);
      await waitForPanel(ctx.page, expectedFigures(c), { onlyNotes: expectedNoteCodes(c) });
    },
  };
}

/**
 * Installed before the page's own scripts: records every moment the panel shows a figure (a value or
 * "none") while the stand-in's account data is not in yet (<html data-si-ready="0">). Until then the
 * positions list holds no rows (README: late hydration), so the position on the symbol is unknown.
 */
const RECORD_EARLY_FIGURES = `(() => {
  const early = (window.__earlyFigures = { looks: 0, shown: [] });
  let shadow = null;
  const check = () => {
    if (document.documentElement.getAttribute('data-si-ready') === '1' || !shadow) return;
    early.looks++;
    const shown = [...shadow.querySelectorAll('[data-field]')].filter((el) => el.getAttribute('data-value') !== 'unavailable');
    if (shown.length) early.shown.push(shown.map((el) => el.getAttribute('data-field') + '=' + el.getAttribute('data-value')).join(' '));
  };
  const panelObserver = new MutationObserver(check);
  new MutationObserver(() => {
    const root = document.getElementById('margin-lens-panel')?.shadowRoot ?? null;
    if (root && root !== shadow) {
      shadow = root;
      panelObserver.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      check();
    }
  }).observe(document, { subtree: true, childList: true });
})()`;

export const CHECKS: BrowserCheck[] = [
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
      await waitForPanel(ctx.page, expectedFigures({ ...BASE_CASE, qty: '0.25' }), { inputs: { quantity: '0.25' } });
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
      // A symbol change empties the quantity and resets the price to the new symbol's last price
      // (tests/sites/README.md: re-renders with stale copies).
      await standin(ctx.page).navigate('ETHUSDT', 'url-first');
      await waitForPanel(ctx.page, allUnavailable(btc));
      const eth: Case = { ...BASE_CASE, symbol: 'ETHUSDT', price: '3000.5', mark: '3000', qty: '2' };
      await pageWrite(ctx.page, 'qty', eth.qty);
      await waitForPanel(ctx.page, expectedFigures(eth));
      // Back to BTCUSDT: its mark stays the one the page parameters set, its price resets to the default last.
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
    // The form first, the account panel and the positions list seconds later, past the adapter's
    // loading grace (tests/sites/README.md: late hydration). No figure may stand before the position on
    // the symbol is known, and once the parts are there the panel must count the position in.
    name: 'late account panel and positions list: no figure before the position is known, then figures with it',
    async run(ctx) {
      mustDiffer(expectedFigures(withPositions), expectedFigures(withoutOwn), 'the position on the symbol and no position');
      await ctx.page.evaluateOnNewDocument(RECORD_EARLY_FIGURES);
      await open(ctx, withPositions, { 'si-delay': '150,6000,7000' });
      await waitForPanel(ctx.page, expectedFigures(withPositions), { onlyNotes: expectedNoteCodes(withPositions), timeoutMs: 30_000 });
      const early = await ctx.page.evaluate(() => (window as unknown as { __earlyFigures: { looks: number; shown: string[] } }).__earlyFigures);
      if (early.looks === 0) throw new Error('the panel was never seen before the account data arrived: the check saw nothing');
      if (early.shown.length > 0) throw new Error(`figures shown before the account data was on the page:\n${early.shown.slice(0, 3).join('\n')}`);
    },
  },
  {
    name: 'positions unknown (Open Orders tab selected): every figure unavailable, the position named as unknown',
    async run(ctx) {
      const expected = expectedFigures(withPositions);
      await open(ctx, withPositions);
      await waitForPanel(ctx.page, expected, { onlyNotes: expectedNoteCodes(withPositions) });
      await clickAccountTab(ctx.page, 'Open Orders');
      const selected = await selectedAccountTab(ctx.page);
      if (selected !== 'Open Orders') throw new Error(`the stand-in shows the ${String(selected)} tab after the click`);
      await waitForPanel(ctx.page, allUnavailable(expected), { onlyNotes: ['evaluate.positionUnknown'] });
      await clickAccountTab(ctx.page, 'Positions');
      await waitForPanel(ctx.page, expected, { onlyNotes: expectedNoteCodes(withPositions) });
    },
  },
  {
    name: 'Hide Other Symbols: isolated figures with the position on the symbol, cross unavailable (other positions unknown)',
    async run(ctx) {
      const hidden: Hidden = { crossUnavailable: reason('cross.otherPositionsUnknown', { cause: reason('positions.othersHidden') }) };
      const expected = onlyIsolated(expectedFigures(withPositions, hidden));
      mustDiffer(expected, onlyIsolated(expectedFigures(withoutOwn, hidden)), 'the position on the symbol and no position');
      await open(ctx, withPositions, { 'si-hideother': '1' });
      await waitForPanel(ctx.page, expected, { onlyNotes: ['cross.otherPositionsUnknown'] });
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
      await waitForPanel(ctx.page, allUnavailable(expectedFigures(BASE_CASE)), { onlyNotes: ['evaluate.cantRead'] });
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
      await waitForPanel(ctx.page, onlyIsolated(expected), { notes: [LOGGED_OUT_REASON], onlyNotes: expectedNoteCodes(out) });
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
        if ((await expanded()) === 'false') await toggle(); // later checks expect an open panel
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
    // Last (run.ts runs it after every other check): the extension is gone for the rest of this browser's run.
    // Chromium leaves the script running orphaned: it notices and removes the panel. Firefox unloads the
    // script: the panel stays in the DOM, hidden with the stylesheet the browser removes.
    name: 'extension removed under an open page: its panel leaves the screen, nothing thrown into the page',
    last: true,
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
