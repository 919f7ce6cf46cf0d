/**
 * The Hyperliquid end-to-end checks, run in both browsers. Each opens the stand-in (tests/sites/hyperliquid) at
 * its real address, drives it like the page or the trader would, and waits for the panel to show the engine's
 * figures for the case (tests/e2e/cases/hyperliquid.ts). The form submits only the selected side, so only that
 * side's figures are expected. Page traits are named as in tests/sites/README.md.
 */
import { reason } from '../../../src/contracts/reasons';
import {
  BASE_CASE, clickAccountTab, clickToggle, expectedFigures, expectedNoteCodes, onPage, standinUrl, type Case, type Hidden,
} from '../cases/hyperliquid';
import { mustDiffer, type BrowserCheck, type CheckContext } from '../check';
import { allUnavailable, onlyIsolated } from '../expect';
import { waitForPanel } from '../panel';
import { pageWrite, standin, typeQuantity } from '../standin';

const PREFIX = 'hyperliquid: ';

/** Defaults for every load: a short hydration delay, no storm, unless a check says otherwise. */
function open(ctx: CheckContext, c: Case, extra: Record<string, string> = {}): Promise<unknown> {
  return ctx.page.goto(standinUrl(c, { 'si-seed': String(ctx.seed), 'si-delay': '150', 'si-storm': '0', ...extra }), {
    waitUntil: 'domcontentloaded',
  });
}

const sellIsolated: Case = { ...BASE_CASE, locale: 'zh-CN', side: 'sell', mode: 'isolated', lev: 10, price: '62000' };
const quote40: Case = { ...BASE_CASE, locale: 'pt-BR', unit: 'quote', lev: 40, price: '60000.5', qty: '0.2' };
const ethQuote: Case = { ...BASE_CASE, coin: 'ETH', unit: 'quote', mode: 'isolated', lev: 25, price: '3000', qty: '1.5', mark: '3010' };
const market: Case = { ...BASE_CASE, type: 'market', side: 'sell', qty: '0.05' };
const ownPosition = { coin: 'BTC', side: 'long', size: '0.05', entry: '59000', mark: BASE_CASE.mark, mode: 'cross', lev: 20 } as const;
const otherPositions = [
  { coin: 'ETH', side: 'short', size: '2', entry: '3100', mark: '3000', mode: 'cross', lev: 10 },
  { coin: 'SOL', side: 'long', size: '30', entry: '150', mark: '140', mode: 'isolated', lev: 5, margin: '900' },
  { coin: 'kPEPE', side: 'long', size: '100000', entry: '0.0125', mark: '0.012', mode: 'cross', lev: 5 },
] as const;
const withPositions: Case = { ...BASE_CASE, positions: [ownPosition, ...otherPositions], upnl: '-40' };
/** The same account without the position on the order's own coin. */
const withoutOwn: Case = { ...withPositions, positions: [...otherPositions] };

/** Open the stand-in in one state and check every panel figure and note against the engine. */
function openAndCheck(name: string, c: Case): BrowserCheck {
  return {
    name: PREFIX + name,
    async run(ctx) {
      await open(ctx, c);
      await waitForPanel(ctx.page, expectedFigures(c), { onlyNotes: expectedNoteCodes(c) });
    },
  };
}

