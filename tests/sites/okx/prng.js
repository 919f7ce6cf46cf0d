// The OKX stand-in's randomised hooks (tests/sites/README.md: stable and randomised hooks), drawn from the shared
// seeded streams (common/rng.js): CSS-module classes in the OKX style (`index_wrap__H4sh5`) and React auto ids
// (`_r_4o_`).

const HASH_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const MODULE_NAMES = ['wrap', 'box', 'row', 'item', 'cell', 'content', 'inner', 'main', 'panel', 'line', 'group', 'block'];

/** CSS-module class, e.g. `index_wrap__Q1x9a` (the name may be given, the hash never is). */
export const moduleClass = (rng, name = rng.pick(MODULE_NAMES)) => `index_${name}__${rng.chars(5, HASH_ALPHABET)}`;

/** React useId-style auto id, e.g. `_r_4o_` (never the `:r1:` form). */
export const autoId = (rng) => `_r_${rng.int(0, 36 ** 3).toString(36)}_`;

// Table structure elements keep their own classes only (the row hook is a bare class list).
const PLAIN_TAGS = ['tr', 'td', 'th', 'thead', 'tbody', 'table', 'input', 'span'];

/** The randomised classes of one element (common/dom.js): most elements get a fresh CSS-module class. */
export const noiseClass = (rng, tag) => (!PLAIN_TAGS.includes(tag) && rng() < 0.85 ? moduleClass(rng) : '');
