/**
 * The Hyperliquid adapter against its stand-in page (tests/sites/hyperliquid), run by the adapter test kit
 * (tests/adapters/kit/standin.ts: headless Chromium under the real address, the adapter injected, the page
 * driven through the stand-in's runtime API, which the adapter never sees). One browser for the whole file.
 */
import { describe, expect, it } from 'vitest';
import { reason } from '../../../src/contracts/reasons';
import { expectNum, expectRead, expectWhy } from '../kit/expect';
import {
  assetModeCases, formFirstCase, hydrationCase, loggedOutCase, marginModeCase, marketOrderCase, numberFormatCases, rerenderCases, seedCases, silentWriteCase, symbolSwitchCases,
} from '../kit/scenarios';
import { useStandin } from '../kit/standin';
import { STANDIN } from './standin-spec';

const si = useStandin(STANDIN);

describe('locales and number formats', () => {
  it.each([
    ['en', 'Cross', '60000.5', 'trade/BTC'],
    ['zh-CN', '全仓', '60000.5', 'trade/BTC'],
    ['pt-BR', 'Cruzada', '60000,5', 'trade/BTC'],
  ])('%s: form, account panel and ticker in the page language', async (locale, crossWord, rawPrice, path) => {
    await si.open({ locale, price: '60000.5', qty: '0.25', wallet: '12345.67', avail: '7654.32', upnl: '-45.6', mm: '12.34', mr: '0.52', lev: 25 }, path);
    const s = await si.read();
    expectRead(s.form, true);
    expectRead(s.symbol, 'BTC');
    expectRead(s.loggedIn, true);
    expectRead(s.sides, ['long']);
    expectRead(s.orderType, 'limit');
    expectNum(s.price, '60000.5', 'price');
    expect(s.price.raw).toBe(rawPrice);
    expectNum(s.quantity, '0.25', 'qty');
    expectRead(s.quantityUnit, 'base');
    expectRead(s.leverage, '25');
    expectRead(s.marginMode, 'cross');
    expect(s.marginMode.raw).toBe(crossWord);
    expectRead(s.reduceOnly, false);
    expectNum(s.available, '7654.32', 'avail');
    expectNum(s.walletBalance, '12345.67', 'wallet');
    expectNum(s.unrealizedPnl, '-45.6', 'upnl');
    expectNum(s.marginBalance, '12300.07', 'account value');
    expectNum(s.maintenanceMargin, '12.34', 'mm');
    expectNum(s.marginRatio, '0.52', 'mr');
    expectNum(s.markPrice, '61000', 'mark');
    expectRead(s.assetMode, 'single');
    expectRead(s.ownPositions, []);
    expectRead(s.otherPositions, []);
    expect(await si.submit()).toEqual({ long: [locale === 'en' ? 'Place Order' : locale === 'zh-CN' ? '下单' : 'Enviar Ordem'], short: [] });
  });

  numberFormatCases(si, {
    commaParams: { locale: 'pt-BR' },
    commaRefused: ['price', 'available', 'walletBalance', 'markPrice'],
    commaStill: (s) => expectRead(s.leverage, '20'),
    dotRefused: ['price', 'walletBalance'],
  });

});

