/**
 * Small Bybit page fixtures for happy-dom unit tests, drawn the way the adapter's README
 * (src/adapters/bybit/README.md) says the page is built: the order zone, the account panel, the header's
 * mark price and the positions area. Texts are given already formatted, so each test states exactly what
 * the page shows.
 */
import { esc, setPage } from '../kit/fixture';
import { LABELS, type Locale } from '../../../src/adapters/bybit/selectors';

export interface PosRowSpec {
  symbol: string;
  /** The Contracts cell's second child, e.g. `Cross 10.00x`. */
  badge: string;
  qty: string;
  entry: string;
  mark: string;
  liq?: string;
  im?: string;
}

export interface FormSpec {
  locale?: Locale;
  lang?: string;
  title?: string | null;
  type?: 'limit' | 'market' | 'conditional';
  hedge?: 'open' | 'close' | null;
  loggedIn?: boolean;
  headerMode?: string;
  leverage?: string;
  price?: string;
  qty?: string;
  /** The qty-mode switch text (default: the locale's Order by Qty). */
  qtyMode?: string;
  suffix?: string;
  avail?: string;
  tp?: string | null;
  sl?: string | null;
  /** Extra markup inside the form root (e.g. hidden decoys), before the submit buttons. */
  rootExtra?: string;
  /** Omit the price row while the tab says Limit (or add one on Market). */
  priceRow?: boolean;
}

export interface PageSpec extends FormSpec {
  symbol?: string;
  mark?: string;
  /** undefined = the default panel; null = no panel at all. */
  account?: Partial<Record<'marginBalance' | 'maintenanceMargin' | 'marginMode', string>> | null;
  /** undefined = logged-in default (empty, count 0); null = the positions area has no table yet (loading). */
  positions?: PosRowSpec[] | null;
  positionsCount?: number | null;
  /** Which bottom tab is selected ('orders': the orders table instead). */
  tab?: 'positions' | 'orders';
  /** Render only the first n rows, as `tr[data-index]`. */
  virtual?: number;
  /** Header texts in order (default: the locale's columns in the default order). */
  columns?: string[];
  before?: string;
  after?: string;
  form?: string;
}

export function formHtml(spec: FormSpec = {}): string {
  const L = LABELS[spec.locale ?? 'en'];
  const loggedIn = spec.loggedIn ?? true;
  const type = spec.type ?? 'limit';
  const hedge = spec.hedge ?? null;
  const buttons = loggedIn ? (hedge === null ? L.oneWayButtons : hedge === 'open' ? L.hedgeOpenButtons : L.hedgeCloseButtons) : L.loggedOutButtons;
  const tab = (key: 'limit' | 'market' | 'conditional'): string => `<div role="tab" aria-selected="${key === type}">${L.orderTypes[key]}</div>`;
  const tpChecked = spec.tp != null || spec.sl != null;
  const priceRow = spec.priceRow ?? type !== 'market';
  const row = (title: string, value: string) =>
    `<div class="oc__row-bottom--12"><div class="tpsl-modal-item__title">${title}</div><div class="profit-input"><input type="text" class="by-input__inner" value="${esc(value)}"></div></div>`;
  return `
<div class="_oc_wrap_8d1kq_1">
  ${hedge === null ? '' : `<div role="tablist"><div role="tab" aria-selected="${hedge === 'open'}">${L.open}</div><div role="tab" aria-selected="${hedge === 'close'}">${L.close}</div></div>`}
  <div class="_head_x1_2"><div role="button">${spec.headerMode ?? L.headerModes.cross}</div><div role="button" class="oc-head-leverage">${spec.leverage ?? '10.00x'}</div></div>
  <div role="tablist">${tab('limit')}${tab('market')}${tab('conditional')}</div>
  <div><span>${L.available}</span><span>${spec.avail ?? (loggedIn ? '8,000.00 USDT' : '--')}</span></div>
  ${priceRow ? `<div><div>${L.price}</div><div class="by-input__container"><input type="text" class="by-input__inner" value="${esc(spec.price ?? '61000.5')}"><span class="by-input__right-icon">USDT</span></div></div>` : ''}
  <div><div><span role="button">${spec.qtyMode ?? L.qtyModes.base}<i></i></span></div>
    <div class="by-input__container"><input type="text" class="by-input__inner" value="${esc(spec.qty ?? '0.010')}"><span class="by-input__right-icon">${spec.suffix ?? 'BTC'}</span></div></div>
  <div class="by-slider"></div>
  <label><input type="checkbox"${tpChecked ? ' checked' : ''}><span class="oc__tp-sl-chk-text">TP/SL</span></label>
  ${tpChecked ? row(L.takeProfit, spec.tp ?? '') + row(L.stopLoss, spec.sl ?? '') : ''}
  ${spec.rootExtra ?? ''}
  <div><button>${buttons[0]}</button><button>${buttons[1]}</button></div>
</div>`;
}

