// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createBinanceReader } from '../../../src/adapters/binance-usdm/read';
import type { FormSnapshot, PositionRow } from '../../../src/contracts/snapshot';
import { reason } from '../../../src/contracts/reasons';
import { formHtml, loadPage, urlFor, type PageSpec } from './fixture';
import { readers } from '../kit/fixture';
import { value } from '../kit/expect';

const { opts, readLoaded, readNow, snap } = readers<PageSpec>(createBinanceReader, { load: loadPage, url: (spec) => urlFor(spec.symbol ?? 'BTCUSDT', spec.locale ?? 'en'), blank: {} });

describe('binance-usdm reader: default page (en, one-way, limit, logged in)', () => {
  it('reads every form, account and header field', () => {
    const s = snap({ price: '61000.5', qty: '0.010', tp: '65000', sl: '58000.5' });
    expect(s.venue).toBe('binance-usdm');
    expect(s.form.status).toBe('read');
    expect(value(s.symbol)).toBe('BTCUSDT');
    expect(value(s.baseAsset)).toBe('BTC');
    expect(value(s.quoteAsset)).toBe('USDT');
    expect(value(s.loggedIn)).toBe(true);
    expect(value(s.positionMode)).toBe('oneWay');
    expect(value(s.action)).toBe('open');
    expect(value(s.assetMode)).toBe('single');
    expect(value(s.orderType)).toBe('limit');
    expect(value(s.price)).toBe('61000.5');
    expect(s.price.raw).toBe('61000.5');
    expect(value(s.quantity)).toBe('0.010');
    expect(value(s.quantityUnit)).toBe('base');
    expect(value(s.leverage)).toBe('20');
    expect(value(s.marginMode)).toBe('cross');
    expect(value(s.takeProfit)).toBe('65000');
    expect(value(s.stopLoss)).toBe('58000.5');
    expect(value(s.available)).toBe('8000.00');
    expect(s.available.raw).toBe('8,000.00 USDT');
    expect(value(s.maxBuy)).toEqual({ amount: '2.621', unit: 'base' });
    expect(value(s.maxSell)).toEqual({ amount: '2.621', unit: 'base' });
    expect(value(s.walletBalance)).toBe('10000.00');
    expect(value(s.marginBalance)).toBe('10045.60');
    expect(value(s.maintenanceMargin)).toBe('12.34');
    expect(value(s.unrealizedPnl)).toBe('45.60');
    expect(value(s.marginRatio)).toBe('0.52');
    expect(value(s.markPrice)).toBe('61000.0');
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [] });
    expect(s.otherPositions).toMatchObject({ status: 'read', value: [] });
  });

  it('reports TP/SL as not set while the box is unchecked', () => {
    const s = snap();
    expect(s.takeProfit).toMatchObject({ status: 'missing', why: reason('page.tpslOff') });
    expect(s.stopLoss).toMatchObject({ status: 'missing', why: reason('page.tpslOff') });
  });

  it('findRoot returns the common ancestor of the qty input and the active order tab', () => {
    loadPage(document, {});
    const root = createBinanceReader(document, () => urlFor(), opts).findRoot();
    expect(root?.querySelector('input[id^="unitAmount-"]')).not.toBeNull();
    expect(root?.querySelector('[data-tab-key][aria-selected="true"]')).not.toBeNull();
    expect(root?.querySelector('[role="tabpanel"]')).toBeNull();
  });
});

