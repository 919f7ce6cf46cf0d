import { describe, expect, it } from 'vitest';
import { evaluateOrder } from '../../src/engine/order';
import { computeVector } from '../../src/engine/vector';
import type { OrderScenario } from '../../src/contracts/evaluation';
import { btcOrder } from './fixtures';

/**
 * The engine's numbers are plain decimal strings: an optional '-', at most 40 digits before and 40
 * after the point. Anything else is a field error naming the field ('input.notDecimal'), never a
 * number read some other way (decimal.js alone would read '0x10' as 16, and try to write out
 * '1e9000000000000000' digit by digit).
 */

const digits = (n: number, d = '7') => d.repeat(n);

const REJECTED: [label: string, value: unknown][] = [
  ['hexadecimal', '0x10'],
  ['binary', '0b11'],
  ['octal', '0o7'],
  ['an exponent', '1e400'],
  ['a huge exponent', '1e9000000000000000'],
  ['an upper-case signed exponent', '1E+2'],
  ['a small exponent', '5e-1'],
  ['a leading +', '+5'],
  ['a leading space', ' 5'],
  ['a trailing space', '5 '],
  ['a decimal comma', '1,5'],
  ['grouping', '1,000'],
  ['a bare point', '5.'],
  ['no integer part', '.5'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['a JSON number', 16],
  ['a JSON number with a fraction', 0.5],
  ['41 integer digits', digits(41)],
  ['41 fraction digits', `1.${digits(41)}`],
  ['41 digits on both sides', `${digits(41)}.${digits(41)}`],
];

const ACCEPTED = ['5', '0.5', '-5', '61000.25', digits(40), `1.${digits(40)}`, `${digits(40)}.${digits(40)}`];

/** A field of an order scenario set to a value (the types say string; a page or a caller may send anything). */
type Setter = (sc: OrderScenario, v: unknown) => void;
const ORDER_FIELDS: [field: string, set: Setter][] = [
  ['order.price', (sc, v) => { sc.order.price = v as string; }],
  ['order.quantity', (sc, v) => { sc.order.quantity = v as string; }],
  ['market.markPrice', (sc, v) => { sc.market.markPrice = v as string; }],
  ['account.cross.walletBalance', (sc, v) => { sc.account.cross!.walletBalance = v as string; }],
  ['account.existing[0].size', (sc, v) => { sc.account.existing = [{ side: 'long', size: v as string, entryPrice: '60000', mode: 'cross' }]; }],
  ['order.stopLoss', (sc, v) => { sc.order.stopLoss = v as string; }],
  ['limits.maxLoss', (sc, v) => { sc.limits = { maxLoss: v as string }; }],
];

describe('decimal input: evaluateOrder', () => {
  for (const [field, set] of ORDER_FIELDS) {
    it.each(REJECTED)(`${field}: rejects %s`, (_label, value) => {
      const sc = btcOrder();
      set(sc, value);
      expect(evaluateOrder(sc)).toEqual({ error: { field, reason: { code: 'input.notDecimal', params: { field } } } });
    });
  }

  it('an empty required field is missing, named by its field', () => {
    const sc = btcOrder({ order: { price: '' } });
    expect(evaluateOrder(sc)).toEqual({ error: { field: 'order.price', reason: { code: 'input.missing', params: { field: 'order.price' } } } });
  });

  it.each(ACCEPTED)('accepts %s where the sign allows it', (value) => {
    // The wallet balance may be any decimal (even negative); the limit must be positive.
    const sc = btcOrder({ account: { cross: { walletBalance: value, otherPositions: [] } } });
    expect(evaluateOrder(sc)).not.toHaveProperty('error');
    if (value.startsWith('-')) return;
    const limited = btcOrder({ top: { limits: { maxLoss: value } } });
    expect(evaluateOrder(limited)).not.toHaveProperty('error');
  });

  it('accepts a 40-digit fraction as a rate', () => {
    expect(evaluateOrder(btcOrder({ market: { takerRate: `0.${'0'.repeat(39)}1` } }))).not.toHaveProperty('error');
  });
});

/** A golden-schema position with one field replaced. */
function vector(path: 'position.quantity' | 'position.entryPrice' | 'collateral.walletBalance' | 'maintenance.rate', value: unknown) {
  const v = {
    venue: 'binance',
    mode: 'cross',
    position: { side: 'long', quantity: '1', entryPrice: '60000', leverage: '10' } as Record<string, unknown>,
    collateral: { walletBalance: '10000' } as Record<string, unknown>,
    maintenance: { rate: '0.004' } as Record<string, unknown>,
  };
  const [top, key] = path.split('.') as ['position' | 'collateral' | 'maintenance', string];
  v[top][key] = value;
  return v;
}

describe('decimal input: computeVector', () => {
  const fields = ['position.quantity', 'position.entryPrice', 'collateral.walletBalance', 'maintenance.rate'] as const;
  for (const field of fields) {
    it.each([...REJECTED, ['an empty string', '']])(`${field}: rejects %s`, (_label, value) => {
      expect(computeVector(vector(field, value))).toEqual({ error: { field, reason: { code: 'input.notDecimal', params: { field } } } });
    });
  }

  it('rejects a non-decimal in a tier row, naming the table', () => {
    const out = computeVector({ venue: 'binance', kind: 'tierLookup', lookup: { value: '100' }, maintenance: { tiers: [{ tier: '1', floor: '0', rate: '0x10' }] } });
    expect(out).toMatchObject({ error: { field: 'maintenance.tiers', reason: { code: 'tiers.badNumber', params: { tier: '1', field: 'rate' } } } });
  });

  it.each(ACCEPTED)('accepts %s as a wallet balance', (value) => {
    const out = computeVector(vector('collateral.walletBalance', value));
    expect(out).not.toHaveProperty('error');
  });

  it('accepts 40 digits on each side of a quantity and a rate', () => {
    expect(computeVector(vector('position.quantity', `${digits(40, '1')}.${digits(40, '1')}`))).not.toHaveProperty('error');
    expect(computeVector(vector('maintenance.rate', `0.${digits(40, '1')}`))).not.toHaveProperty('error');
  });
});
