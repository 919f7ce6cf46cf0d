// The Bybit stand-in's randomised hooks (tests/sites/README.md: stable and randomised hooks), drawn from the
// shared seeded streams (common/rng.js): Bybit's CSS-module classes (`_wrap_1r3hz_1`) and the column permutation.

const WORDS = ['wrap', 'box', 'item', 'row', 'col', 'inner', 'main', 'cell', 'panel', 'content', 'area', 'line'];

/** CSS-module class in Bybit's style: `_<name>_<5 chars>_<n>`, e.g. `_wrap_1r3hz_1`. */
export const moduleClass = (rng) => `_${rng.pick(WORDS)}_${rng.chars(5)}_${rng.int(1, 9)}`;
/** A permutation of 0..n-1 drawn from `rng` that is never the identity (n ≥ 2). */
export function shuffledNotIdentity(n, rng) {
  for (;;) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j], order[i]];
    }
    if (order.some((v, i) => v !== i)) return order;
  }
}
