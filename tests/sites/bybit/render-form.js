// The order zone (tests/sites/README.md: Bybit hooks). One call builds one complete form root; the live
// form, its stale copies and the hidden decoy copy all come from here.
import { autoId } from '/__standin/common/rng.js';
import { display } from '/__standin/common/format.js';
import { LEVERAGE_DECIMALS } from './page-state.js';

export const ORDER_TYPES = ['limit', 'market', 'conditional'];
export const QTY_MODES = ['base', 'quote', 'cost'];

/** Submit-label keys for the position mode and tab, in document order (the buy side first). */
export function submitKeys(posmode, action) {
  if (posmode !== 'hedge') return ['buyLong', 'sellShort'];
  return action === 'close' ? ['closeShort', 'closeLong'] : ['openLong', 'openShort'];
}

/** Leverage text: `10.00x`, or `10.00x / 5.00x` (long / short) when the two differ. */
export function leverageText(fmt, long, short) {
  const one = (v) => `${display(v, LEVERAGE_DECIMALS, { group: '', decimal: fmt.decimal })}x`;
  return short && short !== long ? `${one(long)} / ${one(short)}` : one(long);
}

/** A label/value pair: exactly two element children, label then value (tests/sites/README.md: label/value pair). */
export const pair = (h, label, value) => h('div', {}, h('span', {}, label), h('span', {}, value));

/**
 * Build a form root.
 * m: { h, rng, L, posmode, action, type, loggedIn, headerMode ('cross'|'isolated'|'portfolio'), levText,
 *      unit ('base'|'quote'|'cost'), base, quote, values: { price, qty, tpsl, tp, sl }, avail, liqText (null: no pair),
 *      paneBase, hiddenDecoys, on: { type, action, modeMenu, tpsl, slider, leverage, marginMode } (absent on copies) }
 * Returns { root, refs }.
 */
export function buildForm(m) {
  const { h, rng, L } = m;
  const on = m.on ?? {};
  const refs = {};
  const children = [];

  if (m.posmode === 'hedge') {
    const tab = (key) => h('div', { role: 'tab', 'aria-selected': String(m.action === key), id: autoId(rng), onclick: () => on.action?.(key) }, L[key]);
    children.push(h('div', { role: 'tablist', id: autoId(rng) }, tab('open'), tab('close')));
  }

  refs.marginMode = h('div', { role: 'button', tabindex: '0', onclick: () => on.marginMode?.() }, L[m.headerMode]);
  refs.leverage = h('div', { role: 'button', tabindex: '0', class: 'oc-head-leverage', onclick: () => on.leverage?.() }, m.levText);
  children.push(h('div', {}, refs.marginMode, refs.leverage));

  children.push(
    h('div', { role: 'tablist', id: autoId(rng) },
      ORDER_TYPES.map((key, i) =>
        h('div', { role: 'tab', 'aria-selected': String(key === m.type), id: autoId(rng), 'aria-controls': `${m.paneBase}-${i}`,
          tabindex: key === m.type ? '0' : '-1', onclick: () => on.type?.(key) }, L[key]))),
  );

  const avail = pair(h, L.available, m.avail);
  refs.avail = avail.lastElementChild;
  children.push(avail);

  const inputBox = (value, suffix) => {
    const input = h('input', { type: 'text', class: 'by-input__inner', autocomplete: 'off', value });
    const icon = h('span', { class: 'by-input__right-icon' }, suffix);
    return { input, icon, box: h('div', { class: 'by-input__container' }, input, icon) };
  };

  if (m.type !== 'market') {
    // The label is the container's previous element sibling (a structural relation: nothing between them).
    const price = inputBox(m.values.price, m.quote);
    refs.price = price.input;
    children.push(h('div', {}, h('div', {}, L.price), price.box));
  }

  const caret = h('i', { class: 'si-caret' });
  refs.modeSwitch = h('span', { role: 'button', tabindex: '0', onclick: (e) => on.modeMenu?.(e.currentTarget) }, L[`qtyMode_${m.unit}`], caret);
  const qty = inputBox(m.values.qty, m.unit === 'base' ? m.base : m.quote);
  refs.qty = qty.input;
  refs.unitIcon = qty.icon;
  children.push(h('div', {}, h('div', {}, refs.modeSwitch), qty.box));

  refs.slider = h('div', { class: 'by-slider', role: 'slider', tabindex: '0', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': '0',
    onclick: (e) => {
      const r = refs.slider.getBoundingClientRect();
      on.slider?.(Math.round(Math.min(1, Math.max(0, (e.clientX - r.left) / (r.width || 1))) * 100));
    } },
    h('div', { class: 'si-slider-track' }), [0, 25, 50, 75, 100].map(() => h('span', { class: 'si-slider-dot' })));
  children.push(refs.slider);

  refs.tpslBox = h('input', { type: 'checkbox', checked: m.values.tpsl, onchange: () => on.tpsl?.(refs.tpslBox.checked) });
  children.push(h('label', {}, refs.tpslBox, h('span', { class: 'oc__tp-sl-chk-text' }, L.tpsl)));
  refs.tpslArea = h('div', {});
  children.push(refs.tpslArea);
  fillTpsl(m, refs, m.values.tpsl);

  if (m.hiddenDecoys) {
    // A hidden block inside the root holding submit-label decoys (tests/sites/README.md: decoys).
    children.push(h('div', { style: 'display:none' }, submitKeys(m.posmode, m.action).map((k) => h('button', { type: 'button' }, L[k]))));
  }

  refs.submit = m.loggedIn
    ? submitKeys(m.posmode, m.action).map((k, i) => h('button', { type: 'button', class: i === 0 ? 'si-buy' : 'si-sell' }, L[k]))
    : [h('button', { type: 'button', class: 'si-buy' }, L.logIn), h('button', { type: 'button' }, L.signUp)];
  children.push(h('div', { class: 'si-submit-row' }, refs.submit));

  if (m.liqText !== null) {
    const liq = pair(h, L.liq, m.liqText);
    refs.liq = liq.lastElementChild;
    children.push(liq);
  }

  const root = h('div', { class: 'si-form' }, children);
  return { root, refs };
}

/** Insert or remove the TP and SL rows: they exist only while the box is checked (tests/sites/README.md: Bybit hooks). */
export function fillTpsl(m, refs, checked, values = m.values) {
  const { h, L } = m;
  refs.tpslBox.checked = checked;
  refs.tpslArea.replaceChildren();
  refs.tp = refs.sl = null;
  if (!checked) return;
  const row = (title, value) => {
    const input = h('input', { type: 'text', class: 'by-input__inner', autocomplete: 'off', value });
    refs.tpslArea.append(h('div', { class: 'oc__row-bottom--12' }, h('div', { class: 'tpsl-modal-item__title' }, title), h('div', { class: 'profit-input' }, input)));
    return input;
  };
  refs.tp = row(L.tp, values.tp ?? '');
  refs.sl = row(L.sl, values.sl ?? '');
}
