import { describe, expect, it } from 'vitest';
import { formatDecimal } from './format';

describe('formatDecimal', () => {
  it('rounds half up and groups thousands', () => {
    expect(formatDecimal('52345.65', 'price')).toBe('52,345.7');
    expect(formatDecimal('1234567.125', 'money')).toBe('1,234,567.13');
    expect(formatDecimal('-3.455', 'percent')).toBe('-3.46');
  });
  it('keeps significant digits of prices below 1', () => {
    expect(formatDecimal('0.000123456', 'price')).toBe('0.0001235');
    expect(formatDecimal('12.3456', 'price')).toBe('12.35');
  });
  it('never prints a negative zero', () => {
    expect(formatDecimal('-0.001', 'money')).toBe('0.00');
  });
  it('leaves text that is not a decimal as it is', () => {
    expect(formatDecimal('abc', 'money')).toBe('abc');
  });
});