/** The body markup of a page. */
export function bodyHtml(spec: PageSpec = {}): string {
  const L = LABELS[spec.locale ?? 'en'];
  const loggedIn = spec.loggedIn ?? true;
  const a = L.account;
  const acc = spec.account;
  let account: string;
  if (acc === null) account = '';
  else if (!loggedIn) account = '<div class="trade-assets__body"><p>Log in</p></div>';
  else {
    account = `<div class="trade-assets__body">
      <div><span>Equity</span><span>${acc?.marginBalance ?? '10,045.60 USDT'}</span></div>
      <div><span>${a.marginBalance}</span><span>${acc?.marginBalance ?? '10,045.60 USDT'}</span></div>
      <div><span>Initial Margin</span><span>--</span></div>
      <div><span>${a.maintenanceMargin}</span><span>${acc?.maintenanceMargin ?? '12.34 USDT'}</span></div>
      <div><span>${a.marginMode}</span><span>${acc?.marginMode ?? L.panelModes.cross}</span></div>
    </div>`;
  }
  return `<div id="root">
    <div class="header"><span data-testid="HeaderTickerPrice">61,005.00</span><div class="contract-detail"><div><span>${L.markPrice}</span><span>${spec.mark ?? '61,000.00'}</span></div></div></div>
    ${spec.before ?? ''}
    ${spec.form ?? formHtml(spec)}
    ${account}
    ${positionsHtml(spec)}
    ${spec.after ?? ''}
  </div>`;
}

function positionsHtml(spec: PageSpec): string {
  const L = LABELS[spec.locale ?? 'en'];
  const loggedIn = spec.loggedIn ?? true;
  const rows = spec.positions === undefined ? [] : spec.positions;
  const count = !loggedIn || rows === null ? null : spec.positionsCount === undefined ? rows.length : spec.positionsCount;
  const tab = spec.tab ?? 'positions';
  const tabText = (label: string, n: number | null): string => (n === null ? label : `${label}(${n})`);
  const c = L.columns;
  const columns = spec.columns ?? [c.contracts, c.qty, 'Value', c.entry, c.mark, c.liq, c.im, 'MM', 'Unrealized P&L', 'Realized P&L', 'TP/SL', 'Close By'];
  const header = `<thead><tr>${columns.map((t) => `<th>${t}<span class="bb__colum-sort-icon"></span></th>`).join('')}</tr></thead>`;
  const cellsOf = (r: PosRowSpec): Record<string, string> => ({
    [c.contracts]: `<td><span>${r.symbol}</span> <span>${r.badge}</span></td>`,
    [c.qty]: `<td>${r.qty}</td>`,
    Value: '<td>--</td>',
    [c.entry]: `<td>${r.entry}</td>`,
    [c.mark]: `<td>${r.mark}</td>`,
    [c.liq]: `<td>${r.liq ?? '--'}</td>`,
    [c.im]: `<td>${r.im ?? '--'}</td>`,
    MM: '<td>--</td>',
    'Unrealized P&L': '<td>--</td>',
    'Realized P&L': '<td>--</td>',
    'TP/SL': '<td>-- / --</td>',
    'Close By': '<td><button>Market</button><button>Limit</button><button>Sell/Short</button></td>',
  });
  const shown = rows === null ? [] : spec.virtual === undefined ? rows : rows.slice(0, spec.virtual);
  const body = shown.length === 0 && spec.virtual === undefined
    ? `<tr><td colspan="${columns.length}">${L.noData}</td></tr>`
    : shown.map((r, i) => `<tr${spec.virtual === undefined ? '' : ` data-index="${i}"`}>${columns.map((col) => cellsOf(r)[col] ?? '<td>--</td>').join('')}</tr>`).join('');
  let content: string;
  if (!loggedIn) content = '<div>Log in</div>';
  else if (rows === null) content = '<div>Loading…</div>';
  else if (tab === 'orders') content = `<table><thead><tr><th>${c.contracts}</th><th>${c.qty}</th><th>Order Price</th></tr></thead><tbody><tr><td colspan="3">${L.noData}</td></tr></tbody></table>`;
  else content = `<table>${header}<tbody>${body}</tbody></table>`;
  return `<div class="account">
    <div role="tablist">
      <div role="tab" aria-selected="${tab === 'positions'}">${tabText(L.positionsTab, count)}</div>
      <div role="tab" aria-selected="${tab === 'orders'}">${tabText('Current Orders', count === null ? null : 0)}</div>
    </div>
    <div class="body">${content}</div>
  </div>`;
}

export function loadPage(doc: Document, spec: PageSpec = {}): void {
  setPage(doc, { lang: spec.lang ?? spec.locale ?? 'en', body: bodyHtml(spec), title: spec.title === null ? 'Bybit' : (spec.title ?? `61,005.00 | ${spec.symbol ?? 'BTCUSDT'} | Bybit`) });
}

export function urlFor(symbol = 'BTCUSDT', prefix: string | null = 'en-US'): string {
  return `https://www.bybit.com/${prefix === null ? '' : `${prefix}/`}trade/usdt/${symbol}`;
}
