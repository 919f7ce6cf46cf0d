/**
 * Health of the Bybit adapter's hooks on its stand-in (tests/sites/bybit), run by the adapter test kit
 * (tests/adapters/kit/health.ts) on a loaded page (past the loading grace): each hook the calculation needs is
 * in turn removed, duplicated, hidden and re-rendered; no field that depends on it may be read and no figure
 * resting on it shown, while the fields that do not depend on it still are. A re-render of the page part then
 * brings the reading back. An empty positions table is read (no positions), never a failure. (The wallet
 * balance is not among the fields: with positions open the page does not show it at all.)
 */
import { describe, expect, it } from 'vitest';
import type { Field, SnapshotKey } from '../../../src/contracts/snapshot';
import { change, healthCases, openHealth, shownFigures, type HealthSpec, type Hook } from '../kit/health';
import { useStandin } from '../kit/standin';
import { STANDIN } from './standin-spec';

const si = useStandin(STANDIN);

/** Finders written against the stand-in's structure (tests may use its own classes; the adapter never does). */
const HOOKS: Hook[] = [
  { name: 'leverage', find: "visAll('.oc-head-leverage')[0]", fields: ['form', 'leverage', 'price', 'quantity'], part: 'form', hides: 'all' },
  { name: 'tpslText', find: "visAll('.oc__tp-sl-chk-text')[0]", fields: ['form', 'leverage', 'price', 'quantity'], part: 'form', hides: 'all' },
  { name: 'orderTab', find: "visAll('[role=\"tab\"][aria-selected=\"true\"]', root)[0]", fields: ['orderType'], keeps: ['quantity', 'leverage', 'markPrice'], part: 'form', hides: 'all' },
  { name: 'priceLabel', find: 'boxes[0].previousElementSibling', fields: ['price', 'orderType'], keeps: ['quantity', 'leverage'], ops: ['remove', 'hide', 'rerender'], part: 'form', hides: 'all' },
  { name: 'priceInput', find: "boxes[0].querySelector('input')", fields: ['price'], keeps: ['leverage', 'quantityUnit'], part: 'form', hides: 'all' },
  { name: 'qtySwitch', find: "visAll('span[role=\"button\"]', root)[0]", fields: ['quantity', 'quantityUnit'], keeps: ['price', 'leverage'], part: 'form', hides: 'all' },
  { name: 'qtyInput', find: "boxes[1].querySelector('input')", fields: ['quantity'], keeps: ['leverage', 'price'], part: 'form', hides: 'all' },
  { name: 'qtySuffix', find: "boxes[1].querySelector('.by-input__right-icon')", fields: ['quantityUnit'], keeps: ['price', 'quantity'], part: 'form', hides: 'all' },
  { name: 'tpRow', find: "visAll('.oc__row-bottom--12', root)[0]", fields: ['takeProfit'], keeps: ['price', 'quantity', 'stopLoss'], part: 'form', hides: 'cross' },
  { name: 'available', find: "pair(root, 'Available Balance')", fields: ['available'], keeps: ['price', 'quantity'], part: 'form', hides: 'cross' },
  { name: 'buyButton', find: "visAll('button', root).find((b) => b.textContent === 'Buy/Long')", fields: ['positionMode', 'action'], keeps: ['price', 'quantity'], part: 'form', hides: 'all' },
  { name: 'marginMode', find: "visAll('.oc-head-leverage')[0].previousElementSibling", fields: ['marginMode', 'assetMode'], keeps: ['leverage', 'quantity'], part: 'form', hides: 'cross' },
  { name: 'accountPanel', find: 'panel', fields: ['marginBalance', 'maintenanceMargin'], keeps: ['markPrice', 'ownPositions'], part: 'outside', hides: 'cross' },
  { name: 'marginBalance', find: "pair(panel, 'Margin Balance')", fields: ['marginBalance'], keeps: ['maintenanceMargin', 'ownPositions'], part: 'outside', hides: 'cross' },
  { name: 'mark', find: "visAll('.contract-detail')[0].firstElementChild", fields: ['markPrice'], keeps: ['marginBalance', 'ownPositions'], part: 'outside', hides: 'all' },
  { name: 'positionsTab', find: "visAll('[role=\"tab\"]').find((t) => t.textContent.startsWith('Positions'))", fields: ['ownPositions', 'otherPositions'], keeps: ['marginBalance', 'markPrice'], part: 'outside', hides: 'all' },
  { name: 'table', find: 'table', fields: ['ownPositions', 'otherPositions'], keeps: ['marginBalance', 'markPrice'], part: 'outside', hides: 'all' },
  { name: 'contractsHeader', find: "th('Contracts')", fields: ['ownPositions', 'otherPositions'], keeps: ['marginBalance', 'markPrice'], part: 'outside', hides: 'all' },
  { name: 'liqHeader', find: "th('Liq. Price')", fields: ['ownPositions', 'otherPositions'], keeps: ['marginBalance', 'markPrice'], part: 'outside', hides: 'all' },
];

