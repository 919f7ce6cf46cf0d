/**
 * Small OKX swap page fixtures for happy-dom unit tests, drawn the way the adapter's README
 * (src/adapters/okx/README.md) says the page is built: order form, account panel, header mark and the bottom
 * tabs with the positions table. Texts are given already formatted, so each test states exactly what the page
 * shows.
 */
import { esc, setPage } from '../kit/fixture';
import { LABELS, type Locale } from '../../../src/adapters/okx/selectors';

export interface PosRowSpec {
  /** As the instrument cell shows it: `BTCUSDT`. */
  compact: string;
  badge: string;
  /** The size cell's text, e.g. `50 Cont`, `-0.5 BTC`. */
  size: string;
  /** Hedge rows: the side class on the size span. */
  sideClass?: 'positive-pl' | 'negative-pl';
  entry: string;
  mark: string;
  liq?: string;
  margin?: string;
  pnl?: string;
}

export interface FormSpec {
  locale?: Locale;
  lang?: string;
  type?: 'limit' | 'market' | 'conditional';
  hedge?: 'open' | 'close' | null;
  loggedIn?: boolean;
  mode?: string;
  leverage?: string;
  price?: string;
  qty?: string;
  suffix?: string;
  available?: string | null;
  maxLong?: string | null;
  maxShort?: string | null;
  tp?: string | null;
  sl?: string | null;
  /** The TP/SL inputs' aria-labels (the older spelling is `tpOrdPx` / `slOrdPx`). */
  tpslLabels?: [string, string];
  /** Extra markup inside the form root (e.g. hidden decoys). */
  rootExtra?: string;
  /** A price box in a Market form, or none in a Limit form (the tab and the input then disagree). */
  priceBoxOverride?: boolean;
}

export interface PageSpec extends FormSpec {
  instId?: string;
  mark?: string;
  account?: Partial<Record<'totalEquity' | 'maintenanceMargin' | 'marginRatio' | 'accountMode', string>> | null;
  /** undefined = logged-in default (empty, count 0); null = positions box without a table (loading). */
  positions?: PosRowSpec[] | null;
  positionsCount?: number | null;
  positionsSelected?: boolean;
  /** Column order of the positions table by label key (default: the page's default order). */
  columns?: (keyof typeof COLUMN_KEYS)[];
  /** Markup placed before the live form (stale copies, hidden decoy copies). */
  before?: string;
  /** Markup placed after everything (visible decoys). */
  after?: string;
  /** Replace the whole form (e.g. none). */
  form?: string;
  title?: string | null;
}

const TYPE_TEXT = { limit: 'limit', market: 'market', conditional: 'conditional' } as const;

