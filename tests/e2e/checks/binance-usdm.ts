/**
 * The Binance USDⓈ-M end-to-end checks, run in both browsers: the cases, the page specifics, and the checks
 * only this stand-in gets (the collapsed panel, a stopped background, the extension removed). What every
 * venue's checks share is built by tests/e2e/venue-checks.ts.
 */
import type { ElementHandle } from 'puppeteer-core';
import { reason } from '../../../src/contracts/reasons';
import { pollUntil } from '../../support/poll';
import { BASE_CASE, CASES, type Case, type Hidden } from '../cases/binance-usdm';
import { mustDiffer, type BrowserCheck } from '../check';
import { onlyIsolated } from '../expect';
import { waitForPanel } from '../panel';
import { clickAccountTab, focusQuantity, pageWrite, selectedAccountTab } from '../standin';
import { venueChecks } from '../venue-checks';

const v = venueChecks(CASES);

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
/** The same account without the other cross position (ETHUSDT): the cross stress must tell them apart. */
const withoutOtherCross: Case = { ...withPositions, positions: [ownPosition, otherPositions[1]] };

export const CHECKS: BrowserCheck[] = [
  v.openAndCheck('en, base unit, cross 20x', BASE_CASE),
  v.openAndCheck('zh-CN, isolated 10x', isolated10),
  v.openAndCheck('pt-BR (decimal comma), quote unit, cross 50x', quote50),
  v.openAndCheck('en, quote unit, isolated 125x', quote125),
  // The cross stress move too (issue 8: computed from every cross position's own maintenance).
  v.openAndCheck('other positions (same symbol, other symbols, isolated and cross)', withPositions, { stressVersus: withoutOtherCross }),
  v.pageWrites('page writes the quantity without any event', BASE_CASE, '0.25'),
  v.rerenderThenWrite('form re-render, then a page write into the new form', BASE_CASE, '0.3'),
  v.symbolSwitches(
    'SPA symbol switches (URL first, then form first) take the old figures down until the new form is read',
    BASE_CASE,
    { symbol: 'ETHUSDT', c: { ...BASE_CASE, symbol: 'ETHUSDT', price: '3000.5', mark: '3000', qty: '2' } },
    // Back to BTCUSDT: its mark stays the one the page parameters set, its price resets to the default last.
    { symbol: 'BTCUSDT', c: { ...BASE_CASE, price: '61005', qty: '0.2' } },
  ),
  v.lateForm('late form (hydration after 2.5 s)', isolated10),
  v.lateAccount('late account panel and positions list: no figure before the position is known, then figures with it', withPositions, withoutOwn),
  v.positionsUnknown(
    'positions unknown (Open Orders tab selected): every figure unavailable, the position named as unknown',
    withPositions,
    async (page) => {
      await clickAccountTab(page, 'Open Orders');
      const selected = await selectedAccountTab(page);
      if (selected !== 'Open Orders') throw new Error(`the stand-in shows the ${String(selected)} tab after the click`);
    },
    (page) => clickAccountTab(page, 'Positions'),
  ),
  v.check('Hide Other Symbols: isolated figures with the position on the symbol, cross unavailable (other positions unknown)', async (ctx) => {
    const hidden: Hidden = { crossUnavailable: reason('cross.otherPositionsUnknown', { cause: reason('positions.othersHidden') }) };
    const expected = onlyIsolated(v.figures(withPositions, hidden));
    mustDiffer(expected, onlyIsolated(v.figures(withoutOwn, hidden)), 'the position on the symbol and no position');
    await v.open(ctx, withPositions, { 'si-hideother': '1' });
    await waitForPanel(ctx.page, expected, { onlyNotes: ['cross.otherPositionsUnknown'] });
  }),
  v.storm('order-book storm (400 mutations/s) while typing the quantity', BASE_CASE, '0.42'),
  v.missingQuantity("missing quantity: can't read instead of figures", BASE_CASE),
  v.loggedOut('logged out: isolated from the form, cross asks to log in', { ...BASE_CASE, auth: 'out' }),
  v.check('collapsed panel stays collapsed after a reload, and never takes the focus', async (ctx) => {
    await v.open(ctx, BASE_CASE);
    await waitForPanel(ctx.page, v.figures(BASE_CASE));
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
    await waitForPanel(ctx.page, v.figures(BASE_CASE));
  }),
  v.check('background stopped, then the form changes (cold start)', async (ctx) => {
    await v.open(ctx, BASE_CASE);
    await waitForPanel(ctx.page, v.figures(BASE_CASE));
    await ctx.browser.stopBackground();
    await ctx.page.bringToFront();
    await pageWrite(ctx.page, 'qty', '0.15');
    await waitForPanel(ctx.page, v.figures({ ...BASE_CASE, qty: '0.15' }));
  }),
  {
    // Last (run.ts runs it after every other check): the extension is gone for the rest of this browser's run.
    // Chromium leaves the script running orphaned: it notices and removes the panel. Firefox unloads the
    // script: the panel stays in the DOM, hidden with the stylesheet the browser removes.
    name: v.named('extension removed under an open page: its panel leaves the screen, nothing thrown into the page'),
    last: true,
    async run(ctx) {
      await v.open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, v.figures(BASE_CASE));
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
