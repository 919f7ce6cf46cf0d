/**
 * The OKX swap end-to-end checks, run in both browsers on the stand-in (tests/sites/okx): the cases (sizes in
 * coin, the page showing them in contracts, coin or quote: tests/e2e/cases/okx.ts) and what this page has of
 * its own (contract values, the unit switch, account modes). What every venue's checks share is built by
 * tests/e2e/venue-checks.ts.
 */
import { reason } from '../../../src/contracts/reasons';
import { BASE_CASE, CASES, clickBottomTab, type Case } from '../cases/okx';
import type { BrowserCheck } from '../check';
import { allUnavailable } from '../expect';
import { waitForPanel } from '../panel';
import { onPage } from '../standin';
import { venueChecks } from '../venue-checks';

const v = venueChecks(CASES);

const zhIsolated20: Case = { ...BASE_CASE, locale: 'zh-CN', mode: 'isolated', lev: 20, qty: '0.25' };
const ptCoin50: Case = { ...BASE_CASE, locale: 'pt-BR', unit: 'base', lev: 50, price: '60000.5', qty: '0.2' };
const quoteIsolated75: Case = { ...BASE_CASE, unit: 'quote', mode: 'isolated', lev: 75, price: '61000', qty: '0.05' };
const ethContracts: Case = { ...BASE_CASE, symbol: 'ETH-USDT-SWAP', lev: 5, price: '3000', mark: '3000', qty: '2' };
const ownPosition = { symbol: 'BTC-USDT-SWAP', side: 'long', size: '0.05', entry: '59000', mark: BASE_CASE.mark, mode: 'cross', lev: 10 } as const;
const ethShort = { symbol: 'ETH-USDT-SWAP', side: 'short', size: '2', entry: '3100', mark: '3000', mode: 'cross', lev: 10 } as const;
/** SOL-USDT-SWAP has no contract value in the registry: its size converts only from coin or quote. */
const solIsolated = { symbol: 'SOL-USDT-SWAP', side: 'long', size: '10', entry: '150', mark: '140', mode: 'isolated', lev: 5, margin: '300' } as const;
const solCross = { ...solIsolated, mode: 'cross', margin: undefined } as const;
const withPositions: Case = { ...BASE_CASE, positions: [ownPosition, ethShort] };
/** The same account without the position on the order's own instrument. */
const withoutOwn: Case = { ...withPositions, positions: [ethShort] };
/** The same account without the other cross position: the cross stress must tell them apart. */
const withoutOtherCross: Case = { ...withPositions, positions: [ownPosition] };
const withPositionsQuote: Case = { ...BASE_CASE, unit: 'quote', qty: '0.05', positions: [ownPosition, ethShort, solIsolated] };
const withSol: Case = { ...BASE_CASE, positions: [ownPosition, solCross] };

export const CHECKS: BrowserCheck[] = [
  v.openAndCheck('en, contracts, cross 10x', BASE_CASE),
  v.openAndCheck('zh-CN (zh-hans), contracts 张, isolated 20x', zhIsolated20),
  v.openAndCheck('pt-BR (pt-br, decimal comma), coin unit, cross 50x', ptCoin50),
  v.openAndCheck('en, quote unit, isolated 75x', quoteIsolated75),
  v.openAndCheck('ETH-USDT-SWAP in contracts (0.1 ETH each), cross 5x', ethContracts),
  // The cross stress move too (issue 8: computed from every cross position's own maintenance).
  v.openAndCheck('other positions in contracts (the same instrument and another, cross)', withPositions, { stressVersus: withoutOtherCross }),
  v.openAndCheck('other positions in the quote unit (the same instrument, others isolated and cross)', withPositionsQuote),
  v.openAndCheck('another position without a contract value: isolated figures, cross unavailable', withSol, {
    hidden: { crossUnavailable: reason('cross.otherPositionsUnknown', { cause: reason('evaluate.noContractValue', { symbol: 'SOL-USDT-SWAP' }) }) },
  }),
  v.noFigures(
    'an instrument without a contract value, sized in contracts: no figure, the contract value named',
    { ...BASE_CASE, symbol: 'BTC-USDC-SWAP' },
    'evaluate.noContractValue',
    { like: BASE_CASE },
  ),
  v.pageWrites('page writes the amount without any event', BASE_CASE, '0.25'),
  v.check('the page converts the amount on a unit switch (no event): same figures in coin', async (ctx) => {
    await v.open(ctx, BASE_CASE, { 'si-stale': '0', 'si-events': 'none' });
    const expected = v.figures(BASE_CASE);
    await waitForPanel(ctx.page, expected);
    await ctx.page.click('.si-form-slot .okui-input-suffix [role="button"]');
    await waitForPanel(ctx.page, expected, { inputs: { quantity: '0.1' } });
  }),
  v.rerenderThenWrite('form re-render, then a page write into the new form', BASE_CASE, '0.3'),
  // A switch empties the amount and resets the price to the new instrument's last price (README: re-renders).
  v.symbolSwitches(
    'SPA instrument switches (URL first, then form first) take the old figures down until the new form is read',
    BASE_CASE,
    { symbol: 'ETH-USDT-SWAP', c: { ...BASE_CASE, symbol: 'ETH-USDT-SWAP', price: '3000.5', mark: '3000', qty: '2' } },
    { symbol: 'BTC-USDT-SWAP', c: { ...BASE_CASE, price: '61005', qty: '0.2' } },
  ),
  v.lateForm('late form (hydration after 2.5 s)', zhIsolated20),
  v.lateAccount('late account panel and positions: no figure before the position is known, then figures with it', withPositions, withoutOwn),
  v.positionsUnknown(
    'positions unknown (Open orders tab selected): every figure unavailable, the position named as unknown',
    withPositions,
    (page) => clickBottomTab(page, 'Open orders'),
    (page) => clickBottomTab(page, 'Open positions'),
  ),
  v.check('positions incomplete (fewer rows than the tab count): every figure unavailable', async (ctx) => {
    const expected = v.figures(withPositions);
    await v.open(ctx, withPositions);
    await waitForPanel(ctx.page, expected);
    // The page now draws one row fewer than its count says (as a list that renders only part of its rows).
    await onPage(ctx.page, `document.querySelectorAll('.position-box tbody > tr.okui-table-row:not([aria-hidden])')[1].remove()`);
    await waitForPanel(ctx.page, allUnavailable(expected), { onlyNotes: ['evaluate.positionUnknown'] });
  }),
  v.storm('order-book storm (400 mutations/s) while typing the amount', BASE_CASE, '0.42'),
  v.missingQuantity("missing amount: can't read instead of figures", BASE_CASE),
  v.pageChanged(
    'a hook gone from the loaded page (the leverage button): this page changed, figures disabled',
    BASE_CASE,
    (page) => onPage(page, `[...document.querySelectorAll('.place-order-container-common button')].filter((b) => /^\\d+x$/.test(b.textContent.trim())).forEach((b) => b.remove())`).then(() => {}),
    { extra: { 'si-stale': '0' }, timeoutMs: 20_000 },
  ),
  v.loggedOut('logged out: isolated from the form, cross asks to log in', { ...BASE_CASE, auth: 'out', mode: 'isolated', lev: 20 }),
  ...(['multi', 'portfolio'] as const).map((assetmode) =>
    v.noFigures(`${assetmode === 'multi' ? 'multi-currency' : 'portfolio'} margin account: no figures, the account mode named`, { ...BASE_CASE, assetmode }, 'evaluate.accountModeNotSupported', { like: BASE_CASE }),
  ),
];
