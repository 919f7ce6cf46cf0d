// Page-frame pieces every stand-in shares (tests/sites/README.md: late hydration, decoys, noise widgets): the
// frame of skeleton slots with a market list, the shadow-root chat widget, the chart iframe and the counted account tabs.
// What the widgets hold is the venue's.
import { autoId } from './rng.js';

/**
 * The static frame with empty slots; hydration fills them. `markets` are the market-list buttons (a click calls
 * `onMarket(symbol)`); `bottom` names the slot of the account area under the trade column.
 */
export function buildFrame(h, { markets, onMarket, bottom = 'account' }) {
  const slot = (cls) => h('div', { class: cls }, h('div', { class: 'si-skeleton' }));
  const slots = {
    header: slot('si-header-slot'),
    chart: h('div', { class: 'si-chart' }),
    book: h('div', { class: 'si-book-slot' }),
    decoy: h('div', { class: 'si-decoy-slot' }),
    form: slot('si-form-slot'),
    quick: h('div', { class: 'si-quick-slot' }),
    panel: slot('si-panel-slot'),
    [bottom]: slot(`si-${bottom}-slot`),
  };
  const list = h('div', { class: 'si-markets' },
    markets.map((s) => h('button', { type: 'button', onclick: () => onMarket(s) }, s)));
  const app = h('div', { class: 'si-app' },
    h('div', { class: 'si-top' }, list, slots.header),
    h('div', { class: 'si-main' }, slots.chart, slots.book,
      h('div', { class: 'si-trade-col' }, slots.decoy, slots.form, slots.quick, slots.panel)),
    slots[bottom]);
  return { app, slots };
}

/** A chat widget in an open shadow root (`.si-chat-host`), holding `Chat ` and the venue's decoy `nodes`. */
export function chatWidget(...nodes) {
  const host = document.createElement('div');
  host.className = 'si-chat-host';
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = 'div{position:fixed;right:8px;bottom:8px;background:#222;color:#eee;padding:6px;font:12px sans-serif}';
  const box = document.createElement('div');
  box.append('Chat ', ...nodes);
  root.append(style, box);
  return host;
}

/** A plain `<button type="button">` with `text` (the chat widget's decoy submit). */
export function plainButton(text) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text;
  return button;
}

/**
 * The chart: an about:blank iframe (same origin, so the page fills it) titled `chart`, with `attrs` added, holding
 * the venue's decoy copies of form hooks, `decoys(doc)` → nodes, in `#si-chart-decoys` (tests/sites/README.md: decoys).
 * `fill()` fills it once its document exists (it is called again on the iframe's load).
 */
export function chartIframe(h, attrs, decoys) {
  const iframe = h('iframe', { ...attrs, src: 'about:blank', title: 'chart' });
  const fill = () => {
    const doc = iframe.contentDocument;
    if (!doc || !doc.body || doc.getElementById('si-chart-decoys')) return;
    const box = doc.createElement('div');
    box.id = 'si-chart-decoys';
    box.append(...decoys(doc));
    doc.body.append(box);
  };
  iframe.addEventListener('load', fill);
  return { iframe, fill };
}

/** A TradingView-style chart id, `tradingview_` and five hex digits. */
export const tradingViewId = (rng) => `tradingview_${rng.chars(5, '0123456789abcdef')}`;

/**
 * The account tabs of a page with React-style ids (tests/sites/README.md: tab counts): `keys` as `role="tab"`
 * elements, the pane ids `<paneBase>-<i>` (colliding with the order-type tabs'), `Label(n)` on the keys of `counts`
 * once `counted`, the bare label otherwise; a click calls `onTab(key)`.
 */
export function countedTabs(h, rng, L, { keys, active, paneBase, counts, counted, onTab }) {
  return h('div', { role: 'tablist', id: autoId(rng) },
    keys.map((key, i) =>
      h('div', { role: 'tab', id: autoId(rng), 'aria-selected': String(key === active), 'aria-controls': `${paneBase}-${i}`,
        tabindex: key === active ? '0' : '-1', onclick: () => onTab(key) },
        counted && key in counts ? `${L[key]}(${counts[key]})` : L[key])));
}
