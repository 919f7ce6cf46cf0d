// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createHyperliquidReader } from '../../../src/adapters/hyperliquid/read';
import type { FormSnapshot } from '../../../src/contracts/snapshot';
import { reason } from '../../../src/contracts/reasons';
import { formHtml, loadPage, urlFor, type PageSpec } from './fixture';
import { readers } from '../kit/fixture';
import { value } from '../kit/expect';

const { opts, readLoaded, snap } = readers<PageSpec>(createHyperliquidReader, { load: loadPage, url: (spec) => urlFor(spec.coin ?? 'BTC'), blank: {} });

const btcLong = { coin: 'BTC', size: '0.05000 BTC', entry: '59,000', mark: '61,000', margin: '$152.50 (Cross)', liq: '41,234' };
const ethShort = { coin: 'ETH', lev: '10x', size: '-2.00000 ETH', entry: '3,100.0', mark: '3,000.0', margin: '$620.00 (Isolated)', liq: '3,401.5' };

describe('hyperliquid reader: default page (en, limit, buy selected, logged in, Standard)', () => {
  it('reads every form, account and ticker field', () => {
    const s = snap({ price: '60000.5', qty: '0.25', tp: '65000', sl: '58000' });
    expect(s.venue).toBe('hyperliquid');
    expect(s.form.status).toBe('read');
    expect(value(s.symbol)).toBe('BTC');
    expect(value(s.baseAsset)).toBe('BTC');
    expect(value(s.quoteAsset)).toBe('USDC');
    expect(value(s.loggedIn)).toBe(true);
    expect(value(s.sides)).toEqual(['long']);
    expect(value(s.positionMode)).toBe('oneWay');
    expect(value(s.action)).toBe('open');
    expect(value(s.assetMode)).toBe('single');
    expect(value(s.orderType)).toBe('limit');
    expect(value(s.price)).toBe('60000.5');
    expect(value(s.quantity)).toBe('0.25');
    expect(value(s.quantityUnit)).toBe('base');
    expect(value(s.leverage)).toBe('20');
    expect(value(s.marginMode)).toBe('cross');
    expect(value(s.takeProfit)).toBe('65000');
    expect(value(s.stopLoss)).toBe('58000');
    expect(value(s.reduceOnly)).toBe(false);
    expect(value(s.available)).toBe('8000.00');
    expect(s.available.raw).toBe('8,000.00 USDC');
    expect(value(s.walletBalance)).toBe('10000.00');
    expect(value(s.unrealizedPnl)).toBe('45.60');
    expect(value(s.marginBalance)).toBe('10045.60');
    expect(value(s.maintenanceMargin)).toBe('12.34');
    expect(value(s.marginRatio)).toBe('0.12');
    expect(value(s.markPrice)).toBe('61000');
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [] });
    expect(s.otherPositions).toMatchObject({ status: 'read', value: [] });
  });

  it('has no Max and no funding hook: those are not read, by name', () => {
    const s = snap();
    expect(s.maxBuy).toMatchObject({ status: 'missing', why: reason('page.notRead', { item: 'maxBuy' }) });
    expect(s.maxSell).toMatchObject({ status: 'missing', why: reason('page.notRead', { item: 'maxSell' }) });
    expect(s.fundingRate).toMatchObject({ status: 'missing', why: reason('page.notRead', { item: 'fundingRate' }) });
  });

  it('TP/SL unchecked: not set; Reduce Only ticked: read true', () => {
    const s = snap({ reduceOnly: true });
    expect(s.takeProfit).toMatchObject({ status: 'missing', why: reason('page.tpslOff') });
    expect(value(s.reduceOnly)).toBe(true);
  });

  it('findRoot: the common ancestor of the toggles and the first primary after them, not the header button', () => {
    loadPage(document, {});
    const root = createHyperliquidReader(document, () => urlFor(), opts).findRoot();
    expect(root?.querySelectorAll('button[color="primary"]')).toHaveLength(1);
    expect(root?.querySelector('button[color="primary"]')?.textContent).toBe('Place Order');
    expect(root?.querySelector('#accountTable')).toBeNull();
  });
});

