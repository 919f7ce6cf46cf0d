/**
 * Health of the OKX adapter against its stand-in (tests/sites/okx), run by the adapter test kit
 * (tests/adapters/kit/health.ts): every hook the calculation needs is, in turn, removed, duplicated, hidden and
 * re-rendered on the live page. An empty positions table is read as no positions, never as a failure.
 */
import { describe, expect, it } from 'vitest';
import { reason } from '../../../src/contracts/reasons';
import { brokenFields } from '../kit/expect';
import { healthCases, openHealth, OPS, type HealthSpec, type Hook } from '../kit/health';
import { useStandin } from '../kit/standin';
import { STANDIN } from './standin-spec';

const si = useStandin(STANDIN);

const NO_DUPLICATE = OPS.filter((op) => op !== 'duplicate');

const HOOKS: Hook[] = [
  { name: 'form root', find: 'root', fields: ['form', 'price', 'quantity', 'leverage', 'ownPositions'], hides: 'all' },
  { name: 'price input', find: "visAll('.price-input .okui-input-input', root)[0]", fields: ['price'], hides: 'all', broke: { remove: { fields: ['price'], item: 'price' } } },
  { name: 'price container', find: "visAll('.price-input', root)[0]", fields: ['orderType', 'price'], hides: 'all' },
  { name: 'amount input', find: "visAll('.okui-input-input', root).find((i) => !i.closest('.price-input'))", fields: ['quantity', 'quantityUnit'], hides: 'all', broke: { remove: { fields: ['quantity'], item: 'quantity' } } },
  { name: 'amount unit suffix', find: "visAll('.okui-input-suffix', root)[1]", fields: ['quantityUnit'], hides: 'all', broke: { remove: { fields: ['quantityUnit'], item: 'quantityUnit' } } },
  { name: 'selected order-type tab', find: "visAll('.okui-tabs-pane-spacing[aria-selected=\"true\"]', root)[0]", fields: ['orderType'], hides: 'all' },
  { name: 'leverage button', find: "visAll('button', root).find((b) => /^\\d+x$/.test(txt(b)))", fields: ['leverage', 'marginMode'], hides: 'all', broke: { remove: { fields: ['leverage'], item: 'leverageButton' } } },
  { name: 'margin-mode button', find: "visAll('button', root).find((b) => txt(b) === 'Cross')", fields: ['marginMode'], broke: { remove: { fields: ['marginMode'], item: 'marginMode' } } },
  { name: 'positive submit button', find: "visAll('button.okui-positivebutton', root)[0]", fields: ['positionMode', 'action'], hides: 'all' },
  { name: 'both submit buttons', find: "visAll('button.okui-positivebutton', root)[0].parentElement", fields: ['loggedIn', 'ownPositions', 'otherPositions'], hides: 'all', broke: { remove: { fields: ['loggedIn'], item: 'orderButtons' } },
    // Four submit buttons: logged in, but not the pair of any mode.
    fieldsFor: { duplicate: ['positionMode', 'action'] } },
  { name: 'Max long', find: "visAll('[data-testid=\"max-trade\"]', root)[0]", fields: ['maxBuy', 'maxSell', 'quantityUnit'], hides: 'all' },
  { name: 'Max pair', find: "visAll('[data-testid=\"max-trade\"]', root)[0].parentElement", fields: ['maxBuy', 'maxSell', 'quantityUnit'], hides: 'all', broke: { remove: { fields: ['maxBuy'], item: 'maxBuy' } } },
  { name: 'Available', find: "visAll('[data-testid=\"max-asset\"]', root)[0]", fields: ['available'], broke: { remove: { fields: ['available'], item: 'available' } } },
  { name: 'Total equity', find: "pairOf('Total equity')", fields: ['marginBalance', 'walletBalance'], hides: 'cross', broke: { remove: { fields: ['marginBalance'], item: 'marginBalance' } } },
  { name: 'Maintenance margin', find: "pairOf('Maintenance margin')", fields: ['maintenanceMargin'], broke: { remove: { fields: ['maintenanceMargin'], item: 'maintenanceMargin' } } },
  { name: 'Account mode', find: "pairOf('Account mode')", fields: ['assetMode'], hides: 'cross', broke: { remove: { fields: ['assetMode'], item: 'assetMode' } } },
  { name: 'Mark price', find: "pairOf('Mark price')", fields: ['markPrice'], hides: 'all', broke: { remove: { fields: ['markPrice'], item: 'markPrice' } } },
  { name: 'Open positions tab', find: "visAll('.okui-tabs-pane-underline[role=\"tab\"]')[0]", fields: ['ownPositions', 'otherPositions', 'walletBalance'], hides: 'all', broke: { remove: { fields: ['ownPositions'], item: 'positionsTabs' } } },
  { name: 'positions box', find: "visAll('.position-box')[0]", fields: ['ownPositions', 'otherPositions', 'walletBalance'], hides: 'all', broke: { remove: { fields: ['ownPositions'], item: 'positionsPanel' } } },
  { name: 'positions table', find: "visAll('.position-box table')[0]", fields: ['ownPositions', 'otherPositions'], hides: 'all', broke: { remove: { fields: ['ownPositions'], item: 'positionsHeader' } } },
  { name: 'Size column header', find: "visAll('.position-box th').find((th) => txt(th) === 'Size')", fields: ['ownPositions', 'otherPositions'], hides: 'all' },
  { name: 'a position row', find: "visAll('.position-box tbody > tr.okui-table-row')[1]", fields: ['ownPositions', 'otherPositions', 'walletBalance'], hides: 'all' },
  { name: 'PnL cell of a row', find: "visAll('.position-box tbody > tr.okui-table-row')[0].children[8]", fields: ['walletBalance'], hides: 'cross', ops: NO_DUPLICATE },
];

