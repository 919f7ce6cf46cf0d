/**
 * Health of the Bybit adapter's hooks on the stand-in page (tests/sites/bybit) in headless Chromium: each
 * hook the calculation needs is in turn removed, duplicated and hidden on a loaded page (past the loading
 * grace), and no field that depends on it may be read, so no number resting on it can be shown; the fields
 * that do not depend on it still are (the change hit what it meant to). A re-render of the page part then
 * brings the reading back. An empty positions table is read (no positions), never a failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import type { Field, FormSnapshot, SnapshotKey } from '../../../src/contracts/snapshot';
import { evaluateSnapshot } from '../../../src/background/evaluate';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { LOADING_GRACE_MS } from '../../../src/adapters/kit/reader';
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

const POS = 'BTCUSDT,long,0.5,60000,61000,cross,20,1525;ETHUSDT,short,3,3000,2950,isolated,10,900,3268.5';

/** A loaded page: the stand-in ready, the adapter injected, its clock past the loading grace. */
async function openLoaded(params: Record<string, string> = {}): Promise<void> {
  const query = new URLSearchParams({ 'si-seed': '21', 'si-delay': '0', 'si-storm': '0', 'si-price': '60000', 'si-qty': '0.1', 'si-tp': '65000', 'si-sl': '58000', 'si-pos': POS, ...params });
  await page.goto(`https://www.bybit.com/en-US/trade/usdt/BTCUSDT?${query}`);
  await page.evaluate(() => (window as unknown as { __standin: { ready: Promise<void> } }).__standin.ready);
  await page.addScriptTag({ content: adapterCode });
  expect((await read()).form.status).toBe('read');
  await page.evaluate((ms) => window.__bybitAdvance(ms), LOADING_GRACE_MS);
}

const read = (): Promise<FormSnapshot> => page.evaluate(() => window.__readBybit('full'));

/**
 * Finds a hook's live element in the page. Written against the stand-in's structure (tests may use its
 * own classes; the adapter never does).
 */
const FIND = `(() => {
  const vis = (el) => el.getClientRects().length > 0 && !el.closest('[hidden], [aria-hidden="true"]') && getComputedStyle(el).visibility === 'visible';
  const visAll = (sel, root = document) => [...root.querySelectorAll(sel)].filter(vis);
  const root = visAll('.oc-head-leverage')[0]?.closest('.si-form');
  const boxes = root ? visAll('.by-input__container', root) : [];
  const pair = (scope, label) => visAll('span', scope).find((s) => s.textContent === label)?.parentElement;
  const panel = visAll('.trade-assets__body')[0];
  const table = visAll('table')[0];
  const th = (label) => table && [...table.querySelectorAll('thead th')].find((h) => h.firstChild.textContent === label);
  window.__hook = {
    leverage: () => visAll('.oc-head-leverage')[0],
    tpslText: () => visAll('.oc__tp-sl-chk-text')[0],
    orderTab: () => visAll('[role="tab"][aria-selected="true"]', root)[0],
    priceLabel: () => boxes[0].previousElementSibling,
    priceInput: () => boxes[0].querySelector('input'),
    qtySwitch: () => visAll('span[role="button"]', root)[0],
    qtyInput: () => boxes[1].querySelector('input'),
    qtySuffix: () => boxes[1].querySelector('.by-input__right-icon'),
    tpRow: () => visAll('.oc__row-bottom--12', root)[0],
    available: () => pair(root, 'Available Balance'),
    buyButton: () => visAll('button', root).find((b) => b.textContent === 'Buy/Long'),
    marginMode: () => visAll('.oc-head-leverage')[0].previousElementSibling,
    accountPanel: () => panel,
    marginBalance: () => pair(panel, 'Margin Balance'),
    mark: () => visAll('.contract-detail')[0].firstElementChild,
    positionsTab: () => visAll('[role="tab"]').find((t) => t.textContent.startsWith('Positions')),
    table: () => table,
    contractsHeader: () => th('Contracts'),
    liqHeader: () => th('Liq. Price'),
  };
})()`;

type Op = 'remove' | 'duplicate' | 'hide';