export function formHtml(spec: FormSpec = {}): string {
  const L = LABELS[spec.locale ?? 'en'];
  const loggedIn = spec.loggedIn ?? true;
  const type = spec.type ?? 'limit';
  const hedge = spec.hedge ?? null;
  const buttons = loggedIn
    ? hedge === null ? L.oneWayButtons : hedge === 'open' ? L.hedgeOpenButtons : L.hedgeCloseButtons
    : L.loggedOutButtons;
  const tab = (key: keyof typeof TYPE_TEXT): string =>
    `<div role="tab" class="okui-tabs-pane okui-tabs-pane-spacing" aria-selected="${key === type}">${L.orderTypes[key]}</div>`;
  const hasPrice = spec.priceBoxOverride ?? type === 'limit';
  const tpChecked = spec.tp != null || spec.sl != null;
  const [tpLabel, slLabel] = spec.tpslLabels ?? ['tpTriggerPx', 'slTriggerPx'];
  const tpsl = `<div class="okui-input"><input class="okui-input-input" aria-label="${tpLabel}" value="${esc(spec.tp ?? '')}"></div>` +
    `<div class="okui-input"><input class="okui-input-input" aria-label="${slLabel}" value="${esc(spec.sl ?? '')}"></div>`;
  const unit = spec.suffix ?? L.contracts;
  const available = spec.available === undefined ? '8,000.00 USDT' : spec.available;
  const maxLong = spec.maxLong === undefined ? `1,300 ${unit}` : spec.maxLong;
  const maxShort = spec.maxShort === undefined ? `1,300 ${unit}` : spec.maxShort;
  return `
<div class="place-order-container-common index_wrap__Q1x9a">
  <div class="index_head__Ab12c"><button>${spec.mode ?? L.cross}</button><button>${spec.leverage ?? '10x'}</button></div>
  ${hedge === null ? '' : `<div role="tablist">
    <div role="tab" class="okui-tabs-pane okui-tabs-pane-segmented" aria-selected="${hedge === 'open'}">${L.open}</div>
    <div role="tab" class="okui-tabs-pane okui-tabs-pane-segmented" aria-selected="${hedge === 'close'}">${L.close}</div>
  </div>`}
  <div role="tablist">${tab('limit')}${tab('market')}${tab('conditional')}</div>
  ${hasPrice ? `<div class="price-input"><div class="okui-input"><input class="okui-input-input" id="_r_4o_" value="${esc(spec.price ?? '61000.5')}"><div class="okui-input-suffix">USDT</div></div></div>` : ''}
  <div class="okui-input"><input class="okui-input-input" id="_r_4p_" value="${esc(spec.qty ?? '12')}"><div class="okui-input-suffix"><div role="button">${unit}</div></div></div>
  <div class="okui-slider"><div class="okui-slider-mark-node"><div class="okui-slider-mark-node-text"><span>0%</span></div></div></div>
  ${type === 'conditional' ? tpsl : `<div class="index_stopSelector__H1d0q"><label><input type="checkbox" class="okui-checkbox-input" ${tpChecked ? 'checked' : ''}>TP/SL</label></div>${tpChecked ? tpsl : ''}`}
  ${loggedIn && available !== null ? `<div data-testid="max-asset"><span>${L.available}</span><span>${available.startsWith('--') ? ` ${available}` : available}</span></div>` : ''}
  ${spec.rootExtra ?? ''}
  <div>${loggedIn ? `<button class="okui-positivebutton">${buttons[0]}</button><button class="okui-negativebutton">${buttons[1]}</button>` : `<button>${buttons[0]}</button><button>${buttons[1]}</button>`}</div>
  ${loggedIn && maxLong !== null && maxShort !== null ? `<div><div data-testid="max-trade"><span>${L.maxLong}</span><span>${maxLong.startsWith('--') ? ` ${maxLong}` : maxLong}</span></div><div data-testid="max-trade"><span>${L.maxShort}</span><span>${maxShort.startsWith('--') ? ` ${maxShort}` : maxShort}</span></div></div>` : ''}
</div>`;
}

export const COLUMN_KEYS = {
  instrument: 'instrument', size: 'size', value: null, entry: 'entry', mark: 'mark', liq: 'liq', margin: 'margin', marginRatio: null, pnl: 'pnl', actions: null,
} as const;
const DEFAULT_COLUMNS = Object.keys(COLUMN_KEYS) as (keyof typeof COLUMN_KEYS)[];
const EXTRA_HEADERS: Record<string, string> = { value: 'Position value', marginRatio: 'Margin ratio', actions: '' };

/** The body markup of a page. */
export function bodyHtml(spec: PageSpec = {}): string {
  const L = LABELS[spec.locale ?? 'en'];
  const loggedIn = spec.loggedIn ?? true;
  const a = L.account;
  const acc = spec.account === undefined ? {} : spec.account;
  const account = !loggedIn || acc === null
    ? '<div>Log in to see your assets</div>'
    : `<div class="assets">
        <div><span>${a.totalEquity}</span><span>${acc.totalEquity ?? '10,045.60 USDT'}</span></div>
        <div><span>${a.maintenanceMargin}</span><span>${acc.maintenanceMargin ?? '12.34 USDT'}</span></div>
        <div><span>${a.marginRatio}</span><span>${acc.marginRatio ?? '8,131.20%'}</span></div>
        <div><span>${a.accountMode}</span><span>${acc.accountMode ?? L.accountModes.single}</span></div>
      </div>`;
  return `<div id="root">
    <div class="header"><div>${spec.instId ?? 'BTC-USDT-SWAP'}</div><div><span class="last">61,004.5</span></div><div><span>${L.markPrice}</span><span>${spec.mark ?? '61,000.0'}</span></div></div>
    <div class="order-book-box"><canvas></canvas></div>
    ${spec.before ?? ''}
    ${spec.form ?? formHtml(spec)}
    ${account}
    ${positionsHtml(spec, L)}
    ${spec.after ?? ''}
  </div>`;
}

