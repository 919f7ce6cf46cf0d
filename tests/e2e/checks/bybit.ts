/**
 * The Bybit end-to-end checks, run in both browsers. Each opens the stand-in (tests/sites/bybit) at its
 * real URL, drives it like the page or the trader would, and waits for the panel to show the engine's
 * figures for the case, or to say why it shows none. Page traits are named as in tests/sites/README.md.
 */
import { LOADING_GRACE_MS } from '../../../src/adapters/kit/reader';
import {
  BASE_CASE, clickBottomTab, costFigures, costNoteCodes, expectedFigures, expectedNoteCodes, removeFromPage, setTakerFee, standinUrl, VENUE, type Case, type PositionSpec,
} from '../cases/bybit';
import { mustDiffer, type BrowserCheck, type CheckContext } from '../check';
import { allUnavailable, onlyIsolated } from '../expect';
import { waitForPanel } from '../panel';
import { pageWrite, standin, typeQuantity } from '../standin';

/** Defaults for every load: a short hydration delay, no storm, unless a check says otherwise. */
function open(ctx: CheckContext, c: Case, extra: Record<string, string> = {}): Promise<unknown> {
  return ctx.page.goto(standinUrl(c, { 'si-seed': String(ctx.seed), 'si-delay': '150', 'si-storm': '0', ...extra }), { waitUntil: 'domcontentloaded' });
}

const isolated25: Case = { ...BASE_CASE, prefix: 'zh-MY', mode: 'isolated', lev: 25 };
const value50: Case = { ...BASE_CASE, prefix: 'pt-BR', unit: 'quote', lev: 50, price: '60000.5' };
const value100: Case = { ...BASE_CASE, unit: 'quote', mode: 'isolated', lev: 100, price: '61000', qty: '0.05' };
const market: Case = { ...BASE_CASE, type: 'market', lev: 20, qty: '0.2' };
const ownPosition: PositionSpec = { symbol: 'BTCUSDT', side: 'long', size: '0.05', entry: '59000', mark: BASE_CASE.mark, mode: 'isolated', lev: 10, margin: '295' };
const otherPositions: PositionSpec[] = [
  { symbol: 'ETHUSDT', side: 'short', size: '2', entry: '3100', mark: '3000', mode: 'cross', lev: 10, margin: '600' },
  { symbol: 'SOLUSDT', side: 'long', size: '30', entry: '150', mark: '140', mode: 'isolated', lev: 5, margin: '900' },
];
const withPositions: Case = { ...BASE_CASE, mode: 'isolated', positions: [ownPosition, ...otherPositions] };
/** The same account without the position on the order's own symbol. */
const withoutOwn: Case = { ...withPositions, positions: [...otherPositions] };

/** Open the stand-in in one state and check every panel figure against the engine. */
function openAndCheck(name: string, c: Case, extra: Record<string, string> = {}): BrowserCheck {
  return {
    name: `bybit: ${name}`,
    async run(ctx) {
      await open(ctx, c, extra);
      await waitForPanel(ctx.page, expectedFigures(c), { onlyNotes: expectedNoteCodes(c) });
    },
  };
}

