/**
 * The Hyperliquid end-to-end checks, run in both browsers on the stand-in (tests/sites/hyperliquid): the cases
 * (tests/e2e/cases/hyperliquid.ts) and what this page has of its own (the side toggle, the form's Current
 * Position, builder markets). The form submits only the selected side, so only that side's figures are
 * expected. What every venue's checks share is built by tests/e2e/venue-checks.ts.
 */
import { reason } from '../../../src/contracts/reasons';
import { BASE_CASE, CASES, clickAccountTab, clickToggle, type Case, type Hidden } from '../cases/hyperliquid';
import { mustDiffer, type BrowserCheck } from '../check';
import { onlyIsolated } from '../expect';
import { waitForPanel } from '../panel';
import { onPage } from '../standin';
import { venueChecks } from '../venue-checks';

const v = venueChecks(CASES);

const sellIsolated: Case = { ...BASE_CASE, locale: 'zh-CN', side: 'sell', mode: 'isolated', lev: 10, price: '62000' };
const quote40: Case = { ...BASE_CASE, locale: 'pt-BR', unit: 'quote', lev: 40, price: '60000.5', qty: '0.2' };
const ethQuote: Case = { ...BASE_CASE, coin: 'ETH', unit: 'quote', mode: 'isolated', lev: 25, price: '3000', qty: '1.5', mark: '3010' };
const market: Case = { ...BASE_CASE, type: 'market', side: 'sell', qty: '0.05' };
const ownPosition = { symbol: 'BTC', side: 'long', size: '0.05', entry: '59000', mark: BASE_CASE.mark, mode: 'cross', lev: 20 } as const;
const otherPositions = [
  { symbol: 'ETH', side: 'short', size: '2', entry: '3100', mark: '3000', mode: 'cross', lev: 10 },
  { symbol: 'SOL', side: 'long', size: '30', entry: '150', mark: '140', mode: 'isolated', lev: 5, margin: '900' },
  { symbol: 'kPEPE', side: 'long', size: '100000', entry: '0.0125', mark: '0.012', mode: 'cross', lev: 5 },
] as const;
const withPositions: Case = { ...BASE_CASE, positions: [ownPosition, ...otherPositions], upnl: '-40' };
/** The same account without the position on the order's own coin. */
const withoutOwn: Case = { ...withPositions, positions: [...otherPositions] };

export const CHECKS: BrowserCheck[] = [
  v.openAndCheck('en, coin unit, cross 20x, Buy selected', BASE_CASE),
  v.openAndCheck('zh-CN, isolated 10x, Sell selected', sellIsolated),
  v.openAndCheck('pt-BR (decimal comma), USDC unit, cross 40x', quote40),
  v.openAndCheck('ETH, USDC unit, isolated 25x', ethQuote),
  v.openAndCheck('market order (Sell): filled at the mark', market),
  v.openAndCheck('other positions (same coin, other coins, a coin without a bundled table, isolated and cross)', withPositions),
  v.openAndCheck('connected, trading not enabled yet: figures as logged in', { ...BASE_CASE, auth: 'noagent' }),
  v.check('the side toggle decides the side: a click on Sell / Short gives the short figures', async (ctx) => {
    const sell: Case = { ...BASE_CASE, side: 'sell' };
    mustDiffer(v.figures(BASE_CASE), v.figures(sell), 'Buy and Sell');
    await v.open(ctx, BASE_CASE);
    await waitForPanel(ctx.page, v.figures(BASE_CASE));
    await clickToggle(ctx.page, 'Sell / Short');
    await waitForPanel(ctx.page, v.figures(sell));
    const shownSides = await ctx.page.evaluate(() =>
      [...new Set([...document.getElementById('margin-lens-panel')!.shadowRoot!.querySelectorAll('[data-field]')].map((el) => el.getAttribute('data-field')!.split('.')[0]))],
    );
    if (shownSides.join() !== 'short') throw new Error(`the panel shows figures for ${shownSides.join(' and ')}, not only the selected short side`);
  }),
  v.pageWrites('page writes the size without any event', BASE_CASE, '0.25'),
  v.rerenderThenWrite('form re-render, then a page write into the new form', BASE_CASE, '0.3'),
  v.symbolSwitches(
    'SPA coin switches (URL first, then form first) take the old figures down until the new form is read',
    BASE_CASE,
    { symbol: 'ETH', c: { ...BASE_CASE, coin: 'ETH', price: '3000.5', mark: '3000', qty: '2' } },
    { symbol: 'BTC', c: { ...BASE_CASE, price: '61005', qty: '0.2' } },
  ),
  v.lateForm('late form (hydration after 2.5 s)', sellIsolated),
  v.lateAccount('late account panel and positions: no figure before the position is known, then figures with it', withPositions, withoutOwn),
  v.positionsUnknown(
    'positions unknown (Trade History tab, a position on the coin): every figure unavailable, the position named as unknown',
    withPositions,
    (page) => clickAccountTab(page, 'Trade History'),
    (page) => clickAccountTab(page, 'Positions'),
  ),
  // The form's own Current Position reads zero: no position on the coin, whatever tab is selected; the other
  // coins' positions are unknown, so cross waits (src/adapters/hyperliquid/README.md: Positions list).
  v.check('positions incomplete (Open Orders tab, none on the coin): isolated figures, cross unavailable (other positions unknown)', async (ctx) => {
    const hidden: Hidden = { crossUnavailable: reason('cross.otherPositionsUnknown', { cause: reason('positions.tabNotSelected') }) };
    const expected = onlyIsolated(v.figures(withoutOwn, hidden));
    await v.open(ctx, withoutOwn);
    await waitForPanel(ctx.page, v.figures(withoutOwn), { onlyNotes: v.notes(withoutOwn) });
    await clickAccountTab(ctx.page, 'Open Orders');
    await waitForPanel(ctx.page, expected, { onlyNotes: ['cross.otherPositionsUnknown'] });
  }),
  v.storm('order-book storm (400 mutations/s) while typing the size', BASE_CASE, '0.42'),
  v.missingQuantity("missing size: can't read instead of figures", BASE_CASE),
  v.pageChanged(
    'the Mark pair gone from the loaded page: this page changed, figures disabled',
    BASE_CASE,
    (page) =>
      onPage(page, `(() => {
        const bar = [...document.querySelectorAll('#marketData')].find((el) => el.getClientRects().length > 0);
        [...bar.children].find((el) => el.children.length === 2 && el.firstElementChild.textContent === 'Mark').remove();
      })()`).then(() => {}),
    { timeoutMs: 20_000 },
  ),
  v.loggedOut('logged out: isolated from the form, cross asks to log in', { ...BASE_CASE, auth: 'out' }),
  v.noFigures('a Unified Account: no figures, the account mode named', { ...BASE_CASE, assetmode: 'multi' }, 'evaluate.accountModeNotSupported', { like: BASE_CASE }),
  v.noFigures('a builder-deployed market (xyz:TSLA): no figures, not supported yet', { ...BASE_CASE, coin: 'xyz:TSLA', price: '250', mark: '251' }, 'evaluate.notSupported', { like: BASE_CASE }),
];
