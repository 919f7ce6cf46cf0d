/**
 * The Binance USDⓈ-M adapter against its stand-in page (tests/sites/binance-usdm), run by the adapter test kit
 * (tests/adapters/kit/standin.ts: headless Chromium under the real address, the adapter injected, the page
 * driven through the stand-in's runtime API, which the adapter never sees). One browser for the whole file.
 */
import { describe, expect, it } from 'vitest';
import type { PositionRow } from '../../../src/contracts/snapshot';
import { reason } from '../../../src/contracts/reasons';
import { expectMax, expectNum, expectRead, expectWhy } from '../kit/expect';
import {
  assetModeCases, formFirstCase, hydrationCase, loggedOutCase, marginModeCase, marketOrderCase, numberFormatCases, rerenderCases, seedCases, silentWriteCase, symbolSwitchCases, tpslCase,
} from '../kit/scenarios';
import { useStandin } from '../kit/standin';
import { STANDIN } from './standin-spec';

const si = useStandin(STANDIN);

describe('locales and number formats', () => {
  it.each([
    ['en', 'Cross', '61000.5'],
    ['zh-CN', '全仓', '61000.5'],
    ['pt-BR', 'Cruzada', '61000,5'],
  ])('%s: form, account and header in the page language', async (locale, crossWord, rawPrice) => {
    await si.open({ price: '61000.5', qty: '0.25', wallet: '12345.67', avail: '7654.32', upnl: '-45.6', mm: '12.34', mr: '0.52', maxbuy: '2.621', maxsell: '1.5', lev: 25 }, `${locale}/futures/BTCUSDT`);
    const s = await si.read();
    expectRead(s.form, true);
    expectRead(s.symbol, 'BTCUSDT');
    expectRead(s.loggedIn, true);
    expectRead(s.orderType, 'limit');
    expectNum(s.price, '61000.5', 'price');
    expect(s.price.raw).toBe(rawPrice);
    expectNum(s.quantity, '0.25', 'qty');
    expectRead(s.quantityUnit, 'base');
    expectRead(s.leverage, '25');
    expectRead(s.marginMode, 'cross');
    expect(s.leverage.raw).toBe(`${crossWord} 25x`);
    expectNum(s.available, '7654.32', 'avail');
    expectMax(s.maxBuy, '2.621', 'base', 'maxBuy');
    expectMax(s.maxSell, '1.5', 'base', 'maxSell');
    expectNum(s.walletBalance, '12345.67', 'wallet');
    expectNum(s.marginBalance, '12300.07', 'margin balance');
    expectNum(s.unrealizedPnl, '-45.6', 'upnl');
    expectNum(s.maintenanceMargin, '12.34', 'mm');
    expectNum(s.marginRatio, '0.52', 'mr');
    expectNum(s.markPrice, '61000', 'mark');
    expectRead(s.assetMode, 'single');
    expectRead(s.ownPositions, []);
    expectRead(s.otherPositions, []);
  });

  numberFormatCases(si, {
    commaPath: 'pt-BR/futures/BTCUSDT',
    commaRefused: ['price', 'available', 'walletBalance', 'markPrice'],
    commaStill: (s) => expectRead(s.leverage, '20'),
    dotRefused: ['price', 'markPrice'],
  });

});

