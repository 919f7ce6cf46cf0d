// Order book, recent trades and the mutation storm (tests/sites/README.md: order-book storm), drawn as rows by
// common/storm.js: every storm step is exactly one DOM mutation. The rows carry only hashed classes, as the live
// book does; prices show at the precision their own value gives.
import { pricePrecision } from './format.js';
import { rowBook } from '/__standin/common/storm.js';

/**
 * Build the book and start its generator.
 * opts: { h, rng, rate (mutations/s), fmt: () => fmt, last: () => string|null, onLastChange: (text) => void }
 * Returns { el, lastText(), reset(), stop() }.
 */
export function createOrderBook(opts) {
  const { h, rng } = opts;
  const flash = `si-flash-${rng.chars(4)}`;
  const row = (price, size) => h('div', { class: 'si-book-row' }, h('span', {}, price), h('span', {}, size));
  const { asks, bids, lastEl, trades, book } = rowBook({
    ...opts,
    market: () => {
      const last = opts.last();
      return { last, tick: last ? pricePrecision(last) : 0 };
    },
    flash,
    sizeMax: 99999,
    row: (kind, price, size) => row(price, size),
    tradeRow: row,
    lastEl: (text) => h('div', { class: 'si-book-last' }, text),
  });
  return book(h('div', { class: 'si-book' }, h('div', { class: 'si-book-rows' }, asks, lastEl, bids), trades));
}
