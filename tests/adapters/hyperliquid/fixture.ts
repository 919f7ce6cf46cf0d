/**
 * Small Hyperliquid page fixtures for happy-dom unit tests, drawn the way the adapter's README
 * (src/adapters/hyperliquid/README.md) says the page is built: the order form with its side toggle,
 * the account panel, `#marketData` and `#accountTable`. Texts are given already formatted, so each test
 * states exactly what the page shows. Classes are styled-components-like hashes except the variants.
 */
import { esc, setPage } from '../kit/fixture';
import { LABELS, type Locale } from '../../../src/adapters/hyperliquid/selectors';

export interface RowSpec {
  coin: string;
  lev?: string;
  size: string;
  entry: string;
  mark: string;
  liq?: string;
  margin?: string;
}

export interface PageSpec {
  locale?: Locale;
  lang?: string;
  /** null: the title before hydration (`Hyperliquid`). */
  title?: string | null;
  coin?: string;
  type?: 'limit' | 'market' | 'pro';
  side?: 'buy' | 'sell' | 'both' | 'neither';
  /** The primary button's text: Place Order (default), Connect, Enable Trading, or any text. */
  submit?: 'place' | 'connect' | 'enable' | string;
  mode?: string;
  leverage?: string;
  price?: string;
  qty?: string;
  unit?: string;
  avail?: string;
  /** null: the pair is absent (logged out). */
  current?: string | null;
  reduceOnly?: boolean;
  tp?: string | null;
  sl?: string | null;
  liq?: string;
  mark?: string;
  /** null: no account panel. */
  account?: Partial<Record<'balance' | 'upnl' | 'mr' | 'mm' | 'mode', string>> | null;
  /** undefined: empty table (count 0); null: no table (loading or another tab). */
  positions?: RowSpec[] | null;
  /** The Positions tab's text; default `Positions (n)` with the rows' count. */
  positionsTab?: string;
  /** Extra markup inside the form root (e.g. hidden decoys). */
  rootExtra?: string;
  /** Markup before the live form (stale and hidden decoy copies), after everything (visible decoys). */
  before?: string;
  after?: string;
  /** Replace the whole form. */
  form?: string;
}

const pair = (label: string, value: string) => `<div class="sc-pair aQx"><div class="sc-l bb">${label}</div><div class="sc-v cc">${value}</div></div>`;
const inputRow = (label: string, value: string, button?: string) =>
  `<div class="sc-row dd"><div>${label}</div><input inputmode="decimal" value="${esc(value)}">${button === undefined ? '' : `<div role="button">${button}</div>`}</div>`;

export function formHtml(spec: PageSpec = {}): string {
  const L = LABELS[spec.locale ?? 'en'];
  const type = spec.type ?? 'limit';
  const side = spec.side ?? 'buy';
  const coin = spec.coin ?? 'BTC';
  const shownCoin = coin.includes(':') ? coin.slice(coin.indexOf(':') + 1) : coin;
  const submitText = spec.submit === undefined || spec.submit === 'place' ? L.placeOrder : spec.submit === 'connect' ? L.connect : spec.submit === 'enable' ? L.enableTrading : spec.submit;
  const loggedOut = submitText === L.connect;
  const buyClass = side === 'buy' || side === 'both' ? 'variant_green' : '';
  const sellClass = side === 'sell' || side === 'both' ? 'variant_red' : '';
  const current = spec.current === undefined ? (loggedOut ? null : `0.00000 ${shownCoin}`) : spec.current;
  const tpChecked = spec.tp != null || spec.sl != null;
  return `
<div class="sc-kAyceB hJtPqR">
  <div><button class="sc-a1">${spec.mode ?? L.cross}</button><button class="sc-a2">${spec.leverage ?? '20x'}</button></div>
  <div><div>Market</div><div class="sc-t qWeRt">Limit</div><div>Pro</div></div>
  <div><button class="sc-b1 ${buyClass}">${L.sideButtons[0]}</button><button class="sc-b2 ${sellClass}">${L.sideButtons[1]}</button></div>
  ${pair(L.available, spec.avail ?? (loggedOut ? '--' : '8,000.00 USDC'))}
  ${current === null ? '' : pair(L.currentPosition, current)}
  ${type === 'pro' ? inputRow(L.trigger, '60000', 'Mid') : ''}
  ${type === 'limit' ? inputRow(L.price, spec.price ?? '61000', 'Mid') : ''}
  ${inputRow(L.size, spec.qty ?? '0.01000', spec.unit ?? shownCoin)}
  <div><div role="slider"></div><div><input inputmode="decimal" value="0"><span>%</span></div></div>
  <label><input type="checkbox" ${spec.reduceOnly ? 'checked' : ''}>${L.reduceOnly}</label>
  ${type === 'pro' ? '' : `<label><input type="checkbox" ${tpChecked ? 'checked' : ''}>${L.tpslCheckbox}</label>`}
  ${tpChecked ? inputRow(L.takeProfit, spec.tp ?? '') + inputRow(L.stopLoss, spec.sl ?? '') : ''}
  ${spec.rootExtra ?? ''}
  <button color="primary" class="sc-s1 ${buyClass || sellClass}">${submitText}</button>
  ${pair('Liquidation Price', spec.liq ?? 'N/A')}
  ${pair('Order Value', 'N/A')}
</div>`;
}

