// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createOkxReader } from '../../../src/adapters/okx/read';
import type { FormSnapshot, PositionRow } from '../../../src/contracts/snapshot';
import { reason } from '../../../src/contracts/reasons';
import { formHtml, loadPage, urlFor, type PageSpec, type PosRowSpec } from './fixture';
import { readers } from '../kit/fixture';
import { value } from '../kit/expect';

const { opts, readLoaded, readNow, snap } = readers<PageSpec>(createOkxReader, { load: loadPage, url: (spec) => urlFor(spec.instId ?? 'BTC-USDT-SWAP'), blank: {} });

describe('okx reader: default page (en, one-way, limit, contracts, logged in)', () => {
  it('reads every form, account and header field', () => {
    const s = snap({ price: '61000.5', qty: '12', tp: '65000', sl: '58000.5' });
    expect(s.venue).toBe('okx');
    expect(s.form.status).toBe('read');
    expect(value(s.symbol)).toBe('BTC-USDT-SWAP');
    expect(value(s.baseAsset)).toBe('BTC');
    expect(value(s.quoteAsset)).toBe('USDT');
    expect(value(s.loggedIn)).toBe(true);
    expect(value(s.sides)).toEqual(['long', 'short']);
    expect(value(s.positionMode)).toBe('oneWay');
    expect(value(s.action)).toBe('open');
    expect(value(s.assetMode)).toBe('single');
    expect(value(s.orderType)).toBe('limit');
    expect(value(s.price)).toBe('61000.5');
    expect(value(s.quantity)).toBe('12');
    expect(value(s.quantityUnit)).toBe('contracts');
    expect(s.quantityUnit.raw).toBe('Contracts');
    expect(value(s.leverage)).toBe('10');
    expect(value(s.marginMode)).toBe('cross');
    expect(value(s.takeProfit)).toBe('65000');
    expect(value(s.stopLoss)).toBe('58000.5');
    expect(value(s.available)).toBe('8000.00');
    expect(s.available.raw).toBe('Available8,000.00 USDT');
    expect(value(s.maxBuy)).toEqual({ amount: '1300', unit: 'contracts' });
    expect(value(s.maxSell)).toEqual({ amount: '1300', unit: 'contracts' });
    expect(s.maxBuy.raw).toBe('Max long1,300 Contracts');
    expect(value(s.marginBalance)).toBe('10045.60');
    expect(value(s.maintenanceMargin)).toBe('12.34');
    expect(value(s.marginRatio)).toBe('8131.20');
    expect(value(s.markPrice)).toBe('61000.0');
    // No positions: the wallet is the equity, the unrealised PnL zero.
    expect(value(s.walletBalance)).toBe('10045.60');
    expect(value(s.unrealizedPnl)).toBe('0');
    expect(s.reduceOnly).toMatchObject({ status: 'missing', why: reason('page.notRead', { item: 'reduceOnly' }) });
    expect(s.fundingRate).toMatchObject({ status: 'missing', why: reason('page.notRead', { item: 'fundingRate' }) });
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [] });
    expect(s.otherPositions).toMatchObject({ status: 'read', value: [] });
  });

  it('TP/SL unchecked: not set; the older trigger-input spelling is read too', () => {
    expect(snap().takeProfit).toMatchObject({ status: 'missing', why: reason('page.tpslOff') });
    const s = snap({ tp: '65000', sl: '58000', tpslLabels: ['tpOrdPx', 'slOrdPx'] });
    expect(value(s.takeProfit)).toBe('65000');
    expect(value(s.stopLoss)).toBe('58000');
    // The trigger inputs come after the box: never taken for the amount.
    expect(value(s.quantity)).toBe('12');
  });

  it('findRoot and the submit buttons per side', () => {
    loadPage(document, {});
    const reader = createOkxReader(document, () => urlFor(), opts);
    expect(reader.findRoot()?.classList.contains('place-order-container-common')).toBe(true);
    reader.read('full');
    const { long, short } = reader.submitControls();
    expect(long.map((b) => b.textContent)).toEqual(['Buy/Long']);
    expect(short.map((b) => b.textContent)).toEqual(['Sell/Short']);
  });
});

