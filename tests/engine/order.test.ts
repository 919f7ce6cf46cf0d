import { describe, expect, it } from 'vitest';
import { D } from '../../src/shared/decimal';
import { evaluateOrder } from '../../src/engine/order';
import { computeVector } from '../../src/engine/vector';
import type { OrderScenario } from '../../src/contracts/evaluation';
import { reason } from '../../src/contracts/reasons';
import { unavailableSide } from '../../src/contracts/figures';
import { btcOrder, btcTable, num, ok, side } from './fixtures';

const table = btcTable();

/** computeVector's worst case for a position, or a thrown error naming the field. */
function vectorWorst(v: Record<string, unknown>) {
  const out = computeVector(v);
  if ('error' in out) throw new Error(`${out.error.field}: ${JSON.stringify(out.error.reason)}`);
  return new D(out.worstCaseLoss!);
}

describe('evaluateOrder', () => {
  it('prices a new isolated position exactly like the golden-vector schema does', () => {
    const e = ok(evaluateOrder(btcOrder()));
    const iso = side(e, 'long').isolated;
    const canonical = computeVector({
      venue: 'binance', mode: 'isolated',
      position: { side: 'long', quantity: '0.5', entryPrice: '61000', markPrice: '61000', leverage: '20' },
      maintenance: { tiers: table.tiers },
    });
    if ('error' in canonical) throw new Error(canonical.error.reason.code);
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
    expect(resting.assumptions).toContainEqual(reason('assume.limitCrossesMark', { side: 'short' }));
    expect(resting.assumptions).not.toContainEqual(reason('assume.limitCrossesMark', { side: 'long' }));
  });

  it('merges with an existing position: add, reduce, close, flip', () => {
    const existing = [{ side: 'long' as const, size: '1', entryPrice: '60000', mode: 'cross' as const }];
    const e = ok(evaluateOrder(btcOrder({ account: { existing } })));
    expect(side(e, 'long').resulting).toEqual({ side: 'long', size: '1.5', entryPrice: new D('90500').div('1.5').toFixed() });
    expect(side(e, 'short').resulting).toEqual({ side: 'long', size: '0.5', entryPrice: '60000' });
    const close = ok(evaluateOrder(btcOrder({ account: { existing }, order: { quantity: '1' } })));
    expect(side(close, 'short').resulting).toBeNull();
    expect(side(close, 'short').cross.liquidationPrice).toEqual({ kind: 'none', reason: reason('figure.closesPosition') });
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
    expect(side(near, 'short').isolated.stopLossLoss).toEqual({ kind: 'none', reason: reason('figure.stopOnWrongSide', { stop: '60500', side: 'short' }) });
  });

  it('charges the exchange\'s liquidation fee on the notional at the liquidation price when given', () => {
    const e = ok(evaluateOrder(btcOrder({ market: { liquidationFeeRate: '0.0125' } })));
    const iso = side(e, 'long').isolated;
    expect(num(iso.liquidationFee).toFixed()).toBe(num(iso.liquidationPrice).times('0.5').times('0.0125').toFixed());
    expect(side(ok(evaluateOrder(btcOrder())), 'long').isolated.liquidationFee).toEqual({ kind: 'none', reason: reason('figure.noLiquidationFeeRate') });
  });

  it('lists assumptions and the inputs it used', () => {
    const e = ok(evaluateOrder(btcOrder({ market: { maintenance: { assumedRate: '0.004', assumedAmount: '0' } } })));
    // The assumed rate is an input sourced as an assumption (the background states why in its own assumption).
    expect(e.inputs).toContainEqual({ item: 'maintenanceTiers', value: '0.4', unit: '%', source: 'assumption' });
    expect(e.inputs.map((i) => i.item)).toEqual(expect.arrayContaining(['price', 'quantity', 'leverage', 'markPrice', 'crossWallet']));
    // A cross leg has no isolated margin of its own: the isolated figures assume one, and say so.
    const existing = [{ side: 'long' as const, size: '1', entryPrice: '60000', mode: 'cross' as const }];
    const merged = ok(evaluateOrder(btcOrder({ account: { existing }, order: { quantity: '0.25' } })));
    expect(merged.assumptions).toContainEqual(reason('assume.existingIsolatedMargin', { side: 'long', leverage: '20' }));
    expect(merged.assumptions).toContainEqual(reason('assume.reducedMarginProRata'));
    expect(merged.inputs).toContainEqual({ item: 'existingPosition', value: 'long 1 @ 60000 (cross)', source: 'positionsList' });
  });

  it('shows cross as unavailable with the reason when the cross inputs are missing', () => {
    const why = reason('cross.loggedOut');
    const e = ok(evaluateOrder(btcOrder({ account: { cross: undefined, crossUnavailable: why } })));
    expect(side(e, 'long').cross.liquidationPrice).toEqual({ kind: 'unavailable', reason: why });
    expect(side(e, 'long').isolated.liquidationPrice.kind).toBe('value');
  });

  it('gives no cross figures under a rule without cross margin, as calc refuses cross for it', () => {
    const sc = btcOrder({ top: { rule: 'gate' }, market: { maintenance: { assumedRate: '0.005', assumedAmount: '0' } } });
    const calc = computeVector({ venue: 'gate', mode: 'cross', position: { side: 'long', quantity: '0.5', entryPrice: '61000', leverage: '20' }, collateral: { walletBalance: '10000' }, maintenance: { rate: '0.005' } });
    const why = reason('input.crossNotSupported', { rule: 'gate' });
    expect(calc).toEqual({ error: { field: 'mode', reason: why } });
    const e = ok(evaluateOrder(sc));
    for (const s of ['long', 'short'] as const) {
      expect(side(e, s).cross.liquidationPrice).toEqual({ kind: 'unavailable', reason: why });
      expect(side(e, s).cross.accountLiquidationMovePct).toEqual({ kind: 'unavailable', reason: why });
      expect(side(e, s).isolated.liquidationPrice.kind).toBe('value');
    }
    expect(e.inputs.map((i) => i.item)).not.toContain('crossWallet');
  });

  it('checks the trader\'s limits', () => {
    const e = ok(evaluateOrder(btcOrder({ top: { limits: { maxLoss: '2000', maxLossPct: '10', minLiquidationDistancePct: '3', maxLeverage: '10' } } })));
    const checks = side(e, 'long').isolated.limits;
    expect(Object.fromEntries(checks.map((c) => [c.limit, c.status]))).toEqual({ maxLoss: 'pass', maxLossPct: 'fail', minLiquidationDistancePct: 'pass', maxLeverage: 'fail' });
    expect(checks.find((c) => c.limit === 'maxLoss')!.reason).toEqual(reason('limit.maxLoss', { status: 'pass', threshold: '2000', actual: '1540.25' }));
    expect(checks.find((c) => c.limit === 'maxLeverage')!.reason).toEqual(reason('limit.maxLeverage', { status: 'fail', threshold: '10', actual: '20' }));
  });

  it.each([
    [{ order: { quantity: '0' } }, 'order.quantity', 'input.notPositive'],
    [{ order: { quantity: '-1' } }, 'order.quantity', 'input.notPositive'],
    [{ order: { price: 'NaN' } }, 'order.price', 'input.notDecimal'],
    [{ order: { price: 'Infinity' } }, 'order.price', 'input.notDecimal'],
    [{ order: { leverage: 'abc' } }, 'order.leverage', 'input.notDecimal'],
    [{ market: { markPrice: '' } }, 'market.markPrice', 'input.missing'],
    [{ top: { symbol: 'btc usdt' } }, 'symbol', 'input.unknownSymbol'],
    [{ top: { rule: 'binance-usdm' } }, 'rule', 'input.unknownRule'],
  ] as const)('returns a typed error naming the field (%j)', (over, field, code) => {
    const result = evaluateOrder(btcOrder(over as never));
    expect(result).toMatchObject({ error: { field, reason: { code } } });
  });

  it('names the maximum when the leverage is above the tier\'s', () => {
    // 20 BTC at 61000 is 1,220,000 USDT: bracket 3, at most 75x; both sides leave that position.
    const e = ok(evaluateOrder(btcOrder({ order: { quantity: '20', leverage: '125' } })));
    for (const s of ['long', 'short'] as const) {
      expect(side(e, s)).toEqual(unavailableSide(s, reason('figure.aboveBracketLeverage', { leverage: '125', max: '75', tier: '3', notional: '1220000' })));
    }
  });
});