describe('units, modes and order types', () => {
  it('quote unit: notional stays quote; Max reported as shown, in quote (base × mark)', async () => {
    await si.open({ unit: 'quote', qty: '1500.5', maxbuy: '2.621', maxsell: '0.5' });
    const s = await si.read();
    expectNum(s.quantity, '1500.5');
    expectRead(s.quantityUnit, 'quote');
    expect(s.maxBuy.raw).toMatch(/USDT$/);
    expectMax(s.maxBuy, '159881', 'quote');
    expectMax(s.maxSell, '30500', 'quote');
  });

  it('percent unit: quantity 25, unit percent', async () => {
    await si.open({ unit: 'percent', qty: '25', maxbuy: '2' });
    const s = await si.read();
    expectNum(s.quantity, '25');
    expectRead(s.quantityUnit, 'percent');
    expectMax(s.maxBuy, '2', 'base');
  });

  it('the slider writes a percent the adapter reads', async () => {
    await si.open({ maxbuy: '2' });
    await si.call('s.slider(40)');
    const s = await si.read();
    expectNum(s.quantity, '40');
    expectRead(s.quantityUnit, 'percent');
  });

  marginModeCase(si, [['isolated', 5], ['cross', 1], ['isolated', 125], ['cross', 50]]);

  marketOrderCase(si, { title: 'market order: no price, the header mark', qty: '0.1' });

  it('a dated delivery contract is served but unsupported', async () => {
    await si.open({}, 'en/futures/BTCUSDT_250926');
    const s = await si.read();
    expectRead(s.form, true);
    expectWhy(s.symbol, 'unsupported', reason('page.datedContract', { symbol: 'BTCUSDT_250926' }));
  });

  it('conditional order type is unsupported', async () => {
    await si.open({ type: 'conditional' });
    expect((await si.read()).orderType).toMatchObject({ status: 'unsupported', why: { code: 'page.notSupported', params: { item: 'orderType' } } });
  });

  it('hedge Open, then Close with the closeable sizes as Max', async () => {
    const pos = 'BTCUSDT,long,0.5,60000,61000,cross,20;BTCUSDT,short,0.2,62000,61000,cross,20';
    await si.open({ posmode: 'hedge', pos });
    let s = await si.read();
    expectRead(s.positionMode, 'hedge');
    expectRead(s.action, 'open');
    await si.apply({ action: 'close' });
    s = await si.read();
    expectRead(s.action, 'close');
    expectMax(s.maxSell, '0.5', 'base', 'closeable long');
    expectMax(s.maxBuy, '0.2', 'base', 'closeable short');
    expect(s.ownPositions.value?.map((p) => [p.side, p.size])).toEqual([['long', '0.500'], ['short', '0.200']]);
    expectRead(s.otherPositions, []);
  });

  silentWriteCase(si, '61000.5');

  seedCases(si, {
    title: 'seed %i: U hooks, decoys and stale copies drawn afresh, same reading',
    params: () => ({ posmode: 'hedge', pos: 'BTCUSDT,long,0.5,60000,61000,isolated,7,4357.14,52345.6', qty: '0.5' }),
    check: (s) => {
      expectRead(s.positionMode, 'hedge');
      expectRead(s.ownPositions, [
        { symbol: 'BTCUSDT', quoteAsset: 'USDT', side: 'long', size: '0.500', sizeUnit: 'base', entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'isolated', leverage: '7', margin: '4357.14', exchangeLiquidationPrice: '52345.6' },
      ]);
      expectRead(s.otherPositions, []);
    },
  });

  tpslCase(si);

  assetModeCases(si, 'asset mode %s', [['multi', 'multi'], ['portfolio', 'portfolio']]);
});