describe('locales and number formats', () => {
  it('reads zh-CN labels', () => {
    const s = snap({ locale: 'zh-CN', leverage: '逐仓 5x', hedge: 'close' });
    expect(value(s.marginMode)).toBe('isolated');
    expect(value(s.leverage)).toBe('5');
    expect(value(s.positionMode)).toBe('hedge');
    expect(value(s.action)).toBe('close');
    expect(value(s.available)).toBe('8000.00');
    expect(value(s.walletBalance)).toBe('10000.00');
    expect(value(s.markPrice)).toBe('61000.0');
  });

  it('reads pt-BR decimal commas everywhere', () => {
    const s = snap({
      locale: 'pt-BR',
      leverage: 'Isolada 7x',
      price: '61000,5',
      qty: '0,25',
      avbl: '8.000,00 USDT',
      maxBuy: '2,621 BTC',
      maxSell: '--',
      mark: '61.000,0',
      account: { marginRatio: '0,52%', marginBalance: '10.045,60 USDT', walletBalance: '10.000,00 USDT', maintenanceMargin: '12,34 USDT', unrealizedPnl: '+45,60 USDT' },
      positions: [{ symbol: 'BTCUSDT', badge: 'Cruzada 20x', size: '-0,300 BTC', entry: '60.000,0', mark: '61.000,0', liq: '70.123,4', margin: '1.525,00 USDT' }],
    });
    expect(value(s.price)).toBe('61000.5');
    expect(value(s.quantity)).toBe('0.25');
    expect(value(s.available)).toBe('8000.00');
    expect(value(s.maxBuy)).toEqual({ amount: '2.621', unit: 'base' });
    expect(s.maxSell).toMatchObject({ status: 'missing', raw: '--' });
    expect(value(s.markPrice)).toBe('61000.0');
    expect(value(s.marginRatio)).toBe('0.52');
    expect(value(s.marginBalance)).toBe('10045.60');
    expect(value(s.marginMode)).toBe('isolated');
    expect(value(s.ownPositions)).toEqual([
      { symbol: 'BTCUSDT', quoteAsset: 'USDT', side: 'short', size: '0.300', sizeUnit: 'base', entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'cross', leverage: '20', margin: '1525.00', exchangeLiquidationPrice: '70123.4' },
    ]);
    expect(value(s.otherPositions)).toEqual([]);
  });

  it('refuses numbers when the page format contradicts <html lang> (pt-BR page showing dots)', () => {
    const s = snap({ locale: 'pt-BR', price: '61000.5' });
    const why = reason('page.numberFormatContradicted', { lang: 'pt-BR', expected: 'comma', text: '61000.5' });
    expect(s.price).toMatchObject({ status: 'ambiguous', why });
    expect(s.available).toMatchObject({ status: 'ambiguous', why });
    expect(s.markPrice).toMatchObject({ status: 'ambiguous', why });
    // Non-numeric fields are unaffected.
    expect(value(s.leverage)).toBe('20');
  });

  it('refuses numbers when an en page shows decimal commas', () => {
    const account = { marginRatio: '0,52%', marginBalance: '10.045,60 USDT', walletBalance: '10.000,00 USDT', maintenanceMargin: '12,34 USDT', unrealizedPnl: '+45,60 USDT' };
    const s = snap({ price: '61000,5', avbl: '8.000,00 USDT', mark: '61.000,0', maxBuy: '2,621 BTC', maxSell: '2,621 BTC', qty: '0,010', account });
    const why = reason('page.numberFormatContradicted', { lang: 'en', expected: 'dot', text: '61000,5' });
    expect(s.price).toMatchObject({ status: 'ambiguous', why });
    expect(s.available).toMatchObject({ status: 'ambiguous', why });
  });

  it('refuses numbers when the page mixes formats', () => {
    const s = snap({ avbl: '8.000,00 USDT' });
    expect(s.available).toMatchObject({
      status: 'ambiguous',
      why: reason('page.mixedNumberFormats', { first: '61000.5', second: '8.000,00' }),
    });
  });

  it('a language without a known format takes the format from the page text', () => {
    // fr has no labels in the adapter; the fixture shows en labels, which the reader falls back to.
    const s = snap({ lang: 'fr', price: '61000.5' });
    expect(value(s.price)).toBe('61000.5');
    expect(value(s.available)).toBe('8000.00');
  });

  it('a language without a known format and no decimal in sight: numbers refused', () => {
    const s = snap({ lang: 'fr', loggedIn: false, price: '61000', qty: '1', mark: '--' });
    expect(s.price).toMatchObject({ status: 'ambiguous', why: reason('page.numberFormatUnknown', { lang: 'fr' }) });
  });
});

