/**
 * The Binance USDⓈ-M adapter against the stand-in page (tests/sites/binance-usdm) in headless
 * Chromium, under the real URL (tests/support/browsers.ts maps the venue's host to the local HTTPS
 * stand-in server). The test drives the page through the stand-in's runtime API; the adapter is
 * injected as an IIFE (standin-entry.ts: one reader per page load) and never sees that API.
 * One browser for the whole file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { fileURLToPath } from 'node:url';
import { D } from '../../../src/shared/decimal';
import type { Field, FormSnapshot, PositionRow, ReadScope, SizeAmount, SizeUnit } from '../../../src/contracts/snapshot';
import { reason, type Reason } from '../../../src/contracts/reasons';
import { launchPlainChromium } from '../../support/browsers';
import { startStandinServer, type StandinServer } from '../../sites/server';

let server: StandinServer;
let browser: Browser;
let page: Page;
let adapterCode: string;

beforeAll(async () => {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('./standin-entry.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
  });
  adapterCode = bundled.outputFiles[0]?.text ?? '';
  server = await startStandinServer({});
  browser = await launchPlainChromium(server.port);
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Load a page state; by default wait for the stand-in to be ready. Quick hydration, no storm, unless given. */
async function open(params: Record<string, string | number>, path = 'en/futures/BTCUSDT', waitReady = true): Promise<void> {
  const query = new URLSearchParams({ 'si-seed': '11', 'si-delay': '0', 'si-storm': '0' });
  for (const [k, v] of Object.entries(params)) query.set(`si-${k}`, String(v));
  await page.goto(`https://www.binance.com/${path}?${query.toString()}`);
  await page.addScriptTag({ content: adapterCode });
  if (waitReady) await page.evaluate(() => (window as unknown as { __standin: { ready: Promise<void> } }).__standin.ready);
}

const read = (scope: ReadScope = 'full'): Promise<FormSnapshot> => page.evaluate((sc) => window.__readBinance(sc), scope);

/** The fields of a snapshot that report a broken selector. */
function brokenFields(s: FormSnapshot): string[] {
  return Object.entries(s).flatMap(([key, f]) => ((f as Field<unknown>).why?.code === 'page.selectorBroke' ? [key] : []));
}

function expectWhy(field: Field<unknown>, status: Field<unknown>['status'], why: Reason, name = ''): void {
  expect(field, name).toMatchObject({ status, why });
}

async function apply(params: Record<string, string | number>): Promise<void> {
  await page.evaluate((p) => (window as unknown as { __standin: { apply(p: object): boolean } }).__standin.apply(p), params);
}

/** A read field whose decimal equals `expected` (so '0.500' matches '0.5'). */
function expectNum(field: Field<string>, expected: string, name = ''): void {
  expect(field.status, `${name} ${JSON.stringify(field)}`).toBe('read');
  expect(D(field.value as string).eq(D(expected)), `${name} ${field.value} ≠ ${expected}`).toBe(true);
}

/** A Max as shown: the amount (compared as a number) and its unit. */
function expectMax(field: Field<SizeAmount>, amount: string, unit: SizeUnit, name = ''): void {
  expect(field.status, `${name} ${JSON.stringify(field)}`).toBe('read');
  expect(field.value?.unit, name).toBe(unit);
  expect(D(field.value!.amount).eq(D(amount)), `${name} ${field.value!.amount} ≠ ${amount}`).toBe(true);
}

function expectRead<T>(field: Field<T>, expected: T, name = ''): void {
  expect(field, name).toMatchObject({ status: 'read', value: expected });
}

