// The order form (tests/sites/README.md: OKX hooks, hedge mode). One call builds one complete form root; the
// live form, its stale copies and the hidden decoy copy all come from here.
import { autoId, moduleClass } from './prng.js';

export const ORDER_TYPES = ['limit', 'market', 'conditional'];
export const SLIDER_STEPS = [0, 25, 50, 75, 100];

/** Submit-label keys [positive, negative] for the position mode and Open/Close tab. */
export function submitKeys(posmode, action) {
  if (posmode !== 'hedge') return ['buyLong', 'sellShort'];
  return action === 'close' ? ['closeShort', 'closeLong'] : ['openLong', 'openShort'];
}

/** The amount suffix text of a unit: `Contracts` (localised), the base or the quote asset. */
export const unitWord = (L, unit, base, quote) => (unit === 'contracts' ? L.contracts : unit === 'base' ? base : quote);

/**
 * Build a form root.
 * m: { h, rng, L, posmode, action, type, loggedIn, mode, lev, base, quote, unit, values: { price, qty, tpsl, tp, sl },
 *      texts: { available, maxLong, maxShort, liq }, hiddenDecoys, on } (on: absent on copies)
 * Returns { root, refs }.
 */
export function buildForm(m) {
  const { h, rng, L } = m;
  const on = m.on ?? {};
  const refs = {};
  const input = (value, extra = {}) => h('input', { class: 'okui-input-input', id: autoId(rng), type: 'text', autocomplete: 'off', value, ...extra });

  const children = [];
  // Margin mode and leverage: two adjacent buttons, the margin mode first (no wrapper between them).
  refs.marginMode = h('button', { type: 'button', onclick: () => on.dialog?.('margin') }, m.mode === 'isolated' ? L.isolated : L.cross);
  refs.leverage = h('button', { type: 'button', onclick: () => on.dialog?.('leverage') }, `${m.lev}x`);
  children.push(h('div', { class: moduleClass(rng, 'head') }, refs.marginMode, refs.leverage));

  if (m.posmode === 'hedge') {
    const tab = (key) => h('div', { role: 'tab', class: 'okui-tabs-pane okui-tabs-pane-segmented', 'aria-selected': String(m.action === key),
      onclick: () => on.action?.(key) }, L[key]);
    children.push(h('div', { role: 'tablist', class: 'okui-tabs' }, tab('open'), tab('close')));
  }

  children.push(h('div', { role: 'tablist', class: 'okui-tabs' },
    ORDER_TYPES.map((key) => h('div', { role: 'tab', class: 'okui-tabs-pane okui-tabs-pane-spacing', 'aria-selected': String(key === m.type),
      onclick: () => on.type?.(key) }, L[key]))));

  if (m.type === 'limit') {
    refs.price = input(m.values.price, { placeholder: L.price });
    children.push(h('div', { class: 'price-input' }, h('div', { class: 'okui-input' }, refs.price, h('div', { class: 'okui-input-suffix' }, m.quote))));
  }

  refs.unit = h('div', { role: 'button', tabindex: '0', onclick: () => on.unit?.() }, unitWord(L, m.unit, m.base, m.quote));
  refs.qty = input(m.values.qty, { placeholder: L.amount });
  children.push(h('div', { class: 'okui-input' }, refs.qty, h('div', { class: 'okui-input-suffix' }, refs.unit)));

  refs.slider = h('div', { class: 'okui-slider' },
    SLIDER_STEPS.map((pct) => h('div', { class: 'okui-slider-mark-node', onclick: () => on.slider?.(pct) },
      h('div', { class: 'okui-slider-mark-node-text' }, h('span', {}, `${pct}%`)))));
  children.push(refs.slider);

  refs.tpslArea = h('div', {});
  if (m.type === 'conditional') {
    // The TP/SL order type: no checkbox, its trigger inputs show at once.
    refs.tpslBox = null;
    children.push(refs.tpslArea);
    fillTpsl(m, refs, true);
  } else {
    refs.tpslBox = h('input', { type: 'checkbox', class: 'okui-checkbox-input', 'prop:checked': Boolean(m.values.tpsl),
      onchange: () => on.tpsl?.() });
    children.push(h('div', { class: `index_stopSelector__${rng.chars(5, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}` },
      h('label', { class: 'si-check' }, refs.tpslBox, L.tpsl)), refs.tpslArea);
    fillTpsl(m, refs, Boolean(m.values.tpsl));
  }

  if (m.loggedIn) {
    refs.available = h('span', {}, m.texts.available);
    children.push(h('div', { 'data-testid': 'max-asset' }, h('span', {}, L.available), refs.available));
  }

  if (m.hiddenDecoys) {
    // A hidden block inside the root holding submit-label decoys (tests/sites/README.md: decoys).
    children.push(h('div', { style: 'display:none' }, submitKeys(m.posmode, m.action).map((k) => h('button', { type: 'button' }, L[k]))));
  }

  if (m.loggedIn) {
    const [pos, neg] = submitKeys(m.posmode, m.action);
    refs.positive = h('button', { type: 'button', class: 'okui-positivebutton' }, L[pos]);
    refs.negative = h('button', { type: 'button', class: 'okui-negativebutton' }, L[neg]);
    children.push(h('div', { class: moduleClass(rng, 'submit') }, refs.positive, refs.negative));
    refs.maxLong = h('span', {}, m.texts.maxLong);
    refs.maxShort = h('span', {}, m.texts.maxShort);
    children.push(h('div', {},
      h('div', { 'data-testid': 'max-trade' }, h('span', {}, L.maxLong), refs.maxLong),
      h('div', { 'data-testid': 'max-trade' }, h('span', {}, L.maxShort), refs.maxShort)));
  } else {
    children.push(h('div', { class: moduleClass(rng, 'submit') }, h('button', { type: 'button' }, L.logIn), h('button', { type: 'button' }, L.signUp)));
  }

  refs.liqSlot = h('div', {});
  children.push(refs.liqSlot);
  setLiq(m, refs, m.texts.liq);

  const root = h('div', { class: 'place-order-container-common si-form' }, children);
  return { root, refs };
}

/** The form's own liquidation estimate: one label/value pair, or none (tests/sites/README.md: the page's own liquidation price). */
export function setLiq(m, refs, text) {
  const { h, L } = m;
  const current = refs.liqValue?.isConnected ? refs.liqValue : null;
  if (text === null) {
    refs.liqSlot.replaceChildren();
    refs.liqValue = null;
  } else if (current) {
    if (current.textContent !== text) current.textContent = text;
  } else {
    refs.liqValue = h('span', {}, text);
    refs.liqSlot.replaceChildren(h('div', {}, h('span', {}, L.estLiq), refs.liqValue));
  }
}

/** Insert or remove the TP/SL trigger inputs: they exist only while the box is checked (Limit, Market). */
export function fillTpsl(m, refs, checked, values = m.values) {
  const { h, rng, L } = m;
  if (refs.tpslBox) refs.tpslBox.checked = checked;
  refs.tpslArea.replaceChildren();
  refs.tp = refs.sl = null;
  if (!checked) return;
  const make = (aria, label, value) => {
    const el = h('input', { class: 'okui-input-input', id: autoId(rng), type: 'text', 'aria-label': aria, labelbasic: label, placeholder: label, value });
    refs.tpslArea.append(h('div', { class: 'okui-input' }, el, h('div', { class: 'okui-input-suffix' }, m.quote)));
    return el;
  };
  refs.tp = make('tpTriggerPx', L.tpTrigger, values.tp ?? '');
  refs.sl = make('slTriggerPx', L.slTrigger, values.sl ?? '');
}
