/**
 * Exact operations on plain decimal strings ("-1234.5600": no exponent, no grouping) that the panel and
 * the pictures need: showing a value rounded for the eye, comparing, negating. Written on BigInt rather
 * than decimal.js so the content script, which every exchange page parses, does not carry decimal.js
 * (README: Speed). The engine and the background compute with `D`; nothing here computes a figure.
 */
import type { FigureDecimals } from './settings';

/** Plain decimal string: no exponent, no grouping, '.' as the mark, optional leading '-'. */
export const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** plain: shown as the engine wrote it (tier labels, flags, maintenance rates as fractions). */
/** size: an order size in base units, shown as computed (already on the size step). */
export type FigureKind = 'price' | 'money' | 'percent' | 'plain' | 'size';

interface Parts {
  negative: boolean;
  /** Integer digits without leading zeros ("0" for none). */
  int: string;
  /** Fraction digits as written (may end in zeros). */
  frac: string;
}

function parts(value: string): Parts | null {
  if (!PLAIN_DECIMAL.test(value)) return null;
  const negative = value.startsWith('-');
  const [int = '0', frac = ''] = (negative ? value.slice(1) : value).split('.');
  return { negative, int: int.replace(/^0+(?=\d)/, ''), frac };
}

const isZero = (p: Parts) => /^0*$/.test(p.int + p.frac);

/** The value scaled to `places` fraction digits, as an integer (digits beyond are cut, not rounded). */
function scaled(p: Parts, places: number): bigint {
  const magnitude = BigInt(p.int + p.frac.padEnd(places, '0').slice(0, places));
  return p.negative ? -magnitude : magnitude;
}

/** a < b → -1, a = b → 0, a > b → 1 (both plain decimal strings). */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const pa = parts(a);
  const pb = parts(b);
  if (!pa || !pb) throw new Error(`not a plain decimal: ${pa ? b : a}`);
  const places = Math.max(pa.frac.length, pb.frac.length);
  const x = scaled(pa, places);
  const y = scaled(pb, places);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** −value, exactly ("0" stays "0"). */
export function negateDecimal(value: string): string {
  const p = parts(value);
  if (!p) throw new Error(`not a plain decimal: ${value}`);
  if (isZero(p)) return value.replace(/^-/, '');
  return p.negative ? value.slice(1) : `-${value}`;
}

/** Prices keep more decimals for small-priced coins so a liquidation price never shows as 0.00. */
function autoPlaces(kind: 'price' | 'money' | 'percent', p: Parts): number {
  if (kind !== 'price' || isZero(p)) return 2;
  if (p.int.length >= 4) return 1;
  if (p.int !== '0') return 2;
  // Below 1: four significant digits.
  const leadingZeros = /^0*/.exec(p.frac)![0].length;
  return leadingZeros + 4;
}

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `p` rounded to `places` decimals (halves away from zero), grouped by thousands. */
function withPlaces(p: Parts, places: number): string {
  let magnitude = BigInt(p.int + p.frac.padEnd(places, '0').slice(0, places));
  if ((p.frac[places] ?? '0') >= '5') magnitude += 1n;
  const digits = magnitude.toString().padStart(places + 1, '0');
  const intPart = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  // "-0.00" after rounding a tiny negative reads as a sign error: no sign when the shown value is zero.
  const sign = p.negative && magnitude !== 0n ? '-' : '';
  return sign + groupThousands(intPart) + (places > 0 ? `.${fraction}` : '');
}

/** `value` rounded to exactly `places` decimals, as formatDecimal shows it; the input unchanged if it is not a plain decimal. */
export function formatWithPlaces(value: string, places: number): string {
  const p = parts(value);
  return p ? withPlaces(p, places) : value;
}

/**
 * "52345.678" → "52,345.7"; "-3.456" (percent) → "-3.46"; halves round away from zero. `decimals`: the
 * user's fixed number of decimals for prices and money ('auto' = by size). Returns the input unchanged
 * if it is not a plain decimal.
 */
export function formatDecimal(value: string, kind: FigureKind, decimals: FigureDecimals = 'auto'): string {
  if (kind === 'plain') return value;
  const p = parts(value);
  if (!p) return value;
  const places =
    kind === 'size' ? p.frac.replace(/0+$/, '').length : decimals === 'auto' || kind === 'percent' ? autoPlaces(kind, p) : Number(decimals);
  return withPlaces(p, places);
}
