// Seeded PRNG (mulberry32) and the hiding methods every stand-in shares (tests/sites/README.md: stable and
// randomised hooks, visibility). Each venue's own randomised hooks (its class style, ids) are drawn from these
// streams in its folder's prng.js / rng.js.

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

/** React useId-style auto id: `_r_4o_` or `:r1:`. */
export function autoId(rng) {
  const n = rng.int(0, 36 ** 3).toString(32);
  return rng() < 0.5 ? `_r_${n}_` : `:r${n}:`;
}

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