/** Defects of issue 7: each of these failed on the code before the refactor (commit 23d4dd0). */
describe('evaluateOrder: an account already past liquidation', () => {
  // Wallet 1000, and an ETH cross long 10,000 under water: equity at the marks is far below the requirement.
  const underWater = btcOrder({
    account: {
      cross: {
        walletBalance: '1000',
        otherPositions: [{ symbol: 'ETHUSDT', side: 'long', size: '10', entryPrice: '3000', markPrice: '2000', maintenanceRate: '0.005', maintenanceAmount: '0' }],
      },
    },
  });

  it('has no liquidation price to move to: it liquidates now', () => {
    const e = ok(evaluateOrder(underWater));
    for (const s of ['long', 'short'] as const) {
      const cross = side(e, s).cross;
      // 1000 − 10000 − 15.25 (fee to open) at the marks; requirement 20000 × 0.005 + 30500 × 0.004.
      const now = { kind: 'unavailable', reason: reason('figure.liquidatesNow', { equity: '-9015.25', requirement: '222' }) };
      expect(cross.liquidationPrice).toEqual(now);
      expect(cross.liquidationDistancePct).toEqual(now);
      // The isolated position has its own margin: it is still priced.
      expect(side(e, s).isolated.liquidationPrice.kind).toBe('value');
    }
  });

  it('never shows a negative worst-case loss: at most the fee to open is still to lose', () => {
    const e = ok(evaluateOrder(underWater));
    for (const s of ['long', 'short'] as const) {
      const worst = num(side(e, s).cross.worstCaseLoss);
      expect(worst.gte(0)).toBe(true);
      expect(worst.lte(num(side(e, s).cross.openFee))).toBe(true);
      expect(worst.toFixed()).toBe('15.25');
    }
  });

  it('computeVector: a cross account with negative equity has a worst-case loss of zero, never below', () => {
    const out = computeVector({
      venue: 'binance', mode: 'cross',
      position: { side: 'long', quantity: '1', entryPrice: '60000', markPrice: '60000', leverage: '10' },
      collateral: { walletBalance: '1000' },
      otherPositions: [{ side: 'long', quantity: '10', entryPrice: '3000', markPrice: '2000', maintenanceRate: '0.005', maintenanceAmount: '0' }],
      maintenance: { tiers: table.tiers },
    });
    if ('error' in out) throw new Error(out.error.reason.code);
    expect(new D(out.worstCaseLoss!).gte(0)).toBe(true);
    expect(out.worstCaseLoss).toBe('0');
  });
});

