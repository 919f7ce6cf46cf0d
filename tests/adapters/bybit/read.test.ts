// @vitest-environment happy-dom
// The Bybit reader on small fixtures (fixture.ts), section by section of src/adapters/bybit/README.md.
import { describe, expect, it } from 'vitest';
import { createBybitReader } from '../../../src/adapters/bybit/read';
import { LOADING_GRACE_MS } from '../../../src/adapters/kit/reader';
import { reason } from '../../../src/contracts/reasons';
import { formHtml, loadPage, urlFor, type PageSpec, type PosRowSpec } from './fixture';
import { readers } from '../kit/fixture';
import { expectWhy, value } from '../kit/expect';

const { opts, snap, snapLoaded } = readers<PageSpec>(createBybitReader, { load: loadPage, url: (spec) => urlFor(spec.symbol ?? 'BTCUSDT'), blank: {} });

const btcLong: PosRowSpec = { symbol: 'BTCUSDT', badge: 'Cross 20.00x', qty: '0.500 BTC', entry: '60,000.00', mark: '61,000.00', im: '1,525.00 USDT' };
const ethShort: PosRowSpec = { symbol: 'ETHUSDT', badge: 'Isolated 10.00x', qty: '-3.000 ETH', entry: '3,000.00', mark: '2,950.00', liq: '3,268.50', im: '900.00 USDT' };

describe('bybit reader: default page (en, one-way, limit, Order by Qty, logged in)', () => {
  it('reads every form, account and header field', () => {
    const s = snap({ price: '61000.5', qty: '0.010', tp: '65000', sl: '58000.5' });
    expect(s.venue).toBe('bybit');
    expect(s.form.status).toBe('read');
    expect(value(s.symbol)).toBe('BTCUSDT');
    expect(value(s.baseAsset)).toBe('BTC');
    expect(value(s.quoteAsset)).toBe('USDT');
    expect(value(s.loggedIn)).toBe(true);
    expect(value(s.sides)).toEqual(['long', 'short']);
    expect(value(s.positionMode)).toBe('oneWay');
    expect(value(s.action)).toBe('open');
    expect(value(s.assetMode)).toBe('single');
    expect(value(s.orderType)).toBe('limit');
    expect(s.price).toMatchObject({ status: 'read', value: '61000.5', raw: '61000.5' });
    expect(value(s.quantity)).toBe('0.010');
    expect(value(s.quantityUnit)).toBe('base');
    expect(s.leverage).toMatchObject({ status: 'read', value: '10', raw: '10.00x' });
    expect(value(s.marginMode)).toBe('cross');
    expect(value(s.takeProfit)).toBe('65000');
    expect(value(s.stopLoss)).toBe('58000.5');
    expect(s.available).toMatchObject({ status: 'read', value: '8000.00', raw: '8,000.00 USDT' });
    expect(value(s.marginBalance)).toBe('10045.60');
    expect(value(s.maintenanceMargin)).toBe('12.34');
    expect(value(s.markPrice)).toBe('61000.00');
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [], raw: 'Positions(0)' });
    expect(s.otherPositions).toMatchObject({ status: 'read', value: [] });
    // No position open: the margin balance is the wallet balance (README: Account panel).
    expect(s.walletBalance).toMatchObject({ status: 'read', value: '10045.60', raw: '10,045.60 USDT' });
  });

  it('reports what the page does not show as not read', () => {
    const s = snap();
    for (const [field, item] of [[s.maxBuy, 'maxBuy'], [s.maxSell, 'maxSell'], [s.unrealizedPnl, 'unrealizedPnl'], [s.marginRatio, 'marginRatio'],
      [s.fundingRate, 'fundingRate'], [s.reduceOnly, 'reduceOnly']] as const) {
      expectWhy(field, 'missing', reason('page.notRead', { item }), item);
    }
    expectWhy(s.takeProfit, 'missing', reason('page.tpslOff'));
    expectWhy(s.stopLoss, 'missing', reason('page.tpslOff'));
  });

  it('findRoot returns the common ancestor of the leverage text and the TP/SL label; the submit buttons per side', () => {
    loadPage(document, {});
    const reader = createBybitReader(document, () => urlFor(), opts);
    const root = reader.findRoot();
    expect(root?.className).toBe('_oc_wrap_8d1kq_1');
    reader.read('full');
    const { long, short } = reader.submitControls();
    expect([long.map((b) => b.textContent), short.map((b) => b.textContent)]).toEqual([['Buy/Long'], ['Sell/Short']]);
  });
});