describe('quantity units', () => {
  it('quote unit stays quote (notional)', () => {
    const s = snap({ qty: '1500.5', suffix: 'USDT', maxBuy: '159,881.0 USDT', maxSell: '30,500.0 USDT' });
    expect(value(s.quantity)).toBe('1500.5');
    expect(value(s.quantityUnit)).toBe('quote');
    // Max shown in quote is reported as shown; the background converts it at the mark.
    expect(value(s.maxBuy)).toEqual({ amount: '159881.0', unit: 'quote' });
    expect(value(s.maxSell)).toEqual({ amount: '30500.0', unit: 'quote' });
    expect(s.maxBuy.raw).toBe('159,881.0 USDT');
  });

  it('a quote Max is read without the mark (the background needs the mark for any figure)', () => {
    const s = snap({ suffix: 'USDT', qty: '100', maxBuy: '159,881.0 USDT', mark: '--' });
    expect(s.markPrice).toMatchObject({ status: 'missing', why: reason('page.notShownYet', { item: 'markPrice' }) });
    expect(value(s.maxBuy)).toEqual({ amount: '159881.0', unit: 'quote' });
  });

  it('a Max in neither asset of the symbol is not read', () => {
    const s = snap({ maxBuy: '2.621 ETH' });
    expect(s.maxBuy).toMatchObject({ status: 'ambiguous', why: reason('page.unitUnknown', { unit: 'ETH' }), raw: '2.621 ETH' });
  });

  it('percent: quantity "25" with unit percent', () => {
    const s = snap({ qty: '25%' });
    expect(value(s.quantity)).toBe('25');
    expect(value(s.quantityUnit)).toBe('percent');
    expect(s.quantity.raw).toBe('25%');
  });

  it('a unit that is neither base nor quote is not read, and casts doubt on the symbol', () => {
    const s = snap({ suffix: 'ETH' });
    expect(s.quantityUnit).toMatchObject({ status: 'ambiguous', why: reason('page.unitUnknown', { unit: 'ETH' }) });
    expect(s.symbol).toMatchObject({ status: 'ambiguous', why: reason('page.formUnitMismatch', { unit: 'ETH', address: 'BTCUSDT' }) });
  });

  it('empty size is missing but the unit is still read', () => {
    const s = snap({ qty: '' });
    expect(s.quantity).toMatchObject({ status: 'missing', why: reason('page.empty', { item: 'quantity' }) });
    expect(value(s.quantityUnit)).toBe('base');
  });
});

