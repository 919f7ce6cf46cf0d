import { describe, expect, it } from 'vitest';
import { D } from '../../src/shared/decimal';
import { evaluateOrder } from '../../src/engine/order';
import { computeScenario } from '../../src/engine/scenario-result';
import type { Evaluation, Figure, ModeFigures } from '../../src/engine/evaluation';
import { bundledTable } from '../../src/engine/bundled-tables';
import { btcOrder } from './fixtures';

function ok(result: ReturnType<typeof evaluateOrder>): Evaluation {
  if ('error' in result) throw new Error(`${result.error.field}: ${result.error.message}`);
  return result;
}
const num = (f: Figure) => {
  if (f.kind !== 'value') throw new Error(`expected a value, got ${JSON.stringify(f)}`);
  return new D(f.value);
};
const side = (e: Evaluation, s: 'long' | 'short') => e.sides.find((x) => x.side === s)!;
const table = bundledTable('binance', 'BTCUSDT')!;

describe('evaluateOrder', () => {
  it('prices a new isolated position exactly like the canonical schema does', () => {
    const e = ok(evaluateOrder(btcOrder()));
    const iso = side(e, 'long').isolated;
    const canonical = computeScenario({
      venue: 'binance', mode: 'isolated',
      position: { side: 'long', quantity: '0.5', entryPrice: '61000', markPrice: '61000', leverage: '20' },
      maintenance: { tiers: table.tiers },
    });
    if ('error' in canonical) throw new Error(canonical.error.message);
    expect(num(iso.liquidationPrice).toFixed()).toBe(canonical.liquidationPrice);
    expect(num(iso.initialMargin).toFixed()).toBe('1525');
    expect(num(iso.openFee).toFixed()).toBe('15.25');
    // Isolated worst case: the margin allocated plus the fee to open.
    expect(num(iso.worstCaseLoss).toFixed()).toBe('1540.25');
    expect(num(iso.worstCaseLossPct).toFixed()).toBe('15.4025');
  });

  it('puts cross liquidation farther away but risks the whole balance', () => {
    const e = ok(evaluateOrder(btcOrder()));
    for (const s of ['long', 'short'] as const) {
      const { isolated, cross } = side(e, s);
      expect(num(cross.liquidationDistancePct).gt(num(isolated.liquidationDistancePct))).toBe(true);
      expect(num(cross.worstCaseLoss).gt(num(isolated.worstCaseLoss))).toBe(true);
    }
    // All of the wallet: 10000 after paying the fee, plus the fee itself.
    expect(num(side(e, 'long').cross.worstCaseLoss).toFixed()).toBe('10000');
  });

  it('values a resting limit at its own price and a marketable one at the mark', () => {
    // Buy 0.5 at 60000 with the mark at 61000: it fills only when the price comes down to 60000.
    const resting = ok(evaluateOrder(btcOrder({ order: { price: '60000' } })));
    expect(num(side(resting, 'long').cross.worstCaseLoss).toFixed()).toBe('10000');
    // The same price is marketable for the sell: it fills now, 500 under the mark (0.5 × 1000 loss at once).
    expect(num(side(resting, 'short').cross.worstCaseLoss).toFixed()).toBe('9500');
  });

  it('merges with an existing position: add, reduce, close, flip', () => {
    const existing = [{ side: 'long' as const, size: '1', entryPrice: '60000', mode: 'cross' as const }];
    const e = ok(evaluateOrder(btcOrder({ account: { existing } })));
    expect(side(e, 'long').resulting).toEqual({ side: 'long', size: '1.5', entryPrice: new D('90500').div('1.5').toFixed() });
    expect(side(e, 'short').resulting).toEqual({ side: 'long', size: '0.5', entryPrice: '60000' });
    const close = ok(evaluateOrder(btcOrder({ account: { existing }, order: { quantity: '1' } })));
    expect(side(close, 'short').resulting).toBeNull();
    expect(side(close, 'short').cross.liquidationPrice.kind).toBe('none');
    const flip = ok(evaluateOrder(btcOrder({ account: { existing }, order: { quantity: '1.25' } })));
    expect(side(flip, 'short').resulting).toEqual({ side: 'short', size: '0.25', entryPrice: '61000' });
  });

  it('shares one liquidation price between hedge legs in cross', () => {
    const existing = [{ side: 'short' as const, size: '0.3', entryPrice: '62000', mode: 'cross' as const }];
    const oneLeg = ok(evaluateOrder(btcOrder({ top: { positionMode: 'hedge' } })));
    const twoLegs = ok(evaluateOrder(btcOrder({ top: { positionMode: 'hedge' }, account: { existing } })));
    expect(num(side(twoLegs, 'long').cross.liquidationPrice).eq(num(side(oneLeg, 'long').cross.liquidationPrice))).toBe(false);
    // The hedge short leg does not change the isolated long.
    expect(side(twoLegs, 'long').isolated.liquidationPrice).toEqual(side(oneLeg, 'long').isolated.liquidationPrice);
  });

  it('flags a stop-loss beyond the liquidation price', () => {
    const e = ok(evaluateOrder(btcOrder({ order: { stopLoss: '50000', leverage: '50' } })));
    const iso = side(e, 'long').isolated;
    expect(iso.stopBeyondLiquidation).toEqual({ kind: 'value', value: '1' });
    expect(iso.stopLossLoss).toEqual(iso.worstCaseLoss);
    const near = ok(evaluateOrder(btcOrder({ order: { stopLoss: '60500' } })));
    expect(side(near, 'long').isolated.stopBeyondLiquidation).toEqual({ kind: 'value', value: '0' });
    // 0.5 × 500 price loss + 15.25 open fee + 0.5 × 60500 × 0.0005 close fee.
    expect(num(side(near, 'long').isolated.stopLossLoss).toFixed()).toBe('280.375');
    expect(side(near, 'short').isolated.stopLossLoss.kind).toBe('none');
  });

  it('charges the exchange\'s liquidation fee on the notional at the liquidation price when given', () => {
    const e = ok(evaluateOrder(btcOrder({ market: { liquidationFeeRate: '0.0125' } })));
    const iso = side(e, 'long').isolated;
    expect(num(iso.liquidationFee).toFixed()).toBe(num(iso.liquidationPrice).times('0.5').times('0.0125').toFixed());
    expect(side(ok(evaluateOrder(btcOrder())), 'long').isolated.liquidationFee.kind).toBe('none');
  });

  it('lists assumptions and the inputs it used', () => {
    const e = ok(evaluateOrder(btcOrder({ market: { maintenance: { assumedRate: '0.004', assumedAmount: '0', why: 'no tier table for this symbol' } } })));
    expect(e.assumptions).toContain('maintenance rate assumed 0.4%: no tier table for this symbol');
    expect(e.inputs.map((i) => i.name)).toEqual(expect.arrayContaining(['price', 'quantity', 'leverage', 'mark price', 'cross wallet balance']));
  });

  it('shows cross as unavailable with the reason when the cross inputs are missing', () => {
    const e = ok(evaluateOrder(btcOrder({ account: { cross: undefined, crossUnavailable: 'log in to see cross' } })));
    expect(side(e, 'long').cross.liquidationPrice).toEqual({ kind: 'unavailable', reason: 'log in to see cross' });
    expect(side(e, 'long').isolated.liquidationPrice.kind).toBe('value');
  });

  it('checks the trader\'s limits', () => {
    const e = ok(evaluateOrder(btcOrder({ top: { limits: { maxLoss: '2000', maxLossPct: '10', minLiquidationDistancePct: '3', maxLeverage: '10' } } })));
    const checks = Object.fromEntries(side(e, 'long').isolated.limitChecks.map((c) => [c.limit, c.ok]));
    expect(checks).toEqual({ maxLoss: true, maxLossPct: false, minLiquidationDistancePct: true, maxLeverage: false });
  });

  it.each([
    [{ order: { quantity: '0' } }, 'order.quantity'],
    [{ order: { quantity: '-1' } }, 'order.quantity'],
    [{ order: { price: 'NaN' } }, 'order.price'],
    [{ order: { price: 'Infinity' } }, 'order.price'],
    [{ order: { leverage: 'abc' } }, 'order.leverage'],
    [{ market: { markPrice: '' } }, 'market.markPrice'],
    [{ top: { symbol: 'btc usdt' } }, 'symbol'],
  ] as const)('returns a typed error naming the field (%j)', (over, field) => {
    const result = evaluateOrder(btcOrder(over as never));
    expect(result).toMatchObject({ error: { field } });
  });

  it('names the maximum when the leverage is above the tier\'s', () => {
    const result = evaluateOrder(btcOrder({ order: { quantity: '20', leverage: '125' } }));
    expect(result).toMatchObject({ error: { field: 'order.leverage' } });
    expect('error' in result && result.error.message).toMatch(/maximum 75x/);
  });
});