describe('locales and number formats', () => {
  it('zh-CN labels, hedge Close tab', () => {
    const s = snap({ locale: 'zh-CN', mode: '逐仓', leverage: '5x', hedge: 'close', suffix: '张', account: { accountMode: '合约模式' } }, urlFor('BTC-USDT-SWAP', 'zh-hans'));
    expect(value(s.marginMode)).toBe('isolated');
    expect(value(s.leverage)).toBe('5');
    expect(value(s.positionMode)).toBe('hedge');
    expect(value(s.action)).toBe('close');
    expect(value(s.quantityUnit)).toBe('contracts');
    expect(value(s.available)).toBe('8000.00');
    expect(value(s.marginBalance)).toBe('10045.60');
    expect(value(s.markPrice)).toBe('61000.0');
    expect(value(s.assetMode)).toBe('single');
  });

  it('pt-BR decimal commas everywhere', () => {
    const s = snap({
      locale: 'pt-BR', mode: 'Isolada', leverage: '7x', price: '61000,5', qty: '0,25', suffix: 'BTC',
      available: '8.000,00 USDT', maxLong: '2,621 BTC', maxShort: '-- BTC', mark: '61.000,0',
      account: { totalEquity: '10.045,60 USDT', maintenanceMargin: '12,34 USDT', marginRatio: '8.131,20%', accountMode: 'Modo futuros' },
      positions: [{ compact: 'BTCUSDT', badge: 'Cruzada 20x', size: '-0,3 BTC', entry: '60.000,0', mark: '61.000,0', liq: '70.123,4', margin: '1.525,00 USDT', pnl: '-300,00 USDT (--)' }],
    }, urlFor('BTC-USDT-SWAP', 'pt-br'));
    expect(value(s.price)).toBe('61000.5');
    expect(value(s.quantity)).toBe('0.25');
    expect(value(s.quantityUnit)).toBe('base');
    expect(value(s.available)).toBe('8000.00');
    expect(value(s.maxBuy)).toEqual({ amount: '2.621', unit: 'base' });
    expect(s.maxSell).toMatchObject({ status: 'missing', why: reason('page.notShownYet', { item: 'maxSell' }), raw: 'Máx. short -- BTC' });
    expect(value(s.markPrice)).toBe('61000.0');
    expect(value(s.marginRatio)).toBe('8131.20');
    expect(value(s.marginBalance)).toBe('10045.60');
    expect(value(s.walletBalance)).toBe('10345.60');
    expect(value(s.unrealizedPnl)).toBe('-300.00');
    expect(value(s.marginMode)).toBe('isolated');
    expect(value(s.ownPositions)).toEqual([
      { symbol: 'BTC-USDT-SWAP', quoteAsset: 'USDT', side: 'short', size: '0.3', sizeUnit: 'base', entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'cross', leverage: '20', margin: '1525.00', exchangeLiquidationPrice: '70123.4' },
    ]);
  });

  it('refuses numbers when the page format contradicts <html lang> (pt-BR page showing dots)', () => {
    const s = snap({ locale: 'pt-BR', price: '61000.5', qty: '1', account: { accountMode: 'Modo futuros' } });
    const why = reason('page.numberFormatContradicted', { lang: 'pt-BR', expected: 'comma', text: '61000.5' });
    expect(s.price).toMatchObject({ status: 'ambiguous', why });
    expect(s.available).toMatchObject({ status: 'ambiguous', why });
    expect(s.markPrice).toMatchObject({ status: 'ambiguous', why });
    expect(s.walletBalance).toMatchObject({ status: 'ambiguous', why });
    expect(value(s.leverage)).toBe('10');
  });

  it('refuses numbers when the page mixes formats', () => {
    const s = snap({ available: '8.000,00 USDT' });
    expect(s.available).toMatchObject({ status: 'ambiguous', why: reason('page.mixedNumberFormats', { first: '61000.5', second: '8.000,00' }) });
  });
});