describe('order type, modes and login state', () => {
  it('market order: no price input, mark price used', () => {
    const s = snap({ type: 'MARKET' });
    expect(value(s.orderType)).toBe('market');
    expect(s.price).toMatchObject({ status: 'missing', why: reason('page.marketOrder') });
    expect(value(s.quantity)).toBe('0.010');
  });

  it('conditional orders are unsupported', () => {
    const s = snap({ type: 'CONDITIONAL' });
    expect(s.orderType).toMatchObject({ status: 'unsupported', raw: 'Stop Limit', why: reason('page.notSupported', { item: 'orderType', text: 'Stop Limit' }) });
  });

  it('hedge Open tab', () => {
    const s = snap({ hedge: 'open' });
    expect(value(s.positionMode)).toBe('hedge');
    expect(value(s.action)).toBe('open');
  });

  it('hedge Close tab: Max are the closeable sizes', () => {
    const s = snap({ hedge: 'close', maxBuy: '0.000 BTC', maxSell: '0.500 BTC' });
    expect(value(s.action)).toBe('close');
    expect(value(s.maxBuy)).toEqual({ amount: '0.000', unit: 'base' });
    expect(value(s.maxSell)).toEqual({ amount: '0.500', unit: 'base' });
  });

  it('buttons that contradict the tabs make the mode ambiguous', () => {
    loadPage(document, { hedge: 'open' });
    // The Open tab is selected but the buttons say Close.
    for (const b of Array.from(document.querySelectorAll('button'))) {
      if (b.textContent === 'Open Long') b.textContent = 'Close Long';
      if (b.textContent === 'Open Short') b.textContent = 'Close Short';
    }
    const s = readNow();
    const why = reason('page.orderButtonsMismatch', { buttons: 'Close Long / Close Short' });
    expect(s.positionMode).toMatchObject({ status: 'ambiguous', why });
    expect(s.action).toMatchObject({ status: 'ambiguous', why });
  });

  it('logged out: isolated inputs still read, account parts say log in', () => {
    const s = snap({ loggedIn: false, leverage: 'Isolated 10x' });
    expect(s.loggedIn).toMatchObject({ status: 'read', value: false });
    expect(value(s.leverage)).toBe('10');
    expect(value(s.marginMode)).toBe('isolated');
    expect(value(s.price)).toBe('61000.5');
    expect(s.available).toMatchObject({ status: 'missing', why: reason('page.loginToSee', { item: 'available' }) });
    expect(s.maxBuy).toMatchObject({ status: 'missing', why: reason('page.loginToSee', { item: 'maxBuy' }) });
    expect(s.assetMode).toMatchObject({ status: 'missing', why: reason('page.loginToSee', { item: 'assetMode' }) });
    expect(s.walletBalance).toMatchObject({ status: 'missing', why: reason('page.loginToSee', { item: 'walletBalance' }) });
    expect(s.ownPositions).toMatchObject({ status: 'missing', why: reason('page.loginToSee', { item: 'positions' }) });
    expect(s.otherPositions).toMatchObject({ status: 'missing', why: reason('page.loginToSee', { item: 'positions' }) });
    // The header mark does not depend on the login.
    expect(value(s.markPrice)).toBe('61000.0');
  });

  it('both order and log-in buttons: login state ambiguous', () => {
    const s = snap({ rootExtra: '<button>Log In</button>' });
    expect(s.loggedIn).toMatchObject({ status: 'ambiguous', why: reason('page.orderAndLoginButtons', { buttons: 'Buy/Long / Sell/Short / Log In' }) });
  });

  it('logged in before the account data: values say not loaded yet, not logged out', () => {
    const s = snap({
      avbl: '--',
      maxBuy: '--',
      maxSell: '--',
      account: { marginRatio: '--', maintenanceMargin: '--', marginBalance: '--', walletBalance: '--', unrealizedPnl: '--' },
      positions: null,
    });
    expect(value(s.loggedIn)).toBe(true);
    expect(s.available).toMatchObject({ status: 'missing', why: reason('page.notShownYet', { item: 'available' }) });
    expect(s.walletBalance).toMatchObject({ status: 'missing', why: reason('page.notShownYet', { item: 'walletBalance' }) });
    for (const f of [s.ownPositions, s.otherPositions]) {
      expect(f).toMatchObject({ status: 'missing', why: reason('positions.loading'), raw: 'Positions' });
    }
  });

  it.each([
    ['M', 'multi'],
    ['PM', 'portfolio'],
  ])('asset mode %s', (text, mode) => {
    expect(value(snap({ assetMode: text }).assetMode)).toBe(mode);
  });

  it('several leverages and both modes', () => {
    for (const [text, mode, lev] of [
      ['Cross 1x', 'cross', '1'],
      ['Isolated 125x', 'isolated', '125'],
      ['Cross 50x', 'cross', '50'],
    ] as const) {
      const s = snap({ leverage: text });
      expect([value(s.marginMode), value(s.leverage)]).toEqual([mode, lev]);
    }
  });
});

