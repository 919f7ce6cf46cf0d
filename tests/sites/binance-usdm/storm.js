// Order book, recent trades and the mutation storm (tests/sites/README.md: order-book storm), drawn as rows by
// common/storm.js: every storm step is exactly one DOM mutation. What is Binance's here: the row and box
// classes and the tick-size box above the asks.
import { display } from '/__standin/common/format.js';
import { rowBook } from '/__standin/common/storm.js';

/**
 * Build the book and start its generator.
 * opts: { h, rng, rate (mutations/s), fmt: () => fmt, market: () => { last: string|null, tick: number },
 *         onLastChange: (text) => void }
 * Returns { el, lastText(), reset(), stop() }.
 */
export function createOrderBook(opts) {
  const { h } = opts;
  const tickSizeText = () => {
    const { tick } = opts.market();
    return display({ n: 1n, s: tick }, tick, opts.fmt());
  };
  let tickEl = null;
  const parts = rowBook({
    ...opts,
    flash: 'si-flash',
    sideAttrs: (kind) => ({ class: `si-${kind}s` }),
    row: (kind, price, size) => h('div', { class: 'row-content' },
      h('span', { class: `${kind}-light emit-price` }, price), h('span', { class: 'si-size' }, size)),
    tradeRow: (price, size) => h('div', { class: 'si-trade' }, h('span', { class: 'price emit-price' }, price), h('span', {}, size)),
    lastEl: (text) => h('div', { class: 'si-book-last' }, text),
    tradesClass: 'tradew-tradelist',
    onReset: () => { tickEl.firstElementChild.textContent = tickSizeText(); },
  });
  tickEl = h('div', { class: 'orderbook-tickSize' }, h('span', { class: 'tick-content' }, tickSizeText()));
  const { asks, bids, lastEl, trades } = parts;
  return parts.book(h('div', { class: 'si-book' }, h('div', { id: 'futuresOrderbook' }, tickEl, asks, lastEl, bids), trades));
}
