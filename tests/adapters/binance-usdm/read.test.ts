// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findBinanceFormRoot, readBinanceForm } from '../../src/adapters/binance/read';
import type { FormSnapshot } from '../../src/adapters/types';
import { attributeVisible, formHtml, loadPage, urlFor, type PageSpec } from './binance-fixture';

const opts = { isVisible: attributeVisible };

function snap(spec: PageSpec = {}, url = urlFor(spec.symbol ?? 'BTCUSDT', spec.locale ?? 'en')): FormSnapshot {
  loadPage(document, spec);
  return readBinanceForm(document, url, opts);
}

const value = <T>(f: { status: string; value?: T }): T | undefined => (f.status === 'read' ? f.value : undefined);

beforeEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

describe('readBinanceForm: default page (en, one-way, limit, logged in)', () => {
  it('reads every form, account and header field', () => {
    const s = snap({ price: '61000.5', qty: '0.010', tp: '65000', sl: '58000.5' });
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
    expect(s.positions.status).toBe('read');
    expect(value(s.positions)).toEqual([]);
  });

  it('reports TP/SL as not set while the box is unchecked', () => {
    const s = snap();
    expect(s.takeProfit).toMatchObject({ status: 'missing', why: 'TP/SL not set' });
    expect(s.stopLoss.status).toBe('missing');
  });

  it('findBinanceFormRoot returns the common ancestor of the qty input and the active order tab', () => {
    loadPage(document, {});
    const root = findBinanceFormRoot(document, opts);
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
    expect(value(s.positions)).toEqual([
      { symbol: 'BTCUSDT', side: 'short', size: '0.300', sizeUnit: 'base', entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'cross', leverage: '20', margin: '1525.00', exchangeLiquidationPrice: '70123.4' },
    ]);
  });

  it('refuses numbers when the page format contradicts <html lang> (pt-BR page showing dots)', () => {
    const s = snap({ locale: 'pt-BR', price: '61000.5' });
    expect(s.price.status).toBe('ambiguous');
    expect(s.price.why).toMatch(/pt-BR/);
    expect(s.available.status).toBe('ambiguous');
    expect(s.markPrice.status).toBe('ambiguous');
    // Non-numeric fields are unaffected.
    expect(value(s.leverage)).toBe('20');
  });

  it('refuses numbers when an en page shows decimal commas', () => {
    const s = snap({ price: '61000,5', avbl: '8.000,00 USDT', mark: '61.000,0' });
    expect(s.price.status).toBe('ambiguous');
    expect(s.available.status).toBe('ambiguous');
  });

  it('refuses numbers when the page mixes formats', () => {
    const s = snap({ avbl: '8.000,00 USDT' });
    expect(s.available.status).toBe('ambiguous');
    expect(s.available.why).toMatch(/mixes/);
  });

  it('a language without a known format takes the format from the page text', () => {
    // fr has no labels in the site file; the fixture shows en labels, which the reader falls back to.
    const s = snap({ lang: 'fr', price: '61000.5' });
    expect(value(s.price)).toBe('61000.5');
    expect(value(s.available)).toBe('8000.00');
  });

  it('a language without a known format and no decimal in sight: numbers refused', () => {
    const s = snap({ lang: 'fr', loggedIn: false, price: '61000', qty: '1', mark: '--' });
    expect(s.price.status).toBe('ambiguous');
    expect(s.price.why).toMatch(/unknown number format/);
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
    expect(s.markPrice.status).toBe('missing');
    expect(value(s.maxBuy)).toEqual({ amount: '159881.0', unit: 'quote' });
  });

  it('a Max in neither asset of the symbol is not read', () => {
    const s = snap({ maxBuy: '2.621 ETH' });
    expect(s.maxBuy).toMatchObject({ status: 'ambiguous', why: 'Max is in ETH', raw: '2.621 ETH' });
  });

  it('percent: quantity "25" with unit percent', () => {
    const s = snap({ qty: '25%' });
    expect(value(s.quantity)).toBe('25');
    expect(value(s.quantityUnit)).toBe('percent');
    expect(s.quantity.raw).toBe('25%');
  });

  it('a unit that is neither base nor quote is not read, and casts doubt on the symbol', () => {
    const s = snap({ suffix: 'ETH' });
    expect(s.quantityUnit.status).toBe('ambiguous');
    expect(s.symbol.status).toBe('ambiguous');
  });

  it('empty size is missing but the unit is still read', () => {
    const s = snap({ qty: '' });
    expect(s.quantity).toMatchObject({ status: 'missing', why: 'size is empty' });
    expect(value(s.quantityUnit)).toBe('base');
  });
});

