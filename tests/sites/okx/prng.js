// Seeded PRNG (mulberry32) and the randomised hooks built from it (tests/sites/README.md: stable and randomised
// hooks): CSS-module classes in the OKX style (`index_wrap__H4sh5`) and React auto ids (`_r_4o_`).

/** Hash any seed string into a 32-bit state (FNV-1a). */
function hashSeed(seed) {
  let h = 0x811c9dc5;
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A random stream: `rng()` returns a float in [0, 1). `stream` separates independent uses of one seed. */
export function createRng(seed, stream = '') {
  let a = hashSeed(`${seed}/${stream}`);
  const rng = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  rng.int = (min, max) => min + Math.floor(rng() * (max - min + 1));
  rng.pick = (list) => list[Math.floor(rng() * list.length)];
  rng.chars = (n, alphabet = '0123456789abcdefghijklmnopqrstuvwxyz') => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(rng() * alphabet.length)];
    return s;
  };
  /** A seeded shuffle (Fisher–Yates) of a copy of `list`. */
  rng.shuffle = (list) => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return rng;
}

/** A fresh seed when the page parameters give none. */
export function randomSeed() {
  return String(crypto.getRandomValues(new Uint32Array(1))[0]);
}

const HASH_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const MODULE_NAMES = ['wrap', 'box', 'row', 'item', 'cell', 'content', 'inner', 'main', 'panel', 'line', 'group', 'block'];

/** CSS-module class, e.g. `index_wrap__Q1x9a` (the name may be given, the hash never is). */
export const moduleClass = (rng, name = rng.pick(MODULE_NAMES)) => `index_${name}__${rng.chars(5, HASH_ALPHABET)}`;

/** React useId-style auto id, e.g. `_r_4o_`. */
export const autoId = (rng) => `_r_${rng.int(0, 36 ** 3).toString(36)}_`;

/** The four hiding methods (tests/sites/README.md: visibility), in `si-stalehide` spelling. */
export const HIDE_METHODS = ['display', 'hidden', 'aria', 'visibility'];

/** Hide `el` by `method` ('rand' draws one); returns the method used. */
export function hideElement(el, method, rng) {
  const m = method === 'rand' ? rng.pick(HIDE_METHODS) : method;
  if (m === 'display') el.style.display = 'none';
  else if (m === 'hidden') el.hidden = true;
  else if (m === 'aria') el.setAttribute('aria-hidden', 'true');
  else el.style.visibility = 'hidden';
  return m;
}