/** Installed before the page's own scripts: records every figure the panel shows before the stand-in's account data is in. */
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
  openAndCheck('en-US, Order by Qty, cross 10x', BASE_CASE),
  openAndCheck('zh-MY, isolated 25x', isolated25),
  openAndCheck('pt-BR (decimal comma), Order by Value, cross 50x', value50),
  openAndCheck('en-US, Order by Value, isolated 100x', value100),
  openAndCheck('market order at the mark, cross 20x', market),
  openAndCheck('no locale prefix (en), cross 3x', { ...BASE_CASE, prefix: null, lev: 3 }),
  {
    // The page shows a margin balance and no wallet balance: with positions open, cross says why it is missing.
    name: 'bybit: other positions: isolated figures with the position on the symbol, cross needs the wallet balance',
    async run(ctx) {
      mustDiffer(onlyIsolated(expectedFigures(withPositions)), onlyIsolated(expectedFigures(withoutOwn)), 'the position on the symbol and no position');
      await open(ctx, withPositions);
      await waitForPanel(ctx.page, expectedFigures(withPositions), { onlyNotes: expectedNoteCodes(withPositions), notes: ['cross.walletUnknown'] });
    },
  },
  {
    name: 'bybit: Order by Cost without a fee of your own: no figures, the fee asked for',
    async run(ctx) {
      const cost: Case = { ...BASE_CASE, unit: 'cost', qty: '650' };
      await open(ctx, cost);
      await waitForPanel(ctx.page, allUnavailable(expectedFigures(BASE_CASE)), { onlyNotes: ['evaluate.costNeedsFee'] });
    },
  },
  {
    name: 'bybit: page writes the quantity without any event',
    async run(ctx) {
      await open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await pageWrite(ctx.page, 'qty', '0.25');
      await waitForPanel(ctx.page, expectedFigures({ ...BASE_CASE, qty: '0.25' }), { inputs: { quantity: '0.25' } });
    },
  },
  {
    name: 'bybit: form re-render, then a page write into the new form',
    async run(ctx) {
      await open(ctx, BASE_CASE, { 'si-stale': '1' });
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await standin(ctx.page).rerender();
      await pageWrite(ctx.page, 'qty', '0.3');
      await waitForPanel(ctx.page, expectedFigures({ ...BASE_CASE, qty: '0.3' }));
    },
  },
  {
    name: 'bybit: leverage and margin mode changed in place (the dialog outside the form), figures follow',
    async run(ctx) {
      await open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      const next: Case = { ...BASE_CASE, mode: 'isolated', lev: 40 };
      mustDiffer(expectedFigures(BASE_CASE), expectedFigures(next), 'cross 10x and isolated 40x');
      await standin(ctx.page).apply({ mode: 'isolated', lev: 40 });
      await waitForPanel(ctx.page, expectedFigures(next));
    },
  },
  {
    name: 'bybit: SPA symbol switches (URL first, then form first) take the old figures down until the new form is read',
    async run(ctx) {
      await open(ctx, BASE_CASE);
      const btc = expectedFigures(BASE_CASE);
      await waitForPanel(ctx.page, btc);
      // A symbol change empties the quantity and resets the price to the new symbol's last price.
      await standin(ctx.page).navigate('ETHUSDT', 'url-first');
      await waitForPanel(ctx.page, allUnavailable(btc));
      const eth: Case = { ...BASE_CASE, symbol: 'ETHUSDT', price: '3000.5', mark: '3000', qty: '2' };
      await pageWrite(ctx.page, 'qty', eth.qty);
      await waitForPanel(ctx.page, expectedFigures(eth));
      await standin(ctx.page).navigate('BTCUSDT', 'form-first');
      await waitForPanel(ctx.page, allUnavailable(btc));
      const back: Case = { ...BASE_CASE, price: '61005', qty: '0.2' };
      await pageWrite(ctx.page, 'qty', back.qty);
      await waitForPanel(ctx.page, expectedFigures(back));
    },
  },
  {
    name: 'bybit: late form (hydration after 2.5 s)',
    async run(ctx) {
      await open(ctx, isolated25, { 'si-delay': '2500' });
      await waitForPanel(ctx.page, expectedFigures(isolated25));
    },
  },
  {
    // The form first, the account panel and the positions area seconds later, past the adapter's loading
    // grace (tests/sites/README.md: late hydration): no figure before the position on the symbol is known.
    name: 'bybit: late account panel and positions: no figure before the position is known, then figures with it',
    async run(ctx) {
      mustDiffer(onlyIsolated(expectedFigures(withPositions)), onlyIsolated(expectedFigures(withoutOwn)), 'the position on the symbol and no position');
      await ctx.page.evaluateOnNewDocument(RECORD_EARLY_FIGURES);
      await open(ctx, withPositions, { 'si-delay': '150,6000,7000' });
      await waitForPanel(ctx.page, expectedFigures(withPositions), { onlyNotes: expectedNoteCodes(withPositions), timeoutMs: 30_000 });
      const early = await ctx.page.evaluate(() => (window as unknown as { __earlyFigures: { looks: number; shown: string[] } }).__earlyFigures);
      if (early.looks === 0) throw new Error('the panel was never seen before the account data arrived: the check saw nothing');
      if (early.shown.length > 0) throw new Error(`figures shown before the account data was on the page:\n${early.shown.slice(0, 3).join('\n')}`);
    },
  },
  {
    name: 'bybit: positions unknown (Current Orders tab selected): every figure unavailable, the position named as unknown',
    async run(ctx) {
      const expected = expectedFigures(withPositions);
      await open(ctx, withPositions);
      await waitForPanel(ctx.page, expected, { onlyNotes: expectedNoteCodes(withPositions) });
      await clickBottomTab(ctx.page, 'Current Orders');
      await waitForPanel(ctx.page, allUnavailable(expected), { onlyNotes: ['evaluate.positionUnknown'] });
      await clickBottomTab(ctx.page, 'Positions');
      await waitForPanel(ctx.page, expected, { onlyNotes: expectedNoteCodes(withPositions) });
    },
  },
  {
    name: 'bybit: virtualised rows (fewer rendered than the count): positions incomplete, no figure',
    async run(ctx) {
      const expected = expectedFigures(withPositions);
      await open(ctx, withPositions, { 'si-virtual': '2' });
      await waitForPanel(ctx.page, allUnavailable(expected), { onlyNotes: ['evaluate.positionUnknown'] });
      await standin(ctx.page).apply({ virtual: 'all' });
      await waitForPanel(ctx.page, expected, { onlyNotes: expectedNoteCodes(withPositions) });
    },
  },
  {
    name: 'bybit: order-book storm (400 mutations/s) while typing the quantity',
    async run(ctx) {
      await open(ctx, BASE_CASE, { 'si-storm': '400' });
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await typeQuantity(ctx.page, '0.42');
      await waitForPanel(ctx.page, expectedFigures({ ...BASE_CASE, qty: '0.42' }));
    },
  },
  {
    name: "bybit: missing quantity: can't read instead of figures",
    async run(ctx) {
      await open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await pageWrite(ctx.page, 'qty', '');
      await waitForPanel(ctx.page, allUnavailable(expectedFigures(BASE_CASE)), { onlyNotes: ['evaluate.cantRead'] });
    },
  },
  {
    name: 'bybit: the mark price gone from a loaded page: figures disabled, the page changed',
    async run(ctx) {
      await open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      // Past the loading grace, a hook not found is a broken selector, not "not there yet".
      await new Promise((r) => setTimeout(r, LOADING_GRACE_MS));
      await removeFromPage(ctx.page, '.contract-detail');
      await waitForPanel(ctx.page, allUnavailable(expectedFigures(BASE_CASE)), { onlyNotes: ['evaluate.pageChanged'] });
    },
  },
  {
    name: 'bybit: logged out: isolated from the form, cross asks to log in',
    async run(ctx) {
      const out: Case = { ...BASE_CASE, auth: 'out', mode: 'isolated', lev: 15 };
      await open(ctx, out);
      const expected = expectedFigures(out);
      if (Object.values(onlyIsolated(expected)).filter((v) => v !== 'unavailable').length === 0) throw new Error('the engine gave no isolated figure for the logged-out case');
      await waitForPanel(ctx.page, onlyIsolated(expected), { notes: ['cross.loggedOut'], onlyNotes: expectedNoteCodes(out) });
    },
  },
  {
    name: 'bybit: portfolio margin account: no figures, the account mode named',
    async run(ctx) {
      await open(ctx, BASE_CASE, { 'si-assetmode': 'portfolio' });
      await waitForPanel(ctx.page, allUnavailable(expectedFigures(BASE_CASE)), { onlyNotes: ['evaluate.accountModeNotSupported'] });
    },
  },
  {
    name: 'bybit: hedge + isolated with different long and short leverages: no figures, the leverage not supported',
    async run(ctx) {
      const hedge: Case = { ...BASE_CASE, mode: 'isolated', lev: 20 };
      await open(ctx, hedge, { 'si-posmode': 'hedge', 'si-lev-short': '5' });
      await waitForPanel(ctx.page, allUnavailable(expectedFigures(hedge)), { onlyNotes: ['evaluate.notSupported'] });
    },
  },
  {
    // Order by Cost needs the taker fee, which the page does not show: with the user's own fee the size
    // is derived from the cost per side. The fee is set back to the default afterwards.
    name: 'bybit: Order by Cost with your own taker fee: the size derived from the cost, per side',
    async run(ctx) {
      const cost: Case = { ...BASE_CASE, unit: 'cost', lev: 20, qty: '650' };
      const openOptions = async () => {
        const page = await ctx.browser.newPage();
        await page.goto(ctx.browser.extensionUrl('src/options/index.html')).catch(() => {});
        return page;
      };
      const expected = costFigures(cost, '650', '0.06');
      mustDiffer(expected, costFigures(cost, '650', '0.1'), 'two taker fees');
      await setTakerFee(openOptions, '0.06');
      try {
        await open(ctx, cost);
        await waitForPanel(ctx.page, expected, { onlyNotes: costNoteCodes(cost, '650', '0.06') });
      } finally {
        await setTakerFee(openOptions, VENUE.fees.takerPct);
      }
    },
  },
];