describe('side toggle and submit buttons', () => {
  it('Sell selected: only the short side', () => {
    const s = snap({ side: 'sell' });
    expect(value(s.sides)).toEqual(['short']);
  });

  it.each(['both', 'neither'] as const)('%s toggles marked: side ambiguous', (side) => {
    expect(snap({ side }).sides).toMatchObject({ status: 'ambiguous', why: reason('page.sideUnknown') });
  });

  it('the submit button belongs to the selected side only', () => {
    loadPage(document, { side: 'sell' });
    const reader = createHyperliquidReader(document, () => urlFor(), opts);
    reader.read('full');
    const { long, short } = reader.submitControls();
    expect(long).toHaveLength(0);
    expect(short.map((b) => b.textContent)).toEqual(['Place Order']);
  });

  it('Enable Trading: logged in, but no order button to guard', () => {
    loadPage(document, { submit: 'enable' });
    const reader = createHyperliquidReader(document, () => urlFor(), opts);
    const s = reader.read('full');
    expect(value(s.loggedIn)).toBe(true);
    expect(reader.submitControls()).toEqual({ long: [], short: [] });
    expect(value(s.available)).toBe('8000.00');
  });

  it('an unknown primary button text: login state unreadable', () => {
    const s = snap({ submit: 'Sign Up' });
    expect(s.loggedIn).toMatchObject({ status: 'ambiguous', why: reason('page.unreadable', { item: 'orderButtons', text: 'Sign Up' }) });
  });

  it('a second visible primary button inside the root: login state ambiguous', () => {
    const s = snap({ rootExtra: '<button color="primary">Place Order</button>' });
    expect(s.loggedIn).toMatchObject({ status: 'ambiguous', why: reason('page.several', { item: 'orderButtons', count: 2 }) });
  });

  it('hidden copies of the toggles and of the form do not count; a visible second toggle does', () => {
    const hiddenCopy = `<div hidden>${formHtml({ leverage: '33x', price: '12345.6' })}</div>`;
    const s = snap({ before: hiddenCopy, rootExtra: '<div style="display:none"><button>Buy / Long</button><button color="primary">Place Order</button></div>' });
    expect(s.form.status).toBe('read');
    expect(value(s.leverage)).toBe('20');
    expect(value(s.price)).toBe('61000');
    const twice = snap({ after: '<div><button>Buy / Long</button></div>' });
    expect(twice.form).toMatchObject({ status: 'ambiguous', why: reason('page.several', { item: 'orderForm', count: 2 }) });
  });

  it('no primary button after the toggles: no form', () => {
    const s = snap({ form: formHtml().replace('color="primary"', '') });
    expect(s.form).toMatchObject({ status: 'missing', why: reason('page.notFound', { item: 'orderForm' }) });
  });
});

describe('locales and number formats', () => {
  it('zh-CN labels', () => {
    const s = snap({ locale: 'zh-CN', mode: '逐仓', leverage: '5x', positions: [{ ...ethShort, margin: '$620.00 (逐仓)' }] });
    expect(value(s.marginMode)).toBe('isolated');
    expect(value(s.leverage)).toBe('5');
    expect(value(s.available)).toBe('8000.00');
    expect(value(s.walletBalance)).toBe('10000.00');
    expect(value(s.markPrice)).toBe('61000');
    expect(value(s.assetMode)).toBe('single');
    expect(s.otherPositions.value?.map((r) => [r.symbol, r.marginMode, r.side])).toEqual([['ETH', 'isolated', 'short']]);
  });

  it('pt-BR decimal commas everywhere', () => {
    const s = snap({
      locale: 'pt-BR',
      mode: 'Isolada',
      price: '60000,5',
      qty: '0,25',
      avail: '8.000,00 USDC',
      current: '0,05000 BTC',
      mark: '61.000',
      account: { balance: '$10.000,00', upnl: '-$12,50', mr: '0,12%', mm: '$12,34', mode: 'Padrão' },
      positions: [{ ...btcLong, size: '0,05000 BTC', entry: '59.000', mark: '61.000', margin: '$152,50 (Cruzada)', liq: '41.234' }],
    });
    expect(value(s.price)).toBe('60000.5');
    expect(value(s.quantity)).toBe('0.25');
    expect(value(s.available)).toBe('8000.00');
    expect(value(s.markPrice)).toBe('61000');
    expect(value(s.marginRatio)).toBe('0.12');
    expect(value(s.unrealizedPnl)).toBe('-12.50');
    expect(value(s.marginBalance)).toBe('9987.50');
    expect(value(s.marginMode)).toBe('isolated');
    expect(value(s.ownPositions)).toEqual([
      { symbol: 'BTC', quoteAsset: 'USDC', side: 'long', size: '0.05000', sizeUnit: 'base', entryPrice: '59000', markPrice: '61000', marginMode: 'cross', leverage: '20', margin: '152.50', exchangeLiquidationPrice: '41234' },
    ]);
  });

  it('a pt-BR page showing dots: numbers refused, not misread', () => {
    const s = snap({ locale: 'pt-BR', price: '60000.5' });
    const why = reason('page.numberFormatContradicted', { lang: 'pt-BR', expected: 'comma', text: '60000.5' });
    for (const f of [s.price, s.available, s.walletBalance, s.markPrice]) expect(f).toMatchObject({ status: 'ambiguous', why });
    expect(value(s.leverage)).toBe('20');
  });

  it('an en page showing decimal commas: numbers refused', () => {
    const s = snap({ price: '60000,5', qty: '0,01000', avail: '8.000,00 USDC', current: '0,00000 BTC', account: { balance: '$10.000,00', upnl: '$0,00', mr: '0,12%', mm: '$12,34' } });
    expect(s.price).toMatchObject({ status: 'ambiguous', why: { code: 'page.numberFormatContradicted' } });
    expect(s.walletBalance.status).toBe('ambiguous');
  });
});

