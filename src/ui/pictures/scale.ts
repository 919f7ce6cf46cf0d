/**
 * Decimal prices and amounts onto pixels. Which values the axis spans is decided exactly (the ends may
 * be labelled); where a value lands is a pixel, computed in floating point and rounded to a tenth of a
 * pixel: pixels are not money, and no figure is derived from them.
 */
import { compareDecimal } from '../../shared/plain-decimal';

/** Exact ends (decimal strings). */
export interface Range {
  low: string;
  high: string;
}

/** Ends for drawing only (never shown). */
export interface DrawnRange {
  low: number;
  high: number;
}

/** The smallest range holding `range` and every value (decimal strings), exactly. */
export function spanning(range: Range, values: readonly string[]): Range {
  const sorted = [range.low, range.high, ...values].sort(compareDecimal);
  return { low: sorted[0]!, high: sorted[sorted.length - 1]! };
}

/** `range` widened by a share of its span below and above (a flat range by shares of its magnitude, at least 1). */
export function padded(range: Range, below: number, above: number = below): DrawnRange {
  const low = Number(range.low);
  const high = Number(range.high);
  const unit = high === low ? Math.max(Math.abs(low), 1) : high - low;
  return { low: low - unit * below, high: high + unit * above };
}

/**
 * A linear map from `domain` onto the pixels [from, to] (from = the pixel of domain.low). A value
 * outside the domain maps outside [from, to]; a flat domain maps every value to the middle.
 */
export function linearScale(domain: Range | DrawnRange, from: number, to: number): (value: string) => number {
  const low = Number(domain.low);
  const span = Number(domain.high) - low;
  return (value) => {
    const share = span === 0 ? 0.5 : (Number(value) - low) / span;
    return Math.round((from + share * (to - from)) * 10) / 10;
  };
}