describe('amount units (README: Amount and unit)', () => {
  it('contracts, coin and quote, each matched by the Max texts', () => {
    for (const [suffix, unit] of [['Contracts', 'contracts'], ['BTC', 'base'], ['USDT', 'quote']] as const) {
      const s = snap({ suffix, maxLong: `1,300 ${suffix}`, maxShort: `-- ${suffix}` });
      expect(value(s.quantityUnit), suffix).toBe(unit);
      expect(value(s.maxBuy), suffix).toEqual({ amount: '1300', unit });
      expect(value(s.symbol)).toBe('BTC-USDT-SWAP');
    }
  });

  it('a Max unit that disagrees with the suffix: the unit is not read', () => {
    const s = snap({ suffix: 'Contracts', maxLong: '2 BTC' });
    expect(s.quantityUnit).toMatchObject({ status: 'ambiguous', why: reason('page.wrongUnit', { item: 'maxBuy', unit: 'BTC', expected: 'Contracts' }) });
  });

  it('logged in with no Max on the page: the unit is not read (the cross-check is missing)', () => {
    const s = snap({ maxLong: null });
    expect(s.quantityUnit).toMatchObject({ status: 'missing', why: reason('page.notFound', { item: 'maxBuy' }) });
    expect(s.maxBuy).toMatchObject({ status: 'missing', why: reason('page.notFound', { item: 'maxBuy' }) });
  });

  it('logged out (no Max at all): the suffix alone decides', () => {
    const s = snap({ loggedIn: false, suffix: 'USDT' });
    expect(value(s.quantityUnit)).toBe('quote');
  });

  it('a suffix naming another asset: unit unknown and the symbol in doubt (mid-navigation)', () => {
    const s = snap({ suffix: 'ETH', maxLong: '1 ETH', maxShort: '1 ETH' });
    expect(s.quantityUnit).toMatchObject({ status: 'ambiguous', why: reason('page.unitUnknown', { unit: 'ETH' }) });
    expect(s.symbol).toMatchObject({ status: 'ambiguous', why: reason('page.formUnitMismatch', { unit: 'ETH', address: 'BTC-USDT-SWAP' }) });
  });

  it('empty amount is missing, the unit still read', () => {
    const s = snap({ qty: '' });
    expect(s.quantity).toMatchObject({ status: 'missing', why: reason('page.empty', { item: 'quantity' }) });
    expect(value(s.quantityUnit)).toBe('contracts');
  });

  it('a second amount input before the TP/SL block: the amount is ambiguous, never the first', () => {
    const s = snap({ rootExtra: '<div class="okui-input"><input class="okui-input-input" value="99"></div>' });
    // The extra input sits after the TP/SL block: still only one amount input.
    expect(value(s.quantity)).toBe('12');
    loadPage(document, {});
    const amount = document.querySelector('#_r_4p_')?.closest('.okui-input');
    amount?.insertAdjacentHTML('afterend', '<div class="okui-input"><input class="okui-input-input" value="99"></div>');
    expect(readNow().quantity).toMatchObject({ status: 'ambiguous', why: reason('page.several', { item: 'quantity', count: 2 }) });
  });
});