describe('side, units, modes and order types', () => {
  it('the Sell toggle: only the short side, the submit button is the short side\'s', async () => {
    await si.open({ side: 'sell' });
    expectRead((await si.read()).sides, ['short']);
    expect(await si.submit()).toEqual({ long: [], short: ['Place Order'] });
    // A click on the Buy toggle re-renders the form with Buy selected.
    await si.page.evaluate(() => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Buy / Long' && x.getClientRects().length > 0 && !x.closest('[hidden],[aria-hidden="true"]') && getComputedStyle(x).visibility === 'visible');
      b!.click();
    });
    expectRead((await si.read()).sides, ['long']);
  });

  it('USDC unit: the notional, reported as quote', async () => {
    await si.open({ unit: 'quote', qty: '1500.5' });
    const s = await si.read();
    expectNum(s.quantity, '1500.5');
    expectRead(s.quantityUnit, 'quote');
    expect(s.quantityUnit.raw).toBe('USDC');
  });

  it('the slider writes a size into Size, read as the coin amount', async () => {
    await si.open({ maxbuy: '2' });
    expect(await si.call('s.slider(40)')).toBe(true);
    const s = await si.read();
    expectNum(s.quantity, '0.8');
    expectRead(s.quantityUnit, 'base');
  });

  marginModeCase(si, [['isolated', 5], ['cross', 1], ['isolated', 50], ['cross', 40]]);

  marketOrderCase(si, { title: 'Market: no price, the ticker mark', qty: '0.1' });

  it('Pro is not supported', async () => {
    await si.open({ type: 'conditional' });
    expectWhy((await si.read()).orderType, 'unsupported', reason('page.notSupported', { item: 'orderType', text: 'Trigger Price' }));
  });

  it('TP/SL values and Reduce Only (a click on its box)', async () => {
    await si.open({ tp: '65000', sl: '58000.5' });
    let s = await si.read();
    expectNum(s.takeProfit, '65000');
    expectNum(s.stopLoss, '58000.5');
    await si.page.evaluate(() => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Reduce Only' && l.getClientRects().length > 0 && !l.closest('[hidden],[aria-hidden="true"]') && getComputedStyle(l).visibility === 'visible');
      label!.querySelector('input')!.click();
    });
    s = await si.read();
    expectRead(s.reduceOnly, true);
  });

  silentWriteCase(si, '61000');

  assetModeCases(si, 'account mode %s: read as %s', [['multi', 'unified'], ['portfolio', 'portfolio']]);

  it('Enable Trading: logged in, no order button to guard', async () => {
    await si.open({ auth: 'noagent' });
    const s = await si.read();
    expectRead(s.loggedIn, true);
    expectNum(s.available, '8000');
    expect(await si.submit()).toEqual({ long: [], short: [] });
  });

  seedCases(si, {
    title: 'seed %i: randomised hooks, decoys and stale copies drawn afresh, same reading',
    params: (seed) => ({ pos: 'BTC,long,0.5,60000,61000,isolated,7,4357.14,52345.6', qty: '0.5', side: seed % 2 ? 'sell' : 'buy' }),
    check: (s, seed) => {
      expectRead(s.sides, [seed % 2 ? 'short' : 'long']);
      expectRead(s.ownPositions, [
        { symbol: 'BTC', quoteAsset: 'USDC', side: 'long', size: '0.50000', sizeUnit: 'base', entryPrice: '60000', markPrice: '61000', marginMode: 'isolated', leverage: '7', margin: '4357.14', exchangeLiquidationPrice: '52345.6' },
      ]);
      expectRead(s.otherPositions, []);
    },
  });

});

describe('symbol', () => {
  it('/trade without a coin: the title\'s coin', async () => {
    await si.open({}, 'trade/ETH');
    await si.open({ price: '3000' }, 'trade');
    const s = await si.read();
    expectRead(s.symbol, 'ETH');
    expectNum(s.markPrice, '3000');
  });

  it('a builder-deployed market is read but not supported yet', async () => {
    await si.open({ pos: 'xyz:TSLA,long,1,250,251,isolated,5' }, 'trade/xyz:TSLA');
    const s = await si.read();
    expectWhy(s.symbol, 'unsupported', reason('page.builderMarket', { symbol: 'xyz:TSLA' }));
    expectRead(s.quantityUnit, 'base');
    expect(s.quantityUnit.raw).toBe('TSLA');
  });
});

