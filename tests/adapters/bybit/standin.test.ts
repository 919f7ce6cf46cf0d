/**
 * The Bybit adapter against its stand-in page (tests/sites/bybit), run by the adapter test kit
 * (tests/adapters/kit/standin.ts: headless Chromium under the real address, the adapter injected, the page
 * driven through the stand-in's runtime API, which the adapter never sees). One browser for the whole file.
 */
import { describe, expect, it } from 'vitest';
import { reason } from '../../../src/contracts/reasons';
import { brokenFields, expectNum, expectRead, expectWhy } from '../kit/expect';
import {
  formFirstCase, hydrationCase, loggedOutCase, marginModeCase, marketOrderCase, numberFormatCases, rerenderCases, seedCases, silentWriteCase, symbolSwitchCases,
} from '../kit/scenarios';
import { useStandin } from '../kit/standin';
import { STANDIN } from './standin-spec';

const si = useStandin(STANDIN);

const POS = 'BTCUSDT,long,0.5,60000,61000,cross,20,1525,52345.6;ETHUSDT,short,3,3000,2950,isolated,10,900,3268.5;SOLUSDT,long,12,150,155,cross,5,360';

describe('locales and number formats', () => {
  it.each([
    ['en-US', 'Cross', '61000.5', '25.00x'],
    ['zh-MY', '全仓', '61000.5', '25.00x'],
    ['pt-BR', 'Cruzada', '61000,5', '25,00x'],
  ])('%s: form, account and header in the page language', async (prefix, crossWord, rawPrice, rawLev) => {
    await si.open({ price: '61000.5', qty: '0.25', wallet: '12345.67', upnl: '-45.6', avail: '7654.32', mm: '12.34', lev: 25 }, `${prefix}/trade/usdt/BTCUSDT`);
    const s = await si.read();
    expectRead(s.form, true);
    expectRead(s.symbol, 'BTCUSDT');
    expectRead(s.loggedIn, true);
    expectRead(s.orderType, 'limit');
    expectNum(s.price, '61000.5', 'price');
    expect(s.price.raw).toBe(rawPrice);
    expectNum(s.quantity, '0.25', 'qty');
    expectRead(s.quantityUnit, 'base');
    expect(s.leverage).toMatchObject({ status: 'read', value: '25', raw: rawLev });
    expect(s.marginMode).toMatchObject({ status: 'read', value: 'cross', raw: crossWord });
    expectRead(s.assetMode, 'single');
    expectNum(s.available, '7654.32', 'avail');
    expectNum(s.marginBalance, '12300.07', 'margin balance');
    expectNum(s.walletBalance, '12300.07', 'wallet (no position open)');
    expectNum(s.maintenanceMargin, '12.34', 'mm');
    expectNum(s.markPrice, '61000', 'mark');
    expectRead(s.ownPositions, []);
    expectRead(s.otherPositions, []);
    expect(brokenFields(s)).toEqual([]);
  });

  numberFormatCases(si, {
    commaPath: 'pt-BR/trade/usdt/BTCUSDT',
    commaRefused: ['price', 'available', 'marginBalance', 'markPrice', 'leverage'],
    dotRefused: ['price', 'leverage', 'markPrice'],
  });

});

