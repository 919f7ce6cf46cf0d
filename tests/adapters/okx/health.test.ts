/**
 * Health checks of the OKX adapter against its stand-in (tests/sites/okx) in headless Chromium: every hook the
 * calculation needs is, in turn, removed, duplicated, hidden and re-rendered (replaced by a fresh copy) on the
 * live page. While it is gone, doubled or hidden, no field that depends on it may be read (so the panel can show
 * no number from it); once the page has loaded, a hook that is gone reads as a broken selector; a fresh copy is
 * read again. An empty positions table is read as no positions, never as a failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import type { Field, FormSnapshot, SnapshotKey } from '../../../src/contracts/snapshot';
import { reason } from '../../../src/contracts/reasons';
import type { ItemCode } from '../../../src/contracts/reasons';
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

// In the page: the visibility test, and the four operations on one hook element (found by `find`, an
// expression over `root`, the live form root, and `vis` / `visAll` / `txt`).
const OPS = `
  window.vis = (el) => el.getClientRects().length > 0 && !el.closest('[hidden], [aria-hidden="true"]') && getComputedStyle(el).visibility === 'visible';
  window.visAll = (sel, scope = document) => [...scope.querySelectorAll(sel)].filter(vis);
  window.txt = (el) => el.textContent.replace(/\\s+/g, ' ').trim();
  window.pairOf = (label) => visAll('span').filter((s) => txt(s) === label && !s.closest('table, .place-order-container-common'))[0].parentElement;
  window.__find = (expr) => { const root = visAll('.place-order-container-common')[0]; return (0, eval)('(root) => ' + expr)(root); };
  const copy = (el) => {
    const clone = el.cloneNode(true);
    const from = [el, ...el.querySelectorAll('input')];
    const to = [clone, ...clone.querySelectorAll('input')];
    from.forEach((input, i) => { if (input instanceof HTMLInputElement) { to[i].value = input.value; to[i].checked = input.checked; } });
    return clone;
  };
  window.__hook = (op, expr) => {
    const h = (window.__h ??= {});
    if (op === 'remove') { h.el = __find(expr); h.parent = h.el.parentNode; h.next = h.el.nextSibling; h.el.remove(); }
    else if (op === 'restore') h.parent.insertBefore(h.el, h.next);
    else if (op === 'duplicate') { h.el = __find(expr); h.clone = copy(h.el); h.el.after(h.clone); }
    else if (op === 'unduplicate') h.clone.remove();
    else if (op === 'hide') { h.el = __find(expr); h.el.style.setProperty('display', 'none'); }
    else if (op === 'unhide') h.el.style.removeProperty('display');
    else if (op === 'rerender') { h.el = __find(expr); h.el.replaceWith(copy(h.el)); }
    return true;
  };
`;

interface Hook {
  name: string;
  /** Finds the live hook element: an expression over `root` (the form root) and the page helpers. */
  find: string;
  /** The fields that depend on it: none of them may be read while it is gone, doubled or hidden. */
  fields: SnapshotKey[];
  /** Once loaded, with the hook gone: the first field's reason is a broken selector naming this item. */
  broken?: ItemCode;
  /** Whether a visible duplicate makes the fields unreadable (a second row, e.g., is a count mismatch). */
  duplicate?: boolean;
  /** The fields a visible duplicate makes unreadable, when they are others than `fields`. */
  duplicateFields?: SnapshotKey[];
}

const POS = 'BTC-USDT-SWAP,long,0.5,60000,61000,cross,20,-,-,-,500;ETH-USDT-SWAP,short,3,3000,2950,isolated,10,900,3268.5,-,150';

const HOOKS: Hook[] = [
  { name: 'form root', find: 'root', fields: ['form', 'price', 'quantity', 'leverage', 'ownPositions'] },
  { name: 'price input', find: "visAll('.price-input .okui-input-input', root)[0]", fields: ['price'], broken: 'price' },
  { name: 'price container', find: "visAll('.price-input', root)[0]", fields: ['orderType', 'price'] },
  { name: 'amount input', find: "visAll('.okui-input-input', root).find((i) => !i.closest('.price-input'))", fields: ['quantity', 'quantityUnit'], broken: 'quantity' },
  { name: 'amount unit suffix', find: "visAll('.okui-input-suffix', root)[1]", fields: ['quantityUnit'], broken: 'quantityUnit' },
  { name: 'selected order-type tab', find: "visAll('.okui-tabs-pane-spacing[aria-selected=\"true\"]', root)[0]", fields: ['orderType'] },
  { name: 'leverage button', find: "visAll('button', root).find((b) => /^\\d+x$/.test(txt(b)))", fields: ['leverage', 'marginMode'], broken: 'leverageButton' },
  { name: 'margin-mode button', find: "visAll('button', root).find((b) => txt(b) === 'Cross')", fields: ['marginMode'], broken: 'marginMode' },
  { name: 'positive submit button', find: "visAll('button.okui-positivebutton', root)[0]", fields: ['positionMode', 'action'] },
  { name: 'both submit buttons', find: "visAll('button.okui-positivebutton', root)[0].parentElement", fields: ['loggedIn', 'ownPositions', 'otherPositions'], broken: 'orderButtons',
    // Four submit buttons: logged in, but not the pair of any mode.
    duplicateFields: ['positionMode', 'action'] },
  { name: 'Max long', find: "visAll('[data-testid=\"max-trade\"]', root)[0]", fields: ['maxBuy', 'maxSell', 'quantityUnit'] },
  { name: 'Max pair', find: "visAll('[data-testid=\"max-trade\"]', root)[0].parentElement", fields: ['maxBuy', 'maxSell', 'quantityUnit'], broken: 'maxBuy' },
  { name: 'Available', find: "visAll('[data-testid=\"max-asset\"]', root)[0]", fields: ['available'], broken: 'available' },
  { name: 'Total equity', find: "pairOf('Total equity')", fields: ['marginBalance', 'walletBalance'], broken: 'marginBalance' },
  { name: 'Maintenance margin', find: "pairOf('Maintenance margin')", fields: ['maintenanceMargin'], broken: 'maintenanceMargin' },
  { name: 'Account mode', find: "pairOf('Account mode')", fields: ['assetMode'], broken: 'assetMode' },
  { name: 'Mark price', find: "pairOf('Mark price')", fields: ['markPrice'], broken: 'markPrice' },
  { name: 'Open positions tab', find: "visAll('.okui-tabs-pane-underline[role=\"tab\"]')[0]", fields: ['ownPositions', 'otherPositions', 'walletBalance'], broken: 'positionsTabs' },
  { name: 'positions box', find: "visAll('.position-box')[0]", fields: ['ownPositions', 'otherPositions', 'walletBalance'], broken: 'positionsPanel' },
  { name: 'positions table', find: "visAll('.position-box table')[0]", fields: ['ownPositions', 'otherPositions'], broken: 'positionsHeader' },
  { name: 'Size column header', find: "visAll('.position-box th').find((th) => txt(th) === 'Size')", fields: ['ownPositions', 'otherPositions'] },
  { name: 'a position row', find: "visAll('.position-box tbody > tr.okui-table-row')[1]", fields: ['ownPositions', 'otherPositions', 'walletBalance'] },
  { name: 'PnL cell of a row', find: "visAll('.position-box tbody > tr.okui-table-row')[0].children[8]", fields: ['walletBalance'], duplicate: false },
];