describe('positions', () => {
  const pos = 'BTC,long,0.5,60000,61000,cross,20;ETH,short,3,3000,2950,isolated,10,900,3268.5;SOL,long,12,150,155,isolated,5,360,120.25';

  it('several rows: own and others, sizes in the coin', async () => {
    await si.open({ pos });
    const s = await si.read();
    expectRead(s.ownPositions, [
      { symbol: 'BTC', quoteAsset: 'USDC', side: 'long', size: '0.50000', sizeUnit: 'base', entryPrice: '60000', markPrice: '61000', marginMode: 'cross', leverage: '20', exchangeLiquidationPrice: null },
    ]);
    expectRead(s.otherPositions, [
      { symbol: 'ETH', quoteAsset: 'USDC', side: 'short', size: '3.00000', sizeUnit: 'base', entryPrice: '3000.0', markPrice: '2950.0', marginMode: 'isolated', leverage: '10', margin: '900.00', exchangeLiquidationPrice: '3268.5' },
      { symbol: 'SOL', quoteAsset: 'USDC', side: 'long', size: '12.00000', sizeUnit: 'base', entryPrice: '150.00', markPrice: '155.00', marginMode: 'isolated', leverage: '5', margin: '360.00', exchangeLiquidationPrice: '120.25' },
    ]);
  });

  it('the USDC unit does not change the table (sizes stay in the coin)', async () => {
    await si.open({ pos, unit: 'quote' });
    const s = await si.read();
    expect(s.otherPositions.value?.map((r) => [r.symbol, r.size, r.sizeUnit])).toEqual([['ETH', '3.00000', 'base'], ['SOL', '12.00000', 'base']]);
  });

  it('another tab selected: the others unknown; the own position known from a zero Current Position', async () => {
    await si.open({ pos: 'ETH,short,3,3000,2950,isolated,10,900,3268.5' });
    await si.page.evaluate(() => {
      const tab = [...document.querySelectorAll('#accountTable *')].find((t) => t.textContent === 'Trade History');
      (tab as HTMLElement).click();
    });
    const s = await si.read();
    expectWhy(s.otherPositions, 'missing', reason('positions.tabNotSelected'));
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [], raw: '0.00000 BTC' });
  });

  it('another tab selected with a position on the coin: the own position unknown', async () => {
    await si.open({ pos });
    await si.page.evaluate(() => {
      const tab = [...document.querySelectorAll('#accountTable *')].find((t) => t.textContent === 'Open Orders (0)');
      (tab as HTMLElement).click();
    });
    const s = await si.read();
    expectWhy(s.ownPositions, 'missing', reason('positions.tabNotSelected'));
    expectWhy(s.otherPositions, 'missing', reason('positions.tabNotSelected'));
  });

  loggedOutCase(si, {
    title: 'logged out: the inputs read, the rest says log in',
    params: { pos, qty: '0.2' },
    inputs: (s) => expectNum(s.quantity, '0.2'),
    loginToSee: [['available', 'available'], ['walletBalance', 'walletBalance'], ['assetMode', 'assetMode'], ['ownPositions', 'positions'], ['otherPositions', 'positions']],
    after: async () => expect(await si.submit()).toEqual({ long: [], short: [] }),
  });
});

describe('timing: hydration, re-renders, stale copies, navigation', () => {
  hydrationCase(si, { params: { pos: 'ETH,short,3,3000,2950,isolated,10,900,3268.5' } });

  formFirstCase(si, {
    pos: 'BTC,long,0.5,60000,61000,cross,20',
    notYet: ['walletBalance', 'ownPositions'],
    balance: 'walletBalance',
    own: [
      { symbol: 'BTC', quoteAsset: 'USDC', side: 'long', size: '0.50000', sizeUnit: 'base', entryPrice: '60000', markPrice: '61000', marginMode: 'cross', leverage: '20', exchangeLiquidationPrice: null },
    ],
  });

  rerenderCases(si, {
    params: { qty: '0.123', side: 'sell' },
    check: (s) => {
      expectRead(s.sides, ['short']);
      expectNum(s.quantity, '0.123');
    },
  });

  symbolSwitchCases(si, { params: { qty: '0.25' }, from: 'BTC', to: 'ETH', unitRaw: (eth) => (eth ? 'ETH' : 'BTC') });
});
