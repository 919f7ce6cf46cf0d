// The order form (tests/sites/README.md: Binance hooks, hedge mode). One call builds one complete form root; the live
// form, its stale copies and the hidden decoy copy all come from here.
import { autoId } from '/__standin/common/rng.js';
import { idSuffix } from './prng.js';

export const ORDER_TYPES = ['LIMIT', 'MARKET', 'CONDITIONAL'];

/** Submit-label keys for the current position mode and tab, in document order (buy side first). */
export function submitKeys(posmode, action) {
  if (posmode !== 'hedge') return ['buyLong', 'sellShort'];
  return action === 'close' ? ['closeLong', 'closeShort'] : ['openLong', 'openShort'];
}

/** The leverage/margin-mode button text, e.g. `Cross 20x` (tests/sites/README.md: leverage dialog). */
export const leverageText = (L, mode, lev) => `${mode === 'isolated' ? L.isolated : L.cross} ${lev}x`;

export const ASSET_MODE_TEXT = { single: 'S', multi: 'M', portfolio: 'PM' };

/** A labelled checkbox `label[role="checkbox"]` (TP/SL, Reduce-Only, Post Only): an empty box span, then the label text. */
function checkbox(h, text, checked, onclick, extra = {}) {
  return h('label', { role: 'checkbox', 'aria-checked': String(checked), onclick, ...extra }, h('span', {}), text);
}

/** A label/value pair: exactly two element children, label then value (tests/sites/README.md: label/value pair). */
export const pair = (h, label, value, valueAttrs = {}) => h('div', {}, h('span', {}, label), h('span', valueAttrs, value));

/**
 * Build a form root.
 * m: { h, rng, L, posmode, action, type, loggedIn, mode, lev, assetMode, base, quote, suffix ('base'|'quote'),
 *      values: { price, qty, tp, sl, tpsl }, texts: { avbl, maxBuy, maxSell, cost }, paneBase, hiddenDecoys,
 *      on: { type, action, suffix, tpsl, toggle, slider, leverage, qtyInput, submit } (absent on copies) }
 * Returns { root, refs }.
 */
