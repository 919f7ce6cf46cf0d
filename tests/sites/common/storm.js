// The order-book storm's clock, shared by every stand-in (tests/sites/README.md: order-book storm): `rate` steps a
// second, each step exactly one DOM mutation drawn by the venue's book, and the walked last price reported once a
// second. The book itself (rows, classes, steps) is each venue's storm.js.

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
