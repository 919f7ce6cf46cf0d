// Bottom account area: tabs with counts, Hide Other Symbols, positions and open-orders lists
// (tests/sites/README.md: lists and filters, tab counts).
import { display, withUnit, times as baseToQuote, MISSING } from '/__standin/common/format.js';
import { parseDec } from '/__standin/common/dec.js';
import { symbolInfo, markOf, parsePositions, parseOrders, LOT_DECIMALS, BALANCE_DECIMALS } from './page-state.js';
import { leverageText } from './render-form.js';
import { countedTabs } from '/__standin/common/frame.js';

export const ACCOUNT_TABS = ['tabPositions', 'tabOpenOrders', 'tabOrderHistory', 'tabTradeHistory', 'tabTransactions'];

/**
 * v: { loggedIn, loaded, explicit, currentSymbol, hideOther, quoteUnit (bool), posmode, activeTab, decoys,
 *      paneBase, on: { tab, hideOther } }
 */
export function buildAccountArea(h, rng, L, fmt, v) {
  const filter = (list) => (v.hideOther ? list.filter((x) => x.symbol === v.currentSymbol) : list);
  const positions = filter(parsePositions(v.explicit));
  const orders = filter(parseOrders(v.explicit));
  const counted = v.loggedIn && v.loaded;
  const count = { tabPositions: positions.length, tabOpenOrders: orders.length };

  const tablist = countedTabs(h, rng, L, { keys: ACCOUNT_TABS, active: v.activeTab, paneBase: v.paneBase, counts: count, counted, onTab: v.on.tab });
  const hideOther = h('label', { role: 'checkbox', name: 'hideOtherSymbol', 'aria-checked': String(v.hideOther), onclick: () => v.on.hideOther() },
    h('span', {}), L.hideOther);

  let content;
  if (!v.loggedIn) content = h('p', {}, 'Log in to see your positions and orders.');
  else if (!v.loaded) content = h('div', { class: 'si-loading' }, 'Loading…');
  else if (v.activeTab === 'tabPositions') content = positionsList(h, L, fmt, v, positions);
  else if (v.activeTab === 'tabOpenOrders') content = ordersList(h, L, fmt, v, orders);
  else content = h('div', {}, 'No records.');

  const paneIndex = ACCOUNT_TABS.indexOf(v.activeTab);
  return h('div', { class: 'si-account' },
    h('div', { class: 'si-account-bar' }, tablist, hideOther),
    h('div', { role: 'tabpanel', id: `${v.paneBase}-${paneIndex}` }, content));
}

/** Cell with several children: one space text node between them (tests/sites/README.md: element text). */
const spaced = (h, parts) => h('div', {}, parts.flatMap((p, i) => (i ? [' ', p] : [p])));

function positionsList(h, L, fmt, v, positions) {
  const headers = [L.colSymbol, L.colSize, L.colEntry, L.colBreakEven, L.colMark, L.colLiq, L.colMarginRatio, L.colMargin, L.colPnl];
  const header = h('div', { class: 'si-row si-header-row' },
    headers.map((t) => h('div', {}, t)),
    h('div', {}, h('button', { type: 'button' }, L.closeAll)));
  const rows = positions.map((p) => positionRow(h, L, fmt, v, p));
  const body = rows.length ? rows : [h('div', { class: 'si-empty' }, L.noPositions)];
  return h('div', { class: 'si-list' }, header, body);
}

function positionRow(h, L, fmt, v, p) {
  const info = symbolInfo(p.symbol, v.explicit);
  // The current symbol's effective mark overrides the entry's (tests/sites/README.md: prices).
  const mark = p.symbol === v.currentSymbol ? markOf(p.symbol, v.explicit) : p.mark ?? null;
  const signed = (p.side === 'short' ? '-' : '') + p.size;
  const size = v.quoteUnit
    ? withUnit(mark ? baseToQuote(signed, mark, info.tick) : null, info.tick, fmt, info.quote)
    : withUnit(signed, LOT_DECIMALS, fmt, info.base);
  const liqDec = p.liq ? parseDec(p.liq) : null;
  const liq = liqDec && liqDec.n > 0n ? display(p.liq, info.tick, fmt) : MISSING;
  const pnl = p.upnl ? `${withUnit(p.upnl, BALANCE_DECIMALS, fmt, info.quote, { plus: true })} (--)` : MISSING;
  const closeKey = v.posmode === 'hedge' ? (p.side === 'long' ? 'closeLong' : 'closeShort') : p.side === 'long' ? 'sellShort' : 'buyLong';
  const cells = [
    spaced(h, [h('span', {}, p.symbol), h('span', {}, L.perp), h('span', {}, leverageText(L, p.mode, p.lev))]),
    h('div', {}, size),
    h('div', {}, display(p.entry, info.tick, fmt)),
    h('div', {}, MISSING),
    h('div', {}, display(mark, info.tick, fmt)),
    h('div', {}, liq),
    h('div', {}, MISSING),
    h('div', {}, withUnit(p.margin, BALANCE_DECIMALS, fmt, info.quote)),
    h('div', {}, pnl),
    h('div', {}, h('button', { type: 'button' }, L.MARKET), h('button', { type: 'button' }, L.LIMIT),
      v.decoys ? h('button', { type: 'button' }, L[closeKey]) : null),
  ];
  return h('div', { class: 'list-item-container si-row' }, cells);
}

function ordersList(h, L, fmt, v, orders) {
  const header = h('div', { class: 'si-row si-header-row' },
    ['Symbol', 'Type', 'Side', 'Price', 'Amount', 'Reduce Only', ''].map((t) => h('div', {}, t)));
  const rows = orders.map((o) => {
    const info = symbolInfo(o.symbol, v.explicit);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('aria-label', L.cancelOrder);
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('width', '16');
    svg.setAttribute('height', '16');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', 'M3 3l10 10M13 3L3 13');
    path.setAttribute('stroke', 'currentColor');
    svg.append(path);
    return h('div', { class: 'list-item-container si-row' },
      h('div', {}, o.symbol),
      h('div', {}, L[o.type.toUpperCase()]),
      h('div', {}, o.side === 'buy' ? 'Buy' : 'Sell'),
      h('div', {}, o.price ? display(o.price, info.tick, fmt) : MISSING),
      h('div', {}, withUnit(o.qty, LOT_DECIMALS, fmt, info.base)),
      h('div', {}, o.reduceOnly ? 'Yes' : 'No'),
      h('div', {}, svg));
  });
  return h('div', { class: 'si-list' }, header, rows.length ? rows : [h('div', { class: 'si-empty' }, L.noOrders)]);
}