describe('order type, modes and login state', () => {
  it('market order: no price input, mark price used', () => {
    const s = snap({ type: 'MARKET' });
    expect(value(s.orderType)).toBe('market');
    expect(s.price).toMatchObject({ status: 'missing', why: 'market order: mark price used' });
    expect(value(s.quantity)).toBe('0.010');
  });

  it('conditional orders are unsupported', () => {
    const s = snap({ type: 'CONDITIONAL' });
    expect(s.orderType).toMatchObject({ status: 'unsupported', raw: 'Stop Limit' });
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
    const s = readBinanceForm(document, urlFor(), opts);
    expect(s.positionMode.status).toBe('ambiguous');
    expect(s.action.status).toBe('ambiguous');
  });

  it('logged out: isolated inputs still read, account parts say log in', () => {
    const s = snap({ loggedIn: false, leverage: 'Isolated 10x' });
    expect(s.loggedIn).toMatchObject({ status: 'read', value: false });
    expect(value(s.leverage)).toBe('10');
    expect(value(s.marginMode)).toBe('isolated');
    expect(value(s.price)).toBe('61000.5');
    expect(s.available).toMatchObject({ status: 'missing', why: 'log in to see Avbl' });
    expect(s.maxBuy.why).toMatch(/log in/);
    expect(s.assetMode.why).toMatch(/log in/);
    expect(s.walletBalance.why).toMatch(/log in/);
    expect(s.positions.why).toMatch(/log in/);
    // The header mark does not depend on the login.
    expect(value(s.markPrice)).toBe('61000.0');
  });

  it('both order and log-in buttons: login state ambiguous', () => {
    const s = snap({ rootExtra: '<button>Log In</button>' });
    expect(s.loggedIn.status).toBe('ambiguous');
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
    expect(s.available).toMatchObject({ status: 'missing', why: 'the page shows no Avbl yet (--)' });
    expect(s.walletBalance.why).toMatch(/shows no Wallet Balance yet/);
    expect(s.positions).toMatchObject({ status: 'missing', why: 'positions not loaded yet', raw: 'Positions' });
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

describe('decoys, stale copies and scoping (R10, T2, T11)', () => {
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
    expect(s.form.status).toBe('ambiguous');
    expect(s.leverage.status).toBe('missing');
    expect(findBinanceFormRoot(document, opts)).toBeNull();
  });

  it('no form (before hydration): form missing, title without symbol', () => {
    const s = snap({ form: '<div class="skeleton"></div>', title: null });
    expect(s.form).toMatchObject({ status: 'missing', why: 'order form not found' });
    expect(s.symbol.status).toBe('missing');
  });

  it('a second visible leverage button or price input inside the root is ambiguous, never first-match', () => {
    const s = snap({ rootExtra: '<button>Isolated 3x</button><input id="limitPrice-99" value="1">' });
    expect(s.leverage.status).toBe('ambiguous');
    expect(s.marginMode.status).toBe('ambiguous');
    expect(s.price.status).toBe('ambiguous');
  });

  it('a duplicated account label is ambiguous', () => {
    const s = snap({ after: '<div><span>Wallet Balance</span><span>1.00 USDT</span></div>' });
    expect(s.walletBalance.status).toBe('ambiguous');
    expect(value(s.marginBalance)).toBe('10045.60');
  });

  it('account labels in dialogs are ignored', () => {
    const s = snap({ after: '<div role="dialog"><div><span>Wallet Balance</span><span>1.00 USDT</span></div></div>' });
    expect(value(s.walletBalance)).toBe('10000.00');
  });
});

describe('symbol checks (T3)', () => {
  it('title disagreeing with the URL: symbol ambiguous (url-first navigation)', () => {
    const s = snap({ title: '3,000.50 | ETHUSDT | Binance USDⓈ-M Futures' });
    expect(s.symbol.status).toBe('ambiguous');
    expect(s.symbol.why).toMatch(/ETHUSDT/);
  });

  it('form-first navigation: new form and title with the old URL', () => {
    loadPage(document, { suffix: 'ETH', symbol: 'ETHUSDT' });
    const s = readBinanceForm(document, urlFor('BTCUSDT'), opts);
    expect(s.symbol.status).toBe('ambiguous');
  });

  it('USDC symbols and locale prefixes', () => {
    const s = snap({ symbol: 'ETHUSDC', suffix: 'ETH', avbl: '8,000.00 USDC' }, urlFor('ETHUSDC', 'pt-BR'));
    expect(value(s.symbol)).toBe('ETHUSDC');
    expect(value(s.quoteAsset)).toBe('USDC');
    // Account values are in USDT in the fixture: not the symbol's quote asset.
    expect(s.walletBalance.status).toBe('ambiguous');
    expect(value(s.available)).toBe('8000.00');
  });

  it('delivery contracts are unsupported; non-futures pages read nothing', () => {
    expect(snap({ symbol: 'BTCUSDT_250926' }, urlFor('BTCUSDT_250926')).symbol.status).toBe('unsupported');
    const wallet = snap({}, 'https://www.binance.com/en/my/wallet/futures/BTCUSDT');
    expect(wallet.form.status).toBe('missing');
    expect(wallet.form.why).toMatch(/not a Binance/);
  });
});

describe('positions (§2.14, T10)', () => {
  const btcLong = { symbol: 'BTCUSDT', badge: 'Cross 20x', size: '0.500 BTC', entry: '60,000.0', mark: '61,000.0', margin: '1,525.00 USDT' };
  const ethShort = { symbol: 'ETHUSDT', badge: 'Isolated 10x', size: '-3.000 ETH', entry: '3,000.00', mark: '2,950.00', liq: '3,268.50', margin: '900.00 USDT' };

  it('reads several rows: side from sign, badge mode and leverage, liq -- → null', () => {
    const s = snap({ positions: [btcLong, ethShort] });
    expect(s.positions.raw).toBe('Positions(2)');
    expect(value(s.positions)).toEqual([
      { symbol: 'BTCUSDT', side: 'long', size: '0.500', sizeUnit: 'base', entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'cross', leverage: '20', margin: '1525.00', exchangeLiquidationPrice: null },
      { symbol: 'ETHUSDT', side: 'short', size: '3.000', sizeUnit: 'base', entryPrice: '3000.00', markPrice: '2950.00', marginMode: 'isolated', leverage: '10', margin: '900.00', exchangeLiquidationPrice: '3268.50' },
    ]);
  });

  it('hedge: two rows for one symbol', () => {
    const s = snap({ hedge: 'open', positions: [btcLong, { ...btcLong, size: '-0.200 BTC' }] });
    expect(value(s.positions)?.map((p) => [p.side, p.size])).toEqual([
      ['long', '0.500'],
      ['short', '0.200'],
    ]);
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
    expect(value(s.positions)?.map((p) => [p.symbol, p.side, p.size, p.sizeUnit, p.markPrice])).toEqual([
      ['BTCUSDT', 'long', '30500.0', 'quote', '61000.0'],
      ['ETHUSDT', 'short', '8850.00', 'quote', '2950.00'],
    ]);
  });

  it('a quote size with Mark -- cannot be read', () => {
    const s = snap({ positions: [{ ...btcLong, size: '30,500.0 USDT', mark: '--' }] });
    expect(s.positions.status).toBe('ambiguous');
    expect(s.positions.why).toMatch(/Mark Price is --/);
  });

  it('fewer rows than the tab count: incomplete', () => {
    const s = snap({ positions: [btcLong], positionsCount: 3 });
    expect(s.positions).toMatchObject({ status: 'missing', why: 'incomplete: 2 of 3 positions not visible' });
  });

  it('more rows than the tab count: ambiguous', () => {
    expect(snap({ positions: [btcLong, ethShort], positionsCount: 1 }).positions.status).toBe('ambiguous');
  });

  it('Hide Other Symbols checked: incomplete', () => {
    const s = snap({ positions: [btcLong], hideOther: true });
    expect(s.positions.status).toBe('missing');
    expect(s.positions.why).toMatch(/Hide Other Symbols/);
  });

  it('another tab selected: unknown', () => {
    const s = snap({ positions: [btcLong], positionsSelected: false });
    expect(s.positions.why).toMatch(/not selected/);
  });

  it('empty state is an empty list, not a broken selector', () => {
    const s = snap({ positions: [] });
    expect(s.positions).toMatchObject({ status: 'read', value: [], raw: 'Positions(0)' });
  });

  it('health: a missing header row is a broken selector, not an empty table', () => {
    loadPage(document, { positions: [btcLong] });
    document.querySelector('.hdr')?.remove();
    const s = readBinanceForm(document, urlFor(), opts);
    expect(s.positions.status).toBe('missing');
    expect(s.positions.why).toMatch(/^selector broke: positions header row not found/);
  });

  it('health: a renamed column is a broken selector', () => {
    loadPage(document, { positions: [btcLong] });
    const liq = Array.from(document.querySelectorAll('.hdr > div')).find((d) => d.textContent === 'Liq.Price');
    if (liq) liq.textContent = 'Liquidation';
    const s = readBinanceForm(document, urlFor(), opts);
    expect(s.positions.why).toMatch(/^selector broke: column "Liq.Price"/);
  });

  it('health: positions tabs gone', () => {
    loadPage(document, { positions: [btcLong] });
    document.querySelector('.account [role="tablist"]')?.remove();
    expect(readBinanceForm(document, urlFor(), opts).positions.why).toMatch(/^selector broke: positions tabs not found/);
  });

  it('hidden stale rows do not count', () => {
    loadPage(document, { positions: [btcLong] });
    const list = document.querySelector('.list') as Element;
    const stale = document.createElement('div');
    stale.className = 'list-item-container';
    stale.setAttribute('hidden', '');
    list.appendChild(stale);
    expect(value(readBinanceForm(document, urlFor(), opts).positions)).toHaveLength(1);
  });

  it('zh-CN positions', () => {
    const s = snap({ locale: 'zh-CN', positions: [{ ...btcLong, badge: '逐仓 5x' }] });
    expect(s.positions.raw).toBe('仓位(1)');
    expect(value(s.positions)?.[0]).toMatchObject({ marginMode: 'isolated', leverage: '5', size: '0.500' });
  });
});

describe('robustness', () => {
  it('never throws: an exception inside the reader becomes a missing form', () => {
    loadPage(document, {});
    const throwing = (): boolean => {
      throw new Error('boom');
    };
    const s = readBinanceForm(document, urlFor(), { isVisible: throwing });
    expect(s.form).toMatchObject({ status: 'missing', why: 'adapter error: boom' });
  });
});
