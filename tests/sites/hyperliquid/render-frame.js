// Page frame: skeleton, header (favourites bar, a primary `Connect` / `Deposit` button, the wallet address),
// the quick-trade decoy widget, the chart container with its about:blank iframe, a shadow-root chat widget
// and the leverage / margin-mode dialogs (tests/sites/README.md: decoys, noise widgets, leverage dialog).
import { oddId } from './prng.js';
import { pair } from './render-form.js';
import { chatWidget, plainButton, chartIframe } from '/__standin/common/frame.js';

export const MARKETS = ['BTC', 'ETH', 'SOL', 'kPEPE', 'xyz:TSLA'];

/** The static frame with empty slots; hydration fills them (tests/sites/README.md: late hydration). */
export function buildFrame(h, rng, onMarket) {
  const slot = (cls) => h('div', { class: cls }, h('div', { class: 'si-skeleton' }));
  const slots = {
    header: h('div', { class: 'si-header-slot' }),
    market: slot('si-market-slot'),
    chart: h('div', { class: 'si-chart' }),
    book: h('div', { class: 'si-book-slot' }),
    decoy: h('div', { class: 'si-decoy-slot' }),
    form: slot('si-form-slot'),
    quick: h('div', { class: 'si-quick-slot' }),
    panel: slot('si-panel-slot'),
    account: slot('si-account-slot'),
  };
  const favourites = h('div', { id: 'favoriteCoins', class: 'si-favourites' },
    MARKETS.map((coin) => h('button', { type: 'button', onclick: () => onMarket(coin) }, coin)));
  const app = h('div', { class: 'si-app', id: oddId(rng) },
    h('div', { class: 'si-top' }, h('div', { class: 'si-logo' }, 'Hyperliquid'), favourites, slots.header),
    slots.market,
    h('div', { class: 'si-main' }, slots.chart, slots.book,
      h('div', { class: 'si-trade-col' }, slots.decoy, slots.form, slots.quick, slots.panel)),
    slots.account);
  return { app, slots };
}

/** Header actions: a primary `Connect` (logged out) or `Deposit` button and, logged in, the truncated address. */
export function buildHeaderActions(h, L, loggedIn) {
  return h('div', { class: 'si-actions' },
    loggedIn ? h('button', { type: 'button', class: 'si-address' }, '0x1a2b…9f3e') : null,
    h('button', { type: 'button', color: 'primary' }, loggedIn ? L.deposit : L.connect));
}

/**
 * Quick-trade widget, outside the form root and after it: a `Size` input row, an `Available to Trade` pair,
 * leverage and margin-mode decoys, a `variant_green` element and a primary `Place Order` button.
 */
export function buildQuickTrade(h, L, v) {
  return h('div', { class: 'si-quick' },
    h('div', { class: 'si-panel-title' }, 'Quick trade'),
    h('div', { class: 'si-row' }, h('button', { type: 'button' }, L.isolated), h('button', { type: 'button' }, '50x')),
    pair(h, L.available, `1,234.56 ${v.quote}`),
    h('div', { class: 'si-input-row' }, h('div', {}, L.size), h('input', { inputmode: 'decimal', type: 'text', value: '9.99' }),
      h('div', { role: 'button' }, v.base)),
    h('div', { class: 'variant_green' }, 'Long'),
    h('button', { type: 'button', color: 'primary', class: 'variant_green' }, L.placeOrder));
}

/** `#tv_chart_container` with an about:blank iframe holding decoy inputs in the form's input-row pattern. */
export function buildChart(h, L) {
  const { iframe, fill } = chartIframe(h, {}, (doc) => {
    const row = (label, value) => {
      const r = doc.createElement('div');
      const l = doc.createElement('div');
      l.textContent = label;
      const input = doc.createElement('input');
      input.value = value;
      r.append(l, input);
      return r;
    };
    const buy = doc.createElement('button');
    buy.textContent = L.buyLong;
    buy.className = 'variant_green';
    return [buy, row(L.price, '55555'), row(L.size, '9.99999')];
  });
  return { node: h('div', { id: 'tv_chart_container' }, iframe), fill };
}

/** A shadow-root chat widget holding a primary `Place Order` button (tests/sites/README.md: noise widgets). */
export function buildChatWidget(L) {
  const button = plainButton(L.placeOrder);
  button.setAttribute('color', 'primary');
  return chatWidget(button);
}

/**
 * The leverage dialog, portalled to the end of <body> (tests/sites/README.md: leverage dialog): its slider
 * `.pull-to-refresh-ignore` whose children carry `[value]`, the current one `.highlighted`. Opens only on a click.
 */
export function openLeverageDialog(h, lev) {
  const marks = [1, 10, 20, 30, 40, 50];
  const dialog = h('div', { role: 'dialog', 'aria-modal': 'true', class: 'si-dialog' },
    h('div', {}, 'Adjust Leverage'),
    h('div', { class: 'pull-to-refresh-ignore' },
      marks.map((n) => h('div', { value: String(n), class: n === Number(lev) ? 'highlighted' : null }, `${n}x`))),
    h('button', { type: 'button', onclick: () => dialog.remove() }, 'Confirm'));
  document.body.append(dialog);
}

/** The margin-mode dialog (same place and rules as the leverage dialog). */
export function openMarginDialog(h, L) {
  const dialog = h('div', { role: 'dialog', 'aria-modal': 'true', class: 'si-dialog' },
    h('div', {}, 'Margin Mode'),
    h('button', { type: 'button' }, L.cross), h('button', { type: 'button' }, L.isolated),
    h('button', { type: 'button', onclick: () => dialog.remove() }, 'Confirm'));
  document.body.append(dialog);
}
