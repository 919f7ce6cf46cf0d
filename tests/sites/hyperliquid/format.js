// Number formats and the unit conversions (tests/sites/README.md: number formats, unit switching). All
// conversions go through dec.js. Hyperliquid shows prices to 5 significant figures (`61,000`, `3,000.5`,
// `0.12345`), sizes to 5 decimals, USD amounts as `$1,234.56` with the sign before the `$`.
import { parseDec, mul, div, round, toPlain, sign } from './dec.js';

export const MISSING = '--';
export const NOT_AVAILABLE = 'N/A';
export const SIZE_DECIMALS = 5;
export const USD_DECIMALS = 2;
export const PERCENT_DECIMALS = 2;

/** Separators for `si-numfmt` (auto ties them to the locale). */
export function numberFormat(locale, numfmt) {
  const comma = numfmt === 'comma' || (numfmt === 'auto' && locale === 'pt-BR');
  return comma ? { group: '.', decimal: ',' } : { group: ',', decimal: '.' };
}

const toDec = (value) => (typeof value === 'string' ? parseDec(value) : value);

/**
 * Display text of a number: padded to `prec` decimals, never rounded; trailing zeros beyond `prec`
 * dropped; grouped. `plus` adds an explicit `+` to positive values. Null/empty → `--`.
 */
export function display(value, prec, fmt, { plus = false } = {}) {
  if (value === null || value === undefined || value === '') return MISSING;
  const d = toDec(value);
  if (!d) return MISSING;
  const plain = toPlain(d);
  let [int, frac = ''] = plain.replace('-', '').split('.');
  int = int.replace(/^0+(?=\d)/, '');
  while (frac.length > prec && frac.endsWith('0')) frac = frac.slice(0, -1);
  frac = frac.padEnd(prec, '0');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, fmt.group);
  const s = sign(d);
  const prefix = s < 0 ? '-' : s > 0 && plus ? '+' : '';
  return prefix + grouped + (frac ? fmt.decimal + frac : '');
}

/** Price precision: max(0, 5 − integer digits), an integer part 0 counting as none. */
export function pricePrecision(value) {
  const d = toDec(value);
  if (!d) return 0;
  const int = toPlain(d).replace('-', '').split('.')[0].replace(/^0+/, '');
  return Math.max(0, 5 - int.length);
}

/** A price as the page shows it: 5 significant figures' worth of decimals, padded, never rounded. */
export function displayPrice(value, fmt) {
  if (value === null || value === undefined || value === '') return MISSING;
  return display(value, pricePrecision(value), fmt);
}

/** Display with a unit after one space, or the bare `--`. */
export function withUnit(value, prec, fmt, unit, opts) {
  const text = display(value, prec, fmt, opts);
  return text === MISSING ? MISSING : `${text} ${unit}`;
}

/** A USD amount: `$1,234.56`, `-$0.12`, `+$10.00` with `plus`; zero unsigned; `--` when missing. */
export function usd(value, fmt, { plus = false } = {}) {
  const text = display(value, USD_DECIMALS, fmt, { plus });
  if (text === MISSING) return MISSING;
  const signChar = text[0] === '-' || text[0] === '+' ? text[0] : '';
  return `${signChar}$${signChar ? text.slice(1) : text}`;
}

/** A given page parameter's number written into an input: digits as given, dot replaced by the page's decimal mark. */
export function givenInputText(value, fmt) {
  return value === '' || value === undefined || value === null ? '' : String(value).replace('.', fmt.decimal);
}

/** A value the page writes itself: ungrouped, page decimal mark, padded to `prec` (never rounded). */
export function pageInputText(value, prec, fmt) {
  if (value === null || value === undefined || value === '') return '';
  return display(value, prec, { group: '', decimal: fmt.decimal });
}

/** Parse an (ungrouped) input text in the page's number format; null when not a plain number. */
export function parseInput(text, fmt) {
  const t = String(text).trim();
  if (t === '' || (fmt.decimal === ',' && t.includes('.'))) return null;
  return parseDec(fmt.decimal === ',' ? t.replace(',', '.') : t);
}

/** Re-express an ungrouped input text after a decimal-mark change (tests/sites/README.md: re-renders with stale copies). */
export function reexpress(text, from, to) {
  if (from.decimal === to.decimal || !/^-?\d*[.,]?\d*$/.test(text)) return text;
  return text.replace(from.decimal, to.decimal);
}

/** base × price, rounded once to `d` decimals; null when either is missing. */
export function baseToQuote(base, price, d) {
  const b = toDec(base);
  const p = toDec(price);
  return b && p ? round(mul(b, p), d) : null;
}

/** quote ÷ price, rounded once to `d` decimals; null when missing or the price is zero. */
export function quoteToBase(quote, price, d) {
  const q = toDec(quote);
  const p = toDec(price);
  return q && p ? div(q, p, d) : null;
}

/** pct % of `base`, rounded once to `d` decimals (the slider's amount, tests/sites/README.md: unit switching). */
export function percentOf(pct, base, d, price = null) {
  const b = toDec(base);
  if (!b) return null;
  const scaled = mul(b, { n: BigInt(pct), s: 2 });
  if (price === null) return round(scaled, d);
  const p = toDec(price);
  return p ? round(mul(scaled, p), d) : null;
}