describe('order type and quantity unit', () => {
  it('Market: no price input, the mark is used', () => {
    const s = snap({ type: 'market' });
    expect(value(s.orderType)).toBe('market');
    expect(s.price).toMatchObject({ status: 'missing', why: reason('page.marketOrder') });
  });

  it('Pro (a trigger input): order type not supported', () => {
    const s = snap({ type: 'pro' });
    expect(s.orderType).toMatchObject({ status: 'unsupported', why: reason('page.notSupported', { item: 'orderType', text: 'Trigger Price' }) });
  });

  it('USDC unit: the notional, reported as quote', () => {
    const s = snap({ unit: 'USDC', qty: '1500.50' });
    expect(value(s.quantityUnit)).toBe('quote');
    expect(value(s.quantity)).toBe('1500.50');
  });

  it('a unit that is neither the coin nor USDC: unit unknown, the symbol in doubt', () => {
    const s = snap({ unit: 'ETH' });
    expect(s.quantityUnit).toMatchObject({ status: 'ambiguous', why: reason('page.unitUnknown', { unit: 'ETH' }) });
    expect(s.symbol).toMatchObject({ status: 'ambiguous', why: reason('page.formUnitMismatch', { unit: 'ETH', address: 'BTC' }) });
  });

  it('an empty size is missing, the unit still read', () => {
    const s = snap({ qty: '' });
    expect(s.quantity).toMatchObject({ status: 'missing', why: reason('page.empty', { item: 'quantity' }) });
    expect(value(s.quantityUnit)).toBe('base');
  });

  it('leverages and margin modes', () => {
    for (const [mode, lev, expected] of [['Isolated', '3x', ['isolated', '3']], ['Cross', '50x', ['cross', '50']], ['Cross', '1x', ['cross', '1']]] as const) {
      const s = snap({ mode, leverage: lev });
      expect([value(s.marginMode), value(s.leverage)]).toEqual(expected);
    }
  });

  it('a margin-mode button with another text: margin mode unreadable, leverage still read', () => {
    const s = snap({ mode: 'Portfolio' });
    expect(s.marginMode).toMatchObject({ status: 'ambiguous', why: reason('page.unreadable', { item: 'marginMode', text: 'Portfolio' }) });
    expect(value(s.leverage)).toBe('20');
  });
});

describe('symbol: address and title', () => {
  it('/trade without a coin takes the coin from the title', () => {
    const s = snap({ coin: 'ETH', mark: '3,000.0' }, urlFor(null));
    expect(value(s.symbol)).toBe('ETH');
    expect(value(s.baseAsset)).toBe('ETH');
  });

  it('/trade before the title names a coin: symbol not shown', () => {
    const s = snap({ title: null }, urlFor(null));
    expect(s.symbol).toMatchObject({ status: 'missing', why: reason('page.symbolNotShown') });
  });

  it('the address and the title disagree (mid-navigation): ambiguous', () => {
    const s = snap({ coin: 'BTC' }, urlFor('ETH'));
    expect(s.symbol).toMatchObject({ status: 'ambiguous', why: reason('page.symbolMismatch', { shown: 'BTC', address: 'ETH' }) });
  });

  it('a builder-deployed market: read, but the symbol is not supported yet', () => {
    const s = snap({ coin: 'xyz:TSLA', mark: '250.00' });
    expect(s.symbol).toMatchObject({ status: 'unsupported', why: reason('page.builderMarket', { symbol: 'xyz:TSLA' }) });
    expect(value(s.quantityUnit)).toBe('base');
    const viaTitle = snap({ coin: 'xyz:TSLA', mark: '250.00' }, urlFor(null));
    expect(viaTitle.symbol).toMatchObject({ status: 'unsupported', why: reason('page.builderMarket', { symbol: 'xyz:TSLA' }) });
  });

  it('Current Position in another coin: the form is mid-navigation', () => {
    const s = snap({ current: '0.00000 ETH' });
    expect(s.symbol).toMatchObject({ status: 'ambiguous', why: reason('page.formUnitMismatch', { unit: 'ETH', address: 'BTC' }) });
  });
});

