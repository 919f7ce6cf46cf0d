/**
 * Display formatting of Evaluation figures. Rounds for the eye only: the exact decimal string stays
 * in data-value, and nothing here feeds back into a computation. decimal.js throughout, never floats.
 */
import { D, type Dec } from '../shared/decimal';

export type FigureKind = 'price' | 'money' | 'percent';

/** Prices keep more decimals for small-priced coins so a liquidation price never shows as 0.00. */
function decimalsFor(kind: FigureKind, abs: Dec): number {
  if (kind !== 'price') return 2;
  if (abs.gte(1000)) return 1;
  if (abs.gte(1)) return 2;
  if (abs.isZero()) return 2;
  // Below 1: four significant digits.
  const leadingZeros = -abs.e - 1;
  return leadingZeros + 4;
}

function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "52345.678" → "52,345.7"; "-3.456" (percent) → "-3.46". Returns the input unchanged if it is not a decimal. */
export function formatDecimal(value: string, kind: FigureKind): string {
  let d: Dec;
  try {
    d = new D(value);
  } catch {
    return value;
  }
  if (!d.isFinite()) return value;
  const fixed = d.toFixed(decimalsFor(kind, d.abs()), D.ROUND_HALF_UP);
  const negative = fixed.startsWith('-');
  const unsigned = negative ? fixed.slice(1) : fixed;
  const [intPart = '0', fraction] = unsigned.split('.');
  // "-0.00" after rounding a tiny negative reads as a sign error; drop the sign when the shown value is zero.
  const shownZero = /^[0.]+$/.test(unsigned);
  const sign = negative && !shownZero ? '-' : '';
  return sign + groupThousands(intPart) + (fraction !== undefined ? '.' + fraction : '');
}