describe('locales and number formats', () => {
  it.each([
    ['en', 'Cross', '61000.5'],
    ['zh-CN', '全仓', '61000.5'],
    ['pt-BR', 'Cruzada', '61000,5'],
  ])('%s: form, account and header in the page language', async (locale, crossWord, rawPrice) => {
    await open({ price: '61000.5', qty: '0.25', wallet: '12345.67', avail: '7654.32', upnl: '-45.6', mm: '12.34', mr: '0.52', maxbuy: '2.621', maxsell: '1.5', lev: 25 }, `${locale}/futures/BTCUSDT`);
    const s = await read();
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

  it('pt-BR labels with dot numbers (si-numfmt=dot): numbers refused, not misread', async () => {
    await open({ price: '61000.5', numfmt: 'dot' }, 'pt-BR/futures/BTCUSDT');
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
    expect(s.markPrice.status).toBe('ambiguous');
  });
});

describe('units, modes and order types', () => {
  it('quote unit: notional stays quote; Max reported as shown, in quote (base × mark)', async () => {
    await open({ unit: 'quote', qty: '1500.5', maxbuy: '2.621', maxsell: '0.5' });
    const s = await read();
    expectNum(s.quantity, '1500.5');
    expectRead(s.quantityUnit, 'quote');
    expect(s.maxBuy.raw).toMatch(/USDT$/);
    expectMax(s.maxBuy, '159881', 'quote');
    expectMax(s.maxSell, '30500', 'quote');
  });

  it('percent unit: quantity 25, unit percent', async () => {
    await open({ unit: 'percent', qty: '25', maxbuy: '2' });
    const s = await read();
    expectNum(s.quantity, '25');
    expectRead(s.quantityUnit, 'percent');
    expectMax(s.maxBuy, '2', 'base');
  });

  it('the slider writes a percent the adapter reads', async () => {
    await open({ maxbuy: '2' });
    await page.evaluate(() => (window as unknown as { __standin: { slider(p: number): boolean } }).__standin.slider(40));
    const s = await read();
    expectNum(s.quantity, '40');
    expectRead(s.quantityUnit, 'percent');
  });

  it('cross and isolated at several leverages (text updated in place)', async () => {
    await open({});
    for (const [mode, lev] of [['isolated', 5], ['cross', 1], ['isolated', 125], ['cross', 50]] as const) {
      await apply({ mode, lev });
      const s = await read();
      expectRead(s.marginMode, mode, `${mode} ${lev}`);
      expectRead(s.leverage, String(lev), `${mode} ${lev}`);
    }
  });

  it('market order: no price, the header mark', async () => {
    await open({ type: 'market', qty: '0.1' });
    const s = await read();
    expectRead(s.orderType, 'market');
    expectWhy(s.price, 'missing', reason('page.marketOrder'));
    expectNum(s.markPrice, '61000');
    expectNum(s.quantity, '0.1');
  });

  it('a dated delivery contract is served but unsupported', async () => {
    await open({}, 'en/futures/BTCUSDT_250926');
    const s = await read();
    expectRead(s.form, true);
    expectWhy(s.symbol, 'unsupported', reason('page.datedContract', { symbol: 'BTCUSDT_250926' }));
  });

  it('conditional order type is unsupported', async () => {
    await open({ type: 'conditional' });
    expect((await read()).orderType).toMatchObject({ status: 'unsupported', why: { code: 'page.notSupported', params: { item: 'orderType' } } });
  });

  it('hedge Open, then Close with the closeable sizes as Max', async () => {
    const pos = 'BTCUSDT,long,0.5,60000,61000,cross,20;BTCUSDT,short,0.2,62000,61000,cross,20';
    await open({ posmode: 'hedge', pos });
    let s = await read();
    expectRead(s.positionMode, 'hedge');
    expectRead(s.action, 'open');
    await apply({ action: 'close' });
    s = await read();
    expectRead(s.action, 'close');
    expectMax(s.maxSell, '0.5', 'base', 'closeable long');
    expectMax(s.maxBuy, '0.2', 'base', 'closeable short');
    expect(s.ownPositions.value?.map((p) => [p.side, p.size])).toEqual([['long', '0.500'], ['short', '0.200']]);
    expectRead(s.otherPositions, []);
  });

  it('a silent page write (no event, no attribute change) is read from the value property', async () => {
    await open({ price: '61000.5' });
    await page.evaluate(() =>
      (window as unknown as { __standin: { write(f: string, t: string, n: string): boolean } }).__standin.write('price', '60123.4', 'none'),
    );
    expectNum((await read()).price, '60123.4');
  });

  it.each([1, 2, 3, 4, 5, 6])('seed %i: U hooks, decoys and stale copies drawn afresh, same reading', async (seed) => {
    await open({ seed, posmode: 'hedge', pos: 'BTCUSDT,long,0.5,60000,61000,isolated,7,4357.14,52345.6', mode: 'isolated', lev: 7, price: '61000.5', qty: '0.5' });
    await page.evaluate(() => (window as unknown as { __standin: { rerender(): void } }).__standin.rerender());
    const s = await read();
    expectRead(s.positionMode, 'hedge');
    expectRead(s.leverage, '7');
    expectNum(s.price, '61000.5');
    expectRead(s.ownPositions, [
      { symbol: 'BTCUSDT', quoteAsset: 'USDT', side: 'long', size: '0.500', sizeUnit: 'base', entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'isolated', leverage: '7', margin: '4357.14', exchangeLiquidationPrice: '52345.6' },
    ]);
    expectRead(s.otherPositions, []);
  });

  it('TP/SL values', async () => {
    await open({ tp: '65000', sl: '58000.5' });
    const s = await read();
    expectNum(s.takeProfit, '65000');
    expectNum(s.stopLoss, '58000.5');
  });

  it.each([
    ['multi', 'multi'],
    ['portfolio', 'portfolio'],
  ] as const)('asset mode %s', async (assetmode, expected) => {
    await open({ assetmode });
    expectRead((await read()).assetMode, expected);
  });
});

describe('positions', () => {
  const pos = 'BTCUSDT,long,0.5,60000,61000,cross,20;ETHUSDT,short,3,3000,2950,isolated,10,900,3268.5;SOLUSDT,long,12,150,155,isolated,5,360,120.25';

  // Sizes as the Size column shows them: base at lot decimals, or the notional (size × row mark) in quote.
  const sizes = {
    base: ['0.500', '3.000', '12.000'],
    quote: ['30500.0', '8850.00', '1860.00'],
  } as const;

  it.each(['base', 'quote'] as const)('several rows, size unit %s', async (unit) => {
    await open({ pos, unit });
    const s = await read();
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
    await open({ pos, unit: 'quote' }, 'pt-BR/futures/BTCUSDT');
    const s = await read();
    const rows: PositionRow[] = [...(s.ownPositions.value ?? []), ...(s.otherPositions.value ?? [])];
    expect(rows.map((p) => [p.symbol, p.side, p.size, p.sizeUnit, p.entryPrice])).toEqual([
      ['BTCUSDT', 'long', '30500.0', 'quote', '60000.0'],
      ['ETHUSDT', 'short', '8850.00', 'quote', '3000.00'],
      ['SOLUSDT', 'long', '1860.00', 'quote', '150.00'],
    ]);
  });

  it("Hide Other Symbols: this symbol's own positions read, the others hidden", async () => {
    await open({ pos, hideother: 1 });
    const s = await read();
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [{ symbol: 'BTCUSDT', side: 'long', size: '0.500' }], raw: 'Positions(1)' });
    expectWhy(s.otherPositions, 'missing', reason('positions.othersHidden'));
  });

  it('Hide Other Symbols with no position on this symbol: an empty own list (Positions(0)), the others hidden', async () => {
    await open({ pos: 'ETHUSDT,short,3,3000,2950,isolated,10,900,3268.5', hideother: 1 });
    const s = await read();
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [], raw: 'Positions(0)' });
    expectWhy(s.otherPositions, 'missing', reason('positions.othersHidden'));
  });

  it('the Open Orders tab selected: both lists unknown', async () => {
    await open({ pos, hideother: 1 });
    await page.evaluate(() => {
      const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => /^Open Orders/.test(t.textContent ?? ''));
      (tab as HTMLElement).click();
    });
    const s = await read();
    expectWhy(s.ownPositions, 'missing', reason('positions.tabNotSelected'));
    expectWhy(s.otherPositions, 'missing', reason('positions.tabNotSelected'));
  });

  it('logged out: isolated inputs read, the rest says log in', async () => {
    await open({ auth: 'out', pos, mode: 'isolated', lev: 10, price: '61000.5', qty: '0.2' });
    const s = await read();
    expectRead(s.loggedIn, false);
    expectRead(s.marginMode, 'isolated');
    expectRead(s.leverage, '10');
    expectNum(s.price, '61000.5');
    expectNum(s.quantity, '0.2');
    const checks: [Field<unknown>, Reason][] = [
      [s.available, reason('page.loginToSee', { item: 'available' })],
      [s.maxBuy, reason('page.loginToSee', { item: 'maxBuy' })],
      [s.walletBalance, reason('page.loginToSee', { item: 'walletBalance' })],
      [s.ownPositions, reason('page.loginToSee', { item: 'positions' })],
      [s.otherPositions, reason('page.loginToSee', { item: 'positions' })],
      [s.assetMode, reason('page.loginToSee', { item: 'assetMode' })],
    ];
    for (const [field, why] of checks) expectWhy(field, 'missing', why, why.code);
  });
});