const SPEC: HealthSpec = {
  params: { seed: 21, price: '60000', qty: '0.1', tp: '65000', sl: '58000', pos: 'BTCUSDT,long,0.5,60000,61000,cross,20,1525;ETHUSDT,short,3,3000,2950,isolated,10,900,3268.5' },
  helpers: `
  const root = visAll('.oc-head-leverage')[0]?.closest('.si-form');
  const boxes = root ? visAll('.by-input__container', root) : [];
  const pair = (scope, label) => visAll('span', scope).find((s) => s.textContent === label)?.parentElement;
  const panel = visAll('.trade-assets__body')[0];
  const table = visAll('table')[0];
  const th = (label) => table && [...table.querySelectorAll('thead th')].find((h) => h.firstChild.textContent === label);`,
  read: 'now',
  pastGrace: true,
  // How a part of the page is drawn again: the form re-renders, the rest is redrawn by a page change.
  redraw: {
    form: `window.__standin.rerender()`,
    outside: `window.__standin.apply({ mm: String(Math.random()).slice(0, 4) })`,
  },
  panel: true,
  hooks: HOOKS,
};

const status = (s: Awaited<ReturnType<typeof si.read>>, key: SnapshotKey) => (s[key] as Field<unknown>).status;

describe('bybit hooks: removed, duplicated, hidden, re-rendered', () => {
  it('the healthy page reads every field these cases rely on, and the panel would show figures', async () => {
    await openHealth(si, SPEC);
    const s = await si.read();
    const every = [...new Set(HOOKS.flatMap((h) => [...h.fields, ...(h.keeps ?? [])]))];
    expect(every.filter((k) => status(s, k) !== 'read')).toEqual([]);
    expect(shownFigures(s).some((f) => f.includes('.isolated.liquidationPrice'))).toBe(true);
  });

  healthCases(si, SPEC);

  it('a missing hook on a loaded page is a broken selector (the panel says the page changed), never "not there yet"', async () => {
    await openHealth(si, SPEC);
    await change(si, SPEC, 'qtyInput', 'remove');
    await change(si, SPEC, 'mark', 'remove');
    await change(si, SPEC, 'positionsTab', 'remove');
    const s = await si.read();
    expect(s.quantity.why).toMatchObject({ code: 'page.selectorBroke', params: { item: 'quantity' } });
    expect(s.markPrice.why).toMatchObject({ code: 'page.selectorBroke', params: { item: 'markPrice' } });
    expect(s.ownPositions.why).toMatchObject({ code: 'page.selectorBroke', params: { item: 'positionsTab' } });
  });

  it('the title without the symbol, or with another: the symbol is not read', async () => {
    await openHealth(si, SPEC);
    await si.page.evaluate(() => { document.title = 'Bybit'; });
    expect((await si.read()).symbol.status).toBe('missing');
    await si.page.evaluate(() => { document.title = '3,000.50 | ETHUSDT | Bybit'; });
    const s = await si.read();
    expect(s.symbol.status).toBe('ambiguous');
    expect(shownFigures(s)).toEqual([]);
  });

  it('an empty positions table is read (no positions) on a loaded page, never a failure', async () => {
    await openHealth(si, SPEC, { pos: '' });
    const s = await si.read();
    expect(s.ownPositions).toMatchObject({ status: 'read', value: [] });
    expect(s.otherPositions).toMatchObject({ status: 'read', value: [] });
    expect(s.walletBalance.status).toBe('read');
    expect(shownFigures(s).some((f) => f.includes('.cross.liquidationPrice'))).toBe(true);
  });
});
