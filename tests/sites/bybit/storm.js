// Order book, recent trades and the mutation storm (tests/sites/README.md: order-book storm), drawn as rows by
// common/storm.js: every storm step is exactly one DOM mutation. The book's last price is `.ob__market-price` /
// `.ob__market-price-bg`; rows carry randomised `ob__*` classes.
import { rowBook } from '/__standin/common/storm.js';
import { PRICE_DECIMALS } from './page-state.js';

/**
 * Build the book and start its generator.
 * opts: { h, rng, rate (mutations/s), fmt: () => fmt, last: () => string|null, onLastChange: (text) => void }
 * Returns { el, lastText(), reset(), stop() }.
 */
export function createOrderBook(opts) {
  const { h, rng } = opts;
  const rowClass = `ob__row-${rng.chars(5)}`;
  const { asks, bids, lastEl, trades, book } = rowBook({
    ...opts,
    market: () => ({ last: opts.last(), tick: PRICE_DECIMALS }),
    flash: 'si-flash',
    sideAttrs: (kind) => ({ class: `si-${kind}s` }),
    row: (kind, price, size) => h('div', { class: `${rowClass} ob__${kind}-${rng.chars(4)}` },
      h('span', { class: 'si-px' }, price), h('span', { class: 'si-size' }, size)),
    tradeRow: (price, size) => h('div', { class: 'si-trade' }, h('span', {}, price), h('span', {}, size)),
    lastEl: (text) => h('span', { class: 'ob__market-price' }, text),
  });
  const lastRow = h('div', { class: 'ob__market-price-bg' }, lastEl);
  return book(h('div', { class: 'si-book' }, h('div', { class: 'si-orderbook' }, asks, lastRow, bids), trades));
}