describe('locales and number formats (README: Labels, Numbers)', () => {
  it('reads zh-CN labels', () => {
    const s = snap({ locale: 'zh-CN', headerMode: '逐仓', leverage: '5.00x', hedge: 'close', account: { marginMode: '逐仓保证金' } }, urlFor('BTCUSDT', 'zh-MY'));
    expect(value(s.marginMode)).toBe('isolated');
    expect(value(s.leverage)).toBe('5');
    expect(value(s.positionMode)).toBe('hedge');
    expect(value(s.action)).toBe('close');
    expect(value(s.available)).toBe('8000.00');
    expect(value(s.marginBalance)).toBe('10045.60');
    expect(value(s.markPrice)).toBe('61000.00');
    expect(s.ownPositions).toMatchObject({ status: 'read', raw: '仓位(0)' });
  });

  it('reads pt-BR decimal commas everywhere, the leverage included', () => {
    const s = snap({
      locale: 'pt-BR', headerMode: 'Isolada', leverage: '7,50x', price: '61000,5', qty: '0,25', avail: '8.000,00 USDT', mark: '61.000,00',
      account: { marginBalance: '10.045,60 USDT', maintenanceMargin: '12,34 USDT', marginMode: 'Margem isolada' },
      positions: [{ symbol: 'BTCUSDT', badge: 'Cruzada 20,00x', qty: '-0,300 BTC', entry: '60.000,00', mark: '61.000,00', liq: '70.123,40', im: '1.525,00 USDT' }],
    });
    expect(value(s.price)).toBe('61000.5');
    expect(value(s.quantity)).toBe('0.25');
    expect(s.leverage).toMatchObject({ status: 'read', value: '7.5', raw: '7,50x' });
    expect(value(s.available)).toBe('8000.00');
    expect(value(s.markPrice)).toBe('61000.00');
    expect(value(s.marginBalance)).toBe('10045.60');
    expect(value(s.marginMode)).toBe('isolated');
    expect(value(s.ownPositions)).toEqual([
      { symbol: 'BTCUSDT', quoteAsset: 'USDT', side: 'short', size: '0.300', sizeUnit: 'base', entryPrice: '60000.00', markPrice: '61000.00', marginMode: 'cross', leverage: '20', margin: '1525.00', exchangeLiquidationPrice: '70123.40' },
    ]);
  });

  it('refuses numbers that contradict the language (pt-BR labels, dot numbers), never misreads them', () => {
    const s = snap({ locale: 'pt-BR', headerMode: 'Cruzada', account: { marginMode: 'Margem cruzada' } });
    for (const f of [s.price, s.available, s.marginBalance, s.markPrice, s.leverage]) {
      expect(f).toMatchObject({ status: 'ambiguous', why: { code: 'page.numberFormatContradicted', params: { lang: 'pt-BR', expected: 'comma' } } });
    }
  });

  it('an en page whose leverage shows a decimal comma: the leverage is not read', () => {
    const s = snap({ leverage: '10,00x', price: '61000', qty: '1' });
    expect(s.leverage.status).toBe('ambiguous');
  });

  it('an unknown page language: the labels are compared in English, so a page in that language matches none', () => {
    const s = snap({ lang: 'de', form: formHtml().replace('Buy/Long', 'Kaufen/Long').replace('Sell/Short', 'Verkaufen/Short') });
    expect(s.form.status).toBe('read');
    expectWhy(s.loggedIn, 'missing', reason('page.notFound', { item: 'orderButtons' }));
  });
});

