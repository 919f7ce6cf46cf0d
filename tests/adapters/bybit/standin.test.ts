/**
 * The Bybit adapter against the stand-in page (tests/sites/bybit) in headless Chromium, under the real
 * URL (tests/support/browsers.ts maps the venue's host to the local HTTPS stand-in server). The test
 * drives the page through the stand-in's runtime API; the adapter is injected as an IIFE
 * (standin-entry.ts: one reader per page load) and never sees that API. One browser for the whole file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { D } from '../../../src/shared/decimal';
import type { Field, FormSnapshot, ReadScope } from '../../../src/contracts/snapshot';
import { reason, type Reason } from '../../../src/contracts/reasons';
import { launchPlainChromium } from '../../support/browsers';
import { startStandinServer, type StandinServer } from '../../sites/server';
import { bundleEntry } from './bundle';

let server: StandinServer;
let browser: Browser;
let page: Page;
let adapterCode: string;

beforeAll(async () => {
  adapterCode = await bundleEntry();
  server = await startStandinServer({});
  browser = await launchPlainChromium(server.port);
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Load a page state; by default wait for the stand-in to be ready. Quick hydration, no storm, unless given. */
async function open(params: Record<string, string | number>, path = 'en-US/trade/usdt/BTCUSDT', waitReady = true): Promise<void> {
  const query = new URLSearchParams({ 'si-seed': '12', 'si-delay': '0', 'si-storm': '0' });
  for (const [k, v] of Object.entries(params)) query.set(`si-${k}`, String(v));
  await page.goto(`https://www.bybit.com/${path}?${query.toString()}`);
  await page.addScriptTag({ content: adapterCode });
  if (waitReady) await page.evaluate(() => (window as unknown as { __standin: { ready: Promise<void> } }).__standin.ready);
}

const read = (scope: ReadScope = 'full'): Promise<FormSnapshot> => page.evaluate((sc) => window.__readBybit(sc), scope);
const apply = (params: Record<string, string | number>) =>
  page.evaluate((p) => (window as unknown as { __standin: { apply(p: object): boolean } }).__standin.apply(p), params);
const standin = (code: string) => page.evaluate(`(() => { const s = window.__standin; return ${code}; })()`);

function brokenFields(s: FormSnapshot): string[] {
  return Object.entries(s).flatMap(([key, f]) => ((f as Field<unknown>).why?.code === 'page.selectorBroke' ? [key] : []));
}

function expectWhy(field: Field<unknown>, status: Field<unknown>['status'], why: Reason, name = ''): void {
  expect(field, name).toMatchObject({ status, why });
}

/** A read field whose decimal equals `expected` (so '0.500' matches '0.5'). */
function expectNum(field: Field<string>, expected: string, name = ''): void {
  expect(field.status, `${name} ${JSON.stringify(field)}`).toBe('read');
  expect(new D(field.value as string).eq(new D(expected)), `${name} ${field.value} ≠ ${expected}`).toBe(true);
}

function expectRead<T>(field: Field<T>, expected: T, name = ''): void {
  expect(field, name).toMatchObject({ status: 'read', value: expected });
}

const POS = 'BTCUSDT,long,0.5,60000,61000,cross,20,1525,52345.6;ETHUSDT,short,3,3000,2950,isolated,10,900,3268.5;SOLUSDT,long,12,150,155,cross,5,360';

