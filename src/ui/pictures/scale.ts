/**
 * Decimal prices and amounts onto pixels. The mapping is done in decimals (the one `D`); only the
 * resulting pixel becomes a number, rounded to a tenth of a pixel: pixels are not money.
 */
import { D, type Dec } from '../../shared/decimal';

export interface Range {
  low: string;
  high: string;
}

/** The smallest range holding `range` and every value (decimal strings). */
export function spanning(range: Range, values: readonly string[]): Range {
  const all = [range.low, range.high, ...values].map((v) => new D(v));
  return { low: D.min(...all).toFixed(), high: D.max(...all).toFixed() };
}

/** `range` widened by a share of its span below and above (a flat range by shares of its magnitude, at least 1). */
export function padded(range: Range, below: string, above: string = below): Range {
  const low = new D(range.low);
  const high = new D(range.high);
  const span = high.minus(low);
  const unit = span.isZero() ? D.max(low.abs(), new D(1)) : span;
  return { low: low.minus(unit.times(below)).toFixed(), high: high.plus(unit.times(above)).toFixed() };
}

/**
 * A linear map from `domain` onto the pixels [from, to] (from = the pixel of domain.low). A value
 * outside the domain maps outside [from, to]; a flat domain maps every value to the middle.
 */
export function linearScale(domain: Range, from: number, to: number): (value: string | Dec) => number {
  const low = new D(domain.low);
  const span = new D(domain.high).minus(low);
  const start = new D(from);
  const length = new D(to).minus(from);
  return (value) => {
    const share = span.isZero() ? new D('0.5') : new D(value).minus(low).div(span);
    return start.plus(share.times(length)).toDecimalPlaces(1).toNumber();
  };
}