describe('order type, modes and login state', () => {
  it('market order: no price input, mark price used', () => {
    const s = snap({ type: 'market' });
    expect(value(s.orderType)).toBe('market');
    expect(s.price).toMatchObject({ status: 'missing', why: reason('page.marketOrder') });
  });

  it('TP/SL order type is unsupported', () => {
    const s = snap({ type: 'conditional' });
    expect(s.orderType).toMatchObject({ status: 'unsupported', raw: 'TP/SL', why: reason('page.notSupported', { item: 'orderType', text: 'TP/SL' }) });
  });

  it('the selected tab and the price input disagree: order type not read', () => {
    expect(snap({ type: 'market', priceBoxOverride: true }).orderType).toMatchObject({ status: 'ambiguous', why: reason('page.orderTypeUnknown') });
    expect(snap({ type: 'limit', priceBoxOverride: false }).orderType).toMatchObject({ status: 'ambiguous', why: reason('page.orderTypeUnknown') });
  });

  it('hedge Open and Close tabs; the Close tab Max are the closeable sizes', () => {
    expect(value(snap({ hedge: 'open' }).action)).toBe('open');
    const s = snap({ hedge: 'close', maxLong: '0 Contracts', maxShort: '50 Contracts' });
    expect(value(s.positionMode)).toBe('hedge');
    expect(value(s.action)).toBe('close');
    expect(value(s.maxBuy)).toEqual({ amount: '0', unit: 'contracts' });
    expect(value(s.maxSell)).toEqual({ amount: '50', unit: 'contracts' });
  });

  it('buttons that contradict the tabs make the mode ambiguous', () => {
    loadPage(document, { hedge: 'open' });
    for (const b of Array.from(document.querySelectorAll('button'))) {
      if (b.textContent === 'Open long') b.textContent = 'Close long';
      if (b.textContent === 'Open short') b.textContent = 'Close short';
    }
    const s = readNow();
    const why = reason('page.orderButtonsMismatch', { buttons: 'Close long / Close short' });
    expect(s.positionMode).toMatchObject({ status: 'ambiguous', why });
    expect(s.action).toMatchObject({ status: 'ambiguous', why });
  });

  it('logged out: isolated inputs still read, account parts say log in', () => {
    const s = snap({ loggedIn: false, mode: 'Isolated', leverage: '20x' });
    expect(s.loggedIn).toMatchObject({ status: 'read', value: false });
    expect(value(s.leverage)).toBe('20');
    expect(value(s.marginMode)).toBe('isolated');
    expect(value(s.price)).toBe('61000.5');
    for (const [field, item] of [[s.available, 'available'], [s.maxBuy, 'maxBuy'], [s.maxSell, 'maxSell'], [s.marginBalance, 'marginBalance'], [s.assetMode, 'assetMode'], [s.ownPositions, 'positions'], [s.otherPositions, 'positions']] as const) {
      expect(field, item).toMatchObject({ status: 'missing', why: reason('page.loginToSee', { item }) });
    }
    expect(value(s.markPrice)).toBe('61000.0');
  });

  it('both order and log-in buttons: login state ambiguous', () => {
    const s = snap({ rootExtra: '<button>Log in</button>' });
    expect(s.loggedIn).toMatchObject({ status: 'ambiguous', why: reason('page.orderAndLoginButtons', { buttons: 'Buy/Long / Sell/Short / Log in' }) });
  });

  it('logged in before the account data: `--` values say not loaded yet, not logged out', () => {
    const s = snap({
      available: '-- USDT', maxLong: '-- Contracts', maxShort: '-- Contracts',
      account: { totalEquity: '--', maintenanceMargin: '--', marginRatio: '--', accountMode: '--' }, positions: null, positionsCount: null,
    });
    expect(value(s.loggedIn)).toBe(true);
    expect(value(s.quantityUnit)).toBe('contracts');
    expect(s.available).toMatchObject({ status: 'missing', why: reason('page.notShownYet', { item: 'available' }) });
    expect(s.maxBuy).toMatchObject({ status: 'missing', why: reason('page.notShownYet', { item: 'maxBuy' }) });
    expect(s.marginBalance).toMatchObject({ status: 'missing', why: reason('page.notShownYet', { item: 'marginBalance' }) });
    expect(s.assetMode).toMatchObject({ status: 'missing', why: reason('page.notShownYet', { item: 'assetMode' }) });
    for (const f of [s.ownPositions, s.otherPositions]) expect(f).toMatchObject({ status: 'missing', why: reason('positions.loading'), raw: 'Open positions' });
  });

  it.each([
    ['Multi-currency margin', 'multi'],
    ['Portfolio margin', 'portfolio'],
  ])('account mode %s', (text, mode) => {
    expect(value(snap({ account: { accountMode: text } }).assetMode)).toBe(mode);
  });

  it('an account mode text not listed is not read', () => {
    expect(snap({ account: { accountMode: 'Spot mode' } }).assetMode).toMatchObject({ status: 'ambiguous', why: reason('page.unreadable', { item: 'assetMode', text: 'Spot mode' }) });
  });

  it('leverages; the margin mode must be the leverage button\'s previous sibling', () => {
    for (const [mode, lev, expected] of [['Cross', '1x', ['cross', '1']], ['Isolated', '125x', ['isolated', '125']], ['Cross', '50X', ['cross', '50']]] as const) {
      const s = snap({ mode, leverage: lev });
      expect([value(s.marginMode), value(s.leverage)]).toEqual(expected);
    }
    loadPage(document, {});
    const head = document.querySelector('.index_head__Ab12c') as Element;
    head.append(head.firstElementChild as Element); // the margin-mode button now after the leverage button
    expect(readNow().marginMode).toMatchObject({ status: 'missing', why: reason('page.notFound', { item: 'marginMode' }) });
  });
});