export function buildForm(m) {
  const { h, rng, L } = m;
  const on = m.on ?? {};
  const refs = {};
  const inputItem = (prefix, label, value, suffix) => {
    const id = `${prefix}-${idSuffix(rng)}`;
    const input = h('input', { id, 'aria-label': label, placeholder: label, type: 'text', autocomplete: 'off', value });
    return { input, item: h('div', { class: 'bn-formItem', target: id }, input, suffix) };
  };

  const children = [];
  if (m.posmode === 'hedge') {
    const tab = (key) =>
      h('div', { role: 'tab', class: 'bn-tab__buySell', 'aria-selected': String(m.action === key), id: autoId(rng),
        onclick: () => on.action?.(key) }, L[key]);
    children.push(h('div', { id: 'position-direction', class: 'bn-tabs__buySell' }, tab('open'), tab('close')));
  }

  refs.leverage = h('button', { type: 'button', onclick: () => on.leverage?.() }, leverageText(L, m.mode, m.lev));
  refs.assetMode = m.loggedIn ? h('button', { type: 'button' }, ASSET_MODE_TEXT[m.assetMode]) : null;
  children.push(h('div', {}, refs.leverage, refs.assetMode));

  const selectedType = m.type.toUpperCase();
  children.push(
    h('div', { role: 'tablist', id: autoId(rng) },
      ORDER_TYPES.map((key, i) =>
        h('div', { role: 'tab', 'data-tab-key': key, 'aria-selected': String(key === selectedType), id: autoId(rng),
          'aria-controls': `${m.paneBase}-${i}`, tabindex: key === selectedType ? '0' : '-1',
          onclick: () => on.type?.(key.toLowerCase()) }, L[key])),
    ),
  );

  const avbl = pair(h, L.avbl, m.texts.avbl);
  refs.avbl = avbl.lastElementChild;
  children.push(avbl);

  if (selectedType === 'CONDITIONAL') {
    // The stop-price input is free content: no adapter reads it.
    children.push(inputItem('stopPrice', 'Stop', '', h('div', { class: 'bn-input-suffix' }, m.quote)).item);
  }
  if (selectedType !== 'MARKET') {
    const price = inputItem('limitPrice', L.price, m.values.price, h('div', { class: 'bn-input-suffix' }, m.quote));
    refs.price = price.input;
    children.push(price.item);
  }

  refs.suffix = h('div', { role: 'button', tabindex: '0', onclick: () => on.suffix?.() }, m.suffix === 'quote' ? m.quote : m.base);
  const qty = inputItem('unitAmount', L.size, m.values.qty, h('div', { class: 'bn-input-suffix' }, refs.suffix));
  refs.qty = qty.input;
  refs.qty.addEventListener('input', () => on.qtyInput?.());
  children.push(qty.item);

  refs.slider = h('div', { role: 'slider', tabindex: '0', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': '0',
    class: 'si-slider', onclick: (e) => {
      const r = refs.slider.getBoundingClientRect();
      on.slider?.(Math.round(Math.min(1, Math.max(0, (e.clientX - r.left) / (r.width || 1))) * 100));
    } },
    h('div', { class: 'si-slider-track' }), [0, 25, 50, 75, 100].map(() => h('span', { class: 'si-slider-dot' })));
  children.push(refs.slider);

  if (m.posmode !== 'hedge') children.push(checkbox(h, L.reduceOnly, false, (e) => on.toggle?.(e.currentTarget)));
  if (selectedType === 'LIMIT') children.push(checkbox(h, L.postOnly, false, (e) => on.toggle?.(e.currentTarget)));
  refs.tpslBox = checkbox(h, L.tpsl, m.values.tpsl, () => on.tpsl?.());
  refs.tpslArea = h('div', {});
  children.push(refs.tpslBox, refs.tpslArea);
  fillTpsl(m, refs, m.values.tpsl);

  if (m.hiddenDecoys) {
    // A hidden block inside the root holding submit-label decoys (tests/sites/README.md: decoys).
    children.push(h('div', { style: 'display:none' }, submitKeys(m.posmode, m.action).map((k) => h('button', { type: 'button' }, L[k]))));
  }

  if (m.loggedIn) {
    const [buyKey, sellKey] = submitKeys(m.posmode, m.action);
    const maxLabel = m.posmode === 'hedge' && m.action === 'close' ? L.maxClose : L.maxOpen;
    const side = (key, testid, maxText) => {
      const cost = pair(h, L.cost, m.texts.cost);
      const max = pair(h, maxLabel, maxText, { 'data-testid': testid });
      // The page's own listener on its button: a click that reaches it is an order sent (tests/sites/README.md: runtime API).
      const button = h('button', { type: 'button', class: 'si-submit', onclick: () => on.submit?.(key) }, L[key]);
      return { el: h('div', {}, button, cost, max), cost: cost.lastElementChild, max: max.lastElementChild };
    };
    const buy = side(buyKey, 'max-buy-amount', m.texts.maxBuy);
    const sell = side(sellKey, 'max-sell-amount', m.texts.maxSell);
    Object.assign(refs, { maxBuy: buy.max, maxSell: sell.max, costBuy: buy.cost, costSell: sell.cost });
    children.push(buy.el, sell.el);
  } else {
    children.push(h('div', {}, h('button', { type: 'button', class: 'si-submit' }, L.logIn), h('button', { type: 'button' }, L.register)));
  }

  const root = h('div', { class: 'si-form' }, children);
  return { root, refs };
}

/** Insert or remove the TP/SL inputs: they exist only while the box is checked (tests/sites/README.md: Binance hooks). */
export function fillTpsl(m, refs, checked, values = m.values) {
  const { h, rng, L } = m;
  refs.tpslBox.setAttribute('aria-checked', String(checked));
  refs.tpslArea.replaceChildren();
  refs.tp = refs.sl = null;
  if (!checked) return;
  const make = (prefix, label, value) => {
    const input = h('input', { id: `${prefix}-${idSuffix(rng)}`, 'aria-label': label, placeholder: label, type: 'text', autocomplete: 'off', value });
    refs.tpslArea.append(h('div', { class: 'bn-formItem' }, input));
    return input;
  };
  refs.tp = make('takeProfit', L.tp, values.tp ?? '');
  refs.sl = make('stopLoss', L.sl, values.sl ?? '');
}
