// The bottom area: tabs with counts, Close all, the positions table in `.position-box` and the open-orders table
// in `.order-table-box` (tests/sites/README.md: OKX hooks, lists). Only the selected tab's content is rendered.
import { display, withUnit, MISSING } from '/__standin/common/format.js';
import { fromBase } from './format.js';
import { parseDec, mul, round } from '/__standin/common/dec.js';
import { instInfo, markOf, ctvalOf, parsePositions, parseOrders, BALANCE_DECIMALS } from './page-state.js';

export const BOTTOM_TABS = ['tabPositions', 'tabOrders', 'tabOrderHistory', 'tabPositionHistory'];
/** Position columns in their default order; the first and the last (actions) never move. */
export const COLUMNS = ['instrument', 'size', 'value', 'entry', 'mark', 'liq', 'margin', 'marginRatio', 'pnl', 'actions'];
const HEADER_KEY = {
  instrument: 'colInstrument', size: 'colSize', value: 'colValue', entry: 'colEntry', mark: 'colMark', liq: 'colLiq',
  margin: 'colMargin', marginRatio: 'colMarginRatio', pnl: 'colPnl',
};

/**
 * The column order for a load: the default for an even seed; for an odd one the middle columns in a seeded order
 * that is never the default one (tests/sites/README.md: lists).
 */
export function columnOrder(seed, rng) {
  if (Math.abs(Number(seed)) % 2 === 0) return COLUMNS;
  const middle = COLUMNS.slice(1, -1);
  let shuffled = rng.shuffle(middle);
  while (shuffled.every((c, i) => c === middle[i])) shuffled = rng.shuffle(middle);
  return [COLUMNS[0], ...shuffled, COLUMNS.at(-1)];
}

/**
 * v: { loggedIn, loaded, explicit, currentSymbol, unit, posmode, activeTab, decoys, columns, on: { tab } }
 */
export function buildBottomArea(h, L, fmt, v) {
  const positions = parsePositions(v.explicit);
  const orders = parseOrders(v.explicit);
  const counted = v.loggedIn && v.loaded;
  const count = { tabPositions: positions.length, tabOrders: orders.length };

  const tabs = h('div', { role: 'tablist', class: 'okui-tabs' },
    BOTTOM_TABS.map((key) => h('div', { role: 'tab', class: 'okui-tabs-pane okui-tabs-pane-underline', 'aria-selected': String(key === v.activeTab),
      onclick: () => v.on.tab(key) }, counted && key in count ? `${L[key]} (${count[key]})` : L[key])));
  const barButtons = [];
  if (counted && v.activeTab === 'tabPositions' && positions.length > 0) barButtons.push(h('button', { type: 'button', class: 'position-function-btn' }, L.closeAll));
  if (counted && v.activeTab === 'tabOrders' && orders.length > 0) barButtons.push(h('button', { type: 'button', class: 'cancel-all' }, L.cancelAll));

  let content;
  if (v.activeTab === 'tabPositions') {
    if (!v.loggedIn) content = h('div', { class: 'position-box' }, h('p', {}, 'Log in to see your positions.'));
    else if (!v.loaded) content = h('div', { class: 'position-box' }, h('div', { class: 'si-loading' }, 'Loading…'));
    else content = h('div', { class: 'position-box' }, positionsTable(h, L, fmt, v, positions));
  } else if (v.activeTab === 'tabOrders') {
    if (!v.loggedIn) content = h('div', { class: 'order-table-box' }, h('p', {}, 'Log in to see your orders.'));
    else if (!v.loaded) content = h('div', { class: 'order-table-box' }, h('div', { class: 'si-loading' }, 'Loading…'));
    else content = h('div', { class: 'order-table-box' }, ordersTable(h, L, fmt, v, orders));
  } else {
    content = h('div', {}, 'No records');
  }
  return h('div', { class: 'si-bottom' }, h('div', { class: 'si-bottom-bar' }, tabs, barButtons), h('div', { class: 'si-bottom-content' }, content));
}

/** A cell of several children: one space text node between them (tests/sites/README.md: element text). */
const spaced = (h, tag, parts) => h(tag, {}, parts.flatMap((p, i) => (i ? [' ', p] : [p])));

function positionsTable(h, L, fmt, v, positions) {
  const head = h('thead', {}, h('tr', {}, v.columns.map((c) => h('th', {}, c === 'actions' ? '' : L[HEADER_KEY[c]]))));
  // The measurement row (hidden from readers) sizes the columns with typical texts.
  const measure = h('tr', { class: 'okui-table-row', 'aria-hidden': 'true' }, v.columns.map((c) => h('td', {}, MEASURE_TEXT[c] ?? '')));
  const rows = positions.map((p) => positionRow(h, L, fmt, v, p));
  const table = h('table', {}, head, h('tbody', {}, measure, rows));
  return rows.length ? table : [table, h('div', { class: 'si-empty' }, L.noPositions)];
}