describe('locales and number formats', () => {
  it.each([
    ['en-US', 'Cross', '61000.5', '25.00x'],
    ['zh-MY', '全仓', '61000.5', '25.00x'],
    ['pt-BR', 'Cruzada', '61000,5', '25,00x'],
  ])('%s: form, account and header in the page language', async (prefix, crossWord, rawPrice, rawLev) => {
    await open({ price: '61000.5', qty: '0.25', wallet: '12345.67', upnl: '-45.6', avail: '7654.32', mm: '12.34', lev: 25 }, `${prefix}/trade/usdt/BTCUSDT`);
    const s = await read();
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

  it('pt-BR labels with dot numbers (si-numfmt=dot): numbers refused, not misread', async () => {
    await open({ price: '61000.5', numfmt: 'dot' }, 'pt-BR/trade/usdt/BTCUSDT');
    const s = await read();
    for (const f of [s.price, s.available, s.marginBalance, s.markPrice, s.leverage]) {
      expect(f).toMatchObject({ status: 'ambiguous', why: { code: 'page.numberFormatContradicted', params: { lang: 'pt-BR', expected: 'comma' } } });
    }
  });

  it('en labels with comma numbers (si-numfmt=comma): numbers refused', async () => {
    await open({ price: '61000.5', numfmt: 'comma' });
    const s = await read();
    expect(s.price.status).toBe('ambiguous');
    expect(s.leverage.status).toBe('ambiguous');
    expect(s.markPrice.status).toBe('ambiguous');
  });
});

describe('units, modes and order types', () => {
  it('Qty, Value and Cost: the number as typed, its unit from the mode', async () => {
    await open({ unit: 'quote', qty: '1500.5' });
    let s = await read();
    expectNum(s.quantity, '1500.5');
    expectRead(s.quantityUnit, 'quote');
    await apply({ unit: 'cost', qty: '250' });
    s = await read();
    expectNum(s.quantity, '250');
    expectRead(s.quantityUnit, 'cost');
    expectRead(s.symbol, 'BTCUSDT');
  });

  it('the slider writes an amount in the current mode', async () => {
    await open({ maxbuy: '2', price: '60000' });
    await standin('s.slider(40)');
    let s = await read();
    expectNum(s.quantity, '0.8');
    expectRead(s.quantityUnit, 'base');
    await apply({ unit: 'quote' });
    await standin('s.slider(10)');
    s = await read();
    expectNum(s.quantity, '12000');
    expectRead(s.quantityUnit, 'quote');
  });

  it('cross and isolated at several leverages (text updated in place)', async () => {
    await open({});
    for (const [mode, lev] of [['isolated', 5], ['cross', 1], ['isolated', 100], ['cross', 50]] as const) {
      await apply({ mode, lev });
      const s = await read();
      expectRead(s.marginMode, mode, `${mode} ${lev}`);
      expectRead(s.leverage, String(lev), `${mode} ${lev}`);
    }
  });

  it('hedge + isolated with different side leverages: the leverage is not supported; equal ones are read', async () => {
    await open({ posmode: 'hedge', mode: 'isolated', lev: 20, 'lev-short': 5 });
    let s = await read();
    expect(s.leverage).toMatchObject({ status: 'unsupported', why: reason('page.sideLeverages', { long: '20.00', short: '5.00' }) });
    await apply({ 'lev-short': 20 });
    s = await read();
    expectRead(s.leverage, '20');
  });

  it('portfolio margin: the asset mode says so, the margin mode is not supported', async () => {
    await open({ assetmode: 'portfolio' });
    const s = await read();
    expectRead(s.assetMode, 'portfolio');
    expect(s.marginMode.status).toBe('unsupported');
  });

  it('market order: no price, the header mark', async () => {
    await open({ type: 'market', qty: '0.1' });
    const s = await read();
    expectRead(s.orderType, 'market');
    expectWhy(s.price, 'missing', reason('page.marketOrder'));
    expectNum(s.markPrice, '61000');
    expectNum(s.quantity, '0.1');
  });

  it('conditional order type is unsupported', async () => {
    await open({ type: 'conditional' });
    expect((await read()).orderType).toMatchObject({ status: 'unsupported', why: { code: 'page.notSupported', params: { item: 'orderType' } } });
  });

  it('hedge Open, then Close (the buy button closes the short)', async () => {
    const pos = 'BTCUSDT,long,0.5,60000,61000,cross,20;BTCUSDT,short,0.2,62000,61000,cross,20';
    await open({ posmode: 'hedge', pos });
    let s = await read();
    expectRead(s.positionMode, 'hedge');
    expectRead(s.action, 'open');
    expectRead(s.reduceOnly, false);
    expect(await page.evaluate(() => window.__bybitSubmit())).toEqual({ long: ['Open Long'], short: ['Open Short'] });
    await apply({ action: 'close' });
    s = await read();
    expectRead(s.action, 'close');
    expect(await page.evaluate(() => window.__bybitSubmit())).toEqual({ long: ['Close Short'], short: ['Close Long'] });
    expect(s.ownPositions.value?.map((p) => [p.side, p.size])).toEqual([['long', '0.500'], ['short', '0.200']]);
    expectRead(s.otherPositions, []);
  });

  it('a silent page write (no event, no attribute change) is read from the value property', async () => {
    await open({ price: '61000.5' });
    await standin(`s.write('price', '60123.4', 'none')`);
    expectNum((await read()).price, '60123.4');
  });

  it('TP/SL values, only while the box is checked', async () => {
    await open({ tp: '65000', sl: '58000.5' });
    let s = await read();
    expectNum(s.takeProfit, '65000');
    expectNum(s.stopLoss, '58000.5');
    await page.click('.si-form-slot label');
    s = await read();
    expectWhy(s.takeProfit, 'missing', reason('page.tpslOff'));
  });

  it.each([1, 2, 3, 4, 5, 6])('seed %i: U hooks, decoys, stale copies and column order drawn afresh, same reading', async (seed) => {
    await open({ seed, pos: POS, mode: 'isolated', lev: 7, price: '61000.5', qty: '0.5', stale: 1 });
    await standin('s.rerender()');
    const s = await read();
    expectRead(s.leverage, '7');
    expectNum(s.price, '61000.5');
    expectRead(s.ownPositions, [
      { symbol: 'BTCUSDT', quoteAsset: 'USDT', side: 'long', size: '0.500', sizeUnit: 'base', entryPrice: '60000.00', markPrice: '61000.00', marginMode: 'cross', leverage: '20', margin: '1525.00', exchangeLiquidationPrice: '52345.60' },
    ]);
    expect(s.otherPositions.value?.map((p) => [p.symbol, p.side, p.size, p.marginMode, p.leverage, p.margin ?? null, p.exchangeLiquidationPrice])).toEqual([
      ['ETHUSDT', 'short', '3.000', 'isolated', '10', '900.00', '3268.50'],
      ['SOLUSDT', 'long', '12.000', 'cross', '5', '360.00', null],
    ]);
    expectWhy(s.walletBalance, 'missing', reason('page.walletNotShown'));
  });
});

describe('positions', () => {
  it('virtualised rows (si-virtual): fewer rows than the count, so no position is known', async () => {
    await open({ pos: POS, virtual: 2 });
    const s = await read();
    expectWhy(s.ownPositions, 'missing', reason('positions.incomplete', { missing: 1, count: 3 }));
    expectWhy(s.otherPositions, 'missing', reason('positions.incomplete', { missing: 1, count: 3 }));
    await apply({ virtual: 'all' });
    expect((await read()).otherPositions.status).toBe('read');
  });

  it('the Current Orders tab selected: both lists unknown', async () => {
    await open({ pos: POS, orders: 'BTCUSDT,buy,limit,59000,0.1' });
    await page.evaluate(() => {
      const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => /^Current Orders/.test(t.textContent ?? ''));
      (tab as HTMLElement).click();
    });
    const s = await read();
    expectWhy(s.ownPositions, 'missing', reason('positions.tabNotSelected'));
    expectWhy(s.otherPositions, 'missing', reason('positions.tabNotSelected'));
  });

  it('logged out: isolated inputs read, the rest says log in', async () => {
    await open({ auth: 'out', pos: POS, mode: 'isolated', lev: 10, price: '61000.5', qty: '0.2' });
    const s = await read();
    expectRead(s.loggedIn, false);
    expectRead(s.marginMode, 'isolated');
    expectRead(s.leverage, '10');
    expectNum(s.price, '61000.5');
    expectNum(s.quantity, '0.2');
    const checks: [Field<unknown>, Reason][] = [
      [s.available, reason('page.loginToSee', { item: 'available' })],
      [s.marginBalance, reason('page.loginToSee', { item: 'marginBalance' })],
      [s.ownPositions, reason('page.loginToSee', { item: 'positions' })],
      [s.otherPositions, reason('page.loginToSee', { item: 'positions' })],
    ];
    for (const [field, why] of checks) expectWhy(field, 'missing', why, why.code);
    expect(await page.evaluate(() => window.__bybitOutside())).toMatchObject({ settled: true });
  });
});

describe('timing: hydration, re-renders, stale copies, navigation', () => {
  it('before hydration and while the account data arrives: never a wrong value, never a broken selector', async () => {
    await open({ delay: 1200, pos: 'ETHUSDT,short,3,3000,2950,isolated,10,900,3268.5', avail: '7654.32', price: '61000.5' }, undefined, false);
    const seen = new Set<string>();
    for (;;) {
      const { s, ready } = await page.evaluate(() => ({ s: window.__readBybit(), ready: document.documentElement.getAttribute('data-si-ready') === '1' }));
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

  it("the form arrives first, the account panel and positions later: 'form' reads show them once there", async () => {
    await open({ delay: '0,2000,2000', pos: 'BTCUSDT,long,0.5,60000,61000,cross,20', wallet: '12345.67' }, undefined, false);
    let early: FormSnapshot | null = null;
    let ready = false;
    while (!ready) {
      const scope: ReadScope = early === null ? 'full' : 'form';
      const now: { s: FormSnapshot; settled: boolean; ready: boolean } = await page.evaluate((sc) => ({
        s: window.__readBybit(sc), settled: window.__bybitOutside().settled, ready: document.documentElement.getAttribute('data-si-ready') === '1',
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
    expect(first?.marginBalance.status).not.toBe('read');
    expect(first?.ownPositions.status).not.toBe('read');
    const typed = await read('form');
    expectNum(typed.marginBalance, '12345.67', 'margin balance');
    expect(typed.ownPositions).toMatchObject({ status: 'read', value: [{ symbol: 'BTCUSDT', side: 'long', size: '0.500' }] });
    expect(await page.evaluate(() => window.__bybitOutside().settled)).toBe(true);
  });

  it.each(['display', 'hidden', 'aria', 'visibility'])('periodic re-renders with stale copies hidden by %s, decoys on', async (stalehide) => {
    await open({ rerender: 150, stale: 1, stalehide, storm: 200, lev: 33, mode: 'isolated', price: '61000.5', qty: '0.123', tp: '65000' });
    for (let i = 0; i < 12; i++) {
      const s = await read();
      expectRead(s.form, true);
      expectRead(s.leverage, '33');
      expectNum(s.price, '61000.5');
      expectNum(s.quantity, '0.123');
      expectNum(s.takeProfit, '65000');
      await new Promise((r) => setTimeout(r, 60));
    }
  });

  it.each(['url-first', 'form-first'] as const)('symbol switch %s: never the new URL symbol with the old form, nor the reverse', async (order) => {
    await open({ price: '61000.5', qty: '0.25' });
    await page.evaluate((o) => {
      const w = window as unknown as { __navDone: boolean; __standin: { navigate(s: string, o: string): Promise<void> } };
      w.__navDone = false;
      void w.__standin.navigate('ETHUSDT', o).then(() => { w.__navDone = true; });
    }, order);
    const statuses: string[] = [];
    for (;;) {
      const { s, done } = await page.evaluate(() => ({ s: window.__readBybit(), done: (window as unknown as { __navDone: boolean }).__navDone }));
      statuses.push(s.symbol.status === 'read' ? String(s.symbol.value) : s.symbol.status);
      if (s.symbol.status === 'read') {
        const eth = s.symbol.value === 'ETHUSDT';
        expect(s.quantityUnit.raw).toBe(eth ? 'Order by Qty (ETH)' : 'Order by Qty (BTC)');
        expectNum(s.markPrice, eth ? '3000' : '61000');
      }
      if (done) {
        expectRead(s.symbol, 'ETHUSDT');
        expectNum(s.price, '3000.5');
        expect(s.quantity.status).toBe('missing');
        break;
      }
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(statuses).toContain('ambiguous');
  });
});
