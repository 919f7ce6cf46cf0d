// The Hyperliquid stand-in's randomised hooks (tests/sites/README.md: stable and randomised hooks), drawn from
// the shared seeded streams (common/rng.js): styled-components classes (`sc-aBcDe fGhIj`), as the Hyperliquid
// app uses them.

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** styled-components classes: the component id `sc-aBcDe` and the style hash `fGhIj`, e.g. `sc-hTBuwn dnPbCd`. */
export const scClasses = (rng) => `sc-${rng.chars(6, LETTERS)} ${rng.chars(6, LETTERS)}`;

/** The odd random 6-letter id the app carries somewhere (e.g. `grbokk`). */
export const oddId = (rng) => rng.chars(6, 'abcdefghijklmnopqrstuvwxyz');
