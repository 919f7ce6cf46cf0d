// Number formats and the unit conversions every stand-in shares (tests/sites/README.md: number formats, unit
// switching). All conversions go through dec.js and are rounded once, half away from zero; a venue's own
// formats (precisions, currency signs) live in its folder's format.js.
import { parseDec, mul, div, round, toPlain, sign } from './dec.js';

export const MISSING = '--';

/** Separators for `si-numfmt` (auto ties them to the locale). */
export function numberFormat(locale, numfmt) {
  const comma = numfmt === 'comma' || (numfmt === 'auto' && locale === 'pt-BR');
  return comma ? { group: '.', decimal: ',' } : { group: ',', decimal: '.' };
}

/** A decimal from a dot-decimal string or a decimal; null when missing or not a plain number. */
export const asDec = (v) => (v === null || v === undefined || v === '' ? null : typeof v === 'string' ? parseDec(v) : v);

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

/**
 * The form's input texts re-expressed after a decimal-mark change (tests/sites/README.md: re-renders with stale
 * copies); `percent` also re-expresses a quantity such as `2.5%` (a page with a percent unit).
 */
export function reexpressValues(values, from, to, { percent = false } = {}) {
  const plain = percent ? /^-?\d*[.,]?\d*%?$/ : /^-?\d*[.,]?\d*$/;
  const re = (text) => (from.decimal === to.decimal || !plain.test(text) ? text : text.replace(from.decimal, to.decimal));
  return { ...values, price: re(values.price), qty: re(values.qty), tp: re(values.tp), sl: re(values.sl) };
}

/** a × b, rounded once to `d` decimals; null when either is missing. */
export function times(a, b, d) {
  const x = asDec(a);
  const y = asDec(b);
  return x && y ? round(mul(x, y), d) : null;
}

/** a ÷ b, rounded once to `d` decimals; null when either is missing or b is zero. */
export function over(a, b, d) {
  const x = asDec(a);
  const y = asDec(b);
  return x && y ? div(x, y, d) : null;
}
