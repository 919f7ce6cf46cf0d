// The order book drawn on a canvas, the walked last price in `span.last` and the mutation storm
// (tests/sites/README.md: order-book storm). OKX renders its book on a canvas with no row DOM: every storm step
// redraws part of the canvas and makes exactly one DOM mutation, on `span.last` (a text change or a class toggle).
import { runStorm, priceWalk } from '/__standin/common/storm.js';

const BOOK_ROWS = 10;
const ROW_HEIGHT = 16;

/**
 * opts: { h, rng, rate (steps/s), fmt: () => fmt, market: () => { last: string|null, tick: number },
 *         lastEl: () => Element|null, onLastChange: (text) => void }
 * Returns { el, lastText(), reset(), stop() }.
 */
export function createOrderBook(opts) {
  const { h, rng } = opts;
  const walk = priceWalk(opts.market, opts.fmt);
  const priceText = walk.text;
  const canvas = h('canvas', { width: '240', height: String(ROW_HEIGHT * (BOOK_ROWS * 2 + 1)) });
  const el = h('div', { class: 'order-book-box' }, canvas);
  const ctx = canvas.getContext('2d');

  function drawRow(i) {
    if (!ctx) return;
    const y = i * ROW_HEIGHT;
    const offset = i < BOOK_ROWS ? BOOK_ROWS - i : i === BOOK_ROWS ? 0 : BOOK_ROWS - i - 1;
    ctx.fillStyle = '#111';
    ctx.fillRect(0, y, canvas.width, ROW_HEIGHT);
    ctx.fillStyle = i < BOOK_ROWS ? '#f6465d' : i === BOOK_ROWS ? '#eee' : '#0ecb81';
    ctx.fillRect(canvas.width - rng.int(10, 120), y + 2, 120, ROW_HEIGHT - 4);
    ctx.fillStyle = '#ddd';
    ctx.font = '11px monospace';
    ctx.fillText(priceText(offset), 4, y + 12);
    ctx.fillText(String(rng.int(1, 9999)), 120, y + 12);
  }
  const drawAll = () => { for (let i = 0; i <= BOOK_ROWS * 2; i++) drawRow(i); };
  drawAll();

  const setLast = (text) => {
    const last = opts.lastEl();
    if (last && last.textContent !== text) { last.textContent = text; return true; }
    return false;
  };
  const toggle = () => opts.lastEl()?.classList.toggle(rng() < 0.5 ? 'si-up' : 'si-down');
  const step = () => {
    drawRow(rng.int(0, BOOK_ROWS * 2));
    if (rng() < 0.5 && walk.known()) {
      walk.step(rng);
      drawRow(BOOK_ROWS);
      if (setLast(priceText(0))) return;
    }
    toggle();
  };

  const stop = runStorm(opts.rate, step, () => opts.onLastChange(priceText(0)));

  return {
    el,
    lastText: () => priceText(0),
    /** A new instrument: restart the walk at si-last and redraw the book. */
    reset() {
      walk.reset();
      drawAll();
      setLast(priceText(0));
    },
    stop,
  };
}
