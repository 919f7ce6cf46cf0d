/**
 * Health of the Hyperliquid adapter against its stand-in (tests/sites/hyperliquid), run by the adapter test kit
 * (tests/adapters/kit/health.ts): every hook a figure needs is in turn removed, duplicated, hidden and
 * re-rendered, and no field that depends on it may be read afterwards, so the background can show no number
 * built on it. Reads are those of a page loaded for longer than the loading grace (a part still missing then is
 * a broken selector). A re-render of the form leaves every field as it was; an empty positions table is read
 * (empty), never a failure.
 */
import { describe, expect, it } from 'vitest';
import type { FormSnapshot, SnapshotKey } from '../../../src/contracts/snapshot';
import { reason } from '../../../src/contracts/reasons';
import { brokenFields, expectRead } from '../kit/expect';
import { change, healthCases, openHealth, PAGE_HELPERS, readAmong, type HealthSpec, type Hook } from '../kit/health';
import { useStandin } from '../kit/standin';
import { STANDIN } from './standin-spec';

const si = useStandin(STANDIN);

/** The account the hooks are taken from: a position on BTC and one on ETH, a TP/SL-free limit order. */
const PARAMS = {
  pos: 'BTC,long,0.05,59000,61000,cross,20,152.5,41234;ETH,short,2,3100,2950,isolated,10,620,3401.5',
  price: '60000',
  qty: '0.1',
  upnl: '-40',
  mr: '0.5',
  mm: '12.5',
};

const ACCOUNT_FIELDS: SnapshotKey[] = ['walletBalance', 'unrealizedPnl', 'marginBalance', 'assetMode', 'markPrice', 'ownPositions', 'otherPositions'];
const FORM_FIELDS: SnapshotKey[] = ['loggedIn', 'sides', 'orderType', 'price', 'quantity', 'quantityUnit', 'leverage', 'marginMode', 'reduceOnly'];

const HOOKS: Hook[] = [
  { name: 'the Buy / Long toggle', find: "button('Buy / Long')", fields: ['form', ...FORM_FIELDS, ...ACCOUNT_FIELDS], hides: 'all' },
  // Without its own submit, the next primary button (a decoy further down the page) makes a larger root,
  // in which the one-value hooks are several: nothing can be priced. Two of them: the login state is unknown.
  { name: 'the primary submit button', find: "all('button[color=\"primary\"]', root())[0]", fields: ['quantity', 'leverage'], hides: 'all', fieldsFor: { duplicate: ['loggedIn'] } },
  { name: 'the leverage button', find: "all('button', root()).find((b) => /^\\d+x$/.test(txt(b)))", fields: ['leverage', 'marginMode'], hides: 'all', broke: { remove: { fields: ['leverage'] }, hide: { fields: ['leverage'] } } },
  { name: 'the margin-mode button', find: "all('button', root()).find((b) => /^\\d+x$/.test(txt(b))).previousElementSibling", fields: ['marginMode'], hides: 'cross', broke: { remove: { fields: ['marginMode'] }, hide: { fields: ['marginMode'] } } },
  {
    name: 'the Price (USD) label',
    find: "inputRow('Price (USD)').firstElementChild",
    fields: ['price', 'orderType'],
    // Not duplicated: a second label element in the row is no second price input (the row case below duplicates the input).
    ops: ['remove', 'hide', 'rerender'],
  },
  {
    name: 'the price input row',
    find: "inputRow('Price (USD)')",
    fields: ['price'],
    // Not removed or hidden: a form without a (visible) price input is, by the page spec, a Market form (README: Order type).
    ops: ['duplicate', 'rerender'],
  },
  { name: 'the Size input row', find: "inputRow('Size')", fields: ['quantity', 'quantityUnit'], hides: 'all', broke: { remove: { fields: ['quantity'] }, hide: { fields: ['quantity'] } } },
  { name: 'the size unit toggle', find: "inputRow('Size').querySelector('[role=\"button\"]')", fields: ['quantityUnit'], hides: 'all', broke: { remove: { fields: ['quantityUnit'] }, hide: { fields: ['quantityUnit'] } } },
  { name: 'the Reduce Only box', find: "all('label', root()).find((l) => txt(l) === 'Reduce Only')", fields: ['reduceOnly'], broke: { remove: { fields: ['reduceOnly'] }, hide: { fields: ['reduceOnly'] } } },
  { name: 'the Balance pair', find: "pair('Balance', document, outside)", fields: ['walletBalance', 'marginBalance'], hides: 'cross', broke: { remove: { fields: ['walletBalance'] }, hide: { fields: ['walletBalance'] } } },
  { name: 'the Unrealized PNL pair', find: "pair('Unrealized PNL', document, outside)", fields: ['unrealizedPnl', 'marginBalance'], broke: { remove: { fields: ['unrealizedPnl'] }, hide: { fields: ['unrealizedPnl'] } } },
  { name: 'the Account Mode pair', find: "pair('Account Mode', document, outside)", fields: ['assetMode'], hides: 'cross', broke: { remove: { fields: ['assetMode'] }, hide: { fields: ['assetMode'] } } },
  { name: '#marketData', find: "all('#marketData')[0]", fields: ['markPrice'], hides: 'all', broke: { remove: { fields: ['markPrice'] }, hide: { fields: ['markPrice'] } } },
  { name: 'the Mark pair', find: "pair('Mark', all('#marketData')[0])", fields: ['markPrice'], hides: 'all', broke: { remove: { fields: ['markPrice'] }, hide: { fields: ['markPrice'] } } },
  { name: '#accountTable', find: "all('#accountTable')[0]", fields: ['ownPositions', 'otherPositions'], hides: 'all', broke: { remove: { fields: ['ownPositions', 'otherPositions'] }, hide: { fields: ['ownPositions', 'otherPositions'] } } },
  { name: 'the Positions tab', find: "all('*', all('#accountTable')[0]).find((e) => /^Positions \\(\\d+\\)$/.test(txt(e)) && e.children.length === 0)", fields: ['ownPositions', 'otherPositions'], hides: 'all', broke: { remove: { fields: ['ownPositions'] }, hide: { fields: ['ownPositions'] } } },
  { name: 'the positions table', find: "all('table', all('#accountTable')[0])[0]", fields: ['ownPositions', 'otherPositions'], hides: 'all' },
];