const readNow = (): Promise<FormSnapshot> => page.evaluate(() => window.__readOkx('full'));
const readLoaded = (): Promise<FormSnapshot> => page.evaluate(() => window.__readOkxLoaded());
const hook = (op: string, find: string): Promise<unknown> => page.evaluate((o, f) => (window as unknown as { __hook(o: string, f: string): boolean }).__hook(o, f), op, find);

/** The fields of `s` named in `keys` that are read. */
function readOnes(s: FormSnapshot, keys: SnapshotKey[]): string[] {
  return keys.filter((k) => (s[k] as Field<unknown>).status === 'read');
}

async function openPage(extra: Record<string, string | number> = {}): Promise<void> {
  await page.goto(okxUrl('trade-swap/btc-usdt-swap', { seed: 12, delay: 0, storm: 0, stale: 0, price: '60000', qty: '20', maxbuy: '2', maxsell: '1', pos: POS, upnl: '650', ...extra }));
  await page.addScriptTag({ content: adapterCode });
  await page.evaluate(() => (window as unknown as { __standin: { ready: Promise<void> } }).__standin.ready);
  await page.evaluate(OPS);
}

describe('health: every hook the calculation needs, removed, duplicated, hidden and re-rendered', () => {
  it.each(HOOKS.map((h) => [h.name, h] as const))('%s', async (_name, h) => {
    await openPage();
    const before = await readNow();
    expect(readOnes(before, h.fields), 'all read on the intact page').toEqual(h.fields);

    await hook('remove', h.find);
    expect(readOnes(await readNow(), h.fields), 'removed').toEqual([]);
    if (h.broken) {
      const loaded = await readLoaded();
      const first = h.fields[0] as SnapshotKey;
      expect((loaded[first] as Field<unknown>).why, `${first} once loaded`).toEqual(reason('page.selectorBroke', { item: h.broken }));
    }
    await hook('restore', h.find);
    expect(readOnes(await readNow(), h.fields), 'put back').toEqual(h.fields);

    if (h.duplicate !== false) {
      await hook('duplicate', h.find);
      expect(readOnes(await readNow(), h.duplicateFields ?? h.fields), 'duplicated').toEqual([]);
      await hook('unduplicate', h.find);
    }

    await hook('hide', h.find);
    expect(readOnes(await readNow(), h.fields), 'hidden').toEqual([]);
    await hook('unhide', h.find);

    await hook('rerender', h.find);
    const after = await readNow();
    expect(readOnes(after, h.fields), 're-rendered').toEqual(h.fields);
    for (const key of h.fields) expect(after[key], `${key} re-rendered`).toEqual(before[key]);
  });

  it('the title: without the instrument, or naming another, the symbol is not read', async () => {
    await openPage();
    const title = await page.title();
    await page.evaluate(() => { document.title = 'OKX'; });
    expect((await readNow()).symbol).toMatchObject({ status: 'missing', why: reason('page.symbolNotShown') });
    await page.evaluate(() => { document.title = '3,000.5 | ETH-USDT-SWAP | OKX'; });
    expect((await readNow()).symbol.status).toBe('ambiguous');
    await page.evaluate((t) => { document.title = t; }, title);
    expect((await readNow()).symbol.status).toBe('read');
  });

  it('an empty positions table (only the hidden measurement row) is read as no positions, once loaded too', async () => {
    await openPage({ pos: '' });
    for (const s of [await readNow(), await readLoaded()]) {
      expect(s.ownPositions).toMatchObject({ status: 'read', value: [], raw: 'Open positions (0)' });
      expect(s.otherPositions).toMatchObject({ status: 'read', value: [] });
      expect(s.walletBalance.status).toBe('read');
    }
  });

  it('a loaded page whose hooks are all there reports no broken selector', async () => {
    await openPage();
    const loaded = await readLoaded();
    const broken = Object.entries(loaded).filter(([, f]) => (f as Field<unknown>).why?.code === 'page.selectorBroke').map(([k]) => k);
    expect(broken).toEqual([]);
  });
});
