// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createBinanceReader } from '../../../src/adapters/binance-usdm/read';
import { LOADING_GRACE_MS } from '../../../src/adapters/kit/reader';
import type { SnapshotReader } from '../../../src/adapters/adapter';
import type { FormSnapshot, ReadScope } from '../../../src/contracts/snapshot';
import { reason } from '../../../src/contracts/reasons';
import { loadPage, urlFor } from './fixture';
import { attributeVisible } from '../kit/fixture';

const wallet = (s: FormSnapshot) => s.walletBalance.value;
const btcLong = { symbol: 'BTCUSDT', badge: 'Cross 20x', size: '0.500 BTC', entry: '60,000.0', mark: '61,000.0', margin: '1,525.00 USDT' };

/** The fixture's account panel (balances) and positions area (tab group, Hide Other Symbols, panel). */
const ACCOUNT_PANEL = '.assets';
const POSITIONS_AREA = '.account';

/** Rewrites the account panel's wallet balance text, as the page does when the balance moves. */
function setWalletText(text: string): void {
  const span = [...document.querySelectorAll('span')].find((el) => /^[\d,.]+ USDT$/.test(el.textContent ?? '') && el.previousElementSibling?.textContent === 'Wallet Balance');
  span!.textContent = text;
}

function setQuantity(value: string): void {
  (document.getElementById('unitAmount-38') as HTMLInputElement).value = value;
}

function one(selector: string): Element {
  const el = document.querySelector(selector);
  expect(el, selector).not.toBeNull();
  return el as Element;
}

/** Takes a part off the page (as before it hydrated); the returned function puts it back in place. */
function takeOff(selector: string): () => void {
  const el = one(selector);
  const place = document.createComment('placeholder');
  el.replaceWith(place);
  return () => place.replaceWith(el);
}

/** The parent of the label/value pair with this label (what the reader watches for that value). */
function pairParent(label: string): Element {
  const el = [...document.querySelectorAll('span')].find((s) => s.textContent === label && s.nextElementSibling !== null);
  expect(el, label).toBeDefined();
  return el!.parentElement as Element;
}

const ACCOUNT_LABELS = ['Mark', 'Margin Ratio', 'Maintenance Margin', 'Margin Balance', 'Wallet Balance', 'Unrealized PNL'];

describe('createBinanceReader: what a form read reuses', () => {
  let url: string;
  let clock: number;
  const reader = () => createBinanceReader(document, () => url, { isVisible: attributeVisible, now: () => clock });

  beforeEach(() => {
    url = urlFor();
    clock = 1_000_000;
    loadPage(document, { qty: '0.010', account: { walletBalance: '10,000.00 USDT' } });
  });

  it("reads the form afresh on a 'form' read but keeps the last account reading; a 'full' read refreshes it", () => {
    const r = reader();
    expect(wallet(r.read('full'))).toBe('10000.00');
    setWalletText('9,000.00 USDT');
    setQuantity('0.020');
    const typed = r.read('form');
    expect(typed.quantity.value).toBe('0.020');
    expect(wallet(typed)).toBe('10000.00');
    expect(wallet(r.read('full'))).toBe('9000.00');
  });

  it("reads the whole page on a 'form' read with nothing kept yet", () => {
    expect(wallet(reader().read('form'))).toBe('10000.00');
  });

  it('reads the whole page again when the form root was replaced (re-render)', () => {
    const r = reader();
    r.read('full');
    const root = r.findRoot()!;
    root.replaceWith(root.cloneNode(true));
    setWalletText('9,000.00 USDT');
    expect(wallet(r.read('form'))).toBe('9000.00');
  });

  it('reads the whole page again when the address changed', () => {
    const r = reader();
    r.read('full');
    setWalletText('9,000.00 USDT');
    url = `${urlFor()}?type=limit`;
    expect(wallet(r.read('form'))).toBe('9000.00');
  });

  it('reads the whole page again when the login state changed in the same form', () => {
    const r = reader();
    r.read('full');
    const buttons = [...r.findRoot()!.querySelectorAll('button')].filter((b) => /Long|Short/.test(b.textContent ?? ''));
    buttons[0]!.textContent = 'Log In';
    buttons[1]!.textContent = 'Register Now';
    setWalletText('9,000.00 USDT');
    const out = r.read('form');
    expect(out.loggedIn.value).toBe(false);
    expect(wallet(out)).toBe('9000.00');
  });
});

