// Page frame: skeleton, market list, quick-trade decoy widget, chart iframe with decoy inputs, a
// shadow-root chat widget, the leverage and margin-mode dialogs and the qty-mode menu (tests/sites/README.md:
// decoys, noise widgets, leverage dialog).
import { submitKeys, pair, QTY_MODES } from './render-form.js';
import { chatWidget, plainButton, chartIframe, tradingViewId } from '/__standin/common/frame.js';

/** The market list's symbols. */
export const MARKETS = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'XRPUSDT'];

/**
 * Quick-trade widget outside the form root: an input in `.by-input__container` with its suffix, a
 * qty-mode switch text, an Available Balance pair, a leverage-looking text and the submit labels; never the
 * root-defining classes (tests/sites/README.md: decoys).
 */
export function buildQuickTrade(h, L, v) {
  return h('div', { class: 'si-quick' },
    h('div', { class: 'si-panel-title' }, 'Quick trade'),
    h('div', {}, h('span', { role: 'button' }, L.cross), h('span', { role: 'button' }, '50.00x')),
    pair(h, L.available, `1,234.56 ${v.quote}`),
    h('div', {}, h('div', {}, L.price),
      h('div', { class: 'by-input__container' }, h('input', { type: 'text', class: 'by-input__inner', value: '12345.67' }),
        h('span', { class: 'by-input__right-icon' }, v.quote))),
    h('div', {}, h('div', {}, h('span', { role: 'button' }, L.qtyMode_base)),
      h('div', { class: 'by-input__container' }, h('input', { type: 'text', class: 'by-input__inner', value: '9.999' }),
        h('span', { class: 'by-input__right-icon' }, v.base))),
    h('div', {}, submitKeys(v.posmode, v.action).map((k) => h('button', { type: 'button' }, L[k]))));
}

/** The chart iframe (about:blank, same origin) with decoy inputs carrying the form's classes and labels. */
export function buildChart(h, rng, L) {
  const { iframe, fill } = chartIframe(h, { id: tradingViewId(rng) }, (doc) => {
    const lev = doc.createElement('div');
    lev.className = 'oc-head-leverage';
    lev.textContent = '77.00x';
    const label = doc.createElement('div');
    label.textContent = L.price;
    const container = doc.createElement('div');
    container.className = 'by-input__container';
    const input = doc.createElement('input');
    input.type = 'text';
    input.className = 'by-input__inner';
    input.value = '55555.55';
    container.append(input);
    const tpsl = doc.createElement('span');
    tpsl.className = 'oc__tp-sl-chk-text';
    tpsl.textContent = L.tpsl;
    return [lev, label, container, tpsl];
  });
  return { node: iframe, fill };
}

/** A shadow-root chat widget holding a leverage text and a submit label (tests/sites/README.md: noise widgets). */
export function buildChatWidget(L, posmode, action) {
  const lev = document.createElement('span');
  lev.className = 'oc-head-leverage';
  lev.textContent = '88.00x';
  return chatWidget(lev, plainButton(L[submitKeys(posmode, action)[0]]));
}

/** The leverage dialog, portalled to the end of <body>; it opens only on a user click (tests/sites/README.md: leverage dialog). */
export function openLeverageDialog(h, L, current, onConfirm) {
  document.querySelector('.si-dialog')?.remove();
  const input = h('input', { type: 'text', class: 'by-input__inner', value: current });
  const dialog = h('div', { role: 'dialog', 'aria-modal': 'true', class: 'si-dialog' },
    h('div', { class: 'poz-mode-switch__lvg-wrap' },
      h('div', { class: 'poz-mode-switch__lvg-title' }, L.leverage),
      input,
      h('button', { type: 'button', onclick: () => { dialog.remove(); onConfirm(input.value); } }, L.confirm)));
  document.body.append(dialog);
}

/** The margin-mode dialog (the page's own; free texts apart from the mode names). */
export function openMarginModeDialog(h, L, onPick) {
  document.querySelector('.si-dialog')?.remove();
  const dialog = h('div', { role: 'dialog', 'aria-modal': 'true', class: 'si-dialog' },
    ['cross', 'isolated'].map((mode) => h('button', { type: 'button', onclick: () => { dialog.remove(); onPick(mode); } }, L[mode])));
  document.body.append(dialog);
}

/** The qty-mode picker: `role="menu"` at the end of <body>, outside the root, with no `span[role="button"]`. */
export function openQtyModeMenu(h, L, anchor, onPick) {
  document.querySelector('.si-menu')?.remove();
  const r = anchor.getBoundingClientRect();
  const menu = h('div', { role: 'menu', class: 'si-menu', style: `left:${Math.round(r.left)}px;top:${Math.round(r.bottom)}px` },
    QTY_MODES.map((mode) => h('div', { role: 'menuitem', tabindex: '0', onclick: () => { menu.remove(); onPick(mode); } }, L[`qtyMode_${mode}`])));
  document.body.append(menu);
}
