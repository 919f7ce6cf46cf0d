/**
 * Health of the Hyperliquid adapter against its stand-in: every hook a figure needs is taken away in turn
 * (removed, duplicated, hidden), and no field that depends on it may be read afterwards, so the background
 * can show no number built on it; a re-render of the form leaves every field as it was. Reads are those
 * of a page loaded for longer than the loading grace (a part still missing then is a broken selector).
 * An empty positions table is read (empty), never a failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { Field, FormSnapshot, SnapshotKey } from '../../../src/contracts/snapshot';
import { reason } from '../../../src/contracts/reasons';
import { brokenFields, expectRead, openStandin, readPage, readPageLoaded, standinCall, startSession, type StandinSession } from './standin-page';

let session: StandinSession;
let page: Page;

beforeAll(async () => {
  session = await startSession();
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

/** The account the hooks are taken from: a position on BTC and one on ETH, a TP/SL-free limit order. */
const PARAMS = {
  pos: 'BTC,long,0.05,59000,61000,cross,20,152.5,41234;ETH,short,2,3100,2950,isolated,10,620,3401.5',
  price: '60000',
  qty: '0.1',
  upnl: '-40',
  mr: '0.5',
  mm: '12.5',
};

/**
 * Page-side finders by the spec's stable hooks only (the same ones the adapter uses), installed per load:
 * `__hook.root()` is the derived form root; the others return the element that stands for a hook.
 */
const FINDERS = `(() => {
  const vis = (el) => el.getClientRects().length > 0 && !el.closest('[hidden], [aria-hidden="true"]') && getComputedStyle(el).visibility === 'visible';
  const txt = (el) => el.textContent.replace(/\\s+/g, ' ').trim();
  const all = (sel, scope = document) => [...scope.querySelectorAll(sel)].filter(vis);
  const button = (text, scope = document) => all('button', scope).find((b) => txt(b) === text);
  const root = () => {
    const buy = button('Buy / Long');
    const sell = button('Sell / Short');
    const primary = all('button[color="primary"]').find((b) => buy.compareDocumentPosition(b) & 4 && sell.compareDocumentPosition(b) & 4);
    let r = buy;
    while (!r.contains(sell) || !r.contains(primary)) r = r.parentElement;
    return r;
  };
  const outside = (el) => !root().contains(el) && !el.closest('#accountTable');
  const pair = (label, scope, keep = () => true) => all('*', scope).find((e) => e.children.length === 2 && txt(e.children[0]) === label && keep(e));
  const inputRow = (label) => all('input', root()).find((i) => i.parentElement.firstElementChild !== i && txt(i.parentElement.firstElementChild) === label).parentElement;
  window.__hook = {
    root,
    buy: () => button('Buy / Long'),
    sell: () => button('Sell / Short'),
    submit: () => all('button[color="primary"]', root())[0],
    leverage: () => all('button', root()).find((b) => /^\\d+x$/.test(txt(b))),
    marginMode: () => all('button', root()).find((b) => /^\\d+x$/.test(txt(b))).previousElementSibling,
    priceRow: () => inputRow('Price (USD)'),
    priceLabel: () => inputRow('Price (USD)').firstElementChild,
    sizeRow: () => inputRow('Size'),
    unitToggle: () => inputRow('Size').querySelector('[role="button"]'),
    reduceOnly: () => all('label', root()).find((l) => txt(l) === 'Reduce Only'),
    currentPosition: () => pair('Current Position', root()),
    balance: () => pair('Balance', document, outside),
    upnl: () => pair('Unrealized PNL', document, outside),
    accountMode: () => pair('Account Mode', document, outside),
    marketData: () => all('#marketData')[0],
    mark: () => pair('Mark', all('#marketData')[0]),
    accountTable: () => all('#accountTable')[0],
    positionsTab: () => all('*', all('#accountTable')[0]).find((e) => /^Positions \\(\\d+\\)$/.test(txt(e)) && e.children.length === 0),
    positionsTable: () => all('table', all('#accountTable')[0])[0],
  };
})()`;

type Variant = 'remove' | 'duplicate' | 'hide';