describe('createBinanceReader: a reading taken before the page loaded is not kept', () => {
  let clock: number;
  const reader = (): SnapshotReader => createBinanceReader(document, () => urlFor(), { isVisible: attributeVisible, now: () => clock });

  beforeEach(() => {
    clock = 1_000_000;
    loadPage(document, { positions: [btcLong] });
  });

  it("form first, account panel and positions later: the next 'form' read shows what arrived", () => {
    const restoreAccount = takeOff(ACCOUNT_PANEL);
    const restorePositions = takeOff(POSITIONS_AREA);
    const r = reader();
    const early = r.read('full');
    expect(early.form.status).toBe('read');
    expect(early.walletBalance).toMatchObject({ status: 'missing', why: reason('page.notLoadedYet', { item: 'walletBalance' }) });
    expect(early.ownPositions).toMatchObject({ status: 'missing', why: reason('page.notLoadedYet', { item: 'positionsTabs' }) });
    expect(early.otherPositions).toMatchObject({ status: 'missing', why: reason('page.notLoadedYet', { item: 'positionsTabs' }) });

    restoreAccount();
    restorePositions();
    const typed = r.read('form');
    expect(typed.walletBalance).toMatchObject({ status: 'read', value: '10000.00' });
    expect(typed.marginBalance).toMatchObject({ status: 'read', value: '10045.60' });
    expect(typed.ownPositions).toMatchObject({ status: 'read', value: [{ symbol: 'BTCUSDT', side: 'long', size: '0.500' }] });
    expect(typed.otherPositions).toMatchObject({ status: 'read', value: [] });
  });

  it.each([
    ['the account panel', ACCOUNT_PANEL],
    ['the positions list', POSITIONS_AREA],
  ])("either part missing alone is enough: %s arrives later, the 'form' read shows it", (_what, selector) => {
    const restore = takeOff(selector);
    const r = reader();
    r.read('full');
    restore();
    const typed = r.read('form');
    expect(typed.walletBalance).toMatchObject({ status: 'read', value: '10000.00' });
    expect(typed.ownPositions).toMatchObject({ status: 'read', value: [{ symbol: 'BTCUSDT' }] });
  });

  it('during the loading grace a missing tab group is not loaded yet; after it, a broken selector', () => {
    takeOff(POSITIONS_AREA);
    const r = reader();
    const notYet = reason('page.notLoadedYet', { item: 'positionsTabs' });
    expect(r.read('full').ownPositions).toMatchObject({ status: 'missing', why: notYet });
    clock += LOADING_GRACE_MS - 1;
    expect(r.read('full').ownPositions).toMatchObject({ status: 'missing', why: notYet });
    clock += 1;
    const late = r.read('full');
    expect(late.ownPositions).toMatchObject({ status: 'missing', why: reason('page.selectorBroke', { item: 'positionsTabs' }) });
    expect(late.otherPositions).toMatchObject({ status: 'missing', why: reason('page.selectorBroke', { item: 'positionsTabs' }) });
  });

  it('during the loading grace a missing account value is not loaded yet; after it, a broken selector', () => {
    takeOff(ACCOUNT_PANEL);
    const r = reader();
    expect(r.read('full').walletBalance).toMatchObject({ status: 'missing', why: reason('page.notLoadedYet', { item: 'walletBalance' }) });
    clock += LOADING_GRACE_MS;
    expect(r.read('full').walletBalance).toMatchObject({ status: 'missing', why: reason('page.selectorBroke', { item: 'walletBalance' }) });
  });

  it('the grace counts from when the form appeared: a form that goes away and comes back starts it again', () => {
    takeOff(POSITIONS_AREA);
    const r = reader();
    r.read('full');
    clock += LOADING_GRACE_MS;
    expect(r.read('full').ownPositions.why).toEqual(reason('page.selectorBroke', { item: 'positionsTabs' }));
    const restoreForm = takeOff('.css-k2j1ac');
    expect(r.read('full').form.status).toBe('missing');
    restoreForm();
    clock += 1;
    expect(r.read('full').ownPositions.why).toEqual(reason('page.notLoadedYet', { item: 'positionsTabs' }));
  });

  it.each<ReadScope>(['form', 'full'])("once the tab group exists, the next read ('%s') reads it, never a broken selector", (scope) => {
    const restore = takeOff(POSITIONS_AREA);
    const r = reader();
    r.read('full');
    clock += LOADING_GRACE_MS;
    expect(r.read('full').ownPositions.why).toEqual(reason('page.selectorBroke', { item: 'positionsTabs' }));
    restore();
    const next = r.read(scope);
    expect(next.ownPositions).toMatchObject({ status: 'read', value: [{ symbol: 'BTCUSDT' }] });
    expect(next.otherPositions).toMatchObject({ status: 'read', value: [] });
  });
});