describe('decoys, stale copies and scoping', () => {
  const hiddenCopy = (how: string): string => `<div ${how}>${formHtml({ leverage: '3x', price: '99999', qty: '9', available: '1.00 USDT' })}</div>`;

  it.each([['style="display:none"'], ['hidden'], ['aria-hidden="true"'], ['style="visibility:hidden"']])('ignores a stale copy before the form hidden by %s', (how) => {
    const s = snap({ before: hiddenCopy(how) });
    expect(value(s.leverage)).toBe('10');
    expect(value(s.price)).toBe('61000.5');
    expect(value(s.available)).toBe('8000.00');
  });

  it('ignores visible decoys outside the root (quick trade with the same classes, test ids and texts)', () => {
    const quick = `<div class="quick"><button>Isolated</button><button>75x</button>
      <div class="okui-input"><input class="okui-input-input" value="555"><div class="okui-input-suffix">BTC</div></div>
      <div data-testid="max-asset"><span>Available</span><span>1.00 USDT</span></div>
      <button class="okui-positivebutton">Buy/Long</button><div data-testid="max-trade"><span>Max long</span><span>9 BTC</span></div></div>`;
    const s = snap({ after: quick });
    expect(value(s.leverage)).toBe('10');
    expect(value(s.marginMode)).toBe('cross');
    expect(value(s.quantity)).toBe('12');
    expect(value(s.available)).toBe('8000.00');
    expect(value(s.maxBuy)).toEqual({ amount: '1300', unit: 'contracts' });
  });

  it('ignores a hidden block inside the root', () => {
    const s = snap({ rootExtra: '<div hidden><button>75x</button><button>Log in</button><div data-testid="max-asset">Available1.00 USDT</div></div>' });
    expect(value(s.leverage)).toBe('10');
    expect(value(s.loggedIn)).toBe(true);
    expect(value(s.available)).toBe('8000.00');
  });

  it('two visible roots: form ambiguous, nothing else from the form', () => {
    const s = snap({ after: formHtml({ leverage: '3x' }) });
    const why = reason('page.several', { item: 'orderForm', count: 2 });
    expect(s.form).toMatchObject({ status: 'ambiguous', why });
    expect(s.leverage).toMatchObject({ status: 'missing', why });
  });

  it('no form (before hydration): form missing, title without instrument', () => {
    const s = snap({ form: '<div class="skeleton"></div>', title: null });
    expect(s.form).toMatchObject({ status: 'missing', why: reason('page.notFound', { item: 'orderForm' }) });
    expect(s.symbol).toMatchObject({ status: 'missing', why: reason('page.symbolNotShown') });
  });

  it('a second visible leverage button inside the root is ambiguous, never first-match', () => {
    const s = snap({ rootExtra: '<button>3x</button>' });
    expect(s.leverage).toMatchObject({ status: 'ambiguous', why: reason('page.several', { item: 'leverageButton', count: 2 }) });
  });

  it('account labels: a duplicate is ambiguous; in dialogs, tables and the form they do not count', () => {
    expect(snap({ after: '<div><span>Total equity</span><span>1.00 USDT</span></div>' }).marginBalance)
      .toMatchObject({ status: 'ambiguous', why: reason('page.several', { item: 'marginBalance', count: 2 }) });
    const s = snap({
      after: '<div role="dialog"><div><span>Total equity</span><span>1.00 USDT</span></div></div><table><tr><td><div><span>Mark price</span><span>1.0</span></div></td></tr></table>',
      rootExtra: '<div><span>Margin ratio</span><span>1.00%</span></div>',
    });
    expect(value(s.marginBalance)).toBe('10045.60');
    expect(value(s.markPrice)).toBe('61000.0');
    expect(value(s.marginRatio)).toBe('8131.20');
  });
});