interface HookCase {
  name: string;
  /** The finder in __hook (above). */
  finder: string;
  /** Fields that must not be read once the hook is taken away. */
  fields: SnapshotKey[];
  /** Other fields for a variant. */
  fieldsFor?: Partial<Record<Variant, SnapshotKey[]>>;
  /** Variants that do not apply, with why. */
  skip?: Partial<Record<Variant, string>>;
  /** Per variant, fields expected to report a broken selector. */
  broke?: Partial<Record<Variant, SnapshotKey[]>>;
}

const ACCOUNT_FIELDS: SnapshotKey[] = ['walletBalance', 'unrealizedPnl', 'marginBalance', 'assetMode', 'markPrice', 'ownPositions', 'otherPositions'];
const FORM_FIELDS: SnapshotKey[] = ['loggedIn', 'sides', 'orderType', 'price', 'quantity', 'quantityUnit', 'leverage', 'marginMode', 'reduceOnly'];

const HOOKS: HookCase[] = [
  { name: 'the Buy / Long toggle', finder: 'buy', fields: ['form', ...FORM_FIELDS, ...ACCOUNT_FIELDS] },
  // Without its own submit, the next primary button (a decoy further down the page) makes a larger root,
  // in which the one-value hooks are several: nothing can be priced. Two of them: the login state is unknown.
  { name: 'the primary submit button', finder: 'submit', fields: ['quantity', 'leverage'], fieldsFor: { duplicate: ['loggedIn'] } },
  { name: 'the leverage button', finder: 'leverage', fields: ['leverage', 'marginMode'], broke: { remove: ['leverage'], hide: ['leverage'] } },
  { name: 'the margin-mode button', finder: 'marginMode', fields: ['marginMode'], broke: { remove: ['marginMode'], hide: ['marginMode'] } },
  {
    name: 'the Price (USD) label',
    finder: 'priceLabel',
    fields: ['price', 'orderType'],
    skip: { duplicate: 'a second label element in the row is no second price input (the row case below duplicates the input)' },
  },
  {
    name: 'the price input row',
    finder: 'priceRow',
    fields: ['price'],
    skip: {
      remove: 'a form without a price input is, by the page spec, a Market form (README: Order type)',
      hide: 'a form without a visible price input is, by the page spec, a Market form (README: Order type)',
    },
  },
  { name: 'the Size input row', finder: 'sizeRow', fields: ['quantity', 'quantityUnit'], broke: { remove: ['quantity'], hide: ['quantity'] } },
  { name: 'the size unit toggle', finder: 'unitToggle', fields: ['quantityUnit'], broke: { remove: ['quantityUnit'], hide: ['quantityUnit'] } },
  { name: 'the Reduce Only box', finder: 'reduceOnly', fields: ['reduceOnly'], broke: { remove: ['reduceOnly'], hide: ['reduceOnly'] } },
  { name: 'the Balance pair', finder: 'balance', fields: ['walletBalance', 'marginBalance'], broke: { remove: ['walletBalance'], hide: ['walletBalance'] } },
  { name: 'the Unrealized PNL pair', finder: 'upnl', fields: ['unrealizedPnl', 'marginBalance'], broke: { remove: ['unrealizedPnl'], hide: ['unrealizedPnl'] } },
  { name: 'the Account Mode pair', finder: 'accountMode', fields: ['assetMode'], broke: { remove: ['assetMode'], hide: ['assetMode'] } },
  { name: '#marketData', finder: 'marketData', fields: ['markPrice'], broke: { remove: ['markPrice'], hide: ['markPrice'] } },
  { name: 'the Mark pair', finder: 'mark', fields: ['markPrice'], broke: { remove: ['markPrice'], hide: ['markPrice'] } },
  { name: '#accountTable', finder: 'accountTable', fields: ['ownPositions', 'otherPositions'], broke: { remove: ['ownPositions', 'otherPositions'], hide: ['ownPositions', 'otherPositions'] } },
  { name: 'the Positions tab', finder: 'positionsTab', fields: ['ownPositions', 'otherPositions'], broke: { remove: ['ownPositions'], hide: ['ownPositions'] } },
  { name: 'the positions table', finder: 'positionsTable', fields: ['ownPositions', 'otherPositions'] },
];

async function load(params: Record<string, string | number> = PARAMS): Promise<void> {
  await openStandin(page, params);
  await page.evaluate(FINDERS);
}

