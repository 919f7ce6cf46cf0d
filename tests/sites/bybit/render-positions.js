// Bottom account area: tabs with counts, the positions table (columns the user can reorder, virtualised
// rows) and the current-orders table (tests/sites/README.md: Bybit hooks, lists).
import { display, withUnit, times, MISSING } from '/__standin/common/format.js';
import { abs } from './format.js';
import { parseDec } from '/__standin/common/dec.js';
import { symbolInfo, markOf, parsePositions, parseOrders, LOT_DECIMALS, AMOUNT_DECIMALS, PRICE_DECIMALS } from './page-state.js';
import { leverageText } from './render-form.js';
import { countedTabs } from '/__standin/common/frame.js';
import { shuffledNotIdentity } from './rng.js';

export const ACCOUNT_TABS = ['tabPositions', 'tabOrders', 'tabOrderHistory', 'tabTradeHistory'];

/** Positions columns in the default order; the first and the last never move. */
export const POSITION_COLUMNS = ['colContracts', 'colQty', 'colValue', 'colEntry', 'colMark', 'colLiq', 'colIm', 'colMm', 'colUpnl', 'colRpnl', 'colTpsl', 'colCloseBy'];

/** The column order of a load: odd seeds reorder every middle column, never to the default order. */
export function columnOrder(seed, rng) {
  if (Math.abs(Number(seed)) % 2 === 0) return POSITION_COLUMNS;
  const middle = POSITION_COLUMNS.slice(1, -1);
  const order = shuffledNotIdentity(middle.length, rng);
  return [POSITION_COLUMNS[0], ...order.map((i) => middle[i]), POSITION_COLUMNS.at(-1)];
}

/**
 * v: { loggedIn, loaded, explicit, fmt, currentSymbol, posmode, activeTab, decoys, virtual ('all' | n), columns,
 *      paneBase, on: { tab } }
 */
export function buildAccountArea(h, rng, L, fmt, v) {
  const positions = parsePositions(v.explicit);
  const orders = parseOrders(v.explicit);
  const counted = v.loggedIn && v.loaded;
  const count = { tabPositions: positions.length, tabOrders: orders.length };
  const tablist = countedTabs(h, rng, L, { keys: ACCOUNT_TABS, active: v.activeTab, paneBase: v.paneBase, counts: count, counted, onTab: v.on.tab });

  let content;
  if (!v.loggedIn) content = h('div', { class: 'si-prompt' }, 'Log in to view your positions and orders.');
  else if (!v.loaded) content = h('div', { class: 'si-loading' }, 'Loading…');
  else if (v.activeTab === 'tabPositions') content = positionsTable(h, L, fmt, v, positions);
  else if (v.activeTab === 'tabOrders') content = ordersTable(h, L, fmt, orders);
  else content = h('div', { class: 'si-prompt' }, 'Nothing here yet.');
  return h('div', { class: 'si-account' }, tablist, h('div', { class: 'si-account-body' }, content));
}

const ICONS = ['bb__colum-close-icon', 'bb__colum-drag-icon', 'bb__colum-sort-icon'];

/** A header cell: its label and the text-less column icons (tests/sites/README.md: Bybit hooks). */
const headerCell = (h, text) => h('th', {}, text, ICONS.map((cls) => h('span', { class: `${cls} si-icon` })));

/** Cell with several children: one space text node between them (tests/sites/README.md: element text). */
const spaced = (h, parts) => h('td', {}, parts.flatMap((p, i) => (i ? [' ', p] : [p])));

function positionsTable(h, L, fmt, v, positions) {
  const head = h('thead', {}, h('tr', {}, v.columns.map((key) => headerCell(h, L[key]))));
  let rows;
  if (positions.length === 0) {
    rows = [h('tr', {}, h('td', { colspan: String(v.columns.length) }, L.noData))];
  } else {
    const shown = v.virtual === 'all' ? positions : positions.slice(0, Number(v.virtual));
    rows = shown.map((p, i) => {
      const cells = positionCells(h, L, fmt, v, p);
      return h('tr', v.virtual === 'all' ? {} : { 'data-index': String(i) }, v.columns.map((key) => cells[key]));
    });
  }
  return h('table', { class: 'si-table' }, head, h('tbody', {}, rows));
}

function positionCells(h, L, fmt, v, p) {
  const info = symbolInfo(p.symbol);
  // The current symbol's effective mark overrides the entry's (tests/sites/README.md: prices).
  const mark = p.symbol === v.currentSymbol ? markOf(p.symbol, v.explicit) : p.mark ?? null;
  const size = parseDec(p.size);
  const signed = p.side === 'short' ? { n: -size.n, s: size.s } : size;
  const value = mark ? times(abs(size), mark, AMOUNT_DECIMALS) : null;
  const liq = p.liq ? display(p.liq, PRICE_DECIMALS, fmt) : MISSING;
  const pnl = p.upnl ? `${withUnit(p.upnl, AMOUNT_DECIMALS, fmt, info.quote, { plus: true })} (--)` : MISSING;
  const closeKey = v.posmode === 'hedge' ? (p.side === 'long' ? 'closeLong' : 'closeShort') : p.side === 'long' ? 'sellShort' : 'buyLong';
  const td = (text) => h('td', {}, text);
  return {
    colContracts: spaced(h, [h('span', {}, p.symbol), h('span', {}, `${L[p.mode]} ${leverageText(fmt, p.lev)}`)]),
    colQty: td(withUnit(signed, LOT_DECIMALS, fmt, info.base)),
    colValue: td(withUnit(value, AMOUNT_DECIMALS, fmt, info.quote)),
    colEntry: td(display(p.entry, PRICE_DECIMALS, fmt)),
    colMark: td(display(mark, PRICE_DECIMALS, fmt)),
    colLiq: td(liq),
    colIm: td(withUnit(p.margin, AMOUNT_DECIMALS, fmt, info.quote)),
    colMm: td(withUnit(p.mm, AMOUNT_DECIMALS, fmt, info.quote)),
    colUpnl: td(pnl),
    colRpnl: td(MISSING),
    colTpsl: td('-- / --'),
    colCloseBy: h('td', {}, h('button', { type: 'button' }, L.market), h('button', { type: 'button' }, L.limit),
      v.decoys ? h('button', { type: 'button' }, L[closeKey]) : null),
  };
}

function ordersTable(h, L, fmt, orders) {
  const columns = [L.colContracts, L.colQty, L.colOrderPrice, L.colType, L.colSide, L.colReduceOnly];
  const head = h('thead', {}, h('tr', {}, columns.map((t) => headerCell(h, t))));
  const rows = orders.length === 0
    ? [h('tr', {}, h('td', { colspan: String(columns.length) }, L.noData))]
    : orders.map((o) => {
      const info = symbolInfo(o.symbol);
      return h('tr', {},
        h('td', {}, o.symbol),
        h('td', {}, withUnit(o.qty, LOT_DECIMALS, fmt, info.base)),
        h('td', {}, o.price ? display(o.price, PRICE_DECIMALS, fmt) : MISSING),
        h('td', {}, L[o.type]),
        h('td', {}, o.side === 'buy' ? L.buy : L.sell),
        h('td', {}, o.reduceOnly ? '✓' : MISSING));
    });
  return h('table', { class: 'si-table' }, head, h('tbody', {}, rows));
}