const MEASURE_TEXT = {
  instrument: 'BTCUSDT Perpetual Isolated 100x', size: '-10,000 Cont', value: '1,000,000.00 USDT', entry: '100,000.0', mark: '100,000.0',
  liq: '100,000.0', margin: '100,000.00 USDT', marginRatio: '10,000.00%', pnl: '+10,000.00 USDT (+100.00%)',
};

/** A position's size as the page shows it: the form's amount unit; contracts via the contract value, quote at the row's mark. */
function sizeText(L, fmt, v, p, mark, info) {
  const unit = v.unit;
  const amount = fromBase(p.size, unit, { ctval: ctvalOf(p.symbol, v.explicit), price: mark });
  if (!amount) return MISSING;
  const signed = v.posmode !== 'hedge' && p.side === 'short' ? { n: -amount.n, s: amount.s } : amount;
  const word = unit === 'contracts' ? L.cont : unit === 'base' ? info.base : info.quote;
  return `${display(signed, 0, fmt)} ${word}`;
}

function positionRow(h, L, fmt, v, p) {
  const info = instInfo(p.symbol);
  // The current instrument's effective mark overrides the entry's (tests/sites/README.md: prices).
  const mark = p.symbol === v.currentSymbol ? markOf(p.symbol, v.explicit) : p.mark ?? null;
  const size = sizeText(L, fmt, v, p, mark, info);
  const sizeCell = v.posmode === 'hedge'
    ? h('td', {}, h('span', { class: p.side === 'long' ? 'positive-pl' : 'negative-pl' }, size))
    : h('td', {}, h('span', {}, size));
  const sizeDec = parseDec(p.size);
  const markDec = mark ? parseDec(mark) : null;
  const value = sizeDec && markDec ? withUnit(round(mul(sizeDec, markDec), BALANCE_DECIMALS), BALANCE_DECIMALS, fmt, info.quote) : MISSING;
  const liqDec = p.liq ? parseDec(p.liq) : null;
  const liq = liqDec && liqDec.n > 0n ? display(p.liq, info.tick, fmt) : MISSING;
  const pnl = p.upnl ? `${withUnit(p.upnl, BALANCE_DECIMALS, fmt, info.quote, { plus: true })} (--)` : MISSING;
  const decoyKey = v.posmode === 'hedge' ? (p.side === 'long' ? 'closeLong' : 'closeShort') : p.side === 'long' ? 'sellShort' : 'buyLong';
  const cells = {
    instrument: spaced(h, 'td', [h('span', {}, `${info.compact} ${L.perpetual}`), h('span', {}, `${p.mode === 'isolated' ? L.isolated : L.cross} ${p.lev}x`)]),
    size: sizeCell,
    value: h('td', {}, value),
    entry: h('td', {}, display(p.entry, info.tick, fmt)),
    mark: h('td', {}, display(mark, info.tick, fmt)),
    liq: h('td', {}, liq),
    margin: h('td', {}, withUnit(p.margin, BALANCE_DECIMALS, fmt, info.quote)),
    marginRatio: h('td', {}, MISSING),
    pnl: h('td', {}, pnl),
    actions: h('td', {}, h('button', { type: 'button' }, L.rowClose), h('button', { type: 'button' }, L.rowReverse),
      v.decoys ? h('button', { type: 'button' }, L[decoyKey]) : null),
  };
  return h('tr', { class: 'okui-table-row' }, v.columns.map((c) => cells[c]));
}

function ordersTable(h, L, fmt, v, orders) {
  const headers = [L.colInstrument, 'Type', 'Side', 'Price', 'Amount', ''];
  const head = h('thead', {}, h('tr', {}, headers.map((t) => h('th', {}, t))));
  const measure = h('tr', { class: 'okui-table-row', 'aria-hidden': 'true' }, headers.map(() => h('td', {}, '--')));
  const rows = orders.map((o) => {
    const info = instInfo(o.symbol);
    return h('tr', { class: 'okui-table-row' },
      h('td', {}, `${info.compact} ${L.perpetual}`),
      h('td', {}, L[o.type]),
      h('td', {}, o.side === 'buy' ? L.buy : L.sell),
      h('td', {}, o.price ? display(o.price, info.tick, fmt) : MISSING),
      h('td', {}, withUnit(o.qty, 0, fmt, info.base)),
      h('td', {}, h('button', { type: 'button', class: 'btn-fill-grey' }, L.cancel)));
  });
  const table = h('table', {}, head, h('tbody', {}, measure, rows));
  return rows.length ? table : [table, h('div', { class: 'si-empty' }, L.noOrders)];
}
