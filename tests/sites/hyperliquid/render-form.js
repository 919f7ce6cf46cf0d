// The order form (tests/sites/README.md: Hyperliquid hooks). One call builds one complete form root; the live
// form, its stale copies and the hidden decoy copy all come from here. Structural relations the hooks are
// defined by (input rows, label/value pairs, leverage next to margin mode) have no wrapper inside them.

export const ORDER_TYPES = ['market', 'limit', 'conditional'];
const TYPE_LABEL = { market: 'market', limit: 'limit', conditional: 'pro' };

/** A label/value pair: exactly two element children, label then value (tests/sites/README.md: label/value pair). */
export const pair = (h, label, value) => h('div', { class: 'si-pair' }, h('div', {}, label), h('div', {}, value));

/** An input row: the label first, then the input, then an optional `[role="button"]` (unit toggle, Mid). */
function inputRow(h, label, value, button) {
  const input = h('input', { inputmode: 'decimal', type: 'text', autocomplete: 'off', value });
  return { input, row: h('div', { class: 'si-input-row' }, h('div', {}, label), input, button) };
}

/**
 * Build a form root.
 * m: { h, L, type, side ('buy'|'sell'), auth ('in'|'out'|'noagent'), loaded, mode, lev, unitText, selClass,
 *      values: { price, qty, pct, tpsl, tp, sl }, texts: { avail, position (null = absent), liq }, hiddenDecoys,
 *      on: { type, side, unit, tpsl, toggle, pct, slider, leverage, margin } (absent on copies) }
 * Returns { root, refs }.
 */
export function buildForm(m) {
  const { h, L } = m;
  const on = m.on ?? {};
  const refs = {};
  const children = [];

  refs.marginMode = h('button', { type: 'button', onclick: () => on.margin?.() }, m.mode === 'isolated' ? L.isolated : L.cross);
  refs.leverage = h('button', { type: 'button', onclick: () => on.leverage?.() }, `${m.lev}x`);
  children.push(h('div', { class: 'si-row' }, refs.marginMode, refs.leverage));

  children.push(h('div', { class: 'si-row si-types' },
    ORDER_TYPES.map((t) => h('div', { class: t === m.type ? m.selClass : null, onclick: () => on.type?.(t) }, L[TYPE_LABEL[t]]))));

  const variant = m.side === 'buy' ? 'variant_green' : 'variant_red';
  children.push(h('div', { class: 'si-row si-sides' },
    h('button', { type: 'button', class: m.side === 'buy' ? variant : null, onclick: () => on.side?.('buy') }, L.buyLong),
    h('button', { type: 'button', class: m.side === 'sell' ? variant : null, onclick: () => on.side?.('sell') }, L.sellShort)));

  const avail = pair(h, L.available, m.texts.avail);
  refs.avail = avail.lastElementChild;
  children.push(avail);
  if (m.texts.position !== null) {
    const position = pair(h, L.currentPosition, m.texts.position);
    refs.position = position.lastElementChild;
    children.push(position);
  }

  if (m.type === 'conditional') {
    // The trigger input (no stand-in parameter sets it); Pro has no price input.
    children.push(inputRow(h, L.trigger, '', h('div', { role: 'button', tabindex: '0' }, L.mid)).row);
  } else if (m.type === 'limit') {
    const price = inputRow(h, L.price, m.values.price, h('div', { role: 'button', tabindex: '0' }, L.mid));
    refs.price = price.input;
    children.push(price.row);
  }

  refs.unit = h('div', { role: 'button', tabindex: '0', onclick: () => on.unit?.() }, m.unitText);
  const qty = inputRow(h, L.size, m.values.qty, refs.unit);
  refs.qty = qty.input;
  children.push(qty.row);

  refs.slider = h('div', { role: 'slider', tabindex: '0', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(m.values.pct),
    class: 'si-slider', onclick: (e) => {
      const r = refs.slider.getBoundingClientRect();
      on.slider?.(Math.round(Math.min(1, Math.max(0, (e.clientX - r.left) / (r.width || 1))) * 100));
    } },
    h('div', { class: 'si-slider-track' }), [0, 25, 50, 75, 100].map(() => h('span', { class: 'si-slider-dot' })));
  refs.pct = h('input', { inputmode: 'decimal', type: 'text', autocomplete: 'off', value: String(m.values.pct) });
  refs.pct.addEventListener('input', () => on.pct?.(refs.pct.value));
  children.push(h('div', { class: 'si-row' }, refs.slider, h('div', { class: 'si-pct' }, refs.pct, h('span', {}, '%'))));

  const checkbox = (text, checked, onchange) => {
    const box = h('input', { type: 'checkbox', onchange });
    box.checked = checked;
    return { box, label: h('label', { class: 'si-check' }, box, text) };
  };
  const reduce = checkbox(L.reduceOnly, false, () => on.toggle?.());
  refs.reduceOnly = reduce.box;
  children.push(reduce.label);
  if (m.type !== 'conditional') {
    const tpsl = checkbox(L.tpsl, m.values.tpsl, () => on.tpsl?.());
    refs.tpslBox = tpsl.box;
    refs.tpslLabel = tpsl.label;
    children.push(tpsl.label);
  }

  if (m.hiddenDecoys) {
    // A hidden block inside the root with the side-toggle texts and a second primary button (tests/sites/README.md: decoys).
    children.push(h('div', { hidden: true },
      h('button', { type: 'button' }, L.buyLong), h('button', { type: 'button' }, L.sellShort),
      h('button', { type: 'button', color: 'primary' }, L.placeOrder)));
  }

  const submitText = m.auth === 'out' ? L.connect : m.auth === 'noagent' ? L.enableTrading : L.placeOrder;
  refs.submit = h('button', { type: 'button', color: 'primary', class: variant }, submitText);
  children.push(refs.submit);

  const liq = pair(h, L.liquidation, m.texts.liq);
  refs.liq = liq.lastElementChild;
  children.push(liq, pair(h, L.orderValue, 'N/A'), pair(h, L.marginRequired, 'N/A'),
    pair(h, L.slippage, 'Est: 0% / Max: 8.00%'), pair(h, L.fees, '0.0450% / 0.0150%'));

  const root = h('div', { class: 'si-form' }, children);
  if (m.type !== 'conditional') fillTpsl(m, refs, m.values.tpsl);
  return { root, refs };
}

/** Insert or remove the TP and SL rows right after the TP/SL box: they exist only while it is checked. */
export function fillTpsl(m, refs, checked, values = m.values) {
  const { h, L } = m;
  if (!refs.tpslBox) return;
  refs.tpslBox.checked = checked;
  for (const row of refs.tpslRows ?? []) row.remove();
  refs.tpslRows = [];
  refs.tp = refs.sl = null;
  if (!checked) return;
  const tp = inputRow(h, L.tpPrice, values.tp ?? '', null);
  const sl = inputRow(h, L.slPrice, values.sl ?? '', null);
  refs.tpslLabel.after(tp.row, sl.row);
  refs.tpslRows = [tp.row, sl.row];
  refs.tp = tp.input;
  refs.sl = sl.input;
}