describe('units, modes and order types', () => {
  it('Qty, Value and Cost: the number as typed, its unit from the mode', async () => {
    await si.open({ unit: 'quote', qty: '1500.5' });
    let s = await si.read();
    expectNum(s.quantity, '1500.5');
    expectRead(s.quantityUnit, 'quote');
    await si.apply({ unit: 'cost', qty: '250' });
    s = await si.read();
    expectNum(s.quantity, '250');
    expectRead(s.quantityUnit, 'cost');
    expectRead(s.symbol, 'BTCUSDT');
  });

  it('the slider writes an amount in the current mode', async () => {
    await si.open({ maxbuy: '2', price: '60000' });
    await si.call('s.slider(40)');
    let s = await si.read();
    expectNum(s.quantity, '0.8');
    expectRead(s.quantityUnit, 'base');
    await si.apply({ unit: 'quote' });
    await si.call('s.slider(10)');
    s = await si.read();
    expectNum(s.quantity, '12000');
    expectRead(s.quantityUnit, 'quote');
  });

  marginModeCase(si, [['isolated', 5], ['cross', 1], ['isolated', 100], ['cross', 50]]);

  it('hedge + isolated with different side leverages: the leverage is not supported; equal ones are read', async () => {
    await si.open({ posmode: 'hedge', mode: 'isolated', lev: 20, 'lev-short': 5 });
    let s = await si.read();
    expect(s.leverage).toMatchObject({ status: 'unsupported', why: reason('page.sideLeverages', { long: '20.00', short: '5.00' }) });
    await si.apply({ 'lev-short': 20 });
    s = await si.read();
    expectRead(s.leverage, '20');
  });

  it('portfolio margin: the asset mode says so, the margin mode is not supported', async () => {
    await si.open({ assetmode: 'portfolio' });
    const s = await si.read();
    expectRead(s.assetMode, 'portfolio');
    expect(s.marginMode.status).toBe('unsupported');
  });

  marketOrderCase(si, { title: 'market order: no price, the header mark', qty: '0.1' });

  it('conditional order type is unsupported', async () => {
    await si.open({ type: 'conditional' });
    expect((await si.read()).orderType).toMatchObject({ status: 'unsupported', why: { code: 'page.notSupported', params: { item: 'orderType' } } });
  });

  it('hedge Open, then Close (the buy button closes the short)', async () => {
    const pos = 'BTCUSDT,long,0.5,60000,61000,cross,20;BTCUSDT,short,0.2,62000,61000,cross,20';
    await si.open({ posmode: 'hedge', pos });
    let s = await si.read();
    expectRead(s.positionMode, 'hedge');
    expectRead(s.action, 'open');
    expectRead(s.reduceOnly, false);
    expect(await si.submit()).toEqual({ long: ['Open Long'], short: ['Open Short'] });
    await si.apply({ action: 'close' });
    s = await si.read();
    expectRead(s.action, 'close');
    expect(await si.submit()).toEqual({ long: ['Close Short'], short: ['Close Long'] });
    expect(s.ownPositions.value?.map((p) => [p.side, p.size])).toEqual([['long', '0.500'], ['short', '0.200']]);
    expectRead(s.otherPositions, []);
  });

  silentWriteCase(si, '61000.5');

  it('TP/SL values, only while the box is checked', async () => {
    await si.open({ tp: '65000', sl: '58000.5' });
    let s = await si.read();
    expectNum(s.takeProfit, '65000');
    expectNum(s.stopLoss, '58000.5');
    await si.page.click('.si-form-slot label');
    s = await si.read();
    expectWhy(s.takeProfit, 'missing', reason('page.tpslOff'));
  });

  seedCases(si, {
    title: 'seed %i: U hooks, decoys, stale copies and column order drawn afresh, same reading',
    params: () => ({ pos: POS, qty: '0.5', stale: 1 }),
    check: (s) => {
      expectRead(s.ownPositions, [
        { symbol: 'BTCUSDT', quoteAsset: 'USDT', side: 'long', size: '0.500', sizeUnit: 'base', entryPrice: '60000.00', markPrice: '61000.00', marginMode: 'cross', leverage: '20', margin: '1525.00', exchangeLiquidationPrice: '52345.60' },
      ]);
      expect(s.otherPositions.value?.map((p) => [p.symbol, p.side, p.size, p.marginMode, p.leverage, p.margin ?? null, p.exchangeLiquidationPrice])).toEqual([
        ['ETHUSDT', 'short', '3.000', 'isolated', '10', '900.00', '3268.50'],
        ['SOLUSDT', 'long', '12.000', 'cross', '5', '360.00', null],
      ]);
      expectWhy(s.walletBalance, 'missing', reason('page.walletNotShown'));
    },
  });

});

describe('positions', () => {
  it('virtualised rows (si-virtual): fewer rows than the count, so no position is known', async () => {
    await si.open({ pos: POS, virtual: 2 });
    const s = await si.read();
    expectWhy(s.ownPositions, 'missing', reason('positions.incomplete', { missing: 1, count: 3 }));
    expectWhy(s.otherPositions, 'missing', reason('positions.incomplete', { missing: 1, count: 3 }));
    await si.apply({ virtual: 'all' });
    expect((await si.read()).otherPositions.status).toBe('read');
  });

  it('the Current Orders tab selected: both lists unknown', async () => {
    await si.open({ pos: POS, orders: 'BTCUSDT,buy,limit,59000,0.1' });
    await si.page.evaluate(() => {
      const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => /^Current Orders/.test(t.textContent ?? ''));
      (tab as HTMLElement).click();
    });
    const s = await si.read();
    expectWhy(s.ownPositions, 'missing', reason('positions.tabNotSelected'));
    expectWhy(s.otherPositions, 'missing', reason('positions.tabNotSelected'));
  });

  loggedOutCase(si, {
    title: 'logged out: isolated inputs read, the rest says log in',
    params: { pos: POS, qty: '0.2' },
    inputs: (s) => expectNum(s.quantity, '0.2'),
    loginToSee: [['available', 'available'], ['marginBalance', 'marginBalance'], ['ownPositions', 'positions'], ['otherPositions', 'positions']],
    after: async () => expect(await si.outside()).toMatchObject({ settled: true }),
  });
});

describe('timing: hydration, re-renders, stale copies, navigation', () => {
  hydrationCase(si, { params: { pos: 'ETHUSDT,short,3,3000,2950,isolated,10,900,3268.5' } });

  formFirstCase(si, {
    pos: 'BTCUSDT,long,0.5,60000,61000,cross,20',
    notYet: ['marginBalance', 'ownPositions'],
    balance: 'marginBalance',
    own: [{ symbol: 'BTCUSDT', side: 'long', size: '0.500' }],
  });

  rerenderCases(si, {
    params: { qty: '0.123', tp: '65000' },
    check: (s) => {
      expectNum(s.quantity, '0.123');
      expectNum(s.takeProfit, '65000');
    },
  });

  symbolSwitchCases(si, { params: { qty: '0.25' }, from: 'BTCUSDT', to: 'ETHUSDT', unitRaw: (eth) => (eth ? 'Order by Qty (ETH)' : 'Order by Qty (BTC)') });
});