async function takeAway(finder: string, variant: Variant): Promise<void> {
  const done = await page.evaluate(
    (f, v) => {
      const el = (window as unknown as { __hook: Record<string, () => Element | undefined> }).__hook[f]!();
      if (!el) return false;
      if (v === 'remove') el.remove();
      else if (v === 'hide') el.setAttribute('hidden', '');
      else el.after(el.cloneNode(true));
      return true;
    },
    finder,
    variant,
  );
  expect(done, `the ${finder} hook is on the page to take away`).toBe(true);
}

/** The fields among `fields` that are read. */
const readAmong = (s: FormSnapshot, fields: SnapshotKey[]): string[] => fields.filter((f) => (s[f] as Field<unknown>).status === 'read');

describe('health: each hook a figure needs, taken away', () => {
  const cases = HOOKS.flatMap((hook) => (['remove', 'duplicate', 'hide'] as const).filter((v) => !hook.skip?.[v]).map((v) => [hook.name, v, hook] as const));

  it.each(cases)('%s, %s: no field that depends on it is read', async (_name, variant, hook) => {
    const fields = hook.fieldsFor?.[variant] ?? hook.fields;
    await load();
    const before = await readPageLoaded(page);
    // The baseline reads every one of these fields (so the check can fail).
    expect(readAmong(before, fields), 'fields read before').toEqual(fields);
    expect(brokenFields(before)).toEqual([]);
    await takeAway(hook.finder, variant);
    const after = await readPageLoaded(page);
    expect(readAmong(after, fields), `fields still read after the ${variant}`).toEqual([]);
    for (const field of hook.broke?.[variant] ?? []) {
      expect((after[field] as Field<unknown>).why?.code, `${field} after the ${variant}`).toBe('page.selectorBroke');
    }
  });

  it('the selected toggle\'s variant class, removed or on both toggles: the side is not read', async () => {
    for (const change of ['remove', 'both'] as const) {
      await load();
      expectRead((await readPageLoaded(page)).sides, ['long']);
      await page.evaluate((c) => {
        const h = (window as unknown as { __hook: Record<string, () => Element> }).__hook;
        if (c === 'remove') h.buy!().classList.remove('variant_green');
        else h.sell!().classList.add('variant_red');
      }, change);
      expect((await readPageLoaded(page)).sides).toMatchObject({ status: 'ambiguous', why: reason('page.sideUnknown') });
    }
  });

  it('the title without its coin: the symbol is not read', async () => {
    await load();
    expectRead((await readPageLoaded(page)).symbol, 'BTC');
    await page.evaluate(() => { document.title = 'Hyperliquid'; });
    expect((await readPageLoaded(page)).symbol).toMatchObject({ status: 'missing', why: reason('page.symbolNotShown') });
  });

  it('the Current Position pair: removed or hidden, the table alone decides; duplicated, the own position is not read', async () => {
    for (const variant of ['remove', 'hide', 'duplicate'] as const) {
      await load();
      const before = await readPageLoaded(page);
      expect(before.ownPositions.value?.map((r) => [r.symbol, r.size])).toEqual([['BTC', '0.05000']]);
      await takeAway('currentPosition', variant);
      const after = await readPageLoaded(page);
      if (variant === 'duplicate') expect(after.ownPositions.status, variant).not.toBe('read');
      else expect(after.ownPositions, variant).toEqual(before.ownPositions);
    }
  });

  it('a re-render of the form (new nodes, a stale copy left behind) leaves every field as it was', async () => {
    await openStandin(page, { ...PARAMS, stale: 1, stalehide: 'aria' });
    const before = await readPage(page);
    await standinCall(page, 's.rerender()');
    const after = await readPage(page);
    for (const key of Object.keys(before) as (keyof FormSnapshot)[]) expect(after[key], key).toEqual(before[key]);
    expect(readAmong(after, [...FORM_FIELDS, ...ACCOUNT_FIELDS])).toEqual([...FORM_FIELDS, ...ACCOUNT_FIELDS]);
  });

  it('an empty positions table is read (empty), never a failure', async () => {
    await load({ price: '60000', qty: '0.1' });
    const s = await readPageLoaded(page);
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [], raw: 'Positions (0)' });
    expect(s.otherPositions).toMatchObject({ status: 'read', value: [], raw: 'Positions (0)' });
    expect(brokenFields(s)).toEqual([]);
  });
});
