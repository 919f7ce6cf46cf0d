/**
 * Small Binance USDⓈ-M page fixtures for happy-dom unit tests, drawn the way the adapter's README
 * (src/adapters/binance-usdm/README.md) says the page is built: order form, account panel, header
 * mark and the positions tab group. Texts are given already formatted, so each test states exactly
 * what the page shows.
 */
import { esc, setPage } from '../kit/fixture';
import { LABELS, type Locale } from '../../../src/adapters/binance-usdm/selectors';

export interface PosRowSpec {
  symbol: string;
  badge: string;
  size: string;
  entry: string;
  mark: string;
  liq?: string;
  margin?: string;
}

export interface FormSpec {
  locale?: Locale;
  lang?: string;
  title?: string | null;
  type?: 'LIMIT' | 'MARKET' | 'CONDITIONAL';
  hedge?: 'open' | 'close' | null;
  loggedIn?: boolean;
  leverage?: string;
  assetMode?: string | null;
  price?: string;
  qty?: string;
  suffix?: string;
  avbl?: string;
  maxBuy?: string;
  maxSell?: string;
  tp?: string | null;
  sl?: string | null;
  /** Extra markup inside the form root (e.g. hidden decoys). */
  rootExtra?: string;
}

export interface PageSpec extends FormSpec {
  symbol?: string;
  mark?: string;
  account?: Partial<Record<'marginRatio' | 'maintenanceMargin' | 'marginBalance' | 'walletBalance' | 'unrealizedPnl', string>> | null;
  /** undefined = logged-in default (empty, count 0); null = positions area has no table (loading). */
  positions?: PosRowSpec[] | null;
  positionsCount?: number | null;
  positionsSelected?: boolean;
  hideOther?: boolean;
  /** Markup placed before the live form (stale copies, hidden decoy copies). */
  before?: string;
  /** Markup placed after everything (visible decoys). */
  after?: string;
  /** Replace the whole form (e.g. none). */
  form?: string;
}

export function formHtml(spec: FormSpec = {}): string {
  const L = LABELS[spec.locale ?? 'en'];
  const loggedIn = spec.loggedIn ?? true;
  const type = spec.type ?? 'LIMIT';
  const hedge = spec.hedge ?? null;
  const buttons = loggedIn
    ? hedge === null
      ? L.oneWayButtons
      : hedge === 'open'
        ? L.hedgeOpenButtons
        : L.hedgeCloseButtons
    : L.loggedOutButtons;
  const tab = (key: string, text: string): string =>
    `<div role="tab" data-tab-key="${key}" aria-selected="${key === type}">${text}</div>`;
  const side = (button: string, testid: string, max: string): string =>
    loggedIn
      ? `<div><button>${button}</button><div><span>Cost</span><span>--</span></div>` +
        `<div><span>Max</span><span data-testid="${testid}">${max}</span></div></div>`
      : `<div><button>${button}</button></div>`;
  const tpChecked = spec.tp != null || spec.sl != null;
  return `
<div class="css-k2j1ac">
  ${hedge === null ? '' : `<div id="position-direction" class="bn-tabs__buySell">
    <div role="tab" class="bn-tab__buySell" aria-selected="${hedge === 'open'}">${L.open}</div>
    <div role="tab" class="bn-tab__buySell" aria-selected="${hedge === 'close'}">${L.close}</div>
  </div>`}
  <div class="css-a1">
    <button class="css-b2">${spec.leverage ?? 'Cross 20x'}</button>
    ${loggedIn && spec.assetMode !== null ? `<button class="css-c3">${spec.assetMode ?? 'S'}</button>` : ''}
  </div>
  <div role="tablist">${tab('LIMIT', 'Limit')}${tab('MARKET', 'Market')}${tab('CONDITIONAL', 'Stop Limit')}</div>
  <div><span>${L.available}</span><span>${spec.avbl ?? (loggedIn ? '8,000.00 USDT' : '--')}</span></div>
  ${type === 'MARKET' ? '' : `<div class="bn-formItem" target="limitPrice-37">
    <input id="limitPrice-37" aria-label="${L.price}" placeholder="${L.price}" value="${esc(spec.price ?? '61000.5')}">
    <div class="bn-input-suffix">USDT</div></div>`}
  <div class="bn-formItem" target="unitAmount-38">
    <input id="unitAmount-38" aria-label="${L.size}" placeholder="${L.size}" value="${esc(spec.qty ?? '0.010')}">
    <div class="bn-input-suffix"><div role="button">${spec.suffix ?? 'BTC'}</div></div>
  </div>
  <div role="slider" aria-valuenow="0"></div>
  <label role="checkbox" aria-checked="${tpChecked}"><span></span>${L.tpslCheckbox}</label>
  ${tpChecked ? `<input aria-label="${L.takeProfit}" value="${esc(spec.tp ?? '')}"><input aria-label="${L.stopLoss}" value="${esc(spec.sl ?? '')}">` : ''}
  ${spec.rootExtra ?? ''}
  ${side(buttons[0] as string, 'max-buy-amount', spec.maxBuy ?? '2.621 BTC')}
  ${side(buttons[1] as string, 'max-sell-amount', spec.maxSell ?? '2.621 BTC')}
</div>`;
}