describe('account modes', () => {
  it.each([
    ['Unified Account', 'unified'],
    ['Portfolio Margin', 'portfolio'],
  ] as const)('%s is read as %s (the background prices only Standard)', (text, mode) => {
    expect(snap({ account: { mode: text } }).assetMode).toMatchObject({ status: 'read', value: mode, raw: text });
  });

  it('an unknown account mode text: unreadable', () => {
    expect(snap({ account: { mode: 'Pro Account' } }).assetMode).toMatchObject({ status: 'ambiguous', why: reason('page.unreadable', { item: 'assetMode', text: 'Pro Account' }) });
  });
});

describe('logged out and loading', () => {
  it('logged out: the inputs read, the account parts say log in', () => {
    const s = snap({ submit: 'connect', mode: 'Isolated', leverage: '10x', account: { balance: '--', upnl: '--', mr: '--', mm: '--', mode: '--' } });
    expect(s.loggedIn).toMatchObject({ status: 'read', value: false });
    expect(value(s.leverage)).toBe('10');
    expect(value(s.price)).toBe('61000');
    expect(value(s.sides)).toEqual(['long']);
    for (const [f, item] of [[s.available, 'available'], [s.walletBalance, 'walletBalance'], [s.assetMode, 'assetMode']] as const) {
      expect(f).toMatchObject({ status: 'missing', why: reason('page.loginToSee', { item }) });
    }
    expect(s.ownPositions).toMatchObject({ status: 'missing', why: reason('page.loginToSee', { item: 'positions' }) });
    expect(value(s.markPrice)).toBe('61000');
  });

  it('logged in before the account data: not shown yet, tabs without counts, no table', () => {
    const s = snap({ avail: '--', current: '--', account: { balance: '--', upnl: '--', mr: '--', mm: '--', mode: '--' }, positions: null });
    expect(value(s.loggedIn)).toBe(true);
    expect(s.available).toMatchObject({ status: 'missing', why: reason('page.notShownYet', { item: 'available' }) });
    expect(s.assetMode).toMatchObject({ status: 'missing', why: reason('page.notShownYet', { item: 'assetMode' }) });
    expect(s.ownPositions).toMatchObject({ status: 'missing', why: reason('positions.loading'), raw: 'Positions' });
    expect(s.otherPositions).toMatchObject({ status: 'missing', why: reason('positions.loading') });
  });

  it('the account panel missing: not on the page yet while loading, a broken selector once loaded', () => {
    loadPage(document, { account: null });
    const early = createHyperliquidReader(document, () => urlFor(), opts).read('full');
    expect(early.walletBalance).toMatchObject({ status: 'missing', why: reason('page.notLoadedYet', { item: 'walletBalance' }) });
    expect(readLoaded().walletBalance).toMatchObject({ status: 'missing', why: reason('page.selectorBroke', { item: 'walletBalance' }) });
  });
});

