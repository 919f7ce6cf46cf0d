// Number formats and the unit conversions (tests/sites/README.md: number formats, unit switching). All
// conversions go through dec.js.
import { parseDec, mul, div, round, toPlain, sign } from './dec.js';

export const MISSING = '--';

/** Separators for `si-numfmt` (auto ties them to the locale). */
export function numberFormat(locale, numfmt) {
  const comma = numfmt === 'comma' || (numfmt === 'auto' && locale === 'pt-BR');
  return comma ? { group: '.', decimal: ',' } : { group: ',', decimal: '.' };
}

/**
 * Display text of a dot-decimal number string: padded to `prec` decimals, never rounded; trailing zeros
 * beyond `prec` dropped; grouped. `plus` adds an explicit `+` to positive values. Null/empty → `--`.
 */
export function display(value, prec, fmt, { plus = false } = {}) {
  if (value === null || value === undefined || value === '') return MISSING;
  const d = typeof value === 'string' ? parseDec(value) : value;
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

/** a × b, rounded once to `d` decimals, half away from zero; null when either is missing. */
export function times(a, b, d) {
  const x = typeof a === 'string' ? parseDec(a) : a;
  const y = typeof b === 'string' ? parseDec(b) : b;
  return x && y ? round(mul(x, y), d) : null;
}

/** a ÷ b, rounded once to `d` decimals; null when missing or b is zero. */
export function over(a, b, d) {
  const x = typeof a === 'string' ? parseDec(a) : a;
  const y = typeof b === 'string' ? parseDec(b) : b;
  return x && y ? div(x, y, d) : null;
}

/** The absolute value of a decimal. */
export const abs = (a) => (a.n < 0n ? { n: -a.n, s: a.s } : a);
