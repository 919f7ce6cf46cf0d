/**
 * The Bybit end-to-end checks, run in both browsers on the stand-in (tests/sites/bybit): the cases and
 * what this page has of its own (the leverage dialog outside the form, virtualised rows, Order by Cost,
 * the wallet it does not show). What every venue's checks share is built by tests/e2e/venue-checks.ts.
 */
import { LOADING_GRACE_MS } from '../../../src/adapters/kit/reader';
import {
  BASE_CASE, CASES, clickBottomTab, costFigures, costNoteCodes, removeFromPage, setTakerFee, VENUE, type Case, type PositionSpec,
} from '../cases/bybit';
import { mustDiffer, type BrowserCheck } from '../check';
import { allUnavailable, onlyIsolated } from '../expect';
import { waitForPanel } from '../panel';
import { standin } from '../standin';
import { venueChecks } from '../venue-checks';

const v = venueChecks(CASES);

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

export const CHECKS: BrowserCheck[] = [
  v.openAndCheck('en-US, Order by Qty, cross 10x', BASE_CASE),
  v.openAndCheck('zh-MY, isolated 25x', isolated25),
  v.openAndCheck('pt-BR (decimal comma), Order by Value, cross 50x', value50),
  v.openAndCheck('en-US, Order by Value, isolated 100x', value100),
  v.openAndCheck('market order at the mark, cross 20x', market),
  v.openAndCheck('no locale prefix (en), cross 3x', { ...BASE_CASE, prefix: null, lev: 3 }),
  // The page shows a margin balance and no wallet balance: with positions open, cross says why it is missing.
  v.check('other positions: isolated figures with the position on the symbol, cross needs the wallet balance', async (ctx) => {
    mustDiffer(onlyIsolated(v.figures(withPositions)), onlyIsolated(v.figures(withoutOwn)), 'the position on the symbol and no position');
    await v.open(ctx, withPositions);
    await waitForPanel(ctx.page, v.figures(withPositions), { onlyNotes: v.notes(withPositions), notes: ['cross.walletUnknown'] });
  }),
  v.noFigures('Order by Cost without a fee of your own: no figures, the fee asked for', { ...BASE_CASE, unit: 'cost', qty: '650' }, 'evaluate.costNeedsFee', { like: BASE_CASE }),
  v.pageWrites('page writes the quantity without any event', BASE_CASE, '0.25'),
  v.rerenderThenWrite('form re-render, then a page write into the new form', BASE_CASE, '0.3'),
  v.check('leverage and margin mode changed in place (the dialog outside the form), figures follow', async (ctx) => {
    await v.open(ctx, BASE_CASE);
    await waitForPanel(ctx.page, v.figures(BASE_CASE));
    const next: Case = { ...BASE_CASE, mode: 'isolated', lev: 40 };
    mustDiffer(v.figures(BASE_CASE), v.figures(next), 'cross 10x and isolated 40x');
    await standin(ctx.page).apply({ mode: 'isolated', lev: 40 });
    await waitForPanel(ctx.page, v.figures(next));
  }),
  v.symbolSwitches(
    'SPA symbol switches (URL first, then form first) take the old figures down until the new form is read',
    BASE_CASE,
    { symbol: 'ETHUSDT', c: { ...BASE_CASE, symbol: 'ETHUSDT', price: '3000.5', mark: '3000', qty: '2' } },
    { symbol: 'BTCUSDT', c: { ...BASE_CASE, price: '61005', qty: '0.2' } },
  ),
  v.lateForm('late form (hydration after 2.5 s)', isolated25),
  v.lateAccount('late account panel and positions: no figure before the position is known, then figures with it', withPositions, withoutOwn, onlyIsolated),
  v.positionsUnknown(
    'positions unknown (Current Orders tab selected): every figure unavailable, the position named as unknown',
    withPositions,
    (page) => clickBottomTab(page, 'Current Orders'),
    (page) => clickBottomTab(page, 'Positions'),
  ),
  v.check('virtualised rows (fewer rendered than the count): positions incomplete, no figure', async (ctx) => {
    const expected = v.figures(withPositions);
    await v.open(ctx, withPositions, { 'si-virtual': '2' });
    await waitForPanel(ctx.page, allUnavailable(expected), { onlyNotes: ['evaluate.positionUnknown'] });
    await standin(ctx.page).apply({ virtual: 'all' });
    await waitForPanel(ctx.page, expected, { onlyNotes: v.notes(withPositions) });
  }),
  v.storm('order-book storm (400 mutations/s) while typing the quantity', BASE_CASE, '0.42'),
  v.missingQuantity("missing quantity: can't read instead of figures", BASE_CASE),
  v.pageChanged('the mark price gone from a loaded page: figures disabled, the page changed', BASE_CASE, async (page) => {
    // Past the loading grace, a hook not found is a broken selector, not "not there yet".
    await new Promise((r) => setTimeout(r, LOADING_GRACE_MS));
    await removeFromPage(page, '.contract-detail');
  }),
  v.loggedOut('logged out: isolated from the form, cross asks to log in', { ...BASE_CASE, auth: 'out', mode: 'isolated', lev: 15 }),
  v.noFigures('portfolio margin account: no figures, the account mode named', BASE_CASE, 'evaluate.accountModeNotSupported', { extra: { 'si-assetmode': 'portfolio' } }),
  v.noFigures(
    'hedge + isolated with different long and short leverages: no figures, the leverage not supported',
    { ...BASE_CASE, mode: 'isolated', lev: 20 },
    'evaluate.notSupported',
    { extra: { 'si-posmode': 'hedge', 'si-lev-short': '5' } },
  ),
  // Order by Cost needs the taker fee, which the page does not show: with the user's own fee the size
  // is derived from the cost per side. The fee is set back to the default afterwards.
  v.check('Order by Cost with your own taker fee: the size derived from the cost, per side', async (ctx) => {
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
      await v.open(ctx, cost);
      await waitForPanel(ctx.page, expected, { onlyNotes: costNoteCodes(cost, '650', '0.06') });
    } finally {
      await setTakerFee(openOptions, VENUE.fees.takerPct);
    }
  }),
];