describe('createBinanceReader: outsideParts()', () => {
  let clock: number;
  const reader = (): SnapshotReader => createBinanceReader(document, () => urlFor(), { isVisible: attributeVisible, now: () => clock });

  beforeEach(() => {
    clock = 1_000_000;
    loadPage(document, { positions: [btcLong] });
  });

  it('nothing read yet: nothing to watch, not settled', () => {
    expect(reader().outsideParts()).toEqual({ watch: [], settled: false });
  });

  it('not settled while a part is missing; the parts present are watched, the missing ones join once there', () => {
    const restoreAccount = takeOff(ACCOUNT_PANEL);
    const restorePositions = takeOff(POSITIONS_AREA);
    const r = reader();
    r.read('full');
    const early = r.outsideParts();
    expect(early.settled).toBe(false);
    // Only the header's mark pair is on the page.
    expect(early.watch).toEqual([pairParent('Mark')]);

    restoreAccount();
    r.read('full');
    expect(r.outsideParts().settled).toBe(false);
    expect(r.outsideParts().watch).toHaveLength(ACCOUNT_LABELS.length);

    restorePositions();
    r.read('full');
    const parts = r.outsideParts();
    expect(parts.settled).toBe(true);
    const expected = [one(POSITIONS_AREA), ...ACCOUNT_LABELS.map(pairParent)];
    expect(parts.watch).toHaveLength(expected.length);
    expect(parts.watch).toEqual(expect.arrayContaining(expected));
    // The positions container holds the tab group, the panel and the Hide Other Symbols checkbox.
    const container = one(POSITIONS_AREA);
    const tabGroup = [...document.querySelectorAll('[role="tablist"]')].find((l) => /Positions/.test(l.textContent ?? ''));
    for (const el of [tabGroup, one('[role="tabpanel"]'), one('[name="hideOtherSymbol"]')]) expect(el !== undefined && container.contains(el)).toBe(true);
  });

  it('an adapter error leaves nothing to watch and nothing settled', () => {
    const r = reader();
    r.read('full');
    expect(r.outsideParts().settled).toBe(true);
    const throwing = createBinanceReader(document, () => urlFor(), {
      isVisible: () => {
        throw new Error('boom');
      },
    });
    throwing.read('full');
    expect(throwing.outsideParts()).toEqual({ watch: [], settled: false });
  });

  it("a 'form' read after a watched account pair was replaced reads it again", () => {
    const r = reader();
    r.read('full');
    const old = pairParent('Wallet Balance');
    expect(r.outsideParts().watch).toContain(old);
    const fresh = old.cloneNode(true) as Element;
    (fresh.lastElementChild as Element).textContent = '9,000.00 USDT';
    old.replaceWith(fresh);
    expect(wallet(r.read('form'))).toBe('9000.00');
    expect(r.outsideParts().watch).toContain(fresh);
  });

  it("a 'form' read after the positions container was re-rendered reads the new rows", () => {
    const r = reader();
    expect(r.read('full').ownPositions.value).toHaveLength(1);
    const old = one(POSITIONS_AREA);
    expect(r.outsideParts().watch).toContain(old);
    // The page redraws the area with one more position (another symbol).
    const fresh = old.cloneNode(true) as Element;
    const row = fresh.querySelector('.list-item-container') as Element;
    const eth = row.cloneNode(true) as Element;
    (eth.firstElementChild!.firstElementChild as Element).textContent = 'ETHUSDT';
    eth.children[1]!.textContent = '-3.000 ETH';
    row.after(eth);
    (fresh.querySelector('[role="tab"]') as Element).textContent = 'Positions(2)';
    old.replaceWith(fresh);
    const typed = r.read('form');
    expect(typed.ownPositions).toMatchObject({ status: 'read', value: [{ symbol: 'BTCUSDT' }], raw: 'Positions(2)' });
    expect(typed.otherPositions).toMatchObject({ status: 'read', value: [{ symbol: 'ETHUSDT', side: 'short', size: '3.000' }] });
  });

  it("a 'form' read after the account panel was taken off reports it missing, not the old values", () => {
    const r = reader();
    expect(wallet(r.read('full'))).toBe('10000.00');
    takeOff(ACCOUNT_PANEL);
    clock += LOADING_GRACE_MS;
    const typed = r.read('form');
    expect(typed.walletBalance).toMatchObject({ status: 'missing', why: reason('page.selectorBroke', { item: 'walletBalance' }) });
    expect(r.outsideParts().settled).toBe(false);
  });
});
