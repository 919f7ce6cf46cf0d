// Bybit's own number helper; the shared formats and conversions are common/format.js.

/** The absolute value of a decimal. */
export const abs = (a) => (a.n < 0n ? { n: -a.n, s: a.s } : a);
