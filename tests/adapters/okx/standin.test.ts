/**
 * The OKX swap adapter against its stand-in page (tests/sites/okx), run by the adapter test kit
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
    ['', 'Cross', '61000.5', 'Contracts'],
    ['zh-hans/', '全仓', '61000.5', '张'],
    ['pt-br/', 'Cruzada', '61000,5', 'Contratos'],
  ])('"%s": form, account and header in the page language', async (prefix, crossWord, rawPrice, contracts) => {
    await si.open({ price: '61000.5', qty: '25', wallet: '12345.67', avail: '7654.32', upnl: '-45.6', mm: '12.34', mr: '8131.2', maxbuy: '2.621', maxsell: '1.5', lev: 25 },
      `${prefix}trade-swap/btc-usdt-swap`);
    const s = await si.read();
    expectRead(s.form, true);
    expectRead(s.symbol, 'BTC-USDT-SWAP');
    expectRead(s.loggedIn, true);
    expectRead(s.orderType, 'limit');
    expectNum(s.price, '61000.5', 'price');
    expect(s.price.raw).toBe(rawPrice);
    expectNum(s.quantity, '25', 'qty');
    expectRead(s.quantityUnit, 'contracts');
    expect(s.quantityUnit.raw).toBe(contracts);
    expectRead(s.leverage, '25');
    expectRead(s.marginMode, 'cross');
    expect(s.marginMode.raw).toBe(crossWord);
    expectNum(s.available, '7654.32', 'avail');
    // Max in contracts: si-maxbuy (base) ÷ 0.01 BTC per contract.
    expectMax(s.maxBuy, '262.1', 'contracts', 'maxBuy');
    expectMax(s.maxSell, '150', 'contracts', 'maxSell');
    expectNum(s.marginBalance, '12300.07', 'equity');
    expectNum(s.walletBalance, '12300.07', 'wallet (no position: the equity)');
    expectNum(s.maintenanceMargin, '12.34', 'mm');
    expectNum(s.marginRatio, '8131.2', 'mr');
    expectNum(s.markPrice, '61000', 'mark');
    expectRead(s.assetMode, 'single');
    expectRead(s.ownPositions, []);
    expectRead(s.otherPositions, []);
  });

  numberFormatCases(si, {
    commaPath: 'pt-br/trade-swap/btc-usdt-swap',
    commaRefused: ['price', 'available', 'marginBalance', 'markPrice'],
    commaStill: (s) => expectRead(s.leverage, '10'),
    dotRefused: ['price', 'markPrice'],
  });

});

describe('units, modes and order types', () => {
  it.each([
    ['contracts', '50', 'contracts', '262.1'],
    ['base', '0.5', 'base', '2.621'],
    ['quote', '30500', 'quote', '159881'],
  ] as const)('amount unit %s, Max in the same unit (quote: base × mark)', async (unit, qty, expected, max) => {
    await si.open({ unit, qty, maxbuy: '2.621' });
    const s = await si.read();
    expectNum(s.quantity, qty);
    expectRead(s.quantityUnit, expected);
    expectMax(s.maxBuy, max, expected);
  });

  it('the page converts on a unit switch without events; the adapter reads the new unit and amount', async () => {
    await si.open({ qty: '50', price: '60000', events: 'none', stale: 0 });
    await si.page.click('.si-form-slot .okui-input-suffix [role="button"]');
    let s = await si.read();
    expectRead(s.quantityUnit, 'base');
    expectNum(s.quantity, '0.5');
    await si.page.click('.si-form-slot .okui-input-suffix [role="button"]');
    s = await si.read();
    expectRead(s.quantityUnit, 'quote');
    expectNum(s.quantity, '30000');
  });

  it('the slider writes an amount in the current unit', async () => {
    await si.open({ maxbuy: '2', price: '60000' });
    await si.call('s.slider(40)');
    const s = await si.read();
    expectNum(s.quantity, '80');
    expectRead(s.quantityUnit, 'contracts');
  });

  it('a contract value of another instrument binds there: the page still shows contracts as drawn', async () => {
    await si.open({ qty: '3', maxbuy: '6', ctval: '1' }, 'trade-swap/sol-usdt-swap');
    const s = await si.read();
    expectRead(s.symbol, 'SOL-USDT-SWAP');
    expectRead(s.quantityUnit, 'contracts');
    expectMax(s.maxBuy, '6', 'contracts');
  });

  marginModeCase(si, [['isolated', 5], ['cross', 1], ['isolated', 125], ['cross', 50]]);

  marketOrderCase(si, { title: 'market order: no price, the header mark', qty: '10' });

  it('the TP/SL order type is unsupported', async () => {
    await si.open({ type: 'conditional' });
    expect((await si.read()).orderType).toMatchObject({ status: 'unsupported', why: { code: 'page.notSupported', params: { item: 'orderType', text: 'TP/SL' } } });
  });

  it('hedge Open, then Close with the closeable sizes as Max; the submit buttons follow', async () => {
    const pos = 'BTC-USDT-SWAP,long,0.5,60000,61000,cross,20,-,-,-,500;BTC-USDT-SWAP,short,0.2,62000,61000,cross,20,-,-,-,200';
    await si.open({ posmode: 'hedge', pos });
    let s = await si.read();
    expectRead(s.positionMode, 'hedge');
    expectRead(s.action, 'open');
    expect(await si.submit()).toEqual({ long: ['Open long'], short: ['Open short'] });
    await si.apply({ action: 'close' });
    s = await si.read();
    expectRead(s.action, 'close');
    expectMax(s.maxSell, '50', 'contracts', 'closeable long');
    expectMax(s.maxBuy, '20', 'contracts', 'closeable short');
    expect(s.ownPositions.value?.map((p) => [p.side, p.size, p.sizeUnit])).toEqual([['long', '50', 'contracts'], ['short', '20', 'contracts']]);
    expect(await si.submit()).toEqual({ long: ['Close short'], short: ['Close long'] });
  });

  silentWriteCase(si, '61000.5');

  seedCases(si, {
    title: 'seed %i: U hooks, decoys, stale copies and column order drawn afresh, same reading',
    params: () => ({ posmode: 'hedge', pos: 'BTC-USDT-SWAP,long,0.5,60000,61000,isolated,7,4357.14,52345.6,-,500', qty: '5' }),
    check: (s) => {
      expectRead(s.positionMode, 'hedge');
      expectRead(s.ownPositions, [
        { symbol: 'BTC-USDT-SWAP', quoteAsset: 'USDT', side: 'long', size: '50', sizeUnit: 'contracts', entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'isolated', leverage: '7', margin: '4357.14', exchangeLiquidationPrice: '52345.6' },
      ]);
      expectRead(s.otherPositions, []);
    },
  });

  tpslCase(si);

  assetModeCases(si, 'account mode %s', [['multi', 'multi'], ['portfolio', 'portfolio']]);
});

describe('positions', () => {
  const pos = 'BTC-USDT-SWAP,long,0.5,60000,61000,cross,20,-,-,-,500;ETH-USDT-SWAP,short,3,3000,2950,isolated,10,900,3268.5,-,150;SOL-USDT-SWAP,long,12,150,155,isolated,5,360,120.25,-,60';
  // Sizes as the Size column shows them: contracts (÷ the contract value), coin, or the notional at the row's mark.
  const sizes = {
    contracts: ['50', '30', '12'],
    base: ['0.5', '3', '12'],
    quote: ['30500', '8850', '1860'],
  } as const;

  it.each(['contracts', 'base', 'quote'] as const)('several rows, size unit %s; the wallet is the equity less their PnL', async (unit) => {
    await si.open({ pos, unit, upnl: '710' });
    const s = await si.read();
    expect(s.ownPositions.status, JSON.stringify(s.ownPositions)).toBe('read');
    expect(s.otherPositions.status, JSON.stringify(s.otherPositions)).toBe('read');
    const [btc, eth, sol] = sizes[unit];
    expect(s.ownPositions.value).toEqual([
      { symbol: 'BTC-USDT-SWAP', quoteAsset: 'USDT', side: 'long', size: btc, sizeUnit: unit, entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'cross', leverage: '20', exchangeLiquidationPrice: null },
    ]);
    expect(s.otherPositions.value).toEqual([
      { symbol: 'ETH-USDT-SWAP', quoteAsset: 'USDT', side: 'short', size: eth, sizeUnit: unit, entryPrice: '3000.00', markPrice: '2950.00', marginMode: 'isolated', leverage: '10', margin: '900.00', exchangeLiquidationPrice: '3268.50' },
      { symbol: 'SOL-USDT-SWAP', quoteAsset: 'USDT', side: 'long', size: sol, sizeUnit: unit, entryPrice: '150.00', markPrice: '155.00', marginMode: 'isolated', leverage: '5', margin: '360.00', exchangeLiquidationPrice: '120.25' },
    ]);
    expectNum(s.marginBalance, '10710');
    expectNum(s.unrealizedPnl, '710');
    expectNum(s.walletBalance, '10000');
  });

  it('pt-BR positions with quote sizes, in a shuffled column order (odd seed)', async () => {
    await si.open({ pos, unit: 'quote', seed: 13 }, 'pt-br/trade-swap/btc-usdt-swap');
    const s = await si.read();
    const rows: PositionRow[] = [...(s.ownPositions.value ?? []), ...(s.otherPositions.value ?? [])];
    expect(rows.map((p) => [p.symbol, p.side, p.size, p.sizeUnit, p.entryPrice])).toEqual([
      ['BTC-USDT-SWAP', 'long', '30500', 'quote', '60000.0'],
      ['ETH-USDT-SWAP', 'short', '8850', 'quote', '3000.00'],
      ['SOL-USDT-SWAP', 'long', '1860', 'quote', '150.00'],
    ]);
  });

  it('the Open orders tab selected: both lists unknown; back on Open positions they are read again', async () => {
    await si.open({ pos });
    const click = (label: string) => si.page.evaluate((l) => {
      const tab = [...document.querySelectorAll('.okui-tabs-pane-underline[role="tab"]')].find((t) => (t.textContent ?? '').startsWith(l));
      (tab as HTMLElement).click();
    }, label);
    await click('Open orders');
    let s = await si.read();
    expectWhy(s.ownPositions, 'missing', reason('positions.tabNotSelected'));
    expectWhy(s.otherPositions, 'missing', reason('positions.tabNotSelected'));
    expect(s.walletBalance.status).not.toBe('read');
    await click('Open positions');
    s = await si.read();
    expect(s.otherPositions.value).toHaveLength(2);
  });

  loggedOutCase(si, {
    title: 'logged out: isolated inputs read, the rest says log in',
    params: { pos, qty: '20', unit: 'base' },
    inputs: (s) => expectRead(s.quantityUnit, 'base'),
    loginToSee: [['available', 'available'], ['maxBuy', 'maxBuy'], ['marginBalance', 'marginBalance'], ['assetMode', 'assetMode'], ['ownPositions', 'positions'], ['otherPositions', 'positions']],
    after: async () => expect(await si.submit()).toEqual({ long: [], short: [] }),
  });
});

describe('timing: hydration, re-renders, stale copies, navigation', () => {
  hydrationCase(si, {
    params: { pos: 'ETH-USDT-SWAP,short,3,3000,2950,isolated,10,900,3268.5,-,150' },
    check: (s) => { if (s.walletBalance.status === 'read') expectNum(s.walletBalance, '9850'); },
  });

  formFirstCase(si, {
    pos: 'BTC-USDT-SWAP,long,0.5,60000,61000,cross,20,-,-,-,500',
    params: { upnl: '500' },
    notYet: ['marginBalance', 'ownPositions'],
    balance: 'walletBalance',
    own: [
      { symbol: 'BTC-USDT-SWAP', quoteAsset: 'USDT', side: 'long', size: '50', sizeUnit: 'contracts', entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'cross', leverage: '20', exchangeLiquidationPrice: null },
    ],
  });

  rerenderCases(si, {
    params: { qty: '123', maxbuy: '1.5' },
    check: (s) => {
      expectRead(s.marginMode, 'isolated');
      expectNum(s.quantity, '123');
      expectMax(s.maxBuy, '150', 'contracts');
    },
  });

  symbolSwitchCases(si, { params: { qty: '25', unit: 'base' }, from: 'BTC-USDT-SWAP', to: 'ETH-USDT-SWAP', unitRaw: (eth) => (eth ? 'ETH' : 'BTC') });
});