/** The body markup of a page. */
export function bodyHtml(spec: PageSpec = {}): string {
  const L = LABELS[spec.locale ?? 'en'];
  const loggedIn = spec.loggedIn ?? true;
  const a = L.account;
  const acc = spec.account === undefined ? {} : spec.account;
  const account =
    !loggedIn || acc === null
      ? '<div>Log in to see your assets</div>'
      : `<div class="assets">
          <div><span>${a.marginRatio}</span><span>${acc.marginRatio ?? '0.52%'}</span></div>
          <div><span>${a.maintenanceMargin}</span><span>${acc.maintenanceMargin ?? '12.34 USDT'}</span></div>
          <div><span>${a.marginBalance}</span><span>${acc.marginBalance ?? '10,045.60 USDT'}</span></div>
          <div><span>${a.walletBalance}</span><span>${acc.walletBalance ?? '10,000.00 USDT'}</span></div>
          <div><span>${a.unrealizedPnl}</span><span>${acc.unrealizedPnl ?? '+45.60 USDT'}</span></div>
        </div>`;
  return `<div id="__APP">
    <div class="header"><div><span>${L.mark}</span><span>${spec.mark ?? '61,000.0'}</span></div></div>
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
  const tabText = (label: string, n: number | null): string => (n === null ? label : `${label}(${n})`);
  const c = L.columns;
  const header = `<div class="hdr"><div>${c.symbol}</div><div>${c.size}</div><div>${c.entry}</div><div>Break Even Price</div>` +
    `<div>${c.mark}</div><div>${c.liq}</div><div>Margin Ratio</div><div>${c.margin}</div><div>PNL(ROI %)</div>` +
    `<div><button>Close All Positions</button></div></div>`;
  const row = (r: PosRowSpec): string =>
    `<div class="list-item-container"><div><span>${r.symbol}</span> <span>Perp</span> <span>${r.badge}</span></div>` +
    `<div>${r.size}</div><div>${r.entry}</div><div>--</div><div>${r.mark}</div><div>${r.liq ?? '--'}</div><div>--</div>` +
    `<div>${r.margin ?? '--'}</div><div>--</div><div><button>Market</button><button>Limit</button><button>Sell/Short</button></div></div>`;
  let panel: string;
  if (!loggedIn) panel = '<div>Log in</div>';
  else if (rows === null) panel = '<div>Loading…</div>';
  else if (!selected) panel = '<div>Open orders here</div>';
  else panel = `<div class="list">${header}${rows.length === 0 ? '<div>You have no position.</div>' : rows.map(row).join('')}</div>`;
  return `<div class="account">
    <div class="bar">
      <div role="tablist">
        <div role="tab" aria-selected="${selected}">${tabText(L.positionsTab, count)}</div>
        <div role="tab" aria-selected="${!selected}">${tabText('Open Orders', count === null ? null : 0)}</div>
      </div>
      <label role="checkbox" name="hideOtherSymbol" aria-checked="${spec.hideOther ?? false}"><span></span>Hide Other Symbols</label>
    </div>
    <div role="tabpanel">${panel}</div>
  </div>`;
}

export function loadPage(doc: Document, spec: PageSpec = {}): void {
  setPage(doc, { lang: spec.lang ?? spec.locale ?? 'en', body: bodyHtml(spec), title: spec.title === null ? 'Binance USDⓈ-M Futures' : (spec.title ?? `61,005.0 | ${spec.symbol ?? 'BTCUSDT'} | Binance USDⓈ-M Futures`) });
}

export function urlFor(symbol = 'BTCUSDT', locale: string | null = 'en'): string {
  return `https://www.binance.com/${locale === null ? '' : `${locale}/`}futures/${symbol}`;
}