function positionsHtml(spec: PageSpec, L: (typeof LABELS)[Locale]): string {
  const loggedIn = spec.loggedIn ?? true;
  const rows = spec.positions === undefined ? [] : spec.positions;
  const count = !loggedIn || rows === null ? null : spec.positionsCount === undefined ? rows.length : spec.positionsCount;
  const selected = spec.positionsSelected ?? true;
  const tabText = (label: string, n: number | null): string => (n === null ? label : `${label} (${n})`);
  const columns = spec.columns ?? DEFAULT_COLUMNS;
  const header = columns.map((c) => {
    const key = COLUMN_KEYS[c];
    return `<th>${key === null ? EXTRA_HEADERS[c] : L.columns[key]}</th>`;
  }).join('');
  const cellOf = (r: PosRowSpec, c: keyof typeof COLUMN_KEYS): string => {
    switch (c) {
      case 'instrument': return `<td><span>${r.compact} Perpetual</span> <span>${r.badge}</span></td>`;
      case 'size': return `<td><span${r.sideClass ? ` class="${r.sideClass}"` : ''}>${r.size}</span></td>`;
      case 'value': return '<td>30,500.00 USDT</td>';
      case 'entry': return `<td>${r.entry}</td>`;
      case 'mark': return `<td>${r.mark}</td>`;
      case 'liq': return `<td>${r.liq ?? '--'}</td>`;
      case 'margin': return `<td>${r.margin ?? '--'}</td>`;
      case 'marginRatio': return '<td>--</td>';
      case 'pnl': return `<td>${r.pnl ?? '--'}</td>`;
      default: return '<td><button>Close</button><button>Reverse</button><button>Sell/Short</button></td>';
    }
  };
  const measure = `<tr class="okui-table-row" aria-hidden="true">${columns.map(() => '<td>BTCUSDT Perpetual 100,000.0</td>').join('')}</tr>`;
  const row = (r: PosRowSpec): string => `<tr class="okui-table-row">${columns.map((c) => cellOf(r, c)).join('')}</tr>`;
  let box: string;
  if (!selected) box = '<div class="order-table-box">Open orders here</div>';
  else if (!loggedIn) box = '<div class="position-box">Log in</div>';
  else if (rows === null) box = '<div class="position-box">Loading…</div>';
  else {
    box = `<div class="position-box"><table><thead><tr>${header}</tr></thead><tbody>${measure}${rows.map(row).join('')}</tbody></table>` +
      `${rows.length === 0 ? '<div>No open positions</div>' : ''}</div>`;
  }
  return `<div class="bottom">
    <div class="bar"><div role="tablist">
      <div role="tab" class="okui-tabs-pane okui-tabs-pane-underline" aria-selected="${selected}">${tabText(L.positionsTab, count)}</div>
      <div role="tab" class="okui-tabs-pane okui-tabs-pane-underline" aria-selected="${!selected}">${tabText('Open orders', count === null ? null : 0)}</div>
    </div></div>
    <div class="content">${box}</div>
  </div>`;
}

export function loadPage(doc: Document, spec: PageSpec = {}): void {
  setPage(doc, { lang: spec.lang ?? spec.locale ?? 'en', body: bodyHtml(spec), title: spec.title === null ? 'OKX' : (spec.title ?? `61,004.5 | ${spec.instId ?? 'BTC-USDT-SWAP'} | OKX`) });
}

export function urlFor(instId = 'BTC-USDT-SWAP', prefix: string | null = null): string {
  return `https://www.okx.com/${prefix === null ? '' : `${prefix}/`}trade-swap/${instId.toLowerCase()}`;
}