/**
 * Installed before the page's own scripts: records every moment the panel shows a figure while the stand-in's
 * account data is not in yet (<html data-si-ready="0">). Until then the positions area has no table and the
 * form's Current Position shows `--` (tests/sites/README.md: late hydration): the position on the coin is unknown.
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
  openAndCheck('en, coin unit, cross 20x, Buy selected', BASE_CASE),
  openAndCheck('zh-CN, isolated 10x, Sell selected', sellIsolated),
  openAndCheck('pt-BR (decimal comma), USDC unit, cross 40x', quote40),
  openAndCheck('ETH, USDC unit, isolated 25x', ethQuote),
  openAndCheck('market order (Sell): filled at the mark', market),
  openAndCheck('other positions (same coin, other coins, a coin without a bundled table, isolated and cross)', withPositions),
  openAndCheck('connected, trading not enabled yet: figures as logged in', { ...BASE_CASE, auth: 'noagent' }),
  {
    name: PREFIX + 'the side toggle decides the side: a click on Sell / Short gives the short figures',
    async run(ctx) {
      const sell: Case = { ...BASE_CASE, side: 'sell' };
      mustDiffer(expectedFigures(BASE_CASE), expectedFigures(sell), 'Buy and Sell');
      await open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await clickToggle(ctx.page, 'Sell / Short');
      await waitForPanel(ctx.page, expectedFigures(sell));
      const shownSides = await ctx.page.evaluate(() =>
        [...new Set([...document.getElementById('margin-lens-panel')!.shadowRoot!.querySelectorAll('[data-field]')].map((el) => el.getAttribute('data-field')!.split('.')[0]))],
      );
      if (shownSides.join() !== 'short') throw new Error(`the panel shows figures for ${shownSides.join(' and ')}, not only the selected short side`);
    },
  },
  {
    name: PREFIX + 'page writes the size without any event',
    async run(ctx) {
      await open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await pageWrite(ctx.page, 'qty', '0.25');
      await waitForPanel(ctx.page, expectedFigures({ ...BASE_CASE, qty: '0.25' }), { inputs: { quantity: '0.25' } });
    },
  },
  {
    name: PREFIX + 'form re-render, then a page write into the new form',
    async run(ctx) {
      await open(ctx, BASE_CASE, { 'si-stale': '1' });
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await standin(ctx.page).rerender();
      await pageWrite(ctx.page, 'qty', '0.3');
      await waitForPanel(ctx.page, expectedFigures({ ...BASE_CASE, qty: '0.3' }));
    },
  },
  {
    name: PREFIX + 'SPA coin switches (URL first, then form first) take the old figures down until the new form is read',
    async run(ctx) {
      await open(ctx, BASE_CASE);
      const btc = expectedFigures(BASE_CASE);
      await waitForPanel(ctx.page, btc);
      // A coin change empties the size and resets the price to the new coin's last price
      // (tests/sites/README.md: re-renders with stale copies).
      await standin(ctx.page).navigate('ETH', 'url-first');
      await waitForPanel(ctx.page, allUnavailable(btc));
      const eth: Case = { ...BASE_CASE, coin: 'ETH', price: '3000.5', mark: '3000', qty: '2' };
      await pageWrite(ctx.page, 'qty', eth.qty);
      await waitForPanel(ctx.page, expectedFigures(eth));
      await standin(ctx.page).navigate('BTC', 'form-first');
      await waitForPanel(ctx.page, allUnavailable(btc));
      const back: Case = { ...BASE_CASE, price: '61005', qty: '0.2' };
      await pageWrite(ctx.page, 'qty', back.qty);
      await waitForPanel(ctx.page, expectedFigures(back));
    },
  },
  {
    name: PREFIX + 'late form (hydration after 2.5 s)',
    async run(ctx) {
      await open(ctx, sellIsolated, { 'si-delay': '2500' });
      await waitForPanel(ctx.page, expectedFigures(sellIsolated));
    },
  },
  {
    // The form first, the account panel and #accountTable seconds later, past the adapter's loading grace
    // (tests/sites/README.md: late hydration). No figure may stand before the position on the coin is known.
    name: PREFIX + 'late account panel and positions: no figure before the position is known, then figures with it',
    async run(ctx) {
      mustDiffer(expectedFigures(withPositions), expectedFigures(withoutOwn), 'the position on the coin and no position');
      await ctx.page.evaluateOnNewDocument(RECORD_EARLY_FIGURES);
      await open(ctx, withPositions, { 'si-delay': '150,6000,7000' });
      await waitForPanel(ctx.page, expectedFigures(withPositions), { onlyNotes: expectedNoteCodes(withPositions), timeoutMs: 30_000 });
      const early = await ctx.page.evaluate(() => (window as unknown as { __earlyFigures: { looks: number; shown: string[] } }).__earlyFigures);
      if (early.looks === 0) throw new Error('the panel was never seen before the account data arrived: the check saw nothing');
      if (early.shown.length > 0) throw new Error(`figures shown before the account data was on the page:\n${early.shown.slice(0, 3).join('\n')}`);
    },
  },
  {
    name: PREFIX + 'positions unknown (Trade History tab, a position on the coin): every figure unavailable, the position named as unknown',
    async run(ctx) {
      const expected = expectedFigures(withPositions);
      await open(ctx, withPositions);
      await waitForPanel(ctx.page, expected, { onlyNotes: expectedNoteCodes(withPositions) });
      await clickAccountTab(ctx.page, 'Trade History');
      await waitForPanel(ctx.page, allUnavailable(expected), { onlyNotes: ['evaluate.positionUnknown'] });
      await clickAccountTab(ctx.page, 'Positions');
      await waitForPanel(ctx.page, expected, { onlyNotes: expectedNoteCodes(withPositions) });
    },
  },
  {
    // The form's own Current Position reads zero: no position on the coin, whatever tab is selected; the other
    // coins' positions are unknown, so cross waits (src/adapters/hyperliquid/README.md: Positions list).
    name: PREFIX + 'positions incomplete (Open Orders tab, none on the coin): isolated figures, cross unavailable (other positions unknown)',
    async run(ctx) {
      const hidden: Hidden = { crossUnavailable: reason('cross.otherPositionsUnknown', { cause: reason('positions.tabNotSelected') }) };
      const expected = onlyIsolated(expectedFigures(withoutOwn, hidden));
      await open(ctx, withoutOwn);
      await waitForPanel(ctx.page, expectedFigures(withoutOwn), { onlyNotes: expectedNoteCodes(withoutOwn) });
      await clickAccountTab(ctx.page, 'Open Orders');
      await waitForPanel(ctx.page, expected, { onlyNotes: ['cross.otherPositionsUnknown'] });
    },
  },
  {
    name: PREFIX + 'order-book storm (400 mutations/s) while typing the size',
    async run(ctx) {
      await open(ctx, BASE_CASE, { 'si-storm': '400' });
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await typeQuantity(ctx.page, '0.42');
      await waitForPanel(ctx.page, expectedFigures({ ...BASE_CASE, qty: '0.42' }));
    },
  },
  {
    name: PREFIX + "missing size: can't read instead of figures",
    async run(ctx) {
      await open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await pageWrite(ctx.page, 'qty', '');
      await waitForPanel(ctx.page, allUnavailable(expectedFigures(BASE_CASE)), { onlyNotes: ['evaluate.cantRead'] });
    },
  },
  {
    // A hook gone from a loaded page (past the loading grace) is a broken selector: figures disabled.
    name: PREFIX + 'the Mark pair gone from the loaded page: this page changed, figures disabled',
    async run(ctx) {
      await open(ctx, BASE_CASE);
      await waitForPanel(ctx.page, expectedFigures(BASE_CASE));
      await onPage(ctx.page, `(() => {
        const bar = [...document.querySelectorAll('#marketData')].find((el) => el.getClientRects().length > 0);
        [...bar.children].find((el) => el.children.length === 2 && el.firstElementChild.textContent === 'Mark').remove();
      })()`);
      await waitForPanel(ctx.page, allUnavailable(expectedFigures(BASE_CASE)), { onlyNotes: ['evaluate.pageChanged'], timeoutMs: 20_000 });
    },
  },
  {
    name: PREFIX + 'logged out: isolated from the form, cross asks to log in',
    async run(ctx) {
      const out: Case = { ...BASE_CASE, auth: 'out' };
      await open(ctx, out);
      const expected = expectedFigures(out);
      if (Object.values(onlyIsolated(expected)).filter((v) => v !== 'unavailable').length === 0) {
        throw new Error('the engine gave no isolated figure for the logged-out case');
      }
      await waitForPanel(ctx.page, onlyIsolated(expected), { notes: ['cross.loggedOut'], onlyNotes: expectedNoteCodes(out) });
    },
  },
  {
    name: PREFIX + 'a Unified Account: no figures, the account mode named',
    async run(ctx) {
      const unified: Case = { ...BASE_CASE, assetmode: 'multi' };
      await open(ctx, unified);
      await waitForPanel(ctx.page, allUnavailable(expectedFigures(BASE_CASE)), { onlyNotes: ['evaluate.accountModeNotSupported'] });
    },
  },
  {
    name: PREFIX + 'a builder-deployed market (xyz:TSLA): no figures, not supported yet',
    async run(ctx) {
      const tsla: Case = { ...BASE_CASE, coin: 'xyz:TSLA', price: '250', mark: '251' };
      await open(ctx, tsla);
      await waitForPanel(ctx.page, allUnavailable(expectedFigures(BASE_CASE)), { onlyNotes: ['evaluate.notSupported'] });
    },
  },
];