describe('positions list', () => {
  it('own and other rows, with mode, margin and the page liquidation price', () => {
    const s = snap({ current: '0.05000 BTC', positions: [btcLong, ethShort, { coin: 'kPEPE', lev: '5x', size: '10000.00000 kPEPE', entry: '0.012345', mark: '0.012500' }] });
    expect(value(s.ownPositions)).toEqual([
      { symbol: 'BTC', quoteAsset: 'USDC', side: 'long', size: '0.05000', sizeUnit: 'base', entryPrice: '59000', markPrice: '61000', marginMode: 'cross', leverage: '20', margin: '152.50', exchangeLiquidationPrice: '41234' },
    ]);
    expect(value(s.otherPositions)).toEqual([
      { symbol: 'ETH', quoteAsset: 'USDC', side: 'short', size: '2.00000', sizeUnit: 'base', entryPrice: '3100.0', markPrice: '3000.0', marginMode: 'isolated', leverage: '10', margin: '620.00', exchangeLiquidationPrice: '3401.5' },
      { symbol: 'kPEPE', quoteAsset: 'USDC', side: 'long', size: '10000.00000', sizeUnit: 'base', entryPrice: '0.012345', markPrice: '0.012500', marginMode: 'cross', leverage: '5', exchangeLiquidationPrice: null },
    ]);
    expect(s.ownPositions.raw).toBe('Positions (3)');
  });

  it("a builder-deployed market's row keeps out of the main pool: its quote asset is its dex", () => {
    const s = snap({ positions: [{ coin: 'xyz:TSLA', size: '1.00000 TSLA', entry: '250.00', mark: '251.00', margin: '$12.50 (Isolated)' }] });
    expect(s.otherPositions.value?.[0]).toMatchObject({ symbol: 'xyz:TSLA', quoteAsset: 'xyz', marginMode: 'isolated' });
  });

  it('an empty table is read (empty), never a failure', () => {
    const s = readLoadedAfter({ positions: [] });
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [], raw: 'Positions (0)' });
    expect(s.otherPositions).toMatchObject({ status: 'read', value: [] });
  });

  it('fewer rows than the tab count: incomplete; more: too many', () => {
    expect(snap({ positions: [ethShort], positionsTab: 'Positions (2)' }).otherPositions).toMatchObject({ status: 'missing', why: reason('positions.incomplete', { missing: 1, count: 2 }) });
    expect(snap({ positions: [ethShort], positionsTab: 'Positions (0)' }).otherPositions).toMatchObject({ status: 'ambiguous', why: reason('positions.tooMany', { rows: 1, count: 0 }) });
  });

  it('another tab selected (no positions table): unknown; a zero Current Position still says "no position here"', () => {
    const s = snap({ positions: null, positionsTab: 'Positions (1)' });
    expect(s.otherPositions).toMatchObject({ status: 'missing', why: reason('positions.tabNotSelected') });
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [], raw: '0.00000 BTC' });
  });

  it('another tab selected with a position on the coin: the own position stays unknown', () => {
    const s = snap({ positions: null, positionsTab: 'Positions (1)', current: '-0.01000 BTC' });
    expect(s.ownPositions).toMatchObject({ status: 'missing', why: reason('positions.tabNotSelected') });
  });

  it("the form's Current Position contradicts the table: the own position is ambiguous", () => {
    const s = snap({ positions: [btcLong], current: '-0.05000 BTC' });
    expect(s.ownPositions).toMatchObject({ status: 'ambiguous', why: reason('positions.ownMismatch', { shown: '-0.05000 BTC', rows: '0.05000' }) });
    expect(value(s.otherPositions)).toEqual([]);
    const none = snap({ positions: [ethShort], current: '0.05000 BTC' });
    expect(none.ownPositions).toMatchObject({ status: 'ambiguous', why: reason('positions.ownMismatch', { shown: '0.05000 BTC', rows: '0' }) });
  });

  it('a row whose size is in another coin, or whose margin mode is unknown: the list is unreadable', () => {
    expect(snap({ positions: [{ ...ethShort, size: '-2.00000 BTC' }] }).otherPositions).toMatchObject({
      status: 'ambiguous', why: reason('positions.rowUnreadable', { symbol: 'ETH', item: 'positionSize', text: '-2.00000 BTC' }),
    });
    expect(snap({ positions: [{ ...ethShort, margin: '$620.00 (Portfolio)' }] }).otherPositions).toMatchObject({
      status: 'ambiguous', why: { code: 'positions.rowUnreadable', params: { symbol: 'ETH', item: 'positionLeverage' } },
    });
  });

  it('header cells as th are read as well', () => {
    loadPage(document, { positions: [ethShort] });
    for (const td of Array.from(document.querySelectorAll('thead td'))) {
      const th = document.createElement('th');
      th.innerHTML = td.innerHTML;
      td.replaceWith(th);
    }
    const s = createHyperliquidReader(document, () => urlFor(), opts).read('full');
    expect(s.otherPositions.value?.map((r) => r.symbol)).toEqual(['ETH']);
  });

  it('a table without the Liq. Price column is not the positions table (e.g. Open Orders)', () => {
    loadPage(document, { positions: [ethShort] });
    const liq = Array.from(document.querySelectorAll('thead td')).find((td) => td.textContent === 'Liq. Price')!;
    liq.textContent = 'Price';
    const s = createHyperliquidReader(document, () => urlFor(), opts).read('full');
    expect(s.otherPositions).toMatchObject({ status: 'missing', why: reason('positions.tabNotSelected') });
  });
});

