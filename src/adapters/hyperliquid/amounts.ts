/**
 * The page's amount texts (README: Numbers): `8,000.00 USDC` and `-0.50000 ETH` (a number and its unit),
 * USD amounts `$1,234.56`, `-$0.12`, `+$10.00` (the sign before the `$`), and `--` for a value the page
 * does not know. Strings only: the number inside is parsed once the page's format is decided.
 */
import type { NumText } from '../kit/fields';
import { amountWithUnit, type Amount } from '../kit/values';
import { AMOUNT_WITH_UNIT_RE, USD_RE } from './selectors';

/** A number with its unit, or null. */
export const parseAmount = (text: string): Amount | null => amountWithUnit(AMOUNT_WITH_UNIT_RE, text);

/** A USD amount as a signed number text (`-$0.12` → `-0.12`), or null. */
export function parseUsd(text: string): NumText | null {
  const m = USD_RE.exec(text);
  return m === null ? null : { text: `${m[1] === '-' ? '-' : ''}${m[2] as string}`, grouped: true };
}

/** Plain decimal strings (`-12.5`, `10000.00`) as scaled integers. */
function scaled(value: string): { n: bigint; s: number } | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (m === null) return null;
  const fraction = m[3] ?? '';
  const n = BigInt(`${m[2] as string}${fraction}`);
  return { n: m[1] === '-' ? -n : n, s: fraction.length };
}

function plain(n: bigint, s: number): string {
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(s + 1, '0');
  const int = digits.slice(0, digits.length - s);
  const fraction = digits.slice(digits.length - s);
  return `${negative ? '-' : ''}${int}${s > 0 ? `.${fraction}` : ''}`;
}

/** a + b exactly, for two plain decimal strings (the account value is Balance + Unrealized PNL); null if either is not one. */
export function addPlain(a: string, b: string): string | null {
  const x = scaled(a);
  const y = scaled(b);
  if (x === null || y === null) return null;
  const s = Math.max(x.s, y.s);
  return plain(x.n * 10n ** BigInt(s - x.s) + y.n * 10n ** BigInt(s - y.s), s);
}

/** Whether two plain decimal strings are the same number (`0.50000` = `0.5`, `-0` = `0`). */
export function sameNumber(a: string, b: string): boolean {
  const x = scaled(a);
  const y = scaled(b);
  if (x === null || y === null) return false;
  const s = Math.max(x.s, y.s);
  return x.n * 10n ** BigInt(s - x.s) === y.n * 10n ** BigInt(s - y.s);
}
