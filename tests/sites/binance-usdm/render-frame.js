// Page frame: skeleton, market list, quick-trade decoy widget, chart iframe with decoy inputs and a
// shadow-root chat widget, the embedded `#__APP_DATA` state (randomised route id) and the leverage dialog
// (tests/sites/README.md: decoys, noise widgets, leverage dialog).
import { idSuffix } from './prng.js';
import { submitKeys, pair, leverageText } from './render-form.js';
import { chatWidget, plainButton, chartIframe, tradingViewId } from '/__standin/common/frame.js';

/** The market list's symbols. */
export const MARKETS = ['BTCUSDT', 'ETHUSDT', 'BTCUSDC', 'ETHUSDC', 'SOLUSDT'];

/** Quick-trade widget outside the form root: a visible `limitPrice-` input, an Avbl pair, submit labels. */
export function buildQuickTrade(h, rng, L, v) {
  const id = `limitPrice-${idSuffix(rng)}`;
  return h('div', { class: 'si-quick' },
    h('div', { class: 'si-panel-title' }, 'Quick trade'),
    h('button', { type: 'button' }, leverageText(L, 'cross', 50)),
    pair(h, L.avbl, `1,234.56 ${v.quote}`),
    h('div', { class: 'bn-formItem', target: id },
      h('input', { id, 'aria-label': L.price, placeholder: L.price, type: 'text', value: '12345.6' }),
      h('div', { class: 'bn-input-suffix' }, v.quote)),
    h('div', {}, submitKeys(v.posmode, v.action).map((k) => h('button', { type: 'button' }, L[k]))));
}

/** The chart iframe (about:blank, same origin) with decoy inputs carrying the form's labels and hooks. */
export function buildChart(h, rng, L) {
  const { iframe, fill } = chartIframe(h, { id: tradingViewId(rng) }, (doc) => {
    const input = (prefix, label, value) => {
      const el = doc.createElement('input');
      el.id = `${prefix}-${idSuffix(rng)}`;
      el.setAttribute('aria-label', label);
      el.placeholder = label;
      el.value = value;
      return el;
    };
    const tab = doc.createElement('div');
    tab.setAttribute('role', 'tab');
    tab.setAttribute('data-tab-key', 'LIMIT');
    tab.setAttribute('aria-selected', 'true');
    tab.textContent = L.LIMIT;
    return [tab, input('limitPrice', L.price, '55555.5'), input('unitAmount', L.size, '9.999')];
  });
  return { node: iframe, fill };
}

/** A shadow-root chat widget holding a submit label (tests/sites/README.md: noise widgets). */
export function buildChatWidget(L, posmode, action) {
  return chatWidget(plainButton(L[submitKeys(posmode, action)[0]]));
}

/** `<script id="__APP_DATA" type="application/json">` with a random 4-character route id (a randomised hook). */
export function writeAppData(rng, symbol, mark) {
  let script = document.getElementById('__APP_DATA');
  if (!script) {
    script = document.createElement('script');
    script.id = '__APP_DATA';
    script.type = 'application/json';
    document.body.append(script);
  }
  const routeId = rng.chars(4, 'abcdefghijklmnopqrstuvwxyz0123456789');
  script.textContent = JSON.stringify({
    appState: { loader: { dataByRouteId: { [routeId]: { reactQueryData: { [`queryMarkPrice,${symbol}`]: { markPrice: mark } } } } } },
  });
}

/** Leverage dialog portalled to the end of <body>; opens only on a user click (tests/sites/README.md: leverage dialog). */
export function openLeverageDialog(h, text) {
  const dialog = h('div', { role: 'dialog', 'aria-modal': 'true', class: 'si-dialog' },
    h('div', {}, text),
    h('button', { type: 'button', onclick: () => dialog.remove() }, 'OK'));
  document.body.append(dialog);
}