describe('decoys, stale copies and scoping', () => {
  const hiddenCopy = (how: string): string =>
    `<div ${how}>${formHtml({ leverage: 'Isolated 3x', price: '99999', qty: '9.999', avbl: '1.00 USDT' })}</div>`;

  it.each([
    ['style="display:none"'],
    ['hidden'],
    ['aria-hidden="true"'],
    ['style="visibility:hidden"'],
  ])('ignores a stale copy before the form hidden by %s', (how) => {
    const s = snap({ before: hiddenCopy(how) });
    expect(value(s.leverage)).toBe('20');
    expect(value(s.price)).toBe('61000.5');
    expect(value(s.available)).toBe('8000.00');
  });

  it('ignores visible decoys outside the root (quick trade with limitPrice- input and submit texts)', () => {
    const quickTrade = `<div class="quick"><div class="bn-formItem" target="limitPrice-9"><input id="limitPrice-9" aria-label="Price" value="12345"></div>
      <button>Buy/Long</button><button>Cross 75x</button><div><span>Avbl</span><span>1.00 USDT</span></div>
      <span data-testid="max-buy-amount">9.999 BTC</span></div>`;
    const s = snap({ after: quickTrade });
    expect(value(s.price)).toBe('61000.5');
    expect(value(s.leverage)).toBe('20');
    expect(value(s.maxBuy)).toEqual({ amount: '2.621', unit: 'base' });
    expect(value(s.available)).toBe('8000.00');
  });

  it('ignores a hidden block inside the root', () => {
    const s = snap({ rootExtra: '<div hidden><button>Cross 75x</button><button>Log In</button><input id="limitPrice-1" value="5"></div>' });
    expect(value(s.leverage)).toBe('20');
    expect(value(s.loggedIn)).toBe(true);
    expect(value(s.price)).toBe('61000.5');
  });

  it('two visible forms: form ambiguous, nothing else from the form', () => {
    const s = snap({ after: formHtml({ leverage: 'Isolated 3x' }) });
    const why = reason('page.several', { item: 'orderForm', count: 2 });
    expect(s.form).toMatchObject({ status: 'ambiguous', why });
    expect(s.leverage).toMatchObject({ status: 'missing', why });
    expect(createBinanceReader(document, () => urlFor(), opts).findRoot()).toBeNull();
  });

  it('no form (before hydration): form missing, title without symbol', () => {
    const s = snap({ form: '<div class="skeleton"></div>', title: null });
    expect(s.form).toMatchObject({ status: 'missing', why: reason('page.notFound', { item: 'orderForm' }) });
    expect(s.symbol).toMatchObject({ status: 'missing', why: reason('page.symbolNotShown') });
  });

  it('a second visible leverage button or price input inside the root is ambiguous, never first-match', () => {
    const s = snap({ rootExtra: '<button>Isolated 3x</button><input id="limitPrice-99" value="1">' });
    const lev = reason('page.several', { item: 'leverageButton', count: 2 });
    expect(s.leverage).toMatchObject({ status: 'ambiguous', why: lev });
    expect(s.marginMode).toMatchObject({ status: 'ambiguous', why: lev });
    expect(s.price).toMatchObject({ status: 'ambiguous', why: reason('page.several', { item: 'price', count: 2 }) });
  });

  it('a duplicated account label is ambiguous', () => {
    const s = snap({ after: '<div><span>Wallet Balance</span><span>1.00 USDT</span></div>' });
    expect(s.walletBalance).toMatchObject({ status: 'ambiguous', why: reason('page.several', { item: 'walletBalance', count: 2 }) });
    expect(value(s.marginBalance)).toBe('10045.60');
  });

  it('account labels in dialogs are ignored', () => {
    const s = snap({ after: '<div role="dialog"><div><span>Wallet Balance</span><span>1.00 USDT</span></div></div>' });
    expect(value(s.walletBalance)).toBe('10000.00');
  });
});

describe('symbol checks', () => {
  it('title disagreeing with the URL: symbol ambiguous (url-first navigation)', () => {
    const s = snap({ title: '3,000.50 | ETHUSDT | Binance USDⓈ-M Futures' });
    expect(s.symbol).toMatchObject({ status: 'ambiguous', why: reason('page.symbolMismatch', { shown: 'ETHUSDT', address: 'BTCUSDT' }) });
  });

  it('form-first navigation: new form and title with the old URL', () => {
    loadPage(document, { suffix: 'ETH', symbol: 'ETHUSDT' });
    const s = readNow(urlFor('BTCUSDT'));
    expect(s.symbol).toMatchObject({ status: 'ambiguous', why: reason('page.symbolMismatch', { shown: 'ETHUSDT', address: 'BTCUSDT' }) });
  });

  it('USDC symbols and locale prefixes', () => {
    const s = snap({ symbol: 'ETHUSDC', suffix: 'ETH', avbl: '8,000.00 USDC' }, urlFor('ETHUSDC', 'pt-BR'));
    expect(value(s.symbol)).toBe('ETHUSDC');
    expect(value(s.quoteAsset)).toBe('USDC');
    // Account values are in USDT in the fixture: not the symbol's quote asset.
    expect(s.walletBalance).toMatchObject({
      status: 'ambiguous',
      why: reason('page.wrongUnit', { item: 'walletBalance', unit: 'USDT', expected: 'USDC' }),
    });
    expect(value(s.available)).toBe('8000.00');
  });

  it('delivery contracts are unsupported; non-futures pages read nothing', () => {
    const dated = snap({ symbol: 'BTCUSDT_250926' }, urlFor('BTCUSDT_250926'));
    expect(dated.symbol).toMatchObject({ status: 'unsupported', why: reason('page.datedContract', { symbol: 'BTCUSDT_250926' }) });
    const wallet = snap({}, 'https://www.binance.com/en/my/wallet/futures/BTCUSDT');
    expect(wallet.form).toMatchObject({ status: 'missing', why: reason('page.notSupportedPage') });
  });
});