describe('positions', () => {
  const pos = 'BTCUSDT,long,0.5,60000,61000,cross,20;ETHUSDT,short,3,3000,2950,isolated,10,900,3268.5;SOLUSDT,long,12,150,155,isolated,5,360,120.25';

  // Sizes as the Size column shows them: base at lot decimals, or the notional (size × row mark) in quote.
  const sizes = {
    base: ['0.500', '3.000', '12.000'],
    quote: ['30500.0', '8850.00', '1860.00'],
  } as const;

  it.each(['base', 'quote'] as const)('several rows, size unit %s', async (unit) => {
    await si.open({ pos, unit });
    const s = await si.read();
    expect(s.ownPositions.status, JSON.stringify(s.ownPositions)).toBe('read');
    expect(s.otherPositions.status, JSON.stringify(s.otherPositions)).toBe('read');
    const [btc, eth, sol] = sizes[unit];
    expect(s.ownPositions.value).toEqual([
      { symbol: 'BTCUSDT', quoteAsset: 'USDT', side: 'long', size: btc, sizeUnit: unit, entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'cross', leverage: '20', exchangeLiquidationPrice: null },
    ]);
    expect(s.otherPositions.value).toEqual([
      { symbol: 'ETHUSDT', quoteAsset: 'USDT', side: 'short', size: eth, sizeUnit: unit, entryPrice: '3000.00', markPrice: '2950.00', marginMode: 'isolated', leverage: '10', margin: '900.00', exchangeLiquidationPrice: '3268.50' },
      { symbol: 'SOLUSDT', quoteAsset: 'USDT', side: 'long', size: sol, sizeUnit: unit, entryPrice: '150.00', markPrice: '155.00', marginMode: 'isolated', leverage: '5', margin: '360.00', exchangeLiquidationPrice: '120.25' },
    ]);
  });

  it('pt-BR positions with quote sizes', async () => {
    await si.open({ pos, unit: 'quote' }, 'pt-BR/futures/BTCUSDT');
    const s = await si.read();
    const rows: PositionRow[] = [...(s.ownPositions.value ?? []), ...(s.otherPositions.value ?? [])];
    expect(rows.map((p) => [p.symbol, p.side, p.size, p.sizeUnit, p.entryPrice])).toEqual([
      ['BTCUSDT', 'long', '30500.0', 'quote', '60000.0'],
      ['ETHUSDT', 'short', '8850.00', 'quote', '3000.00'],
      ['SOLUSDT', 'long', '1860.00', 'quote', '150.00'],
    ]);
  });

  it("Hide Other Symbols: this symbol's own positions read, the others hidden", async () => {
    await si.open({ pos, hideother: 1 });
    const s = await si.read();
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [{ symbol: 'BTCUSDT', side: 'long', size: '0.500' }], raw: 'Positions(1)' });
    expectWhy(s.otherPositions, 'missing', reason('positions.othersHidden'));
  });

  it('Hide Other Symbols with no position on this symbol: an empty own list (Positions(0)), the others hidden', async () => {
    await si.open({ pos: 'ETHUSDT,short,3,3000,2950,isolated,10,900,3268.5', hideother: 1 });
    const s = await si.read();
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [], raw: 'Positions(0)' });
    expectWhy(s.otherPositions, 'missing', reason('positions.othersHidden'));
  });

  it('the Open Orders tab selected: both lists unknown', async () => {
    await si.open({ pos, hideother: 1 });
    await si.page.evaluate(() => {
      const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => /^Open Orders/.test(t.textContent ?? ''));
      (tab as HTMLElement).click();
    });
    const s = await si.read();
    expectWhy(s.ownPositions, 'missing', reason('positions.tabNotSelected'));
    expectWhy(s.otherPositions, 'missing', reason('positions.tabNotSelected'));
  });

  loggedOutCase(si, {
    title: 'logged out: isolated inputs read, the rest says log in',
    params: { pos, qty: '0.2' },
    inputs: (s) => expectNum(s.quantity, '0.2'),
    loginToSee: [['available', 'available'], ['maxBuy', 'maxBuy'], ['walletBalance', 'walletBalance'], ['ownPositions', 'positions'], ['otherPositions', 'positions'], ['assetMode', 'assetMode']],
  });
});

describe('timing: hydration, re-renders, stale copies, navigation', () => {
  hydrationCase(si, { params: { pos: 'ETHUSDT,short,3,3000,2950,isolated,10,900,3268.5' } });

  formFirstCase(si, {
    pos: 'BTCUSDT,long,0.5,60000,61000,cross,20',
    notYet: ['walletBalance', 'ownPositions'],
    balance: 'walletBalance',
    own: [
      { symbol: 'BTCUSDT', quoteAsset: 'USDT', side: 'long', size: '0.500', sizeUnit: 'base', entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'cross', leverage: '20', exchangeLiquidationPrice: null },
    ],
  });

  rerenderCases(si, {
    params: { qty: '0.123', maxbuy: '1.5' },
    check: (s) => {
      expectNum(s.quantity, '0.123');
      expectMax(s.maxBuy, '1.5', 'base');
    },
  });

  it('rerender() keeps the values', async () => {
    await si.open({ price: '60500', qty: '0.3' });
    const before = await si.read();
    await si.call('s.rerender()');
    const after = await si.read();
    expect(after.price).toEqual(before.price);
    expect(after.quantity).toEqual(before.quantity);
    expect(after.leverage).toEqual(before.leverage);
  });

  symbolSwitchCases(si, { params: { qty: '0.25' }, from: 'BTCUSDT', to: 'ETHUSDT', unitRaw: (eth) => (eth ? 'ETH' : 'BTC') });
});
