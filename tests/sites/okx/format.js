// OKX's own unit conversions (tests/sites/README.md: OKX hooks): contracts, coin and quote, each step exact and
// rounded once at the end. The shared formats are common/format.js.
import { mul, div } from '/__standin/common/dec.js';
import { asDec } from '/__standin/common/format.js';

/** Decimals a converted size is rounded to: contracts and quote 2, coin 8 (tests/sites/README.md: OKX hooks). */
export const CONVERSION_DECIMALS = { contracts: 2, quote: 2, base: 8 };

/** A base-unit amount in `unit` ('base' | 'contracts' | 'quote'), rounded once; null when something it needs is missing. */
export const fromBase = (base, unit, ctx) => convert(base, 'base', unit, ctx);

/** Convert an amount between units (each step exact), rounded once at the end to the target's conversion precision. */
export function convert(amount, from, to, { ctval, price }) {
  const a = asDec(amount);
  if (!a) return null;
  if (from === to) return a;
  const c = asDec(ctval);
  const p = asDec(price);
  const d = CONVERSION_DECIMALS[to];
  // Coin per unit of `from`, as a fraction num / den.
  let num;
  let den = { n: 1n, s: 0 };
  if (from === 'base') num = a;
  else if (from === 'contracts') { if (!c) return null; num = mul(a, c); }
  else { if (!p) return null; num = a; den = p; }
  if (to === 'base') return div(num, den, d);
  if (to === 'contracts') return c ? div(num, mul(den, c), d) : null;
  return p ? div(mul(num, p), den, d) : null;
}
