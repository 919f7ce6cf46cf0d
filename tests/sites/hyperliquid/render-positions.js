// `#accountTable`: the tabs (plain elements, no role; the selected one marked only by a hashed class), and
// the selected tab's table (tests/sites/README.md: lists and filters, tab counts). Header cells are `td`.
import { withUnit, times as baseToQuote, MISSING } from '/__standin/common/format.js';
import { displayPrice, usd, SIZE_DECIMALS, USD_DECIMALS } from './format.js';
import { coinInfo, markOf, parsePositions, parseOrders } from './page-state.js';
import { ACCOUNT_TABS, CLOSE_ALL } from './labels.js';

/** Tabs that carry a count (tests/sites/README.md: tab counts). */
const COUNTED = { Positions: 'positions', 'Open Orders': 'orders' };

/**
 * v: { loggedIn, loaded, explicit, currentCoin, activeTab, selClass, on: { tab } }
 */
export function buildAccountTable(h, L, fmt, v) {
  const positions = parsePositions(v.explicit);
  const orders = parseOrders(v.explicit);
  const counted = v.loggedIn && v.loaded;
  const count = { positions: positions.length, orders: orders.length };

  const tabs = h('div', { class: 'si-tabs' },
    ACCOUNT_TABS.map((label) => {
      const key = COUNTED[label];
      const text = counted && key ? `${label} (${count[key]})` : label;
      return h('div', { class: label === v.activeTab ? v.selClass : null, onclick: () => v.on.tab(label) }, text);
    }));

  let content;
  if (!v.loggedIn) {
    content = h('div', { class: 'si-connect' }, h('div', {}, L.connectPrompt), h('button', { type: 'button', color: 'primary' }, L.connect));
  } else if (!v.loaded) content = h('div', { class: 'si-loading' }, L.loading);
  else if (v.activeTab === 'Positions') content = positionsTable(h, L, fmt, v, positions);
  else if (v.activeTab === 'Open Orders') content = ordersTable(h, L, fmt, v, orders);
  else content = h('div', {}, L.noRecords);

  return h('div', { id: 'accountTable', class: 'si-account' }, tabs, content);
}

/** A cell with several children: one space text node between them (tests/sites/README.md: element text). */
const spaced = (h, parts) => h('td', {}, parts.flatMap((p, i) => (i ? [' ', p] : [p])));

function positionsTable(h, L, fmt, v, positions) {
  const headers = [L.colCoin, L.colSize, L.colValue, L.colEntry, L.colMark, L.colPnl, L.colLiq, L.colMargin, L.colFunding];
  const head = h('thead', {}, h('tr', {},
    headers.map((t) => h('td', {}, t)),
    h('td', {}, h('button', { type: 'button' }, CLOSE_ALL)),
    h('td', {}, L.colTpsl)));
  const rows = positions.map((p) => positionRow(h, L, fmt, v, p));
  const body = h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: String(headers.length + 2) }, L.noPositions)));
  return h('table', { class: 'si-table' }, head, body);
}

function positionRow(h, L, fmt, v, p) {
  const info = coinInfo(p.symbol, v.explicit);
  // The current coin's effective mark overrides the entry's (tests/sites/README.md: prices).
  const mark = p.symbol === v.currentCoin ? markOf(p.symbol, v.explicit) : p.mark ?? null;
  const signed = (p.side === 'short' ? '-' : '') + p.size;
  const value = mark ? baseToQuote(p.size, mark, USD_DECIMALS) : null;
  const liq = p.liq && p.liq !== '--' ? displayPrice(p.liq, fmt) : 'N/A';
  const pnl = p.upnl ? `${usd(p.upnl, fmt, { plus: true })} (--)` : MISSING;
  const modeLabel = p.mode === 'isolated' ? L.isolated : L.cross;
  const margin = `${p.margin ? usd(p.margin, fmt) : MISSING} (${modeLabel})`;
  return h('tr', {},
    spaced(h, [h('span', {}, p.symbol), h('span', {}, `${p.lev}x`)]),
    h('td', {}, withUnit(signed, SIZE_DECIMALS, fmt, info.base)),
    h('td', {}, value ? usd(value, fmt) : MISSING),
    h('td', {}, displayPrice(p.entry, fmt)),
    h('td', {}, displayPrice(mark, fmt)),
    h('td', {}, pnl),
    h('td', {}, liq),
    h('td', {}, margin),
    h('td', {}, MISSING),
    h('td', {}, h('button', { type: 'button' }, L.limit), h('button', { type: 'button' }, L.market), h('button', { type: 'button' }, L.reverse)),
    h('td', {}, '-- / --'));
}

function ordersTable(h, L, fmt, v, orders) {
  const headers = ['Time', 'Type', L.colCoin, 'Direction', L.colSize, 'Price', 'Reduce Only'];
  const head = h('thead', {}, h('tr', {}, headers.map((t) => h('td', {}, t))));
  const rows = orders.map((o) => {
    const info = coinInfo(o.symbol, v.explicit);
    return h('tr', {},
      h('td', {}, '--'),
      h('td', {}, L[o.type === 'conditional' ? 'pro' : o.type]),
      h('td', {}, o.symbol),
      h('td', {}, o.side === 'buy' ? 'Long' : 'Short'),
      h('td', {}, withUnit(o.qty, SIZE_DECIMALS, fmt, info.base)),
      h('td', {}, o.price ? displayPrice(o.price, fmt) : 'Market'),
      h('td', {}, o.reduceOnly ? 'Yes' : 'No'));
  });
  const body = h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: String(headers.length) }, L.noOrders)));
  return h('table', { class: 'si-table' }, head, body);
}

