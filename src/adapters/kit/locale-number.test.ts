import { describe, expect, it } from 'vitest';
import { decideFormat, expectedFormat, parseDisplayNumber, parseInputNumber } from './locale-number';

const display = (text: string) => ({ text, grouped: true });
const input = (text: string) => ({ text, grouped: false });

describe('expectedFormat', () => {
  it('maps the site-file locales, case-insensitively', () => {
    expect(expectedFormat('en')).toBe('dot');
    expect(expectedFormat('en-IN')).toBe('dot');
    expect(expectedFormat('zh-CN')).toBe('dot');
    expect(expectedFormat('pt-BR')).toBe('comma');
    expect(expectedFormat('PT-br')).toBe('comma');
    expect(expectedFormat('fr')).toBeNull();
  });
});

describe('decideFormat', () => {
  it('agrees with the language when the page confirms it', () => {
    expect(decideFormat('en', [display('61,000.5')])).toEqual({ status: 'read', format: 'dot' });
    expect(decideFormat('pt-BR', [display('8.000,00')])).toEqual({ status: 'read', format: 'comma' });
  });
  it('uses the language when no number is decisive', () => {
    // "8,000" and "8.000" could be either; integers say nothing.
    expect(decideFormat('pt-BR', [display('8.000'), input('61000')])).toEqual({ status: 'read', format: 'comma' });
    expect(decideFormat('en', [])).toEqual({ status: 'read', format: 'dot' });
  });
  it('treats a single separator in an input as the decimal mark (inputs are never grouped)', () => {
    expect(decideFormat('pt-BR', [input('0.010')]).status).toBe('ambiguous');
    expect(decideFormat('pt-BR', [input('0,010')])).toEqual({ status: 'read', format: 'comma' });
  });
  it('reads decisive single separators in display values', () => {
    expect(decideFormat('fr', [display('0.500')])).toEqual({ status: 'read', format: 'dot' });
    expect(decideFormat('fr', [display('0,52')])).toEqual({ status: 'read', format: 'comma' });
    expect(decideFormat('fr', [display('1,000,000')])).toEqual({ status: 'read', format: 'dot' });
    expect(decideFormat('fr', [display('61000.5')])).toEqual({ status: 'read', format: 'dot' });
  });
  it('is ambiguous when the page disagrees with the language, mixes formats, or nothing decides', () => {
    expect(decideFormat('pt-BR', [display('61,000.5')]).status).toBe('ambiguous');
    expect(decideFormat('en', [display('61,000.5'), display('8.000,00')]).status).toBe('ambiguous');
    expect(decideFormat('fr', [display('8,000')]).status).toBe('ambiguous');
  });
});

describe('parseDisplayNumber', () => {
  it.each([
    ['61,000.5', 'dot', '61000.5'],
    ['61.000,5', 'comma', '61000.5'],
    ['8,000.00', 'dot', '8000.00'],
    ['1,234,567.891', 'dot', '1234567.891'],
    ['-0.300', 'dot', '-0.300'],
    ['+45.60', 'dot', '45.60'],
    ['+45,60', 'comma', '45.60'],
    ['0', 'dot', '0'],
    ['61000.5', 'dot', '61000.5'],
  ] as const)('%s (%s) → %s', (text, format, expected) => {
    expect(parseDisplayNumber(text, format)).toBe(expected);
  });
  it.each([
    ['61,00.5', 'dot'],
    ['61.000,5', 'dot'],
    ['1,2345', 'dot'],
    ['--', 'dot'],
    ['', 'dot'],
    ['1.5.5', 'dot'],
    ['12a', 'dot'],
    ['1e5', 'dot'],
    ['.5', 'dot'],
    ['61,000.5', 'comma'],
  ] as const)('rejects %s (%s)', (text, format) => {
    expect(parseDisplayNumber(text, format)).toBeNull();
  });
});

describe('parseInputNumber', () => {
  it.each([
    ['61000.5', 'dot', '61000.5'],
    ['61000,5', 'comma', '61000.5'],
    ['.5', 'dot', '0.5'],
    ['5.', 'dot', '5'],
    ['0.010', 'dot', '0.010'],
  ] as const)('%s (%s) → %s', (text, format, expected) => {
    expect(parseInputNumber(text, format)).toBe(expected);
  });
  it.each([
    ['61,000.5', 'dot'],
    ['61000.5', 'comma'],
    ['-5', 'dot'],
    ['.', 'dot'],
    ['', 'dot'],
    ['abc', 'dot'],
  ] as const)('rejects %s (%s)', (text, format) => {
    expect(parseInputNumber(text, format)).toBeNull();
  });
});
