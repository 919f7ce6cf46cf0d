// Hyperliquid's own number formats (tests/sites/README.md: Hyperliquid): prices to 5 significant figures
// (`61,000`, `3,000.5`, `0.12345`), sizes to 5 decimals, USD amounts as `$1,234.56` with the sign before the `$`.
// The shared formats and conversions are common/format.js.
import { mul, round, toPlain } from '/__standin/common/dec.js';
import { asDec, display, MISSING } from '/__standin/common/format.js';

export const NOT_AVAILABLE = 'N/A';
export const SIZE_DECIMALS = 5;
export const USD_DECIMALS = 2;
export const PERCENT_DECIMALS = 2;

/** Price precision: max(0, 5 − integer digits), an integer part 0 counting as none. */
export function pricePrecision(value) {
  const d = asDec(value);
  if (!d) return 0;
  const int = toPlain(d).replace('-', '').split('.')[0].replace(/^0+/, '');
  return Math.max(0, 5 - int.length);
}

/** A price as the page shows it: 5 significant figures' worth of decimals, padded, never rounded. */
export function displayPrice(value, fmt) {
  if (value === null || value === undefined || value === '') return MISSING;
  return display(value, pricePrecision(value), fmt);
}

/** A USD amount: `$1,234.56`, `-$0.12`, `+$10.00` with `plus`; zero unsigned; `--` when missing. */
export function usd(value, fmt, { plus = false } = {}) {
  const text = display(value, USD_DECIMALS, fmt, { plus });
  if (text === MISSING) return MISSING;
  const signChar = text[0] === '-' || text[0] === '+' ? text[0] : '';
  return `${signChar}$${signChar ? text.slice(1) : text}`;
}

/** pct % of `base`, rounded once to `d` decimals (the slider's amount, tests/sites/README.md: unit switching). */
export function percentOf(pct, base, d, price = null) {
  const b = asDec(base);
  if (!b) return null;
  const scaled = mul(b, { n: BigInt(pct), s: 2 });
  if (price === null) return round(scaled, d);
  const p = asDec(price);
  return p ? round(mul(scaled, p), d) : null;
}