describe('positions', () => {
  const btcLong = { symbol: 'BTCUSDT', badge: 'Cross 20x', size: '0.500 BTC', entry: '60,000.0', mark: '61,000.0', margin: '1,525.00 USDT' };
  const ethShort = { symbol: 'ETHUSDT', badge: 'Isolated 10x', size: '-3.000 ETH', entry: '3,000.00', mark: '2,950.00', liq: '3,268.50', margin: '900.00 USDT' };
  const btcRow: PositionRow = { symbol: 'BTCUSDT', quoteAsset: 'USDT', side: 'long', size: '0.500', sizeUnit: 'base', entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'cross', leverage: '20', margin: '1525.00', exchangeLiquidationPrice: null };
  const ethRow: PositionRow = { symbol: 'ETHUSDT', quoteAsset: 'USDT', side: 'short', size: '3.000', sizeUnit: 'base', entryPrice: '3000.00', markPrice: '2950.00', marginMode: 'isolated', leverage: '10', margin: '900.00', exchangeLiquidationPrice: '3268.50' };

  /** Both lists carry the same state and reason. */
  const expectBoth = (s: FormSnapshot, expected: object): void => {
    expect(s.ownPositions).toMatchObject(expected);
    expect(s.otherPositions).toMatchObject(expected);
  };

  it("reads several rows: side from sign, badge mode and leverage, liq -- → null; the form symbol's rows apart", () => {
    const s = snap({ positions: [btcLong, ethShort] });
    expect(s.ownPositions).toEqual({ status: 'read', value: [btcRow], raw: 'Positions(2)' });
    expect(s.otherPositions).toEqual({ status: 'read', value: [ethRow], raw: 'Positions(2)' });
  });

  it("on another symbol's page the split follows that symbol", () => {
    const s = snap({ symbol: 'ETHUSDT', suffix: 'ETH', positions: [btcLong, ethShort] }, urlFor('ETHUSDT'));
    expect(value(s.ownPositions)).toEqual([ethRow]);
    expect(value(s.otherPositions)).toEqual([btcRow]);
  });

  it('hedge: two rows for one symbol', () => {
    const s = snap({ hedge: 'open', positions: [btcLong, { ...btcLong, size: '-0.200 BTC' }] });
    expect(value(s.ownPositions)?.map((p) => [p.side, p.size])).toEqual([
      ['long', '0.500'],
      ['short', '0.200'],
    ]);
    expect(value(s.otherPositions)).toEqual([]);
  });

  it('sizes in quote are reported as shown, unsigned, with their unit and the row mark', () => {
    const s = snap({
      suffix: 'USDT',
      qty: '100',
      positions: [
        { ...btcLong, size: '30,500.0 USDT' },
        { ...ethShort, size: '-8,850.00 USDT' },
      ],
    });
    const rows = [...(value(s.ownPositions) ?? []), ...(value(s.otherPositions) ?? [])];
    expect(rows.map((p) => [p.symbol, p.side, p.size, p.sizeUnit, p.markPrice])).toEqual([
      ['BTCUSDT', 'long', '30500.0', 'quote', '61000.0'],
      ['ETHUSDT', 'short', '8850.00', 'quote', '2950.00'],
    ]);
  });

  it('a quote size with Mark -- cannot be read', () => {
    const s = snap({ positions: [{ ...btcLong, size: '30,500.0 USDT', mark: '--' }] });
    expectBoth(s, { status: 'ambiguous', why: reason('positions.rowUnreadable', { symbol: 'BTCUSDT', item: 'positionMark', text: '--' }) });
  });

  it('fewer rows than the tab count: incomplete', () => {
    const s = snap({ positions: [btcLong], positionsCount: 3 });
    expectBoth(s, { status: 'missing', why: reason('positions.incomplete', { missing: 2, count: 3 }) });
  });

  it('more rows than the tab count: ambiguous', () => {
    const s = snap({ positions: [btcLong, ethShort], positionsCount: 1 });
    expectBoth(s, { status: 'ambiguous', why: reason('positions.tooMany', { rows: 2, count: 1 }) });
  });

  it("Hide Other Symbols on with the form symbol's own row shown: own positions read, the others hidden", () => {
    // The page then counts and shows only this symbol's rows: Positions(1).
    const s = snap({ positions: [btcLong], hideOther: true });
    expect(s.ownPositions).toEqual({ status: 'read', value: [btcRow], raw: 'Positions(1)' });
    expect(s.otherPositions).toMatchObject({ status: 'missing', why: reason('positions.othersHidden'), raw: 'Positions(1)' });
  });

  it('Hide Other Symbols on and no position on this symbol: an empty own list, the others hidden', () => {
    const s = snap({ positions: [], hideOther: true });
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [], raw: 'Positions(0)' });
    expect(s.otherPositions).toMatchObject({ status: 'missing', why: reason('positions.othersHidden') });
  });

  it("Hide Other Symbols on but another symbol's row shown: the page contradicts itself, nothing read", () => {
    const s = snap({ positions: [btcLong, ethShort], hideOther: true });
    expectBoth(s, { status: 'ambiguous', why: reason('positions.othersHidden') });
  });

  it('the Open Orders tab selected: both lists unknown, also with Hide Other Symbols on', () => {
    for (const hideOther of [false, true]) {
      const s = snap({ positions: [btcLong], positionsSelected: false, hideOther });
      expectBoth(s, { status: 'missing', why: reason('positions.tabNotSelected') });
    }
  });

  it('an empty counted table (Positions(0)) is read as empty lists, never a broken selector', () => {
    for (const s of [snap({ positions: [] }), readLoaded()]) {
      expect(s.ownPositions).toEqual({ status: 'read', value: [], raw: 'Positions(0)' });
      expect(s.otherPositions).toEqual({ status: 'read', value: [], raw: 'Positions(0)' });
    }
  });

  it('health: a missing header row is a broken selector, not an empty table', () => {
    loadPage(document, { positions: [btcLong] });
    document.querySelector('.hdr')?.remove();
    expectBoth(readNow(), { status: 'missing', why: reason('page.selectorBroke', { item: 'positionsHeader' }) });
  });

  it('health: a renamed column is a broken selector', () => {
    loadPage(document, { positions: [btcLong] });
    const liq = Array.from(document.querySelectorAll('.hdr > div')).find((d) => d.textContent === 'Liq.Price');
    expect(liq).toBeDefined();
    liq!.textContent = 'Liquidation';
    expectBoth(readNow(), { status: 'missing', why: reason('positions.column', { column: 'Liq.Price' }) });
  });

  it('health: positions tabs gone on a loaded page', () => {
    loadPage(document, { positions: [btcLong] });
    document.querySelector('.account [role="tablist"]')?.remove();
    expectBoth(readLoaded(), { status: 'missing', why: reason('page.selectorBroke', { item: 'positionsTabs' }) });
  });

  it('hidden stale rows do not count', () => {
    loadPage(document, { positions: [btcLong] });
    const list = document.querySelector('.list') as Element;
    const stale = document.createElement('div');
    stale.className = 'list-item-container';
    stale.setAttribute('hidden', '');
    list.appendChild(stale);
    expect(value(readNow().ownPositions)).toHaveLength(1);
  });

  it('zh-CN positions', () => {
    const s = snap({ locale: 'zh-CN', positions: [{ ...btcLong, badge: '逐仓 5x' }] });
    expect(s.ownPositions.raw).toBe('仓位(1)');
    expect(value(s.ownPositions)?.[0]).toMatchObject({ marginMode: 'isolated', leverage: '5', size: '0.500', quoteAsset: 'USDT' });
  });
});

describe('robustness', () => {
  it('never throws: an exception inside the reader becomes a missing form', () => {
    loadPage(document, {});
    const throwing = (): boolean => {
      throw new Error('boom');
    };
    const s = createBinanceReader(document, () => urlFor(), { isVisible: throwing }).read('full');
    expect(s.form).toMatchObject({ status: 'missing', why: reason('page.adapterError', { detail: 'boom' }) });
  });
});