const SPEC: HealthSpec = {
  params: { stale: 0, price: '60000', qty: '20', maxbuy: '2', maxsell: '1', pos: 'BTC-USDT-SWAP,long,0.5,60000,61000,cross,20,-,-,-,500;ETH-USDT-SWAP,short,3,3000,2950,isolated,10,900,3268.5,-,150', upnl: '650' },
  // Finders over `root`, the live form root, and the visibility test the adapter's README describes.
  helpers: `
    const pairOf = (label) => visAll('span').filter((s) => txt(s) === label && !s.closest('table, .place-order-container-common'))[0].parentElement;
    const root = visAll('.place-order-container-common')[0];`,
  read: 'now',
  panel: true,
  hooks: HOOKS,
};

describe('health: every hook the calculation needs, removed, duplicated, hidden and re-rendered', () => {
  healthCases(si, SPEC);

  it('the title: without the instrument, or naming another, the symbol is not read', async () => {
    await openHealth(si, SPEC);
    const title = await si.page.title();
    await si.page.evaluate(() => { document.title = 'OKX'; });
    expect((await si.read()).symbol).toMatchObject({ status: 'missing', why: reason('page.symbolNotShown') });
    await si.page.evaluate(() => { document.title = '3,000.5 | ETH-USDT-SWAP | OKX'; });
    expect((await si.read()).symbol.status).toBe('ambiguous');
    await si.page.evaluate((t) => { document.title = t; }, title);
    expect((await si.read()).symbol.status).toBe('read');
  });

  it('an empty positions table (only the hidden measurement row) is read as no positions, once loaded too', async () => {
    await openHealth(si, SPEC, { pos: '' });
    for (const s of [await si.read(), await si.readLoaded()]) {
      expect(s.ownPositions).toMatchObject({ status: 'read', value: [], raw: 'Open positions (0)' });
      expect(s.otherPositions).toMatchObject({ status: 'read', value: [] });
      expect(s.walletBalance.status).toBe('read');
    }
  });

  it('a loaded page whose hooks are all there reports no broken selector', async () => {
    await openHealth(si, SPEC);
    expect(brokenFields(await si.readLoaded())).toEqual([]);
  });
});
