/**
 * The Hyperliquid adapter against the stand-in page (tests/sites/hyperliquid) in headless Chromium, under the
 * real address; the page driven through the stand-in's runtime API (standin-page.ts). One browser for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { Field, FormSnapshot, ReadScope } from '../../../src/contracts/snapshot';
import { reason, type Reason } from '../../../src/contracts/reasons';
import {
  applyStandin, brokenFields, expectNum, expectRead, openStandin, readPage, standinCall, startSession, type StandinSession,
} from './standin-page';

let session: StandinSession;
let page: Page;

beforeAll(async () => {
  session = await startSession();
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

const open = (params: Record<string, string | number>, path?: string, waitReady?: boolean) => openStandin(page, params, path, waitReady);
const read = (scope: ReadScope = 'full') => readPage(page, scope);
const apply = (params: Record<string, string | number>) => applyStandin(page, params);

function expectWhy(field: Field<unknown>, status: Field<unknown>['status'], why: Reason, name = ''): void {
  expect(field, name).toMatchObject({ status, why });
}

describe('locales and number formats', () => {
  it.each([
    ['en', 'Cross', '60000.5', 'trade/BTC'],
    ['zh-CN', '全仓', '60000.5', 'trade/BTC'],
    ['pt-BR', 'Cruzada', '60000,5', 'trade/BTC'],
  ])('%s: form, account panel and ticker in the page language', async (locale, crossWord, rawPrice, path) => {
    await open({ locale, price: '60000.5', qty: '0.25', wallet: '12345.67', avail: '7654.32', upnl: '-45.6', mm: '12.34', mr: '0.52', lev: 25 }, path);
    const s = await read();
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
    expect(await page.evaluate(() => window.__hyperliquidSubmit())).toEqual({ long: [locale === 'en' ? 'Place Order' : locale === 'zh-CN' ? '下单' : 'Enviar Ordem'], short: [] });
  });

  it('pt-BR labels with dot numbers (si-numfmt=dot): numbers refused, not misread', async () => {
    await open({ locale: 'pt-BR', price: '61000.5', numfmt: 'dot' });
    const s = await read();
    for (const f of [s.price, s.available, s.walletBalance, s.markPrice]) {
      expect(f).toMatchObject({ status: 'ambiguous', why: { code: 'page.numberFormatContradicted', params: { lang: 'pt-BR', expected: 'comma' } } });
    }
    expectRead(s.leverage, '20');
  });

  it('en labels with comma numbers (si-numfmt=comma): numbers refused', async () => {
    await open({ price: '61000.5', numfmt: 'comma' });
    const s = await read();
    expect(s.price.status).toBe('ambiguous');
    expect(s.walletBalance.status).toBe('ambiguous');
  });
});

describe('side, units, modes and order types', () => {
  it('the Sell toggle: only the short side, the submit button is the short side\'s', async () => {
    await open({ side: 'sell' });
    expectRead((await read()).sides, ['short']);
    expect(await page.evaluate(() => window.__hyperliquidSubmit())).toEqual({ long: [], short: ['Place Order'] });
    // A click on the Buy toggle re-renders the form with Buy selected.
    await page.evaluate(() => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Buy / Long' && x.getClientRects().length > 0 && !x.closest('[hidden],[aria-hidden="true"]') && getComputedStyle(x).visibility === 'visible');
      b!.click();
    });
    expectRead((await read()).sides, ['long']);
  });

  it('USDC unit: the notional, reported as quote', async () => {
    await open({ unit: 'quote', qty: '1500.5' });
    const s = await read();
    expectNum(s.quantity, '1500.5');
    expectRead(s.quantityUnit, 'quote');
    expect(s.quantityUnit.raw).toBe('USDC');
  });

  it('the slider writes a size into Size, read as the coin amount', async () => {
    await open({ maxbuy: '2' });
    expect(await standinCall(page, 's.slider(40)')).toBe(true);
    const s = await read();
    expectNum(s.quantity, '0.8');
    expectRead(s.quantityUnit, 'base');
  });

  it('cross and isolated at several leverages (text updated in place)', async () => {
    await open({});
    for (const [mode, lev] of [['isolated', 5], ['cross', 1], ['isolated', 50], ['cross', 40]] as const) {
      await apply({ mode, lev });
      const s = await read();
      expectRead(s.marginMode, mode, `${mode} ${lev}`);
      expectRead(s.leverage, String(lev), `${mode} ${lev}`);
    }
  });

  it('Market: no price, the ticker mark', async () => {
    await open({ type: 'market', qty: '0.1' });
    const s = await read();
    expectRead(s.orderType, 'market');
    expectWhy(s.price, 'missing', reason('page.marketOrder'));
    expectNum(s.markPrice, '61000');
  });

  it('Pro is not supported', async () => {
    await open({ type: 'conditional' });
    expectWhy((await read()).orderType, 'unsupported', reason('page.notSupported', { item: 'orderType', text: 'Trigger Price' }));
  });

  it('TP/SL values and Reduce Only (a click on its box)', async () => {
    await open({ tp: '65000', sl: '58000.5' });
    let s = await read();
    expectNum(s.takeProfit, '65000');
    expectNum(s.stopLoss, '58000.5');
    await page.evaluate(() => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Reduce Only' && l.getClientRects().length > 0 && !l.closest('[hidden],[aria-hidden="true"]') && getComputedStyle(l).visibility === 'visible');
      label!.querySelector('input')!.click();
    });
    s = await read();
    expectRead(s.reduceOnly, true);
  });

  it('a silent page write (no event, no attribute change) is read from the value property', async () => {
    await open({ price: '61000' });
    await standinCall(page, `s.write('price', '60123.4', 'none')`);
    expectNum((await read()).price, '60123.4');
  });

  it.each([
    ['multi', 'unified'],
    ['portfolio', 'portfolio'],
  ] as const)('account mode %s: read as %s', async (assetmode, expected) => {
    await open({ assetmode });
    expectRead((await read()).assetMode, expected);
  });

  it('Enable Trading: logged in, no order button to guard', async () => {
    await open({ auth: 'noagent' });
    const s = await read();
    expectRead(s.loggedIn, true);
    expectNum(s.available, '8000');
    expect(await page.evaluate(() => window.__hyperliquidSubmit())).toEqual({ long: [], short: [] });
  });

  it.each([1, 2, 3, 4, 5, 6])('seed %i: randomised hooks, decoys and stale copies drawn afresh, same reading', async (seed) => {
    await open({ seed, pos: 'BTC,long,0.5,60000,61000,isolated,7,4357.14,52345.6', mode: 'isolated', lev: 7, price: '61000.5', qty: '0.5', side: seed % 2 ? 'sell' : 'buy' });
    await standinCall(page, 's.rerender()');
    const s = await read();
    expectRead(s.leverage, '7');
    expectRead(s.sides, [seed % 2 ? 'short' : 'long']);
    expectNum(s.price, '61000.5');
    expectRead(s.ownPositions, [
      { symbol: 'BTC', quoteAsset: 'USDC', side: 'long', size: '0.50000', sizeUnit: 'base', entryPrice: '60000', markPrice: '61000', marginMode: 'isolated', leverage: '7', margin: '4357.14', exchangeLiquidationPrice: '52345.6' },
    ]);
    expectRead(s.otherPositions, []);
  });
});

describe('symbol', () => {
  it('/trade without a coin: the title\'s coin', async () => {
    await open({}, 'trade/ETH');
    await open({ price: '3000' }, 'trade');
    const s = await read();
    expectRead(s.symbol, 'ETH');
    expectNum(s.markPrice, '3000');
  });

  it('a builder-deployed market is read but not supported yet', async () => {
    await open({ pos: 'xyz:TSLA,long,1,250,251,isolated,5' }, 'trade/xyz:TSLA');
    const s = await read();
    expectWhy(s.symbol, 'unsupported', reason('page.builderMarket', { symbol: 'xyz:TSLA' }));
    expectRead(s.quantityUnit, 'base');
    expect(s.quantityUnit.raw).toBe('TSLA');
  });
});

describe('positions', () => {
  const pos = 'BTC,long,0.5,60000,61000,cross,20;ETH,short,3,3000,2950,isolated,10,900,3268.5;SOL,long,12,150,155,isolated,5,360,120.25';

  it('several rows: own and others, sizes in the coin', async () => {
    await open({ pos });
    const s = await read();
    expectRead(s.ownPositions, [
      { symbol: 'BTC', quoteAsset: 'USDC', side: 'long', size: '0.50000', sizeUnit: 'base', entryPrice: '60000', markPrice: '61000', marginMode: 'cross', leverage: '20', exchangeLiquidationPrice: null },
    ]);
    expectRead(s.otherPositions, [
      { symbol: 'ETH', quoteAsset: 'USDC', side: 'short', size: '3.00000', sizeUnit: 'base', entryPrice: '3000.0', markPrice: '2950.0', marginMode: 'isolated', leverage: '10', margin: '900.00', exchangeLiquidationPrice: '3268.5' },
      { symbol: 'SOL', quoteAsset: 'USDC', side: 'long', size: '12.00000', sizeUnit: 'base', entryPrice: '150.00', markPrice: '155.00', marginMode: 'isolated', leverage: '5', margin: '360.00', exchangeLiquidationPrice: '120.25' },
    ]);
  });

  it('the USDC unit does not change the table (sizes stay in the coin)', async () => {
    await open({ pos, unit: 'quote' });
    const s = await read();
    expect(s.otherPositions.value?.map((r) => [r.symbol, r.size, r.sizeUnit])).toEqual([['ETH', '3.00000', 'base'], ['SOL', '12.00000', 'base']]);
  });

  it('another tab selected: the others unknown; the own position known from a zero Current Position', async () => {
    await open({ pos: 'ETH,short,3,3000,2950,isolated,10,900,3268.5' });
    await page.evaluate(() => {
      const tab = [...document.querySelectorAll('#accountTable *')].find((t) => t.textContent === 'Trade History');
      (tab as HTMLElement).click();
    });
    const s = await read();
    expectWhy(s.otherPositions, 'missing', reason('positions.tabNotSelected'));
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [], raw: '0.00000 BTC' });
  });

  it('another tab selected with a position on the coin: the own position unknown', async () => {
    await open({ pos });
    await page.evaluate(() => {
      const tab = [...document.querySelectorAll('#accountTable *')].find((t) => t.textContent === 'Open Orders (0)');
      (tab as HTMLElement).click();
    });
    const s = await read();
    expectWhy(s.ownPositions, 'missing', reason('positions.tabNotSelected'));
    expectWhy(s.otherPositions, 'missing', reason('positions.tabNotSelected'));
  });

  it('logged out: the inputs read, the rest says log in', async () => {
    await open({ auth: 'out', pos, mode: 'isolated', lev: 10, price: '61000.5', qty: '0.2' });
    const s = await read();
    expectRead(s.loggedIn, false);
    expectRead(s.marginMode, 'isolated');
    expectRead(s.leverage, '10');
    expectNum(s.price, '61000.5');
    expectNum(s.quantity, '0.2');
    const checks: [Field<unknown>, Reason][] = [
      [s.available, reason('page.loginToSee', { item: 'available' })],
      [s.walletBalance, reason('page.loginToSee', { item: 'walletBalance' })],
      [s.assetMode, reason('page.loginToSee', { item: 'assetMode' })],
      [s.ownPositions, reason('page.loginToSee', { item: 'positions' })],
      [s.otherPositions, reason('page.loginToSee', { item: 'positions' })],
    ];
    for (const [field, why] of checks) expectWhy(field, 'missing', why, why.code);
    expect(await page.evaluate(() => window.__hyperliquidSubmit())).toEqual({ long: [], short: [] });
  });
});

describe('timing: hydration, re-renders, stale copies, navigation', () => {
  it('before hydration and while the account data arrives: never a wrong value, never a broken selector', async () => {
    await open({ delay: 1200, pos: 'ETH,short,3,3000,2950,isolated,10,900,3268.5', avail: '7654.32', price: '61000.5' }, 'trade/BTC', false);
    const seen = new Set<string>();
    for (;;) {
      const { s, ready } = await page.evaluate(() => ({
        s: window.__readHyperliquid(),
        ready: document.documentElement.getAttribute('data-si-ready') === '1',
      }));
      seen.add(`${s.form.status}/${s.available.status}/${s.otherPositions.status}`);
      expect(brokenFields(s)).toEqual([]);
      if (s.available.status === 'read') expectNum(s.available, '7654.32');
      if (s.price.status === 'read') expectNum(s.price, '61000.5');
      if (s.ownPositions.status === 'read') expect(s.ownPositions.value).toEqual([]);
      if (s.otherPositions.status === 'read') expect(s.otherPositions.value).toHaveLength(1);
      if (ready) {
        expectNum(s.available, '7654.32');
        expectRead(s.ownPositions, []);
        expect(s.otherPositions.value).toHaveLength(1);
        break;
      }
      await new Promise((r) => setTimeout(r, 40));
    }
    expect([...seen][0]).toMatch(/^missing\//);
  });

  it("the form arrives first, the account panel and positions later: typing ('form' reads) shows them once there", async () => {
    await open({ delay: '0,2000,2000', pos: 'BTC,long,0.5,60000,61000,cross,20', wallet: '12345.67' }, 'trade/BTC', false);
    let early: FormSnapshot | null = null;
    let ready = false;
    while (!ready) {
      const scope: ReadScope = early === null ? 'full' : 'form';
      const now: { s: FormSnapshot; settled: boolean; ready: boolean } = await page.evaluate((sc) => ({
        s: window.__readHyperliquid(sc),
        settled: window.__hyperliquidOutside().settled,
        ready: document.documentElement.getAttribute('data-si-ready') === '1',
      }), scope);
      ready = now.ready;
      if (early === null && now.s.form.status === 'read' && !ready) {
        early = now.s;
        expect(now.settled).toBe(false);
        expect(brokenFields(now.s)).toEqual([]);
      }
      await new Promise((r) => setTimeout(r, 30));
    }
    const first = early as FormSnapshot | null;
    expect(first, 'the form was read before the page finished loading').not.toBeNull();
    expect(first?.walletBalance.status).not.toBe('read');
    expect(first?.ownPositions.status).not.toBe('read');
    const typed = await read('form');
    expectNum(typed.walletBalance, '12345.67', 'wallet');
    expectRead(typed.ownPositions, [
      { symbol: 'BTC', quoteAsset: 'USDC', side: 'long', size: '0.50000', sizeUnit: 'base', entryPrice: '60000', markPrice: '61000', marginMode: 'cross', leverage: '20', exchangeLiquidationPrice: null },
    ]);
    expect(await page.evaluate(() => window.__hyperliquidOutside().settled)).toBe(true);
  });

  it.each(['display', 'hidden', 'aria', 'visibility'])('periodic re-renders with stale copies hidden by %s, decoys and storm on', async (stalehide) => {
    await open({ rerender: 150, stale: 1, stalehide, storm: 200, lev: 33, mode: 'isolated', price: '61000.5', qty: '0.123', side: 'sell' });
    for (let i = 0; i < 12; i++) {
      const s = await read();
      expectRead(s.form, true);
      expectRead(s.leverage, '33');
      expectRead(s.sides, ['short']);
      expectNum(s.price, '61000.5');
      expectNum(s.quantity, '0.123');
      await new Promise((r) => setTimeout(r, 60));
    }
  });

  it.each(['url-first', 'form-first'] as const)('coin switch %s: never the new address coin with the old form, nor the reverse', async (order) => {
    await open({ price: '61000.5', qty: '0.25' });
    await page.evaluate((o) => {
      const w = window as unknown as { __navDone: boolean; __standin: { navigate(s: string, o: string): Promise<void> } };
      w.__navDone = false;
      void w.__standin.navigate('ETH', o).then(() => { w.__navDone = true; });
    }, order);
    const statuses: string[] = [];
    for (;;) {
      const { s, done } = await page.evaluate(() => ({ s: window.__readHyperliquid(), done: (window as unknown as { __navDone: boolean }).__navDone }));
      statuses.push(s.symbol.status === 'read' ? String(s.symbol.value) : s.symbol.status);
      if (s.symbol.status === 'read') {
        const eth = s.symbol.value === 'ETH';
        expect(s.quantityUnit.raw).toBe(eth ? 'ETH' : 'BTC');
        expectNum(s.markPrice, eth ? '3000' : '61000');
      }
      if (done) {
        expectRead(s.symbol, 'ETH');
        expectNum(s.price, '3000.5');
        expect(s.quantity.status).toBe('missing');
        break;
      }
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(statuses).toContain('ambiguous');
  });
});