describe('quantity and unit (README: Quantity and unit)', () => {
  it.each([
    ['Order by Qty', 'BTC', 'base'],
    ['Order by Value', 'USDT', 'quote'],
    ['Order by Cost', 'USDT', 'cost'],
  ] as const)('%s with suffix %s is %s', (qtyMode, suffix, unit) => {
    const s = snap({ qtyMode, suffix, qty: '1500.5' });
    expect(s.quantityUnit).toMatchObject({ status: 'read', value: unit, raw: `${qtyMode} (${suffix})` });
    expect(value(s.quantity)).toBe('1500.5');
    expect(value(s.symbol)).toBe('BTCUSDT');
  });

  it.each([
    ['Order by Qty', 'USDT', 'page.wrongUnit'],
    ['Order by Value', 'BTC', 'page.wrongUnit'],
    ['Order by Qty', 'DOGE', 'page.unitUnknown'],
  ])('%s with suffix %s: the unit is not read (%s)', (qtyMode, suffix, code) => {
    const s = snap({ qtyMode, suffix });
    expect(s.quantityUnit).toMatchObject({ status: 'ambiguous', why: { code } });
  });

  it('a Qty-mode suffix of another base asset: the form is mid-navigation, the symbol is not read', () => {
    const s = snap({ suffix: 'ETH' });
    expectWhy(s.symbol, 'ambiguous', reason('page.formUnitMismatch', { unit: 'ETH', address: 'BTCUSDT' }));
  });

  it('an empty quantity is empty, not zero', () => {
    expectWhy(snap({ qty: '' }).quantity, 'missing', reason('page.empty', { item: 'quantity' }));
  });

  it('no qty-mode switch, or two: neither quantity nor unit is read', () => {
    const none = snap({ qtyMode: 'Quantity' });
    expectWhy(none.quantity, 'missing', reason('page.notFound', { item: 'quantityUnit' }));
    const two = snap({ rootExtra: '<div><span role="button">Order by Value</span></div>' });
    expectWhy(two.quantityUnit, 'ambiguous', reason('page.several', { item: 'quantityUnit', count: 2 }));
  });

  it('the text inputs out of their order, or one no hook explains: price and quantity are not read', () => {
    const extra = snap({ rootExtra: '<div><input type="text" value="3"></div>' });
    expectWhy(extra.price, 'missing', reason('page.selectorBroke', { item: 'price' }));
    expectWhy(extra.quantity, 'missing', reason('page.selectorBroke', { item: 'quantity' }));
    // A hidden input is not part of the form.
    expect(snap({ rootExtra: '<div style="display:none"><input type="text" value="3"></div>' }).price.status).toBe('read');
  });
});

describe('order type and price (README: Order type, Price)', () => {
  it('market: no price row, the price is the mark', () => {
    const s = snap({ type: 'market' });
    expect(value(s.orderType)).toBe('market');
    expectWhy(s.price, 'missing', reason('page.marketOrder'));
    expect(value(s.quantity)).toBe('0.010');
  });

  it('conditional is not supported', () => {
    expect(snap({ type: 'conditional' }).orderType).toMatchObject({ status: 'unsupported', why: reason('page.notSupported', { item: 'orderType', text: 'Conditional' }) });
  });

  it('the tab and the price row disagree: the order type is not read', () => {
    expectWhy(snap({ type: 'limit', priceRow: false }).orderType, 'ambiguous', reason('page.orderTypeUnknown'));
    expectWhy(snap({ type: 'market', priceRow: true }).orderType, 'ambiguous', reason('page.orderTypeUnknown'));
  });
});

describe('leverage and margin mode (README: Leverage and margin mode)', () => {
  it.each([
    ['20.00x', '20'],
    ['12.50x', '12.5'],
    ['100.00x', '100'],
    ['10.00x / 10.00x', '10'],
  ])('%s → %s', (text, lev) => {
    expect(snap({ leverage: text }).leverage).toMatchObject({ status: 'read', value: lev, raw: text });
  });

  it('different long and short leverages are not supported', () => {
    const s = snap({ hedge: 'open', headerMode: 'Isolated', leverage: '20.00x / 5.00x', account: { marginMode: 'Isolated Margin' } });
    expect(s.leverage).toMatchObject({ status: 'unsupported', why: reason('page.sideLeverages', { long: '20.00', short: '5.00' }), raw: '20.00x / 5.00x' });
    expect(value(s.marginMode)).toBe('isolated');
  });

  it('an unreadable leverage text', () => {
    expect(snap({ leverage: '10.00' }).leverage).toMatchObject({ status: 'ambiguous', why: reason('page.unreadable', { item: 'leverage', text: '10.00' }) });
    expect(snap({ leverage: '1,000.00x' }).leverage.status).toBe('ambiguous');
    // The spec's parse takes any decimals, none included.
    expect(snap({ leverage: '25x' }).leverage).toMatchObject({ status: 'read', value: '25' });
  });

  it('portfolio margin: the asset mode says so, the margin mode is not supported', () => {
    const s = snap({ headerMode: 'Portfolio', account: { marginMode: 'Portfolio Margin' } });
    expect(s.assetMode).toMatchObject({ status: 'read', value: 'portfolio' });
    expect(s.marginMode).toMatchObject({ status: 'unsupported', why: reason('page.notSupported', { item: 'marginMode', text: 'Portfolio' }) });
  });

  it('the account panel names another margin mode than the form: not read', () => {
    const s = snap({ headerMode: 'Cross', account: { marginMode: 'Isolated Margin' } });
    expectWhy(s.marginMode, 'ambiguous', reason('page.marginModeMismatch', { form: 'Cross', panel: 'Isolated Margin' }));
  });

  it('no margin-mode word beside the leverage', () => {
    const s = snap({ headerMode: 'Margin' });
    expectWhy(s.marginMode, 'missing', reason('page.notFound', { item: 'marginMode' }));
    expect(s.assetMode.status).toBe('missing');
  });
});

