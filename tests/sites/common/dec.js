// Exact decimal arithmetic on BigInt-scaled integers: value = n / 10^s. Used for the only numbers a stand-in
// derives (unit conversions, position values, balance defaults; tests/sites/README.md: nothing computed), so no
// float ever reaches a page.

const pow10 = (k) => 10n ** BigInt(k);

/** Parse a dot-decimal string ("61000.5", "-3", ".5"); null when it is not a plain number. */
export function parseDec(text) {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(String(text).trim());
  if (!m || (m[2] === '' && !m[3])) return null;
  const frac = m[3] ?? '';
  const n = BigInt((m[2] || '0') + frac);
  return { n: m[1] === '-' ? -n : n, s: frac.length };
}

function rescale(a, s) {
  return { n: a.n * pow10(s - a.s), s };
}

export function add(a, b) {
  const s = Math.max(a.s, b.s);
  return { n: rescale(a, s).n + rescale(b, s).n, s };
}

export function mul(a, b) {
  return { n: a.n * b.n, s: a.s + b.s };
}

/** Integer division rounded half away from zero. */
function divRound(num, den) {
  const neg = (num < 0n) !== (den < 0n);
  const an = num < 0n ? -num : num;
  const ad = den < 0n ? -den : den;
  let q = an / ad;
  if ((an % ad) * 2n >= ad) q += 1n;
  return neg ? -q : q;
}

/** Round to `d` decimals, half away from zero. */
export function round(a, d) {
  if (a.s <= d) return rescale(a, d);
  return { n: divRound(a.n, pow10(a.s - d)), s: d };
}

/** a ÷ b rounded half away from zero to `d` decimals; null when b is zero. */
export function div(a, b, d) {
  if (b.n === 0n) return null;
  return { n: divRound(a.n * pow10(b.s + d), b.n * pow10(a.s)), s: d };
}

export const sign = (a) => (a.n > 0n ? 1 : a.n < 0n ? -1 : 0);

/** Plain dot-decimal string with exactly `a.s` decimals. */
export function toPlain(a) {
  const neg = a.n < 0n;
  const digits = (neg ? -a.n : a.n).toString().padStart(a.s + 1, '0');
  const int = digits.slice(0, digits.length - a.s);
  const frac = digits.slice(digits.length - a.s);
  return (neg ? '-' : '') + int + (a.s > 0 ? '.' + frac : '');
}