describe('timing: hydration, re-renders, stale copies, navigation', () => {
  it('before hydration and while the account data arrives: never a wrong value, never a broken selector', async () => {
    await open({ delay: 1200, pos: 'ETHUSDT,short,3,3000,2950,isolated,10,900,3268.5', avail: '7654.32', price: '61000.5' }, 'en/futures/BTCUSDT', false);
    const seen = new Set<string>();
    for (;;) {
      const { s, ready } = await page.evaluate(() => ({
        s: window.__readBinance(),
        ready: document.documentElement.getAttribute('data-si-ready') === '1',
      }));
      seen.add(`${s.form.status}/${s.available.status}/${s.otherPositions.status}`);
      // All of it arrives well inside the loading grace: a part not there yet is never "selector broke".
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
    // The first reads saw no form at all.
    expect([...seen][0]).toMatch(/^missing\//);
  });

  it("the form arrives first, the account panel and positions later: typing ('form' reads) shows them once there", async () => {
    // si-delay=<form>,<panel>,<account>: the form at once, the account panel and the positions area 2 s later.
    await open({ delay: '0,2000,2000', pos: 'BTCUSDT,long,0.5,60000,61000,cross,20', wallet: '12345.67' }, 'en/futures/BTCUSDT', false);
    let early: FormSnapshot | null = null;
    let ready = false;
    while (!ready) {
      const scope: ReadScope = early === null ? 'full' : 'form';
      const now: { s: FormSnapshot; settled: boolean; ready: boolean } = await page.evaluate((sc) => ({
        s: window.__readBinance(sc),
        settled: window.__binanceOutside().settled,
        ready: document.documentElement.getAttribute('data-si-ready') === '1',
      }), scope);
      ready = now.ready;
      if (early === null && now.s.form.status === 'read' && !ready) {
        early = now.s;
        // A reading taken before the rest of the page came: not settled, nothing broken.
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
      { symbol: 'BTCUSDT', quoteAsset: 'USDT', side: 'long', size: '0.500', sizeUnit: 'base', entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'cross', leverage: '20', exchangeLiquidationPrice: null },
    ]);
    expectRead(typed.otherPositions, []);
    expect(await page.evaluate(() => window.__binanceOutside().settled)).toBe(true);
  });

  it.each(['display', 'hidden', 'aria', 'visibility'])(
    'periodic re-renders with stale copies hidden by %s, decoys on',
    async (stalehide) => {
      await open({ rerender: 150, stale: 1, stalehide, storm: 200, lev: 33, mode: 'isolated', price: '61000.5', qty: '0.123', maxbuy: '1.5' });
      for (let i = 0; i < 12; i++) {
        const s = await read();
        expectRead(s.form, true);
        expectRead(s.leverage, '33');
        expectNum(s.price, '61000.5');
        expectNum(s.quantity, '0.123');
        expectMax(s.maxBuy, '1.5', 'base');
        await new Promise((r) => setTimeout(r, 60));
      }
    },
  );

  it('rerender() keeps the values', async () => {
    await open({ price: '60500', qty: '0.3' });
    const before = await read();
    await page.evaluate(() => (window as unknown as { __standin: { rerender(): void } }).__standin.rerender());
    const after = await read();
    expect(after.price).toEqual(before.price);
    expect(after.quantity).toEqual(before.quantity);
    expect(after.leverage).toEqual(before.leverage);
  });

  it.each(['url-first', 'form-first'] as const)(
    'symbol switch %s: never the new URL symbol with the old form, nor the reverse',
    async (order) => {
      await open({ price: '61000.5', qty: '0.25' });
      await page.evaluate((o) => {
        const w = window as unknown as { __navDone: boolean; __standin: { navigate(s: string, o: string): Promise<void> } };
        w.__navDone = false;
        void w.__standin.navigate('ETHUSDT', o).then(() => { w.__navDone = true; });
      }, order);
      const statuses: string[] = [];
      for (;;) {
        const { s, done } = await page.evaluate(() => ({
          s: window.__readBinance(),
          done: (window as unknown as { __navDone: boolean }).__navDone,
        }));
        statuses.push(s.symbol.status === 'read' ? String(s.symbol.value) : s.symbol.status);
        if (s.symbol.status === 'read') {
          const eth = s.symbol.value === 'ETHUSDT';
          expect(s.quantityUnit.raw).toBe(eth ? 'ETH' : 'BTC');
          expectNum(s.markPrice, eth ? '3000' : '61000');
        }
        if (done) {
          expectRead(s.symbol, 'ETHUSDT');
          expectNum(s.price, '3000.5'); // reset to the new symbol's last
          expect(s.quantity.status).toBe('missing');
          break;
        }
        await new Promise((r) => setTimeout(r, 30));
      }
      // The in-between state was seen and reported as ambiguous.
      expect(statuses).toContain('ambiguous');
    },
  );
});