describe('hedge mode, submit buttons and login (README: Hedge mode, Submit buttons, Logged out)', () => {
  it('hedge Open and Close; the hedge form reads reduce-only false; Close: the buy button closes the short', () => {
    const open = snap({ hedge: 'open' });
    expect([value(open.positionMode), value(open.action), value(open.reduceOnly)]).toEqual(['hedge', 'open', false]);
    loadPage(document, { hedge: 'close' });
    const reader = createBybitReader(document, () => urlFor(), opts);
    const close = reader.read('full');
    expect([value(close.positionMode), value(close.action)]).toEqual(['hedge', 'close']);
    expect(reader.submitControls().long.map((b) => b.textContent)).toEqual(['Close Short']);
  });

  it('submit labels of another mode, or in the wrong order: the mode is not read', () => {
    const wrong = snap({ form: formHtml({ hedge: 'open' }).replace('role="tablist"><div role="tab" aria-selected="true">Open', 'role="tablist"><div role="tab" aria-selected="false">Open').replace('aria-selected="false">Close', 'aria-selected="true">Close') });
    expectWhy(wrong.positionMode, 'ambiguous', reason('page.orderButtonsMismatch', { buttons: 'Open Long / Open Short' }));
    const swapped = snap({ form: formHtml().replace('<button>Buy/Long</button><button>Sell/Short</button>', '<button>Sell/Short</button><button>Buy/Long</button>') });
    expect(swapped.positionMode.status).toBe('ambiguous');
  });

  it('logged out: isolated inputs read, the rest asks to log in', () => {
    const s = snap({ loggedIn: false, headerMode: 'Isolated', leverage: '5.00x', account: { marginMode: 'Isolated Margin' }, positions: [btcLong] });
    expect(s.loggedIn).toMatchObject({ status: 'read', value: false, raw: 'Log In / Sign Up' });
    expect([value(s.marginMode), value(s.leverage), value(s.price), value(s.quantity)]).toEqual(['isolated', '5', '61000.5', '0.010']);
    expectWhy(s.available, 'missing', reason('page.loginToSee', { item: 'available' }));
    expectWhy(s.marginBalance, 'missing', reason('page.loginToSee', { item: 'marginBalance' }));
    expectWhy(s.ownPositions, 'missing', reason('page.loginToSee', { item: 'positions' }));
    expectWhy(s.otherPositions, 'missing', reason('page.loginToSee', { item: 'positions' }));
    expect(snap({ form: formHtml().replace('<button>Sell/Short</button>', '<button>Sign Up</button>') }).loggedIn.status).toBe('ambiguous');
  });

  it('logged in before the account data: Available and the panel show --, not loaded yet', () => {
    const s = snap({ avail: '--', account: { marginBalance: '--', maintenanceMargin: '--', marginMode: '--' }, positions: null });
    expectWhy(s.available, 'missing', reason('page.notShownYet', { item: 'available' }));
    expectWhy(s.marginBalance, 'missing', reason('page.notShownYet', { item: 'marginBalance' }));
    expectWhy(s.ownPositions, 'missing', reason('positions.loading'));
    expect(value(s.marginMode)).toBe('cross');
  });
});

