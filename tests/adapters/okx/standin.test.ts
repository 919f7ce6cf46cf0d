/**
 * The OKX swap adapter against the stand-in page (tests/sites/okx) in headless Chromium, under the real URL
 * (tests/support/browsers.ts maps the venue's host to the local HTTPS stand-in server). The test drives the page
 * through the stand-in's runtime API; the adapter is injected as an IIFE (standin-entry.ts: one reader per page
 * load) and never sees that API. One browser for the whole file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { D } from '../../../src/shared/decimal';
import type { Field, FormSnapshot, PositionRow, ReadScope, SizeAmount, SizeUnit } from '../../../src/contracts/snapshot';
import { reason, type Reason } from '../../../src/contracts/reasons';
import { launchPlainChromium } from '../../support/browsers';
import { startStandinServer, type StandinServer } from '../../sites/server';
import { bundleEntry, okxUrl } from './harness';

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
async function open(params: Record<string, string | number>, path = 'trade-swap/btc-usdt-swap', waitReady = true): Promise<void> {
  await page.goto(okxUrl(path, { seed: 12, delay: 0, storm: 0, ...params }));
  await page.addScriptTag({ content: adapterCode });
  if (waitReady) await page.evaluate(() => (window as unknown as { __standin: { ready: Promise<void> } }).__standin.ready);
}

const read = (scope: ReadScope = 'full'): Promise<FormSnapshot> => page.evaluate((sc) => window.__readOkx(sc), scope);

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
    ['', 'Cross', '61000.5', 'Contracts'],
    ['zh-hans/', '全仓', '61000.5', '张'],
    ['pt-br/', 'Cruzada', '61000,5', 'Contratos'],
  ])('"%s": form, account and header in the page language', async (prefix, crossWord, rawPrice, contracts) => {
    await open({ price: '61000.5', qty: '25', wallet: '12345.67', avail: '7654.32', upnl: '-45.6', mm: '12.34', mr: '8131.2', maxbuy: '2.621', maxsell: '1.5', lev: 25 },
      `${prefix}trade-swap/btc-usdt-swap`);
    const s = await read();
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

  it('pt-BR labels with dot numbers (si-numfmt=dot): numbers refused, not misread', async () => {
    await open({ price: '61000.5', numfmt: 'dot' }, 'pt-br/trade-swap/btc-usdt-swap');
    const s = await read();
    for (const f of [s.price, s.available, s.marginBalance, s.markPrice]) {
      expect(f).toMatchObject({ status: 'ambiguous', why: { code: 'page.numberFormatContradicted', params: { lang: 'pt-BR', expected: 'comma' } } });
    }
    expectRead(s.leverage, '10');
  });

  it('en labels with comma numbers (si-numfmt=comma): numbers refused', async () => {
    await open({ price: '61000.5', numfmt: 'comma' });
    const s = await read();
    expect(s.price.status).toBe('ambiguous');
    expect(s.markPrice.status).toBe('ambiguous');
  });
});

describe('units, modes and order types', () => {
  it.each([
    ['contracts', '50', 'contracts', '262.1'],
    ['base', '0.5', 'base', '2.621'],
    ['quote', '30500', 'quote', '159881'],
  ] as const)('amount unit %s, Max in the same unit (quote: base × mark)', async (unit, qty, expected, max) => {
    await open({ unit, qty, maxbuy: '2.621' });
    const s = await read();
    expectNum(s.quantity, qty);
    expectRead(s.quantityUnit, expected);
    expectMax(s.maxBuy, max, expected);
  });

  it('the page converts on a unit switch without events; the adapter reads the new unit and amount', async () => {
    await open({ qty: '50', price: '60000', events: 'none', stale: 0 });
    await page.click('.si-form-slot .okui-input-suffix [role="button"]');
    let s = await read();
    expectRead(s.quantityUnit, 'base');
    expectNum(s.quantity, '0.5');
    await page.click('.si-form-slot .okui-input-suffix [role="button"]');
    s = await read();
    expectRead(s.quantityUnit, 'quote');
    expectNum(s.quantity, '30000');
  });

  it('the slider writes an amount in the current unit', async () => {
    await open({ maxbuy: '2', price: '60000' });
    await page.evaluate(() => (window as unknown as { __standin: { slider(p: number): boolean } }).__standin.slider(40));
    const s = await read();
    expectNum(s.quantity, '80');
    expectRead(s.quantityUnit, 'contracts');
  });

  it('a contract value of another instrument binds there: the page still shows contracts as drawn', async () => {
    await open({ qty: '3', maxbuy: '6', ctval: '1' }, 'trade-swap/sol-usdt-swap');
    const s = await read();
    expectRead(s.symbol, 'SOL-USDT-SWAP');
    expectRead(s.quantityUnit, 'contracts');
    expectMax(s.maxBuy, '6', 'contracts');
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
    await open({ type: 'market', qty: '10' });
    const s = await read();
    expectRead(s.orderType, 'market');
    expectWhy(s.price, 'missing', reason('page.marketOrder'));
    expectNum(s.markPrice, '61000');
    expectNum(s.quantity, '10');
  });

  it('the TP/SL order type is unsupported', async () => {
    await open({ type: 'conditional' });
    expect((await read()).orderType).toMatchObject({ status: 'unsupported', why: { code: 'page.notSupported', params: { item: 'orderType', text: 'TP/SL' } } });
  });

  it('hedge Open, then Close with the closeable sizes as Max; the submit buttons follow', async () => {
    const pos = 'BTC-USDT-SWAP,long,0.5,60000,61000,cross,20,-,-,-,500;BTC-USDT-SWAP,short,0.2,62000,61000,cross,20,-,-,-,200';
    await open({ posmode: 'hedge', pos });
    let s = await read();
    expectRead(s.positionMode, 'hedge');
    expectRead(s.action, 'open');
    expect(await page.evaluate(() => window.__okxSubmit())).toEqual({ long: ['Open long'], short: ['Open short'] });
    await apply({ action: 'close' });
    s = await read();
    expectRead(s.action, 'close');
    expectMax(s.maxSell, '50', 'contracts', 'closeable long');
    expectMax(s.maxBuy, '20', 'contracts', 'closeable short');
    expect(s.ownPositions.value?.map((p) => [p.side, p.size, p.sizeUnit])).toEqual([['long', '50', 'contracts'], ['short', '20', 'contracts']]);
    expect(await page.evaluate(() => window.__okxSubmit())).toEqual({ long: ['Close short'], short: ['Close long'] });
  });

  it('a silent page write (no event, no attribute change) is read from the value property', async () => {
    await open({ price: '61000.5' });
    await page.evaluate(() => (window as unknown as { __standin: { write(f: string, t: string, n: string): boolean } }).__standin.write('price', '60123.4', 'none'));
    expectNum((await read()).price, '60123.4');
  });

  it.each([1, 2, 3, 4, 5, 6])('seed %i: U hooks, decoys, stale copies and column order drawn afresh, same reading', async (seed) => {
    await open({ seed, posmode: 'hedge', pos: 'BTC-USDT-SWAP,long,0.5,60000,61000,isolated,7,4357.14,52345.6,-,500', mode: 'isolated', lev: 7, price: '61000.5', qty: '5' });
    await page.evaluate(() => (window as unknown as { __standin: { rerender(): void } }).__standin.rerender());
    const s = await read();
    expectRead(s.positionMode, 'hedge');
    expectRead(s.leverage, '7');
    expectNum(s.price, '61000.5');
    expectRead(s.ownPositions, [
      { symbol: 'BTC-USDT-SWAP', quoteAsset: 'USDT', side: 'long', size: '50', sizeUnit: 'contracts', entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'isolated', leverage: '7', margin: '4357.14', exchangeLiquidationPrice: '52345.6' },
    ]);
    expectRead(s.otherPositions, []);
  });

  it('TP/SL values', async () => {
    await open({ tp: '65000', sl: '58000.5' });
    const s = await read();
    expectNum(s.takeProfit, '65000');
    expectNum(s.stopLoss, '58000.5');
  });

  it.each([['multi', 'multi'], ['portfolio', 'portfolio']] as const)('account mode %s', async (assetmode, expected) => {
    await open({ assetmode });
    expectRead((await read()).assetMode, expected);
  });
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
    await open({ pos, unit, upnl: '710' });
    const s = await read();
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
    await open({ pos, unit: 'quote', seed: 13 }, 'pt-br/trade-swap/btc-usdt-swap');
    const s = await read();
    const rows: PositionRow[] = [...(s.ownPositions.value ?? []), ...(s.otherPositions.value ?? [])];
    expect(rows.map((p) => [p.symbol, p.side, p.size, p.sizeUnit, p.entryPrice])).toEqual([
      ['BTC-USDT-SWAP', 'long', '30500', 'quote', '60000.0'],
      ['ETH-USDT-SWAP', 'short', '8850', 'quote', '3000.00'],
      ['SOL-USDT-SWAP', 'long', '1860', 'quote', '150.00'],
    ]);
  });

  it('the Open orders tab selected: both lists unknown; back on Open positions they are read again', async () => {
    await open({ pos });
    const click = (label: string) => page.evaluate((l) => {
      const tab = [...document.querySelectorAll('.okui-tabs-pane-underline[role="tab"]')].find((t) => (t.textContent ?? '').startsWith(l));
      (tab as HTMLElement).click();
    }, label);
    await click('Open orders');
    let s = await read();
    expectWhy(s.ownPositions, 'missing', reason('positions.tabNotSelected'));
    expectWhy(s.otherPositions, 'missing', reason('positions.tabNotSelected'));
    expect(s.walletBalance.status).not.toBe('read');
    await click('Open positions');
    s = await read();
    expect(s.otherPositions.value).toHaveLength(2);
  });

  it('logged out: isolated inputs read, the rest says log in', async () => {
    await open({ auth: 'out', pos, mode: 'isolated', lev: 10, price: '61000.5', qty: '20', unit: 'base' });
    const s = await read();
    expectRead(s.loggedIn, false);
    expectRead(s.marginMode, 'isolated');
    expectRead(s.leverage, '10');
    expectRead(s.quantityUnit, 'base');
    expectNum(s.price, '61000.5');
    const checks: [Field<unknown>, Reason][] = [
      [s.available, reason('page.loginToSee', { item: 'available' })],
      [s.maxBuy, reason('page.loginToSee', { item: 'maxBuy' })],
      [s.marginBalance, reason('page.loginToSee', { item: 'marginBalance' })],
      [s.assetMode, reason('page.loginToSee', { item: 'assetMode' })],
      [s.ownPositions, reason('page.loginToSee', { item: 'positions' })],
      [s.otherPositions, reason('page.loginToSee', { item: 'positions' })],
    ];
    for (const [field, why] of checks) expectWhy(field, 'missing', why, why.code);
    expect(await page.evaluate(() => window.__okxSubmit())).toEqual({ long: [], short: [] });
  });
});

describe('timing: hydration, re-renders, stale copies, navigation', () => {
  it('before hydration and while the account data arrives: never a wrong value, never a broken selector', async () => {
    await open({ delay: 1200, pos: 'ETH-USDT-SWAP,short,3,3000,2950,isolated,10,900,3268.5,-,150', avail: '7654.32', price: '61000.5' }, 'trade-swap/btc-usdt-swap', false);
    const seen = new Set<string>();
    for (;;) {
      const { s, ready } = await page.evaluate(() => ({ s: window.__readOkx(), ready: document.documentElement.getAttribute('data-si-ready') === '1' }));
      seen.add(`${s.form.status}/${s.available.status}/${s.otherPositions.status}`);
      expect(brokenFields(s)).toEqual([]);
      if (s.available.status === 'read') expectNum(s.available, '7654.32');
      if (s.price.status === 'read') expectNum(s.price, '61000.5');
      if (s.ownPositions.status === 'read') expect(s.ownPositions.value).toEqual([]);
      if (s.otherPositions.status === 'read') expect(s.otherPositions.value).toHaveLength(1);
      if (s.walletBalance.status === 'read') expectNum(s.walletBalance, '9850');
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

  it("the form arrives first, the panel and positions later: typing ('form' reads) shows them once there", async () => {
    await open({ delay: '0,2000,2000', pos: 'BTC-USDT-SWAP,long,0.5,60000,61000,cross,20,-,-,-,500', wallet: '12345.67', upnl: '500' }, 'trade-swap/btc-usdt-swap', false);
    let early: FormSnapshot | null = null;
    let ready = false;
    while (!ready) {
      const scope: ReadScope = early === null ? 'full' : 'form';
      const now: { s: FormSnapshot; settled: boolean; ready: boolean } = await page.evaluate((sc) => ({
        s: window.__readOkx(sc), settled: window.__okxOutside().settled, ready: document.documentElement.getAttribute('data-si-ready') === '1',
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
    expectNum(typed.walletBalance, '12345.67', 'wallet');
    expectRead(typed.ownPositions, [
      { symbol: 'BTC-USDT-SWAP', quoteAsset: 'USDT', side: 'long', size: '50', sizeUnit: 'contracts', entryPrice: '60000.0', markPrice: '61000.0', marginMode: 'cross', leverage: '20', exchangeLiquidationPrice: null },
    ]);
    expect(await page.evaluate(() => window.__okxOutside().settled)).toBe(true);
  });

  it.each(['display', 'hidden', 'aria', 'visibility'])('periodic re-renders with stale copies hidden by %s, decoys and storm on', async (stalehide) => {
    await open({ rerender: 150, stale: 1, stalehide, storm: 200, lev: 33, mode: 'isolated', price: '61000.5', qty: '123', maxbuy: '1.5' });
    for (let i = 0; i < 12; i++) {
      const s = await read();
      expectRead(s.form, true);
      expectRead(s.leverage, '33');
      expectRead(s.marginMode, 'isolated');
      expectNum(s.price, '61000.5');
      expectNum(s.quantity, '123');
      expectMax(s.maxBuy, '150', 'contracts');
      await new Promise((r) => setTimeout(r, 60));
    }
  });

  it.each(['url-first', 'form-first'] as const)('symbol switch %s: never the new URL with the old form, nor the reverse', async (order) => {
    await open({ price: '61000.5', qty: '25', unit: 'base' });
    await page.evaluate((o) => {
      const w = window as unknown as { __navDone: boolean; __standin: { navigate(s: string, o: string): Promise<void> } };
      w.__navDone = false;
      void w.__standin.navigate('ETH-USDT-SWAP', o).then(() => { w.__navDone = true; });
    }, order);
    const statuses: string[] = [];
    for (;;) {
      const { s, done } = await page.evaluate(() => ({ s: window.__readOkx(), done: (window as unknown as { __navDone: boolean }).__navDone }));
      statuses.push(s.symbol.status === 'read' ? String(s.symbol.value) : s.symbol.status);
      if (s.symbol.status === 'read') {
        const eth = s.symbol.value === 'ETH-USDT-SWAP';
        expect(s.quantityUnit.raw).toBe(eth ? 'ETH' : 'BTC');
        expectNum(s.markPrice, eth ? '3000' : '61000');
      }
      if (done) {
        expectRead(s.symbol, 'ETH-USDT-SWAP');
        expectNum(s.price, '3000.5');
        expect(s.quantity.status).toBe('missing');
        break;
      }
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(statuses).toContain('ambiguous');
  });
});