const SPEC: HealthSpec = {
  params: PARAMS,
  // Page-side finders by the spec's stable hooks only (the same ones the adapter uses); `root()` is the derived form root.
  helpers: `
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
  const inputRow = (label) => all('input', root()).find((i) => i.parentElement.firstElementChild !== i && txt(i.parentElement.firstElementChild) === label).parentElement;`,
  read: 'loaded',
  panel: true,
  hooks: HOOKS,
};

/** The Current Position pair, changed in a case of its own (the table alone may decide without it). */
const WITH_CURRENT: HealthSpec = { ...SPEC, hooks: [...HOOKS, { name: 'the Current Position pair', find: "pair('Current Position', root())", fields: ['ownPositions'] }] };

describe('health: each hook a figure needs, taken away', () => {
  healthCases(si, SPEC);

  it('the selected toggle\'s variant class, removed or on both toggles: the side is not read', async () => {
    for (const edit of ["button('Buy / Long').classList.remove('variant_green')", "button('Sell / Short').classList.add('variant_red')"]) {
      await openHealth(si, SPEC);
      expectRead((await si.readLoaded()).sides, ['long']);
      await si.page.evaluate(`(() => { ${PAGE_HELPERS}; ${SPEC.helpers}; ${edit}; })()`);
      expect((await si.readLoaded()).sides).toMatchObject({ status: 'ambiguous', why: reason('page.sideUnknown') });
    }
  });

  it('the title without its coin: the symbol is not read', async () => {
    await openHealth(si, SPEC);
    expectRead((await si.readLoaded()).symbol, 'BTC');
    await si.page.evaluate(() => { document.title = 'Hyperliquid'; });
    expect((await si.readLoaded()).symbol).toMatchObject({ status: 'missing', why: reason('page.symbolNotShown') });
  });

  it('the Current Position pair: removed or hidden, the table alone decides; duplicated, the own position is not read', async () => {
    for (const variant of ['remove', 'hide', 'duplicate'] as const) {
      await openHealth(si, SPEC);
      const before = await si.readLoaded();
      expect(before.ownPositions.value?.map((r) => [r.symbol, r.size])).toEqual([['BTC', '0.05000']]);
      await change(si, WITH_CURRENT, 'the Current Position pair', variant);
      const after = await si.readLoaded();
      if (variant === 'duplicate') expect(after.ownPositions.status, variant).not.toBe('read');
      else expect(after.ownPositions, variant).toEqual(before.ownPositions);
    }
  });

  it('a re-render of the form (new nodes, a stale copy left behind) leaves every field as it was', async () => {
    await si.open({ ...PARAMS, stale: 1, stalehide: 'aria' });
    const before = await si.read();
    await si.call('s.rerender()');
    const after = await si.read();
    for (const key of Object.keys(before) as (keyof FormSnapshot)[]) expect(after[key], key).toEqual(before[key]);
    expect(readAmong(after, [...FORM_FIELDS, ...ACCOUNT_FIELDS])).toEqual([...FORM_FIELDS, ...ACCOUNT_FIELDS]);
  });

  it('an empty positions table is read (empty), never a failure', async () => {
    await si.open({ price: '60000', qty: '0.1' });
    const s = await si.readLoaded();
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [], raw: 'Positions (0)' });
    expect(s.otherPositions).toMatchObject({ status: 'read', value: [], raw: 'Positions (0)' });
    expect(brokenFields(s)).toEqual([]);
  });
});