describe('symbol and decoys (README: Symbol, Form root)', () => {
  it('the title names another symbol, or none yet', () => {
    expectWhy(snap({ title: '3,000.50 | ETHUSDT | Bybit' }).symbol, 'ambiguous', reason('page.symbolMismatch', { shown: 'ETHUSDT', address: 'BTCUSDT' }));
    expectWhy(snap({ title: null }).symbol, 'missing', reason('page.symbolNotShown'));
  });

  it('a hidden stale copy before the root and a visible quick trade after it are never read', () => {
    const stale = `<div style="display:none">${formHtml({ leverage: '77.00x', price: '1', qty: '9', avail: '1.00 USDT' })}</div>`;
    const quick = '<div><div>Price</div><div class="by-input__container"><input type="text" class="by-input__inner" value="5"><span class="by-input__right-icon">USDT</span></div>' +
      '<div><span>Available Balance</span><span>1,234.56 USDT</span></div><button>Buy/Long</button><button>Sell/Short</button></div>';
    const s = snap({ before: stale, after: quick });
    expect([value(s.leverage), value(s.price), value(s.quantity), value(s.available)]).toEqual(['10', '61000.5', '0.010', '8000.00']);
  });

  it('two visible forms, or none: no form', () => {
    expect(snap({ after: formHtml() }).form).toMatchObject({ status: 'ambiguous', why: reason('page.several', { item: 'orderForm', count: 2 }) });
    expect(snap({ form: '<div>loading</div>' }).form).toMatchObject({ status: 'missing', why: reason('page.notFound', { item: 'orderForm' }) });
  });
});

describe('account panel and mark (README: Account panel, Mark price)', () => {
  it('a missing panel is not loaded yet, then a broken selector', () => {
    expectWhy(snap({ account: null }).marginBalance, 'missing', reason('page.notLoadedYet', { item: 'marginBalance' }));
    expectWhy(snapLoaded({ account: null }).marginBalance, 'missing', reason('page.selectorBroke', { item: 'marginBalance' }));
  });

  it('a mark of -- is not shown yet; two mark pairs are several', () => {
    expectWhy(snap({ mark: '--' }).markPrice, 'missing', reason('page.notShownYet', { item: 'markPrice' }));
    expectWhy(snap({ after: '<div class="contract-detail"><div><span>Mark Price</span><span>1.00</span></div></div>' }).markPrice, 'ambiguous', reason('page.several', { item: 'markPrice', count: 2 }));
  });

  it('open positions: the page shows no wallet balance', () => {
    const s = snap({ positions: [ethShort] });
    expectWhy(s.walletBalance, 'missing', reason('page.walletNotShown'));
    expect(value(s.marginBalance)).toBe('10045.60');
  });
});