async function mutate(hook: string, op: Op): Promise<void> {
  await page.evaluate(FIND);
  const done = await page.evaluate((h, o) => {
    const el = (window as unknown as { __hook: Record<string, () => Element | undefined> }).__hook[h]!();
    if (!el) return false;
    if (o === 'remove') el.remove();
    else if (o === 'duplicate') el.after(el.cloneNode(true));
    else (el as HTMLElement).style.display = 'none';
    return true;
  }, hook, op);
  expect(done, `${hook} found on the page`).toBe(true);
}

/** How a part of the page is drawn again: the form re-renders, the rest is redrawn by a page change. */
const RERENDER = {
  form: `window.__standin.rerender()`,
  outside: `window.__standin.apply({ mm: String(Math.random()).slice(0, 4) })`,
};

interface HookCase {
  hook: string;
  ops: Op[];
  /** Fields that must not be read once the hook is changed. */
  needs: SnapshotKey[];
  /** Fields that must still be read (the change hit only the hook). */
  keeps: SnapshotKey[];
  part: keyof typeof RERENDER;
}

const ALL: Op[] = ['remove', 'duplicate', 'hide'];
const CASES: HookCase[] = [
  { hook: 'leverage', ops: ALL, needs: ['form', 'leverage', 'price', 'quantity'], keeps: [], part: 'form' },
  { hook: 'tpslText', ops: ALL, needs: ['form', 'leverage', 'price', 'quantity'], keeps: [], part: 'form' },
  { hook: 'orderTab', ops: ALL, needs: ['orderType'], keeps: ['quantity', 'leverage', 'markPrice'], part: 'form' },
  { hook: 'priceLabel', ops: ['remove', 'hide'], needs: ['price', 'orderType'], keeps: ['quantity', 'leverage'], part: 'form' },
  { hook: 'priceInput', ops: ALL, needs: ['price'], keeps: ['leverage', 'quantityUnit'], part: 'form' },
  { hook: 'qtySwitch', ops: ALL, needs: ['quantity', 'quantityUnit'], keeps: ['price', 'leverage'], part: 'form' },
  { hook: 'qtyInput', ops: ALL, needs: ['quantity'], keeps: ['leverage', 'price'], part: 'form' },
  { hook: 'qtySuffix', ops: ALL, needs: ['quantityUnit'], keeps: ['price', 'quantity'], part: 'form' },
  { hook: 'tpRow', ops: ALL, needs: ['takeProfit'], keeps: ['price', 'quantity', 'stopLoss'], part: 'form' },
  { hook: 'available', ops: ALL, needs: ['available'], keeps: ['price', 'quantity'], part: 'form' },
  { hook: 'buyButton', ops: ALL, needs: ['positionMode', 'action'], keeps: ['price', 'quantity'], part: 'form' },
  { hook: 'marginMode', ops: ALL, needs: ['marginMode', 'assetMode'], keeps: ['leverage', 'quantity'], part: 'form' },
  { hook: 'accountPanel', ops: ALL, needs: ['marginBalance', 'maintenanceMargin', 'walletBalance'], keeps: ['markPrice', 'ownPositions'], part: 'outside' },
  { hook: 'marginBalance', ops: ALL, needs: ['marginBalance', 'walletBalance'], keeps: ['maintenanceMargin', 'ownPositions'], part: 'outside' },
  { hook: 'mark', ops: ALL, needs: ['markPrice'], keeps: ['marginBalance', 'ownPositions'], part: 'outside' },
  { hook: 'positionsTab', ops: ALL, needs: ['ownPositions', 'otherPositions'], keeps: ['marginBalance', 'markPrice'], part: 'outside' },
  { hook: 'table', ops: ALL, needs: ['ownPositions', 'otherPositions'], keeps: ['marginBalance', 'markPrice'], part: 'outside' },
  { hook: 'contractsHeader', ops: ALL, needs: ['ownPositions', 'otherPositions'], keeps: ['marginBalance', 'markPrice'], part: 'outside' },
  { hook: 'liqHeader', ops: ALL, needs: ['ownPositions', 'otherPositions'], keeps: ['marginBalance', 'markPrice'], part: 'outside' },
];

const status = (s: FormSnapshot, key: SnapshotKey) => (s[key] as Field<unknown>).status;
const notRead = (s: FormSnapshot, keys: SnapshotKey[]) => keys.filter((k) => status(s, k) === 'read');

