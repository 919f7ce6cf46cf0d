// Order book, recent trades and the mutation storm (tests/sites/README.md: order-book storm). Every storm step
// is exactly one DOM mutation (one MutationRecord): a text change, a class toggle, a row added or removed.
// The rows carry only hashed classes, as the live book does.
import { display } from '/__standin/common/format.js';
import { pricePrecision } from './format.js';
import { parseDec, add } from '/__standin/common/dec.js';
import { runStorm } from '/__standin/common/storm.js';

const BOOK_ROWS = 10;
const MAX_TRADES = 24;
const MAX_WALK_TICKS = 30;

/**
 * Build the book and start its generator.
 * opts: { h, rng, rate (mutations/s), fmt: () => fmt, last: () => string|null, onLastChange: (text) => void }
 * Returns { el, lastText(), reset(), stop() }.
 */
export function createOrderBook(opts) {
  const { h, rng } = opts;
  let walk = 0; // ticks away from si-last
  const flash = `si-flash-${rng.chars(4)}`;
  const priceAt = (offsetTicks) => {
    const last = opts.last();
    const p = last ? parseDec(last) : null;
    if (!p) return null;
    const tick = pricePrecision(last);
    return { value: add(p, { n: BigInt(walk + offsetTicks), s: tick }), tick };
  };
  const priceText = (offsetTicks) => {
    const p = priceAt(offsetTicks);
    return p ? display(p.value, p.tick, opts.fmt()) : '--';
  };
  const sizeText = () => `${rng.int(1, 99999) / 1000}`.replace('.', opts.fmt().decimal);
  const row = (offset) => h('div', { class: 'si-book-row' }, h('span', {}, priceText(offset)), h('span', {}, sizeText()));
  const asks = h('div', {}, Array.from({ length: BOOK_ROWS }, (_, i) => row(BOOK_ROWS - i)));
  const bids = h('div', {}, Array.from({ length: BOOK_ROWS }, (_, i) => row(-1 - i)));
  const lastEl = h('div', { class: 'si-book-last' }, priceText(0));
  const trades = h('div', { class: 'si-trades' });
  const book = h('div', { class: 'si-book-rows' }, asks, lastEl, bids);
  const el = h('div', { class: 'si-book' }, book, trades);

  const tradeRow = () => h('div', { class: 'si-book-row' }, h('span', {}, priceText(rng.int(-2, 2))), h('span', {}, sizeText()));
  const side = () => (rng() < 0.5 ? { rows: asks.children, at: (i) => BOOK_ROWS - i } : { rows: bids.children, at: (i) => -1 - i });

  const steps = [
    () => { // re-price one book row
      const { rows, at } = side();
      const i = rng.int(0, rows.length - 1);
      rows[i].firstElementChild.textContent = priceText(at(i));
    },
    () => { // new size on one row
      const { rows } = side();
      rows[rng.int(0, rows.length - 1)].lastElementChild.textContent = sizeText();
    },
    () => { // flash a row
      const { rows } = side();
      rows[rng.int(0, rows.length - 1)].classList.toggle(flash);
    },
    () => { // trade tape: add at the top, or drop the oldest when full
      if (trades.children.length >= MAX_TRADES) trades.lastElementChild.remove();
      else trades.prepend(tradeRow());
    },
    () => { // walk the last price one tick, within ±30 ticks of si-last
      if (!opts.last()) return void (lastEl.textContent = '--');
      walk = Math.max(-MAX_WALK_TICKS, Math.min(MAX_WALK_TICKS, walk + (rng() < 0.5 ? -1 : 1)));
      lastEl.textContent = priceText(0);
    },
  ];

  const stop = runStorm(opts.rate, () => rng.pick(steps)(), () => opts.onLastChange(priceText(0)));

  return {
    el,
    lastText: () => priceText(0),
    /** A new coin: restart the walk at si-last and redraw the book. */
    reset() {
      walk = 0;
      [...asks.children].forEach((r, i) => { r.firstElementChild.textContent = priceText(BOOK_ROWS - i); });
      [...bids.children].forEach((r, i) => { r.firstElementChild.textContent = priceText(-1 - i); });
      lastEl.textContent = priceText(0);
      trades.replaceChildren();
    },
    stop,
  };
}