describe('evaluateOrder: one side over its bracket\'s leverage', () => {
  // Existing long 10 BTC at 60000 (600,000 USDT, bracket 3: at most 75x). At 100x, adding 0.5 leaves
  // 630,500 in bracket 3; selling 0.5 leaves 570,000 in bracket 2 (at most 100x).
  const sc = btcOrder({
    order: { leverage: '100' },
    account: { existing: [{ side: 'long', size: '10', entryPrice: '60000', mode: 'cross' }] },
  });

  it('marks the Long side unavailable with the bracket it would be in, and still prices the Short side', () => {
    const e = ok(evaluateOrder(sc));
    expect(side(e, 'long')).toEqual(
      unavailableSide('long', reason('figure.aboveBracketLeverage', { leverage: '100', max: '75', tier: '3', notional: '630500' })),
    );
    const short = side(e, 'short');
    expect(short.resulting).toEqual({ side: 'long', size: '9.5', entryPrice: '60000' });
    for (const mode of ['isolated', 'cross'] as const) {
      expect(short[mode].liquidationPrice.kind).toBe('value');
      expect(short[mode].tier).toEqual({ kind: 'value', value: '2' });
      expect(num(short[mode].worstCaseLoss).gt(0)).toBe(true);
    }
  });
});

describe('evaluateOrder: one definition of the worst case', () => {
  // An isolated long in profit: 1 BTC from 40000, mark 60000, 4000 of margin; buy 0.01 more at 10x.
  const sc: OrderScenario = btcOrder({
    order: { price: '60000', quantity: '0.01', leverage: '10' },
    market: { markPrice: '60000' },
    account: { existing: [{ side: 'long', size: '1', entryPrice: '40000', mode: 'isolated', isolatedMargin: '4000' }] },
  });
  const openFee = new D('0.01').times('60000').times('0.0005');
  /** calc's worst case for the position the order leaves, at the mark, with the mode's collateral. */
  const worstOf = (resulting: { size: string; entryPrice: string }, mode: 'isolated' | 'cross', collateral: Record<string, string>) =>
    vectorWorst({
      venue: 'binance', mode,
      position: { side: 'long', quantity: resulting.size, entryPrice: resulting.entryPrice, markPrice: '60000', leverage: '10' },
      collateral,
      maintenance: { tiers: table.tiers },
    });

  it('isolated: what the resulting position has at risk (margin and unrealised profit) plus the fee to open', () => {
    const e = ok(evaluateOrder(sc));
    const long = side(e, 'long');
    expect(long.resulting!.size).toBe('1.01');
    const margin = new D('4000').plus(new D('0.01').times('60000').div('10'));
    const worst = worstOf(long.resulting!, 'isolated', { isolatedMargin: margin.toFixed() });
    expect(num(long.isolated.worstCaseLoss).toFixed()).toBe(worst.plus(openFee).toFixed());
    // 4060 of margin + 20000 of profit + 0.3 fee, not the margin alone (4060.3).
    expect(num(long.isolated.worstCaseLoss).toFixed()).toBe('24060.3');
  });

  it('cross: the whole cross equity after the fill plus the fee to open', () => {
    const e = ok(evaluateOrder(sc));
    const long = side(e, 'long');
    const wallet = new D('10000').minus(openFee);
    const worst = worstOf(long.resulting!, 'cross', { walletBalance: wallet.toFixed() });
    expect(num(long.cross.worstCaseLoss).toFixed()).toBe(worst.plus(openFee).toFixed());
    // Wallet 9999.7 after the fee + 20000 unrealised + the 0.3 fee.
    expect(num(long.cross.worstCaseLoss).toFixed()).toBe('30000');
  });
});