describe('symbol checks (README: Pages, Symbol)', () => {
  it('title disagreeing with the URL: symbol ambiguous (url-first navigation)', () => {
    const s = snap({ title: '3,000.50 | ETH-USDT-SWAP | OKX' });
    expect(s.symbol).toMatchObject({ status: 'ambiguous', why: reason('page.symbolMismatch', { shown: 'ETH-USDT-SWAP', address: 'BTC-USDT-SWAP' }) });
  });

  it('USDC swaps and locale prefixes', () => {
    const s = snap({ instId: 'ETH-USDC-SWAP', available: '8,000.00 USDC', account: { totalEquity: '5,000.00 USDC', maintenanceMargin: '0.00 USDC' } }, urlFor('ETH-USDC-SWAP', 'en-us'));
    expect(value(s.symbol)).toBe('ETH-USDC-SWAP');
    expect(value(s.quoteAsset)).toBe('USDC');
    expect(value(s.available)).toBe('8000.00');
    expect(value(s.marginBalance)).toBe('5000.00');
  });

  it('account values in another asset than the instrument settles in: not read', () => {
    const s = snap({ instId: 'ETH-USDC-SWAP', available: '8,000.00 USDC' }, urlFor('ETH-USDC-SWAP'));
    expect(s.marginBalance).toMatchObject({ status: 'ambiguous', why: reason('page.wrongUnit', { item: 'marginBalance', unit: 'USDT', expected: 'USDC' }) });
    expect(s.walletBalance.status).not.toBe('read');
  });

  it('coin-margined swaps and dated futures are unsupported; other pages read nothing', () => {
    const inverse = snap({ instId: 'BTC-USD-SWAP' }, urlFor('BTC-USD-SWAP'));
    expect(inverse.symbol).toMatchObject({ status: 'unsupported', why: reason('page.unsupportedQuote', { symbol: 'BTC-USD-SWAP' }) });
    const dated = snap({}, 'https://www.okx.com/trade-futures/btc-usdt-250926');
    expect(dated.symbol).toMatchObject({ status: 'unsupported', why: reason('page.datedContract', { symbol: 'BTC-USDT-250926' }) });
    const spot = snap({}, 'https://www.okx.com/trade-spot/btc-usdt');
    expect(spot.form).toMatchObject({ status: 'missing', why: reason('page.notSupportedPage') });
  });
});