function readLoadedAfter(spec: PageSpec): FormSnapshot {
  loadPage(document, spec);
  return readLoaded();
}

describe('order type: every value input accounted for', () => {
  it('a price input whose label changed is not taken for a Market form', () => {
    loadPage(document, {});
    const label = Array.from(document.querySelectorAll('div')).find((d) => d.textContent === 'Price (USD)')!;
    label.textContent = 'Limit Price';
    const s = createHyperliquidReader(document, () => urlFor(), opts).read('full');
    expect(s.orderType).toMatchObject({ status: 'ambiguous', why: reason('page.orderTypeUnknown') });
    expect(s.price.status).toBe('missing');
  });

  it('a price input that lost its label row is not taken for a Market form either', () => {
    loadPage(document, {});
    Array.from(document.querySelectorAll('div')).find((d) => d.textContent === 'Price (USD)')!.remove();
    const s = createHyperliquidReader(document, () => urlFor(), opts).read('full');
    expect(s.orderType).toMatchObject({ status: 'ambiguous', why: reason('page.orderTypeUnknown') });
  });

  it('TP and SL rows are known inputs: a checked TP/SL box leaves the order type as it is', () => {
    expect(value(snap({ type: 'market', tp: '65000', sl: '' }).orderType)).toBe('market');
  });

  it('two margin-mode buttons in the root: margin mode ambiguous', () => {
    const s = snap({ rootExtra: '<button>Isolated</button>' });
    expect(s.marginMode).toMatchObject({ status: 'ambiguous', why: reason('page.several', { item: 'marginMode', count: 2 }) });
  });

  it('two Current Position pairs: the own position is not read', () => {
    const s = snap({ positions: [btcLong], current: '0.05000 BTC', rootExtra: '<div><div>Current Position</div><div>0.05000 BTC</div></div>' });
    expect(s.ownPositions).toMatchObject({ status: 'ambiguous', why: reason('page.several', { item: 'currentPosition', count: 2 }) });
  });
});

describe('createHyperliquidReader: what a form read reuses', () => {
  const setBalance = (text: string) => {
    const label = Array.from(document.querySelectorAll('div')).find((d) => d.textContent === 'Balance')!;
    label.nextElementSibling!.textContent = text;
  };
  const setSize = (text: string) => {
    const label = Array.from(document.querySelectorAll('div')).find((d) => d.textContent === 'Size' && d.nextElementSibling?.tagName === 'INPUT')!;
    (label.nextElementSibling as HTMLInputElement).value = text;
  };

  it("a 'form' read reads the form afresh and keeps the account reading; a 'full' read refreshes it", () => {
    loadPage(document, {});
    const reader = createHyperliquidReader(document, () => urlFor(), opts);
    expect(value(reader.read('full').walletBalance)).toBe('10000.00');
    setBalance('$9,000.00');
    setSize('0.02000');
    const typed = reader.read('form');
    expect(value(typed.quantity)).toBe('0.02000');
    expect(value(typed.walletBalance)).toBe('10000.00');
    expect(value(reader.read('full').walletBalance)).toBe('9000.00');
  });

  it("a 'form' read after the login state changed reads the whole page again", () => {
    loadPage(document, {});
    const reader = createHyperliquidReader(document, () => urlFor(), opts);
    reader.read('full');
    document.querySelector('.sc-kAyceB button[color="primary"]')!.textContent = 'Connect';
    setBalance('--');
    const out = reader.read('form');
    expect(value(out.loggedIn)).toBe(false);
    expect(out.walletBalance).toMatchObject({ status: 'missing', why: reason('page.loginToSee', { item: 'walletBalance' }) });
  });

  it('outsideParts: the pairs and #accountTable are watched, settled once all are there', () => {
    loadPage(document, { account: null });
    const reader = createHyperliquidReader(document, () => urlFor(), opts);
    reader.read('full');
    expect(reader.outsideParts().settled).toBe(false);
    loadPage(document, {});
    reader.read('full');
    const parts = reader.outsideParts();
    expect(parts.settled).toBe(true);
    expect(parts.watch).toContain(document.querySelector('#accountTable'));
    expect(parts.watch.some((el) => el.textContent?.startsWith('Mark'))).toBe(true);
    // The ticker's last price is not watched: only the Mark pair itself.
    expect(parts.watch).not.toContain(document.querySelector('#marketData'));
  });
});
