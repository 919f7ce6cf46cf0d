// The Binance stand-in's randomised hooks (tests/sites/README.md: stable and randomised hooks), drawn from the
// shared seeded streams (common/rng.js).

/** Emotion-style hashed class, e.g. `css-1x9abc`. */
export const cssClass = (rng) => `css-${rng.chars(6)}`;

/** Numeric id suffix, e.g. the 37 in `limitPrice-37`. Wide range so two seeds practically never agree. */
export const idSuffix = (rng) => String(rng.int(1, 999999));