describe('positions (README: Positions list)', () => {
  const btcLong: PosRowSpec = { compact: 'BTCUSDT', badge: 'Cross 20x', size: '50 Cont', entry: '60,000.0', mark: '61,000.0', pnl: '+500.00 USDT (--)' };
  const ethShort: PosRowSpec = { compact: 'ETHUSDT', badge: 'Isolated 10x', size: '-30 Cont', entry: '3,000.00', mark: '2,950.00', liq: '3,268.50', margin: '900.00 USDT', pnl: '+150.00 USDT (+16.67%)' };
  const btcRow: PositionRow = { symbol: 'BTC-USDT-SWAP', quoteAsset: 'USDT', side: 'long', size: '50', sizeUnit: 'contracts', entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'cross', leverage: '20', exchangeLiquidationPrice: null };
  const ethRow: PositionRow = { symbol: 'ETH-USDT-SWAP', quoteAsset: 'USDT', side: 'short', size: '30', sizeUnit: 'contracts', entryPrice: '3000.00', markPrice: '2950.00', marginMode: 'isolated', leverage: '10', margin: '900.00', exchangeLiquidationPrice: '3268.50' };
  const expectBoth = (s: FormSnapshot, expected: object): void => {
    expect(s.ownPositions).toMatchObject(expected);
    expect(s.otherPositions).toMatchObject(expected);
  };

  it("reads several rows in contracts; the form instrument's rows apart; the wallet is the equity less their PnL", () => {
    const s = snap({ positions: [btcLong, ethShort] });
    expect(s.ownPositions).toEqual({ status: 'read', value: [btcRow], raw: 'Open positions (2)' });
    expect(s.otherPositions).toEqual({ status: 'read', value: [ethRow], raw: 'Open positions (2)' });
    expect(value(s.unrealizedPnl)).toBe('650.00');
    expect(value(s.walletBalance)).toBe('9395.60');
  });

  it('columns in another order are mapped by header text', () => {
    const s = snap({ positions: [btcLong, ethShort], columns: ['instrument', 'pnl', 'mark', 'value', 'liq', 'size', 'marginRatio', 'entry', 'margin', 'actions'] });
    expect(value(s.ownPositions)).toEqual([btcRow]);
    expect(value(s.otherPositions)).toEqual([ethRow]);
  });

  it('hedge rows: the side from the class, sizes unsigned', () => {
    const s = snap({ hedge: 'open', positions: [{ ...btcLong, sideClass: 'positive-pl' }, { ...btcLong, size: '20 Cont', sideClass: 'negative-pl' }] });
    expect(value(s.ownPositions)?.map((p) => [p.side, p.size])).toEqual([['long', '50'], ['short', '20']]);
    const signed = snap({ hedge: 'open', positions: [{ ...btcLong, size: '-20 Cont', sideClass: 'negative-pl' }] });
    expectBoth(signed, { status: 'ambiguous', why: reason('positions.rowUnreadable', { symbol: 'BTC-USDT-SWAP', item: 'positionSize', text: '-20 Cont' }) });
  });

  it('coin and quote sizes are reported as shown, with their unit and the row mark', () => {
    const s = snap({ suffix: 'USDT', maxLong: '-- USDT', maxShort: '-- USDT', positions: [{ ...btcLong, size: '30,500 USDT' }, { ...ethShort, size: '-3 ETH' }] });
    const rows = [...(value(s.ownPositions) ?? []), ...(value(s.otherPositions) ?? [])];
    expect(rows.map((p) => [p.symbol, p.side, p.size, p.sizeUnit, p.markPrice])).toEqual([
      ['BTC-USDT-SWAP', 'long', '30500', 'quote', '61000.0'],
      ['ETH-USDT-SWAP', 'short', '3', 'base', '2950.00'],
    ]);
  });

  it('a size in another unit than contracts, the coin or the quote is not read', () => {
    expectBoth(snap({ positions: [{ ...btcLong, size: '50 Lots' }] }), { status: 'ambiguous', why: reason('positions.rowUnreadable', { symbol: 'BTC-USDT-SWAP', item: 'positionSize', text: '50 Lots' }) });
  });

  it('a row with PnL -- leaves the wallet unknown, the positions read', () => {
    const s = snap({ positions: [{ ...btcLong, pnl: undefined }] });
    expect(value(s.ownPositions)).toEqual([btcRow]);
    expect(s.walletBalance).toMatchObject({ status: 'missing', why: reason('positions.rowUnreadable', { symbol: 'BTC-USDT-SWAP', item: 'unrealizedPnl', text: '--' }) });
  });

  it('fewer rows than the tab count: incomplete; more: ambiguous; the wallet follows', () => {
    const fewer = snap({ positions: [btcLong], positionsCount: 3 });
    expectBoth(fewer, { status: 'missing', why: reason('positions.incomplete', { missing: 2, count: 3 }) });
    expect(fewer.walletBalance).toMatchObject({ status: 'missing', why: reason('positions.incomplete', { missing: 2, count: 3 }) });
    expectBoth(snap({ positions: [btcLong, ethShort], positionsCount: 1 }), { status: 'ambiguous', why: reason('positions.tooMany', { rows: 2, count: 1 }) });
  });

  it('another bottom tab selected: both lists unknown', () => {
    expectBoth(snap({ positions: [btcLong], positionsSelected: false }), { status: 'missing', why: reason('positions.tabNotSelected') });
  });

  it('an empty counted table (Open positions (0)) is read as empty lists, also once loaded, never a broken selector', () => {
    for (const s of [snap({ positions: [] }), readLoaded()]) {
      expect(s.ownPositions).toEqual({ status: 'read', value: [], raw: 'Open positions (0)' });
      expect(s.otherPositions).toEqual({ status: 'read', value: [], raw: 'Open positions (0)' });
    }
  });

  it('the hidden measurement row and hidden stale rows do not count', () => {
    loadPage(document, { positions: [btcLong] });
    const body = document.querySelector('.position-box tbody') as Element;
    body.insertAdjacentHTML('beforeend', '<tr class="okui-table-row" hidden><td>x</td></tr>');
    expect(value(readNow().ownPositions)).toEqual([btcRow]);
  });

  it('health: a missing table is a broken selector, not an empty list', () => {
    loadPage(document, { positions: [btcLong] });
    document.querySelector('.position-box table')?.remove();
    expectBoth(readNow(), { status: 'missing', why: reason('page.selectorBroke', { item: 'positionsHeader' }) });
  });

  it('health: a renamed column is a broken selector', () => {
    loadPage(document, { positions: [btcLong] });
    const th = Array.from(document.querySelectorAll('th')).find((d) => d.textContent === 'Est. liq. price') as Element;
    th.textContent = 'Liquidation';
    expectBoth(readNow(), { status: 'missing', why: reason('positions.column', { column: 'Est. liq. price' }) });
  });

  it('health: a row with fewer cells than the header is a broken structure', () => {
    loadPage(document, { positions: [btcLong] });
    document.querySelector('.position-box tbody tr:not([aria-hidden]) td:last-child')?.remove();
    expectBoth(readNow(), { status: 'missing', why: reason('positions.cellCount', { cells: 9, columns: 10 }) });
  });

  it('health: the tabs or the box gone from a loaded page', () => {
    loadPage(document, { positions: [btcLong] });
    document.querySelector('.bottom [role="tablist"]')?.remove();
    expectBoth(readLoaded(), { status: 'missing', why: reason('page.selectorBroke', { item: 'positionsTabs' }) });
    loadPage(document, { positions: [btcLong] });
    document.querySelector('.position-box')?.remove();
    expectBoth(readLoaded(), { status: 'missing', why: reason('page.selectorBroke', { item: 'positionsPanel' }) });
  });

  it('zh-CN rows: 张 contracts, 全仓/逐仓 badges', () => {
    const s = snap({ locale: 'zh-CN', suffix: '张', account: { accountMode: '合约模式' }, positions: [{ ...btcLong, badge: '逐仓 5x', size: '50 张' }] }, urlFor('BTC-USDT-SWAP', 'zh-hans'));
    expect(s.ownPositions.raw).toBe('持仓 (1)');
    expect(value(s.ownPositions)?.[0]).toMatchObject({ marginMode: 'isolated', leverage: '5', size: '50', sizeUnit: 'contracts' });
  });

  it('an instrument cell the adapter cannot map is not read', () => {
    expectBoth(snap({ positions: [{ ...btcLong, compact: 'BTCUSD' }] }), { status: 'ambiguous', why: { code: 'positions.rowUnreadable', params: { item: 'positionSymbol' } } });
  });
});

describe('robustness', () => {
  it('never throws: an exception inside the reader becomes a missing form', () => {
    loadPage(document, {});
    const throwing = (): boolean => {
      throw new Error('boom');
    };
    const s = createOkxReader(document, () => urlFor(), { isVisible: throwing }).read('full');
    expect(s.form).toMatchObject({ status: 'missing', why: reason('page.adapterError', { detail: 'boom' }) });
  });
});