/** The panel's figures for a snapshot: every value the background would let the panel show. */
function shownValues(s: FormSnapshot): string[] {
  const result = evaluateSnapshot(s, DEFAULT_SETTINGS);
  if ('unavailable' in result) return [];
  return result.evaluation.sides.flatMap((side) =>
    (['isolated', 'cross'] as const).flatMap((mode) =>
      Object.entries(side[mode]).flatMap(([key, f]) => (typeof f === 'object' && f !== null && 'kind' in f && f.kind === 'value' ? [`${side.side}.${mode}.${key}`] : []))));
}

describe('bybit hooks: removed, duplicated, hidden, re-rendered', () => {
  it('the healthy page reads every field these cases rely on, and the panel would show figures', async () => {
    await openLoaded();
    const s = await read();
    const every = [...new Set(CASES.flatMap((c) => [...c.needs, ...c.keeps]))].filter((k) => k !== 'walletBalance');
    expect(every.filter((k) => status(s, k) !== 'read')).toEqual([]);
    expect(shownValues(s).some((f) => f.includes('.isolated.liquidationPrice'))).toBe(true);
  });

  for (const c of CASES) {
    for (const op of c.ops) {
      it(`${c.hook}: ${op}`, async () => {
        await openLoaded();
        await mutate(c.hook, op);
        const broken = await read();
        expect(notRead(broken, c.needs), `read although ${c.hook} was ${op === 'hide' ? 'hidden' : `${op}d`}`).toEqual([]);
        expect(c.keeps.filter((k) => status(broken, k) !== 'read'), `not read any more after ${c.hook} was ${op === 'hide' ? 'hidden' : `${op}d`}`).toEqual([]);
        // Nothing resting on the hook may reach the panel: a form, price, quantity, leverage, mark or
        // own-position hook takes every figure down; an account or other-positions hook the cross ones.
        const shown = shownValues(broken);
        const crossOnly = c.needs.every((k) => ['marginBalance', 'maintenanceMargin', 'walletBalance', 'otherPositions', 'available', 'takeProfit', 'marginMode', 'assetMode'].includes(k));
        if (crossOnly) expect(shown.filter((f) => f.includes('.cross.') && f.endsWith('liquidationPrice'))).toEqual([]);
        else expect(shown).toEqual([]);
        // A page part drawn anew (new nodes, the hook back) is read again.
        await page.evaluate(RERENDER[c.part]);
        const again = await read();
        expect(c.needs.filter((k) => status(again, k) !== 'read' && k !== 'walletBalance'), `not read after the ${c.part} re-rendered`).toEqual([]);
      });
    }
  }

  it('a missing hook on a loaded page is a broken selector (the panel says the page changed), never "not there yet"', async () => {
    await openLoaded();
    await mutate('qtyInput', 'remove');
    await mutate('mark', 'remove');
    await mutate('positionsTab', 'remove');
    const s = await read();
    expect(s.quantity.why).toMatchObject({ code: 'page.selectorBroke', params: { item: 'quantity' } });
    expect(s.markPrice.why).toMatchObject({ code: 'page.selectorBroke', params: { item: 'markPrice' } });
    expect(s.ownPositions.why).toMatchObject({ code: 'page.selectorBroke', params: { item: 'positionsTab' } });
  });

  it('the title without the symbol, or with another: the symbol is not read', async () => {
    await openLoaded();
    await page.evaluate(() => { document.title = 'Bybit'; });
    expect((await read()).symbol.status).toBe('missing');
    await page.evaluate(() => { document.title = '3,000.50 | ETHUSDT | Bybit'; });
    const s = await read();
    expect(s.symbol.status).toBe('ambiguous');
    expect(shownValues(s)).toEqual([]);
  });

  it('an empty positions table is read (no positions) on a loaded page, never a failure', async () => {
    await openLoaded({ 'si-pos': '' });
    const s = await read();
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [] });
    expect(s.otherPositions).toMatchObject({ status: 'read', value: [] });
    expect(s.walletBalance.status).toBe('read');
    expect(shownValues(s).some((f) => f.includes('.cross.liquidationPrice'))).toBe(true);
  });
});