describe('positions list (README: Positions list)', () => {
  it('own and other rows, every column', () => {
    const s = snap({ positions: [btcLong, ethShort] });
    expect(s.ownPositions).toMatchObject({ status: 'read', raw: 'Positions(2)' });
    expect(value(s.ownPositions)).toEqual([
      { symbol: 'BTCUSDT', quoteAsset: 'USDT', side: 'long', size: '0.500', sizeUnit: 'base', entryPrice: '60000.00', markPrice: '61000.00', marginMode: 'cross', leverage: '20', margin: '1525.00', exchangeLiquidationPrice: null },
    ]);
    expect(value(s.otherPositions)).toEqual([
      { symbol: 'ETHUSDT', quoteAsset: 'USDT', side: 'short', size: '3.000', sizeUnit: 'base', entryPrice: '3000.00', markPrice: '2950.00', marginMode: 'isolated', leverage: '10', margin: '900.00', exchangeLiquidationPrice: '3268.50' },
    ]);
  });

  it('columns in another order are mapped by their header', () => {
    const columns = ['Contracts', 'Liq. Price', 'IM', 'Mark Price', 'Qty', 'Entry Price', 'Close By'];
    const s = snap({ positions: [btcLong, ethShort], columns });
    expect(value(s.otherPositions)?.[0]).toMatchObject({ size: '3.000', entryPrice: '3000.00', markPrice: '2950.00', margin: '900.00', exchangeLiquidationPrice: '3268.50' });
  });

  it('fewer rows rendered than the count (virtualised): neither own nor other positions are known', () => {
    const s = snap({ positions: [btcLong, ethShort, { ...ethShort, symbol: 'SOLUSDT', qty: '12.000 SOL' }], virtual: 2 });
    expectWhy(s.ownPositions, 'missing', reason('positions.incomplete', { missing: 1, count: 3 }));
    expectWhy(s.otherPositions, 'missing', reason('positions.incomplete', { missing: 1, count: 3 }));
    // None rendered of one.
    expectWhy(snap({ positions: [btcLong], virtual: 0 }).ownPositions, 'missing', reason('positions.incomplete', { missing: 1, count: 1 }));
  });

  it('more rows than the count: not read', () => {
    expectWhy(snap({ positions: [btcLong, ethShort], positionsCount: 1 }).ownPositions, 'ambiguous', reason('positions.tooMany', { rows: 2, count: 1 }));
  });

  it('another tab selected: unknown, never "no position"', () => {
    const s = snap({ positions: [btcLong], tab: 'orders' });
    expectWhy(s.ownPositions, 'missing', reason('positions.tabNotSelected'));
    expectWhy(s.walletBalance, 'missing', reason('page.walletNotShown'));
  });

  it('the tab selected but no table: not loaded yet, then a broken selector', () => {
    const spec: PageSpec = { positions: [btcLong] };
    loadPage(document, spec);
    document.querySelector('table')?.remove();
    const early = createBybitReader(document, () => urlFor(), opts).read('full');
    expectWhy(early.ownPositions, 'missing', reason('page.notLoadedYet', { item: 'positionsPanel' }));
    let clock = 0;
    const reader = createBybitReader(document, () => urlFor(), { ...opts, now: () => clock });
    reader.read('full');
    clock += LOADING_GRACE_MS;
    expectWhy(reader.read('full').ownPositions, 'missing', reason('page.selectorBroke', { item: 'positionsPanel' }));
    expect(reader.outsideParts().settled).toBe(false);
  });

  it('no Positions tab on a loaded page: a broken selector', () => {
    const s = snapLoaded({ after: '', positions: [] }, urlFor());
    expect(s.ownPositions.status).toBe('read');
    loadPage(document, {});
    document.querySelector('.account [role="tablist"]')?.remove();
    let clock = 0;
    const reader = createBybitReader(document, () => urlFor(), { ...opts, now: () => clock });
    expectWhy(reader.read('full').ownPositions, 'missing', reason('page.notLoadedYet', { item: 'positionsTab' }));
    clock += LOADING_GRACE_MS;
    expectWhy(reader.read('full').ownPositions, 'missing', reason('page.selectorBroke', { item: 'positionsTab' }));
  });

  it('an empty list is read as no position; an empty body without its empty state is not', () => {
    expect(snapLoaded({ positions: [] }).ownPositions).toMatchObject({ status: 'read', value: [] });
    loadPage(document, { positions: [] });
    document.querySelector('tbody')!.innerHTML = '';
    expectWhy(createBybitReader(document, () => urlFor(), opts).read('full').ownPositions, 'missing', reason('page.selectorBroke', { item: 'emptyState' }));
  });

  it('a header without a column relied on, or a row with another cell count: a broken structure', () => {
    expectWhy(snap({ positions: [btcLong], columns: ['Contracts', 'Qty', 'Entry Price', 'Mark Price', 'Liq. Price'] }).ownPositions, 'missing', reason('positions.column', { column: 'IM' }));
    loadPage(document, { positions: [btcLong] });
    document.querySelector('tbody tr')!.append(document.createElement('td'));
    expectWhy(createBybitReader(document, () => urlFor(), opts).read('full').ownPositions, 'missing', reason('positions.cellCount', { cells: 13, columns: 12 }));
  });

  it('an unreadable row of another symbol spoils the others only; an unreadable symbol spoils both', () => {
    const s = snap({ positions: [btcLong, { ...ethShort, mark: '--' }] });
    expect(s.ownPositions.status).toBe('read');
    expectWhy(s.otherPositions, 'ambiguous', reason('positions.rowUnreadable', { symbol: 'ETHUSDT', item: 'positionMark', text: '--' }));
    const both = snap({ positions: [btcLong, { ...ethShort, symbol: 'ETHPERP' }] });
    expect(both.ownPositions.status).toBe('ambiguous');
    expect(both.otherPositions.status).toBe('ambiguous');
  });

  it.each([
    [{ badge: 'Cross 20.00' }, 'positionLeverage'],
    [{ badge: 'Cross20.00x' }, 'positionLeverage'],
    [{ badge: 'Portfolio 20.00x' }, 'positionLeverage'],
    [{ qty: '0.500 ETH' }, 'positionSize'],
    [{ entry: '--' }, 'positionEntry'],
    [{ im: '1,525.00 USDC' }, 'positionMargin'],
  ] as const)('an own row with %o is unreadable (%s)', (change, item) => {
    const s = snap({ positions: [{ ...btcLong, ...change }] });
    expect(s.ownPositions).toMatchObject({ status: 'ambiguous', why: { code: 'positions.rowUnreadable', params: { item } } });
  });

  it('a zero-size row is refused', () => {
    expectWhy(snap({ positions: [{ ...btcLong, qty: '0.000 BTC' }] }).ownPositions, 'ambiguous', reason('positions.zeroSize', { symbol: 'BTCUSDT' }));
  });
});
