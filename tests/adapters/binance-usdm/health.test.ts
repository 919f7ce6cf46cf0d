/**
 * Health of the Binance USDⓈ-M adapter against its stand-in (tests/sites/binance-usdm), run by the adapter test
 * kit (tests/adapters/kit/health.ts): every hook the calculation needs is, in turn, removed, duplicated, hidden
 * and re-rendered on the live page. While it is gone, doubled or hidden, no field that depends on it is read and
 * no figure resting on it would be shown; the change undone, the page is read as before. An empty positions
 * list is read as no positions, never as a failure.
 */
import { describe, expect, it } from 'vitest';
import { reason } from '../../../src/contracts/reasons';
import { brokenFields } from '../kit/expect';
import { healthCases, openHealth, type HealthSpec, type Hook } from '../kit/health';
import { useStandin } from '../kit/standin';
import { STANDIN } from './standin-spec';

const si = useStandin(STANDIN);

const POSITIONS: Hook['fields'] = ['ownPositions', 'otherPositions'];

/** Finders by the hooks of src/adapters/binance-usdm/selectors.ts, scoped with the stand-in's own classes (tests may; the adapter never does). */
const HOOKS: Hook[] = [
  { name: 'selected order-type tab', find: "visAll('[role=\"tab\"][data-tab-key][aria-selected=\"true\"]', root)[0]", fields: ['form', 'orderType', 'price', 'quantity', 'leverage'], hides: 'all' },
  { name: 'size input', find: "visAll('input[id^=\"unitAmount-\"]', root)[0]", fields: ['form', 'quantity', 'price', 'leverage'], hides: 'all' },
  { name: 'price input', find: "visAll('input[id^=\"limitPrice-\"]', root)[0]", fields: ['price'], hides: 'all' },
  { name: 'size unit', find: "visAll('[target^=\"unitAmount-\"] .bn-input-suffix', root)[0]", fields: ['quantityUnit'], hides: 'all' },
  { name: 'leverage button', find: "visAll('button', root).find((b) => /^(Cross|Isolated) ?\\d+x$/.test(txt(b)))", fields: ['leverage', 'marginMode'], hides: 'all' },
  { name: 'asset-mode button', find: "visAll('button', root).find((b) => txt(b) === 'S')", fields: ['assetMode'], hides: 'cross' },
  { name: 'Avbl pair', find: "pair(root, 'Avbl')", fields: ['available'] },
  { name: 'TP/SL box', find: "visAll('label[role=\"checkbox\"]', root).find((l) => txt(l) === 'TP/SL')", fields: ['takeProfit', 'stopLoss'] },
  { name: 'Take Profit input', find: "visAll('input[aria-label=\"Take Profit\"]', root)[0]", fields: ['takeProfit'] },
  { name: 'Reduce-Only box', find: "visAll('label[role=\"checkbox\"]', root).find((l) => txt(l) === 'Reduce-Only')", fields: ['reduceOnly'] },
  { name: 'Buy/Long button', find: "visAll('button', root).find((b) => txt(b) === 'Buy/Long')", fields: ['positionMode', 'action'], hides: 'all' },
  { name: 'Max buy', find: "visAll('[data-testid=\"max-buy-amount\"]', root)[0]", fields: ['maxBuy'] },
  { name: 'Max sell', find: "visAll('[data-testid=\"max-sell-amount\"]', root)[0]", fields: ['maxSell'] },
  { name: 'Margin Balance pair', find: "pair(panel, 'Margin Balance')", fields: ['marginBalance'] },
  { name: 'Wallet Balance pair', find: "pair(panel, 'Wallet Balance')", fields: ['walletBalance'], hides: 'cross' },
  { name: 'Maintenance Margin pair', find: "pair(panel, 'Maintenance Margin')", fields: ['maintenanceMargin'] },
  { name: 'Unrealized PNL pair', find: "pair(panel, 'Unrealized PNL')", fields: ['unrealizedPnl'] },
  { name: 'Margin Ratio pair', find: "pair(panel, 'Margin Ratio')", fields: ['marginRatio'] },
  { name: 'Mark pair', find: "pair(visAll('.si-header')[0], 'Mark')", fields: ['markPrice'], hides: 'all' },
  { name: 'Positions tab', find: "visAll('[role=\"tab\"]').find((t) => /^Positions\\(\\d+\\)$/.test(txt(t)))", fields: POSITIONS, hides: 'all' },
  { name: 'positions list', find: 'list', fields: POSITIONS, hides: 'all' },
  { name: 'Size column header', find: "header('Size')", fields: POSITIONS, hides: 'all' },
  { name: 'Liq.Price column header', find: "header('Liq.Price')", fields: POSITIONS, hides: 'all' },
  { name: 'a position row', find: "visAll('.list-item-container')[1]", fields: POSITIONS, hides: 'all' },
];

const SPEC: HealthSpec = {
  params: {
    stale: 0, price: '60000', qty: '0.1', tp: '65000', sl: '58000', maxbuy: '2', maxsell: '1', mm: '12.34', mr: '0.52',
    pos: 'BTCUSDT,long,0.5,60000,61000,cross,20;ETHUSDT,short,3,3000,2950,isolated,10,900,3268.5',
  },
  helpers: `
    const root = visAll('.si-form')[0];
    const panel = visAll('.si-panel')[0];
    const list = visAll('.si-list')[0];
    const pair = (scope, label) => visAll('span', scope).find((s) => txt(s) === label)?.parentElement;
    const header = (label) => list && [...list.querySelector('.si-header-row').children].find((c) => txt(c) === label);`,
  read: 'now',
  panel: true,
  hooks: HOOKS,
};

describe('health: every hook the calculation needs, removed, duplicated, hidden and re-rendered', () => {
  healthCases(si, SPEC);

  it('the title: without the symbol, or naming another, the symbol is not read', async () => {
    await openHealth(si, SPEC);
    await si.page.evaluate(() => { document.title = 'Binance'; });
    expect((await si.read()).symbol).toMatchObject({ status: 'missing', why: reason('page.symbolNotShown') });
    await si.page.evaluate(() => { document.title = '3,000.50 | ETHUSDT | Binance USDⓈ-M Futures'; });
    expect((await si.read()).symbol.status).toBe('ambiguous');
  });

  it('an empty positions list is read as no positions, once loaded too; a loaded page reports no broken selector', async () => {
    await openHealth(si, SPEC, { pos: '' });
    for (const s of [await si.read(), await si.readLoaded()]) {
      expect(s.ownPositions).toMatchObject({ status: 'read', value: [] });
      expect(s.otherPositions).toMatchObject({ status: 'read', value: [] });
      expect(brokenFields(s)).toEqual([]);
    }
  });
});
