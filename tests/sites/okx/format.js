// Number formats and the unit conversions (tests/sites/README.md: number formats, unit switching). Every
// conversion goes through dec.js and is rounded once, half away from zero.
import { parseDec, mul, div, round, toPlain, sign } from './dec.js';

export const MISSING = '--';

/** Separators for `si-numfmt` (auto ties them to the locale). */
export function numberFormat(locale, numfmt) {
  const comma = numfmt === 'comma' || (numfmt === 'auto' && locale === 'pt-BR');
  return comma ? { group: '.', decimal: ',' } : { group: ',', decimal: '.' };
}

const asDec = (v) => (v === null || v === undefined || v === '' ? null : typeof v === 'string' ? parseDec(v) : v);

/**
 * Display text of a number: padded to `prec` decimals, never rounded; trailing zeros beyond `prec` dropped;
 * grouped. `plus` adds an explicit `+` to positive values. Null/empty → `--`.
 */
export function display(value, prec, fmt, { plus = false } = {}) {
  const d = asDec(value);
  if (!d) return MISSING;
  const plain = toPlain(d);
  let [int, frac = ''] = plain.replace('-', '').split('.');
  int = int.replace(/^0+(?=\d)/, '');
  while (frac.length > prec && frac.endsWith('0')) frac = frac.slice(0, -1);
  frac = frac.padEnd(prec, '0');
  const grouped = fmt.group ? int.replace(/\B(?=(\d{3})+(?!\d))/g, fmt.group) : int;
  const s = sign(d);
  const prefix = s < 0 ? '-' : s > 0 && plus ? '+' : '';
  return prefix + grouped + (frac ? fmt.decimal + frac : '');
}

/** Display with a unit after one space, or the bare `--`. */
export function withUnit(value, prec, fmt, unit, opts) {
  const text = display(value, prec, fmt, opts);
  return text === MISSING ? MISSING : `${text} ${unit}`;
}

/** A given page parameter's number written into an input: digits as given, dot replaced by the page's decimal mark. */
export function givenInputText(value, fmt) {
  return value === '' || value === undefined || value === null ? '' : String(value).replace('.', fmt.decimal);
}

/** A value the page writes itself: ungrouped, page decimal mark, padded to `prec` (never rounded). */
export function pageInputText(value, prec, fmt) {
  const d = asDec(value);
  return d ? display(d, prec, { group: '', decimal: fmt.decimal }) : '';
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

export { mul, round, parseDec, div };
