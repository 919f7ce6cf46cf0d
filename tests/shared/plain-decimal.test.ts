import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/shared/decimal';
import { compareDecimal, formatDecimal, negateDecimal, type FigureKind } from '../../src/shared/plain-decimal';
import { FIGURE_DECIMALS } from '../../src/shared/settings';

/** Plain decimal strings as the engine writes them, with leading/trailing zeros and signs mixed in. */
const plainDecimal = fc
  .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,12}$/), fc.option(fc.stringMatching(/^[0-9]{1,14}$/), { nil: undefined }))
  .map(([negative, int, frac]) => `${negative ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`);

/** What formatDecimal must print, written with decimal.js (the engine's arithmetic). */
function reference(value: string, kind: Exclude<FigureKind, 'plain'>, decimals: string): string {
  const d = new D(value);
  const abs = d.abs();
  const auto = kind !== 'price' || abs.isZero() ? 2 : abs.gte(1000) ? 1 : abs.gte(1) ? 2 : -abs.e - 1 + 4;
  const places = kind === 'size' ? d.decimalPlaces() : decimals === 'auto' || kind === 'percent' ? auto : Number(decimals);
  const fixed = d.toFixed(places, D.ROUND_HALF_UP);
  const unsigned = fixed.replace(/^-/, '');
  const [int = '0', frac] = unsigned.split('.');
  const sign = fixed.startsWith('-') && !/^[0.]+$/.test(unsigned) ? '-' : '';
  return sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac === undefined ? '' : `.${frac}`);
}

describe('formatDecimal', () => {
  it('rounds half away from zero and groups thousands', () => {
    expect(formatDecimal('52345.65', 'price')).toBe('52,345.7');
    expect(formatDecimal('1234567.125', 'money')).toBe('1,234,567.13');
    expect(formatDecimal('-3.455', 'percent')).toBe('-3.46');
    expect(formatDecimal('999.995', 'money')).toBe('1,000.00');
  });
  it('keeps four significant digits of prices below 1', () => {
    expect(formatDecimal('0.000123456', 'price')).toBe('0.0001235');
    expect(formatDecimal('12.3456', 'price')).toBe('12.35');
  });
  it('shows a size with the decimals it has, and the user\'s fixed decimals for prices and money', () => {
    expect(formatDecimal('1.500', 'size')).toBe('1.5');
    expect(formatDecimal('52345.65', 'price', '0')).toBe('52,346');
    expect(formatDecimal('-3.455', 'percent', '0')).toBe('-3.46'); // percentages keep their own
  });
  it('never prints a negative zero', () => {
    expect(formatDecimal('-0.001', 'money')).toBe('0.00');
  });
  it('leaves text that is not a plain decimal, and plain figures, as they are', () => {
    expect(formatDecimal('abc', 'money')).toBe('abc');
    expect(formatDecimal('1e5', 'money')).toBe('1e5');
    expect(formatDecimal('0.0040', 'plain')).toBe('0.0040');
  });
  it('prints what decimal.js rounding prints, for every kind and decimals setting', () => {
    const kinds = fc.constantFrom<Exclude<FigureKind, 'plain'>>('price', 'money', 'percent', 'size');
    fc.assert(
      fc.property(plainDecimal, kinds, fc.constantFrom(...FIGURE_DECIMALS), (value, kind, decimals) => {
        expect(formatDecimal(value, kind, decimals)).toBe(reference(value, kind, decimals));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('compareDecimal and negateDecimal', () => {
  it('order and negate exactly as decimal.js does', () => {
    fc.assert(
      fc.property(plainDecimal, plainDecimal, (a, b) => {
        expect(compareDecimal(a, b)).toBe(new D(a).comparedTo(b));
        expect(new D(negateDecimal(a)).eq(new D(a).neg())).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(negateDecimal('-0.00')).toBe('0.00');
    expect(negateDecimal('0')).toBe('0');
  });
  it('refuse a string that is not a plain decimal', () => {
    expect(() => compareDecimal('1e3', '1')).toThrow();
    expect(() => negateDecimal('NaN')).toThrow();
  });
});
