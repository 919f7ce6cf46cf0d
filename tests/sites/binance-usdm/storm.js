// Order book, recent trades and the mutation storm (tests/sites/README.md: order-book storm). Every storm step is exactly one DOM
// mutation (one MutationRecord): a text change, a class toggle, a row added or a row removed.
import { display } from '/__standin/common/format.js';
import { parseDec, add } from '/__standin/common/dec.js';
import { runStorm } from '/__standin/common/storm.js';

const BOOK_ROWS = 10;
const MAX_TRADES = 24;
const MAX_WALK_TICKS = 30;

/**
 * Build the book and start its generator.
 * opts: { h, rng, rate (mutations/s), fmt: () => fmt, market: () => { last: string|null, tick: number },
 *         onLastChange: (text) => void }
 * Returns { el, lastText(), resetWalk(), stop() }.
 */
export function createOrderBook(opts) {
  const { h, rng } = opts;
  let walk = 0; // ticks away from si-last
  const priceAt = (offsetTicks) => {
    const { last, tick } = opts.market();
    const p = last ? parseDec(last) : null;
    if (!p) return null;
    return add(p, { n: BigInt(walk + offsetTicks), s: tick });
  };
  const priceText = (offsetTicks) => {
    const p = priceAt(offsetTicks);
    return p ? display(p, opts.market().tick, opts.fmt()) : '--';
  };
  const sizeText = () => `${rng.int(1, 9999) / 1000}`.replace('.', opts.fmt().decimal);
  const row = (kind, offset) =>
    h('div', { class: 'row-content' }, h('span', { class: `${kind}-light emit-price` }, priceText(offset)), h('span', { class: 'si-size' }, sizeText()));
  const asks = h('div', { class: 'si-asks' }, Array.from({ length: BOOK_ROWS }, (_, i) => row('ask', BOOK_ROWS - i)));
  const bids = h('div', { class: 'si-bids' }, Array.from({ length: BOOK_ROWS }, (_, i) => row('bid', -1 - i)));
  const lastEl = h('div', { class: 'si-book-last' }, priceText(0));
  const tickEl = h('div', { class: 'orderbook-tickSize' }, h('span', { class: 'tick-content' }, tickSizeText()));
  const trades = h('div', { class: 'tradew-tradelist' });
  const el = h('div', { class: 'si-book' }, h('div', { id: 'futuresOrderbook' }, tickEl, asks, lastEl, bids), trades);

  function tickSizeText() {
    const { tick } = opts.market();
    return display({ n: 1n, s: tick }, tick, opts.fmt());
  }

  const tradeRow = () =>
    h('div', { class: 'si-trade' }, h('span', { class: 'price emit-price' }, priceText(rng.int(-2, 2))), h('span', {}, sizeText()));

  const steps = [
    () => { // re-price one book row
      const rows = rng() < 0.5 ? asks.children : bids.children;
      const i = rng.int(0, rows.length - 1);
      rows[i].firstElementChild.textContent = priceText(rows === asks.children ? BOOK_ROWS - i : -1 - i);
    },
    () => { // new size on one row
      const rows = rng() < 0.5 ? asks.children : bids.children;
      rows[rng.int(0, rows.length - 1)].lastElementChild.textContent = sizeText();
    },
    () => { // flash a row
      const rows = rng() < 0.5 ? asks.children : bids.children;
      rows[rng.int(0, rows.length - 1)].classList.toggle('si-flash');
    },
    () => { // trade tape: add at the top, or drop the oldest when full
      if (trades.children.length >= MAX_TRADES) trades.lastElementChild.remove();
      else trades.prepend(tradeRow());
    },
    () => { // walk the last price one tick, within ±30 ticks of si-last
      if (!opts.market().last) return void (lastEl.textContent = '--');
      walk = Math.max(-MAX_WALK_TICKS, Math.min(MAX_WALK_TICKS, walk + (rng() < 0.5 ? -1 : 1)));
      lastEl.textContent = priceText(0);
    },
  ];

  const stop = runStorm(opts.rate, () => rng.pick(steps)(), () => opts.onLastChange(priceText(0)));

  return {
    el,
    lastText: () => priceText(0),
    /** A new symbol: restart the walk at si-last and redraw the book. */
    reset() {
      walk = 0;
      for (const [rows, sign] of [[asks.children, 1], [bids.children, -1]]) {
        [...rows].forEach((r, i) => { r.firstElementChild.textContent = priceText(sign > 0 ? BOOK_ROWS - i : -1 - i); });
      }
      lastEl.textContent = priceText(0);
      tickEl.firstElementChild.textContent = tickSizeText();
      trades.replaceChildren();
    },
    stop,
  };
}
