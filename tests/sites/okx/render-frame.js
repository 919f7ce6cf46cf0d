// Page frame: skeleton slots, market list, the quick-trade decoy widget, the chart iframe with decoy inputs, the
// shadow-root chat widget and the margin-mode / leverage dialog (tests/sites/README.md: decoys, noise widgets,
// leverage dialog).
import { autoId } from './prng.js';
import { submitKeys } from './render-form.js';
import { chatWidget, plainButton, chartIframe, tradingViewId } from '/__standin/common/frame.js';

/** The market list's symbols. */
export const MARKETS = ['BTC-USDT-SWAP', 'ETH-USDT-SWAP', 'BTC-USDC-SWAP', 'SOL-USDT-SWAP'];

/**
 * Quick-trade widget outside the form root: the real hooks' classes and test ids with other values (an amount
 * input, an Available pair, submit labels, a leverage and a margin-mode button), never the root's class.
 */
export function buildQuickTrade(h, rng, L, v) {
  const [pos, neg] = submitKeys(v.posmode, v.action);
  return h('div', { class: 'si-quick' },
    h('div', { class: 'si-panel-title' }, 'Quick trade'),
    h('div', {}, h('button', { type: 'button' }, L.isolated), h('button', { type: 'button' }, '50x')),
    h('div', { class: 'okui-input' },
      h('input', { class: 'okui-input-input', id: autoId(rng), type: 'text', value: '12345.6' }),
      h('div', { class: 'okui-input-suffix' }, h('div', { role: 'button' }, L.contracts))),
    h('div', { 'data-testid': 'max-asset' }, h('span', {}, L.available), h('span', {}, `1,234.56 ${v.quote}`)),
    h('div', {}, h('button', { type: 'button', class: 'okui-positivebutton' }, L[pos]), h('button', { type: 'button', class: 'okui-negativebutton' }, L[neg])),
    h('div', { 'data-testid': 'max-trade' }, h('span', {}, L.maxLong), h('span', {}, `999 ${L.contracts}`)));
}

/** The chart iframe (about:blank, same origin) with decoy inputs carrying the form's classes and test ids. */
export function buildChart(h, rng, L) {
  const { iframe, fill } = chartIframe(h, { id: tradingViewId(rng) }, (doc) => {
    const input = (value) => {
      const el = doc.createElement('input');
      el.className = 'okui-input-input';
      el.value = value;
      return el;
    };
    const max = doc.createElement('div');
    max.setAttribute('data-testid', 'max-asset');
    max.textContent = `${L.available}5,555.55 USDT`;
    const lev = doc.createElement('button');
    lev.textContent = '77x';
    return [input('55555.5'), input('9.99'), max, lev];
  });
  return { node: iframe, fill };
}

/** A shadow-root chat widget holding a submit button with the real class (tests/sites/README.md: noise widgets). */
export function buildChatWidget(L, posmode, action) {
  const button = plainButton(L[submitKeys(posmode, action)[0]]);
  button.className = 'okui-positivebutton';
  return chatWidget(button);
}

/** The margin-mode / leverage dialog, portalled to the end of <body>; opens only on a user click. */
export function openDialog(h, L, what, mode, lev) {
  document.querySelector('.si-dialog')?.remove();
  const dialog = h('div', { role: 'dialog', 'aria-modal': 'true', class: 'si-dialog' },
    h('div', {}, what === 'margin' ? 'Margin mode' : 'Adjust leverage'),
    h('div', {}, h('button', { type: 'button' }, L.cross), h('button', { type: 'button' }, L.isolated), h('button', { type: 'button' }, `${lev}x`)),
    h('div', {}, mode === 'isolated' ? L.isolated : L.cross),
    h('button', { type: 'button', onclick: () => dialog.remove() }, 'OK'));
  document.body.append(dialog);
}
