// The order-book storm's clock, shared by every stand-in (tests/sites/README.md: order-book storm): `rate` steps a
// second, each step exactly one DOM mutation drawn by the venue's book, and the walked last price reported once a
// second; the walked last price; and the book drawn as rows, with its steps. What a venue's book looks like
// (its rows, classes and boxes) is its storm.js.
import { display, MISSING } from './format.js';
import { parseDec, add } from './dec.js';

/** Start the storm: `step()` runs `rate` times a second, `everySecond()` once a second; returns the timers' stop. */
export function runStorm(rate, step, everySecond) {
  let done = 0;
  const started = performance.now();
  const timers = [];
  if (rate > 0) {
    timers.push(setInterval(() => {
      const due = Math.floor(((performance.now() - started) / 1000) * rate) - done;
      for (let i = 0; i < Math.min(due, rate); i++) step();
      done += Math.max(0, due);
    }, 20));
    timers.push(setInterval(everySecond, 1000));
  }
  return () => timers.forEach(clearInterval);
}

const MAX_WALK_TICKS = 30;

/**
 * The walked last price: `ticks` away from si-last, within ±30 ticks. `market()` → `{ last, tick }` (the current
 * si-last text or null, its price precision); `text(offset)` is the price `offset` ticks from the walked one as
 * the page shows it (`--` without a last price).
 */
export function priceWalk(market, fmt) {
  let walk = 0;
  const text = (offset) => {
    const { last, tick } = market();
    const p = last ? parseDec(last) : null;
    return p ? display(add(p, { n: BigInt(walk + offset), s: tick }), tick, fmt()) : MISSING;
  };
  return {
    text,
    known: () => Boolean(market().last),
    /** One tick up or down at random. */
    step(rng) { walk = Math.max(-MAX_WALK_TICKS, Math.min(MAX_WALK_TICKS, walk + (rng() < 0.5 ? -1 : 1))); },
    reset() { walk = 0; },
  };
}

/**
 * A book drawn as rows (tests/sites/README.md: order-book storm): `rows` ask rows above the walked last price and
 * as many bid rows below, and a trade tape; each storm step is exactly one DOM mutation: a row re-priced, a
 * size changed, a row's `flash` class toggled, a trade added or the oldest dropped, or the last price walked.
 * opts: { h, rng, rate, fmt, market, onLastChange, rows (default 10), sizeMax (thousandths, default 9999),
 *         flash (class), row(kind, priceText, sizeText) → the row (price first child, size last child),
 *         tradeRow(priceText, sizeText), sideAttrs(kind) (the attributes of the asks' and bids' boxes),
 *         lastEl(text), tradesClass (default `si-trades`), onReset() }.
 * Returns the parts `{ asks, bids, lastEl, trades }` for the venue to place, and `book(el)` → the storm's handle
 * `{ el, lastText(), reset(), stop() }`.
 */
export function rowBook(opts) {
  const { h, rng } = opts;
  const rows = opts.rows ?? 10;
  const maxTrades = 24;
  const price = priceWalk(opts.market, opts.fmt);
  const sizeText = () => `${rng.int(1, opts.sizeMax ?? 9999) / 1000}`.replace('.', opts.fmt().decimal);
  const offsetOf = (kind, i) => (kind === 'ask' ? rows - i : -1 - i);
  const side = (kind) => h('div', opts.sideAttrs?.(kind) ?? {},
    Array.from({ length: rows }, (_, i) => opts.row(kind, price.text(offsetOf(kind, i)), sizeText())));
  const asks = side('ask');
  const bids = side('bid');
  const lastEl = opts.lastEl(price.text(0));
  const trades = h('div', { class: opts.tradesClass ?? 'si-trades' });
  const pickSide = () => (rng() < 0.5 ? ['ask', asks.children] : ['bid', bids.children]);

  const steps = [
    () => { // re-price one book row
      const [kind, list] = pickSide();
      const i = rng.int(0, list.length - 1);
      list[i].firstElementChild.textContent = price.text(offsetOf(kind, i));
    },
    () => { // new size on one row
      const [, list] = pickSide();
      list[rng.int(0, list.length - 1)].lastElementChild.textContent = sizeText();
    },
    () => { // flash a row
      const [, list] = pickSide();
      list[rng.int(0, list.length - 1)].classList.toggle(opts.flash);
    },
    () => { // trade tape: add at the top, or drop the oldest when full
      if (trades.children.length >= maxTrades) trades.lastElementChild.remove();
      else trades.prepend(opts.tradeRow(price.text(rng.int(-2, 2)), sizeText()));
    },
    () => { // walk the last price one tick
      if (price.known()) price.step(rng);
      lastEl.textContent = price.text(0);
    },
  ];

  const book = (el) => {
    const stop = runStorm(opts.rate, () => rng.pick(steps)(), () => opts.onLastChange(price.text(0)));
    return {
      el,
      lastText: () => price.text(0),
      /** A new symbol: restart the walk at si-last and redraw the book. */
      reset() {
        price.reset();
        for (const [kind, list] of [['ask', asks.children], ['bid', bids.children]]) {
          [...list].forEach((r, i) => { r.firstElementChild.textContent = price.text(offsetOf(kind, i)); });
        }
        lastEl.textContent = price.text(0);
        opts.onReset?.();
        trades.replaceChildren();
      },
      stop,
    };
  };
  return { asks, bids, lastEl, trades, book };
}