export function bodyHtml(spec: PageSpec = {}): string {
  const L = LABELS[spec.locale ?? 'en'];
  const a = L.account;
  const acc = spec.account === undefined ? {} : spec.account;
  const account =
    acc === null
      ? ''
      : `<div class="sc-panel">
          ${pair(a.balance, acc.balance ?? '$10,000.00')}
          ${pair(a.unrealizedPnl, acc.upnl ?? '+$45.60')}
          ${pair(a.marginRatio, acc.mr ?? '0.12%')}
          ${pair(a.maintenanceMargin, acc.mm ?? '$12.34')}
          ${pair('Cross Account Leverage', '--')}
          ${pair(a.accountMode, acc.mode ?? L.accountModes.standard)}
        </div>`;
  return `<div id="root"><div class="sc-app">
    <div class="sc-top"><div id="favoriteCoins"><button>BTC</button><button>ETH</button></div><button color="primary">Deposit</button></div>
    <div id="marketData"><div>${spec.coin ?? 'BTC'}</div><span>61,005</span>${pair(L.mark, spec.mark ?? '61,000')}${pair('Oracle', '--')}</div>
    ${spec.before ?? ''}
    ${spec.form ?? formHtml(spec)}
    ${account}
    ${accountTableHtml(spec, L)}
    ${spec.after ?? ''}
  </div></div>`;
}

function accountTableHtml(spec: PageSpec, L: (typeof LABELS)[Locale]): string {
  const loggedOut = spec.submit === 'connect';
  const rows = spec.positions;
  const c = L.columns;
  const count = rows === undefined ? 0 : rows === null ? null : rows.length;
  const tabText = spec.positionsTab ?? (loggedOut || count === null ? 'Positions' : `Positions (${count})`);
  const tabs = `<div class="sc-tabs"><div>Balances</div><div class="sc-tab sel">${tabText}</div><div>Open Orders${loggedOut || count === null ? '' : ' (0)'}</div><div>Trade History</div></div>`;
  const header = `<thead><tr><td>${c.coin}</td><td>${c.size}</td><td>Position Value</td><td>${c.entry}</td><td>${c.mark}</td><td>PNL (ROE %)</td>` +
    `<td>${c.liq}</td><td>${c.margin}</td><td>Funding</td><td><button>Close All</button></td><td>TP/SL</td></tr></thead>`;
  const row = (r: RowSpec): string =>
    `<tr class="sc-r"><td><span>${r.coin}</span> <span>${r.lev ?? '20x'}</span></td><td>${r.size}</td><td>$610.00</td><td>${r.entry}</td>` +
    `<td>${r.mark}</td><td>--</td><td>${r.liq ?? 'N/A'}</td><td>${r.margin ?? '-- (Cross)'}</td><td>--</td>` +
    `<td><button>Limit</button><button>Market</button><button>Reverse</button></td><td>-- / --</td></tr>`;
  let content: string;
  if (loggedOut) content = '<div>Connect your wallet <button color="primary">Connect</button></div>';
  else if (rows === null) content = '<div>Loading…</div>';
  else if (rows === undefined || rows.length === 0) content = `<table>${header}<tbody><tr><td colspan="11">${L.emptyPositions}</td></tr></tbody></table>`;
  else content = `<table>${header}<tbody>${rows.map(row).join('')}</tbody></table>`;
  return `<div id="accountTable">${tabs}${content}</div>`;
}

export function loadPage(doc: Document, spec: PageSpec = {}): void {
  setPage(doc, { lang: spec.lang ?? spec.locale ?? 'en', body: bodyHtml(spec), title: spec.title === null ? 'Hyperliquid' : (spec.title ?? `61,005 | ${spec.coin ?? 'BTC'} | Hyperliquid`) });
}

export function urlFor(coin: string | null = 'BTC', host = 'app.hyperliquid.xyz'): string {
  return `https://${host}/trade${coin === null ? '' : `/${coin}`}`;
}
