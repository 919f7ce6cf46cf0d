import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/shared/decimal';
import { evaluateOrder } from '../../src/engine/order';
import type { Evaluation, LimitCheck, LimitKey, Mode, OrderScenario, RiskLimits } from '../../src/contracts/evaluation';
import { reason, type Reason, type Side } from '../../src/contracts/reasons';
import { btcOrder, num, ok, side } from './fixtures';

/**
 * The trader's limits (src/engine/limits.ts, issue 8 "On the panel"): each limit set is pass, fail or
 * unchecked with the number that decides it, a limit not set has no check; and the largest size within
 * them. The base order: Binance BTCUSDT, buy or sell 0.5 at 61000, 20x, taker 0.05 %, wallet and
 * account 10000: isolated worst case 1525 of margin + 15.25 of fee to open; the isolated long
 * liquidates at (30500 − 1525) ÷ (0.5 × 0.996) (bracket 1: 0.4 %, no deduction).
 */

const ISO_LIQ = new D(28975).div('0.498');
const pctOfMark = (d: InstanceType<typeof D>) => d.times(100).div(61000);

function checksOf(e: Evaluation, s: Side, mode: Mode): Partial<Record<LimitKey, LimitCheck>> {
  return Object.fromEntries(side(e, s)[mode].limits.map((c) => [c.limit, c]));
}

function checkOf(limits: RiskLimits, over: Parameters<typeof btcOrder>[0] = {}, s: Side = 'long', mode: Mode = 'isolated'): LimitCheck {
  const e = ok(evaluateOrder(btcOrder({ ...over, top: { ...over.top, limits } })));
  const checks = side(e, s)[mode].limits;
  expect(checks).toHaveLength(1);
  return checks[0]!;
}

const decided = (limit: Exclude<LimitKey, 'stopLossRequired'>, status: 'pass' | 'fail', threshold: string, actual: string): LimitCheck => ({
  limit,
  status,
  reason: reason(`limit.${limit}`, { status, threshold, actual }),
});
/** A decided check whose number is a quotient: the same up to the last of its 40 digits. */
function expectDecided(check: LimitCheck, limit: Exclude<LimitKey, 'stopLossRequired'>, status: 'pass' | 'fail', threshold: string, actual: InstanceType<typeof D>) {
  expect(check).toMatchObject({ limit, status, reason: { code: `limit.${limit}`, params: { status, threshold } } });
  const got = new D((check.reason.params as { actual: string }).actual);
  expect(got.minus(actual).abs().lt('1e-30')).toBe(true);
}
const unchecked = (limit: LimitKey, cause: Reason): LimitCheck => ({ limit, status: 'unchecked', reason: reason('limit.unchecked', { limit, cause }) });

const loggedOut = { account: { cross: undefined, crossUnavailable: reason('cross.loggedOut') } };
const withStop = { order: { stopLoss: '60500' } };
/** Cross under water: an ETH long 10,000 in loss against a wallet of 1000 (equity below the requirement). */
const underWater = {
  account: {
    cross: {
      walletBalance: '1000',
      otherPositions: [{ symbol: 'ETHUSDT', side: 'long' as const, size: '10', entryPrice: '3000', markPrice: '2000', maintenanceRate: '0.005', maintenanceAmount: '0' }],
    },
  },
};

describe('limit checks', () => {
  it('a limit not set gives no check, in any side or mode', () => {
    for (const limits of [undefined, {}, { maxLoss: '' }, { stopLossRequired: false }]) {
      const e = ok(evaluateOrder(btcOrder({ top: { limits } })));
      for (const s of e.sides) expect([s.isolated.limits, s.cross.limits]).toEqual([[], []]);
    }
    const e = ok(evaluateOrder(btcOrder({ top: { limits: { maxLoss: '2000' } } })));
    for (const s of e.sides) for (const mode of ['isolated', 'cross'] as const) expect(s[mode].limits.map((c) => c.limit)).toEqual(['maxLoss']);
  });

  it('maxLeverage: the order\'s leverage, never unchecked (it needs no figure)', () => {
    expect(checkOf({ maxLeverage: '20' })).toEqual(decided('maxLeverage', 'pass', '20', '20'));
    expect(checkOf({ maxLeverage: '19.5' })).toEqual(decided('maxLeverage', 'fail', '19.5', '20'));
    expect(checkOf({ maxLeverage: '10' }, loggedOut, 'short', 'cross')).toEqual(decided('maxLeverage', 'fail', '10', '20'));
  });

  it('maxLoss: the worst-case loss with the fee to open', () => {
    expect(checkOf({ maxLoss: '1540.25' })).toEqual(decided('maxLoss', 'pass', '1540.25', '1540.25'));
    expect(checkOf({ maxLoss: '1540.24' })).toEqual(decided('maxLoss', 'fail', '1540.24', '1540.25'));
    // Cross puts the whole wallet at risk.
    expect(checkOf({ maxLoss: '9999' }, {}, 'long', 'cross')).toEqual(decided('maxLoss', 'fail', '9999', '10000'));
    expect(checkOf({ maxLoss: '9999' }, loggedOut, 'long', 'cross')).toEqual(unchecked('maxLoss', reason('cross.loggedOut')));
  });

  it('maxLossPct: the worst case as % of the account', () => {
    expect(checkOf({ maxLossPct: '15.4025' })).toEqual(decided('maxLossPct', 'pass', '15.4025', '15.4025'));
    expect(checkOf({ maxLossPct: '15.4' })).toEqual(decided('maxLossPct', 'fail', '15.4', '15.4025'));
    expect(checkOf({ maxLossPct: '15' }, { account: { accountEquity: undefined } })).toEqual(unchecked('maxLossPct', reason('figure.accountUnknown')));
  });

  it('maxStopLossPct: the loss at the stop, fees included, as % of the account', () => {
    // 0.5 × 500 + 15.25 to open + 0.5 × 60500 × 0.0005 to close = 280.375 of 10000.
    expect(checkOf({ maxStopLossPct: '2.80375' }, withStop)).toEqual(decided('maxStopLossPct', 'pass', '2.80375', '2.80375'));
    expect(checkOf({ maxStopLossPct: '2' }, withStop)).toEqual(decided('maxStopLossPct', 'fail', '2', '2.80375'));
    expect(checkOf({ maxStopLossPct: '2' })).toEqual(unchecked('maxStopLossPct', reason('figure.noStopLoss')));
    expect(checkOf({ maxStopLossPct: '2' }, withStop, 'short')).toEqual(unchecked('maxStopLossPct', reason('figure.stopOnWrongSide', { stop: '60500', side: 'short' })));
    expect(checkOf({ maxStopLossPct: '2' }, { ...withStop, account: { accountEquity: undefined } })).toEqual(unchecked('maxStopLossPct', reason('figure.accountUnknown')));
  });

  it('minLiquidationDistancePct: mark to liquidation, % of the mark', () => {
    const distance = pctOfMark(new D(61000).minus(ISO_LIQ));
    const e = ok(evaluateOrder(btcOrder()));
    expect(num(side(e, 'long').isolated.liquidationDistancePct).minus(distance).abs().lt('1e-30')).toBe(true);
    expectDecided(checkOf({ minLiquidationDistancePct: '4.6' }), 'minLiquidationDistancePct', 'pass', '4.6', distance);
    expectDecided(checkOf({ minLiquidationDistancePct: '4.7' }), 'minLiquidationDistancePct', 'fail', '4.7', distance);
    // An isolated long at 1x has no liquidation price: nothing to be near.
    expect(checkOf({ minLiquidationDistancePct: '50' }, { order: { leverage: '1' } })).toEqual({
      limit: 'minLiquidationDistancePct', status: 'pass', reason: reason('limit.noLiquidation', { limit: 'minLiquidationDistancePct' }),
    });
    // Already past liquidation: no distance at all.
    expect(checkOf({ minLiquidationDistancePct: '1' }, underWater, 'long', 'cross')).toEqual(decided('minLiquidationDistancePct', 'fail', '1', '0'));
    expect(checkOf({ minLiquidationDistancePct: '1' }, loggedOut, 'long', 'cross')).toEqual(unchecked('minLiquidationDistancePct', reason('cross.loggedOut')));
  });

  it('stopLossRequired: a stop on the losing side of the entry, never unchecked', () => {
    const required = (status: 'pass' | 'fail'): LimitCheck => ({ limit: 'stopLossRequired', status, reason: reason('limit.stopLossRequired', { status }) });
    expect(checkOf({ stopLossRequired: true })).toEqual(required('fail'));
    expect(checkOf({ stopLossRequired: true }, withStop)).toEqual(required('pass'));
    // 60500 is above the short's entry: no stop-loss for it.
    expect(checkOf({ stopLossRequired: true }, withStop, 'short')).toEqual(required('fail'));
    expect(checkOf({ stopLossRequired: true }, { ...withStop, ...loggedOut }, 'long', 'cross')).toEqual(required('pass'));
  });

  it('minStopBufferPct: stop to liquidation, % of the mark', () => {
    const buffer = pctOfMark(new D(60500).minus(ISO_LIQ));
    expectDecided(checkOf({ minStopBufferPct: '3.7' }, withStop), 'minStopBufferPct', 'pass', '3.7', buffer);
    expectDecided(checkOf({ minStopBufferPct: '3.8' }, withStop), 'minStopBufferPct', 'fail', '3.8', buffer);
    expect(checkOf({ minStopBufferPct: '3' })).toEqual(unchecked('minStopBufferPct', reason('figure.noStopLoss')));
    expect(checkOf({ minStopBufferPct: '50' }, { order: { stopLoss: '60500', leverage: '1' } })).toEqual({
      limit: 'minStopBufferPct', status: 'pass', reason: reason('limit.noLiquidation', { limit: 'minStopBufferPct' }),
    });
    expect(checkOf({ minStopBufferPct: '1' }, { ...withStop, ...loggedOut }, 'long', 'cross')).toEqual(unchecked('minStopBufferPct', reason('cross.loggedOut')));
  });

  it('maxCrossExposure: all cross notional ÷ cross equity; an isolated order adds none', () => {
    // 30500 of notional on 10000 − 15.25 of equity after the fee to open.
    const exposure = new D(30500).div('9984.75');
    expectDecided(checkOf({ maxCrossExposure: '3.1' }, {}, 'long', 'cross'), 'maxCrossExposure', 'pass', '3.1', exposure);
    expectDecided(checkOf({ maxCrossExposure: '3' }, {}, 'short', 'cross'), 'maxCrossExposure', 'fail', '3', exposure);
    expect(checkOf({ maxCrossExposure: '3' })).toEqual({ limit: 'maxCrossExposure', status: 'pass', reason: reason('limit.isolatedNoCrossExposure', { limit: 'maxCrossExposure' }) });
    expect(checkOf({ maxCrossExposure: '3' }, underWater, 'long', 'cross')).toEqual({ limit: 'maxCrossExposure', status: 'fail', reason: reason('figure.equityNotPositive') });
    expect(checkOf({ maxCrossExposure: '3' }, loggedOut, 'long', 'cross')).toEqual(unchecked('maxCrossExposure', reason('cross.loggedOut')));
  });

  it('a side that cannot be priced still shows every limit set: unchecked with the cause, leverage and stop decided', () => {
    // 20 BTC at 125x is above bracket 3's 75x: neither side can be opened.
    const why = reason('figure.aboveBracketLeverage', { leverage: '125', max: '75', tier: '3', notional: '1220000' });
    const limits = { maxLeverage: '100', maxLoss: '100', stopLossRequired: true };
    const e = ok(evaluateOrder(btcOrder({ order: { quantity: '20', leverage: '125' }, top: { limits } })));
    for (const s of ['long', 'short'] as const) {
      for (const mode of ['isolated', 'cross'] as const) {
        expect(checksOf(e, s, mode)).toEqual({
          maxLeverage: decided('maxLeverage', 'fail', '100', '125'),
          stopLossRequired: { limit: 'stopLossRequired', status: 'fail', reason: reason('limit.stopLossRequired', { status: 'fail' }) },
          maxLoss: unchecked('maxLoss', why),
        });
      }
    }
  });

  it('an order whose size cannot be known (sizeUnknown): the same limits through the same path, the quantity not read', () => {
    const why = reason('evaluate.cantRead', { item: 'maxSell', cause: reason('page.notShownYet', { item: 'maxSell' }) });
    const limits = { maxLeverage: '50', maxLossPct: '2', minStopBufferPct: '1' };
    // The quantity is not a number here: it must not be read.
    const e = ok(evaluateOrder(btcOrder({ order: { quantity: 'not a number', sizeUnknown: why, stopLoss: '60000' }, top: { limits } })));
    for (const s of ['long', 'short'] as const) {
      for (const mode of ['isolated', 'cross'] as const) {
        expect(side(e, s)[mode].liquidationPrice).toEqual({ kind: 'unavailable', reason: why });
        expect(checksOf(e, s, mode)).toEqual({
          maxLeverage: decided('maxLeverage', 'pass', '50', '20'),
          maxLossPct: unchecked('maxLossPct', why),
          minStopBufferPct: unchecked('minStopBufferPct', why),
        });
      }
    }
    expect(e.inputs.map((i) => i.item)).not.toContain('quantity');
  });

  it('under a rule without cross margin, a side that cannot be priced says so in its cross column, limits included', () => {
    const why = reason('evaluate.enterSize');
    const noCross = reason('input.crossNotSupported', { rule: 'gate' });
    const sc = btcOrder({ order: { quantity: '', sizeUnknown: why }, market: { maintenance: { assumedRate: '0.005', assumedAmount: '0' } }, top: { rule: 'gate', limits: { maxLoss: '100' } } });
    const e = ok(evaluateOrder(sc));
    expect(side(e, 'long').isolated.liquidationPrice).toEqual({ kind: 'unavailable', reason: why });
    expect(side(e, 'long').cross.liquidationPrice).toEqual({ kind: 'unavailable', reason: noCross });
    expect(checksOf(e, 'long', 'isolated')).toEqual({ maxLoss: unchecked('maxLoss', why) });
    expect(checksOf(e, 'long', 'cross')).toEqual({ maxLoss: unchecked('maxLoss', noCross) });
  });
});

/** A decimal string from an integer and a scale: exact, no floats. */
const decimal = (min: number, max: number, scale: number) => fc.integer({ min, max }).map((n) => new D(n).div(new D(10).pow(scale)).toFixed());
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

/** Orders on the bundled BTCUSDT brackets with random limits, stops, Max and an optional existing position. */
const sizedOrder = fc
  .record({
    price: decimal(20_000, 100_000, 0),
    quantity: decimal(1, 5_000, 3),
    leverage: fc.integer({ min: 1, max: 50 }).map(String),
    lotStep: fc.constantFrom('0.001', '0.01', '0.1'),
    stopMovePct: maybe(fc.integer({ min: -20, max: 20 }).filter((n) => n !== 0)),
    maxQuantity: maybe(decimal(1, 50_000, 3)),
    wallet: decimal(1_000, 200_000, 0),
    existing: maybe(fc.record({ side: fc.constantFrom('long' as const, 'short' as const), size: decimal(1, 3_000, 3), mode: fc.constantFrom('isolated' as const, 'cross' as const) })),
    limits: fc.record(
      {
        maxLeverage: fc.integer({ min: 5, max: 125 }).map(String),
        maxLoss: decimal(10, 20_000, 0),
        maxLossPct: decimal(5, 500, 1),
        maxStopLossPct: decimal(5, 200, 1),
        minLiquidationDistancePct: decimal(5, 100, 1),
        minStopBufferPct: decimal(1, 50, 1),
        maxCrossExposure: decimal(5, 200, 1),
        stopLossRequired: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  })
  .map((o): OrderScenario => {
    const stopLoss = o.stopMovePct === undefined ? undefined : new D(o.price).times(100 + o.stopMovePct).div(100).toFixed();
    const existing = o.existing ? [{ ...o.existing, entryPrice: o.price, isolatedMargin: o.existing.mode === 'isolated' ? new D(o.existing.size).times(o.price).div(o.leverage).toFixed() : undefined }] : [];
    return btcOrder({
      order: { price: o.price, quantity: o.quantity, leverage: o.leverage, stopLoss, maxQuantity: o.maxQuantity },
      market: { markPrice: o.price, lotStep: o.lotStep },
      account: { existing, cross: { walletBalance: o.wallet, otherPositions: [] }, accountEquity: o.wallet },
      top: { limits: o.limits },
    });
  });

const SIZE_INDEPENDENT: readonly LimitKey[] = ['maxLeverage', 'stopLossRequired'];
const SIZE_LIMITS: readonly LimitKey[] = ['maxLoss', 'maxLossPct', 'maxStopLossPct', 'minLiquidationDistancePct', 'minStopBufferPct', 'maxCrossExposure'];

/** The same order at another size, one side only: whether every limit set passes in that mode (a flat side has nothing at risk). */
function allPassAt(sc: OrderScenario, s: Side, mode: Mode, quantity: InstanceType<typeof D>): boolean {
  const e = ok(evaluateOrder({ ...sc, sides: [s], order: { ...sc.order, quantity: quantity.toFixed() } }));
  return side(e, s)[mode].limits.every((c) => c.status === 'pass');
}

describe('max size within your limits', () => {
  it('passes every limit set when ordered; one lot step more fails one or exceeds the form\'s Max; a multiple of the lot step', () => {
    let sized = 0;
    fc.assert(
      fc.property(sizedOrder, (sc) => {
        const e = ok(evaluateOrder(sc));
        const lot = new D(sc.market.lotStep!);
        const max = sc.order.maxQuantity ? new D(sc.order.maxQuantity) : null;
        for (const s of e.sides) {
          for (const mode of ['isolated', 'cross'] as const) {
            const figure = s[mode].maxSizeWithinLimits;
            if (figure.kind !== 'value') continue;
            const size = new D(figure.value);
            expect(size.div(lot).isInteger()).toBe(true);
            if (max) expect(size.lte(max)).toBe(true);
            if (figure.note?.code === 'figure.sizeIndependentLimit') continue;
            if (size.gt(0)) {
              sized++;
              expect(allPassAt(sc, s.side, mode, size)).toBe(true);
            }
            const next = size.plus(lot);
            if (!max || next.lte(max)) expect(allPassAt(sc, s.side, mode, next)).toBe(false);
          }
        }
      }),
      // About a quarter of the runs find a size; at 120 runs the count fell to 13 in one of ten draws.
      { numRuns: 400 },
    );
    // The property says something only if sizes were found.
    expect(sized).toBeGreaterThan(20);
  });

  it('is 0 with the reason when a limit that does not depend on size fails; none when no limit bounds it', () => {
    fc.assert(
      fc.property(sizedOrder, (sc) => {
        const e = ok(evaluateOrder(sc));
        for (const s of e.sides) {
          for (const mode of ['isolated', 'cross'] as const) {
            const { limits, maxSizeWithinLimits: figure } = s[mode];
            if (limits.length === 0 && figure.kind === 'unavailable') continue; // the side cannot be priced
            const independent = limits.find((c) => SIZE_INDEPENDENT.includes(c.limit) && c.status === 'fail');
            const bounding = SIZE_LIMITS.filter((k) => sc.limits?.[k] && !(k === 'maxCrossExposure' && mode === 'isolated'));
            if (independent) expect(figure).toEqual({ kind: 'value', value: '0', note: reason('figure.sizeIndependentLimit', { limit: independent.limit }) });
            else if (bounding.length === 0) expect(figure).toEqual({ kind: 'none', reason: reason('figure.noSizeLimit') });
            else if (figure.kind === 'unavailable') {
              // Only a bounding limit that cannot be checked (no stop, stop on the wrong side) leaves it unknown.
              expect(limits.some((c) => bounding.includes(c.limit) && c.status === 'unchecked')).toBe(true);
            }
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('unit cases: capped by the Max, none without a bounding limit, 0 when leverage fails, unavailable without a lot step', () => {
    const at = (over: Parameters<typeof btcOrder>[0]) => side(ok(evaluateOrder(btcOrder(over))), 'long').isolated.maxSizeWithinLimits;
    const lot = { market: { lotStep: '0.001' } };
    // maxLoss 1540.25 holds 0.5 BTC (1525 margin + 15.25 fee); per BTC 3050 + 30.5 = 3080.5.
    expect(at({ ...lot, top: { limits: { maxLoss: '1540.25' } } })).toEqual({ kind: 'value', value: '0.5' });
    expect(at({ ...lot, top: { limits: { maxLoss: '1540.24' } } })).toEqual({ kind: 'value', value: '0.499' });
    expect(at({ ...lot, order: { maxQuantity: '0.3' }, top: { limits: { maxLoss: '1540.25' } } })).toEqual({ kind: 'value', value: '0.3', note: reason('figure.cappedByMax', { max: '0.3' }) });
    expect(at({ ...lot, top: { limits: { maxLoss: '1' } } })).toEqual({ kind: 'value', value: '0', note: reason('figure.noSizeFits') });
    expect(at({ ...lot, top: { limits: { maxLeverage: '10', maxLoss: '1540.25' } } })).toEqual({ kind: 'value', value: '0', note: reason('figure.sizeIndependentLimit', { limit: 'maxLeverage' }) });
    expect(at({ ...lot, top: { limits: { stopLossRequired: true, maxLoss: '1540.25' } } })).toEqual({ kind: 'value', value: '0', note: reason('figure.sizeIndependentLimit', { limit: 'stopLossRequired' }) });
    expect(at({ ...lot, top: { limits: { maxLeverage: '50' } } })).toEqual({ kind: 'none', reason: reason('figure.noSizeLimit') });
    expect(at({ ...lot, top: { limits: { maxCrossExposure: '3' } } })).toEqual({ kind: 'none', reason: reason('figure.noSizeLimit') });
    expect(at({ top: { limits: { maxLoss: '1540.25' } } })).toEqual({ kind: 'unavailable', reason: reason('figure.notComputable') });
    expect(at({ ...lot, top: { limits: { maxStopLossPct: '2' } } })).toEqual({ kind: 'unavailable', reason: reason('limit.unchecked', { limit: 'maxStopLossPct', cause: reason('figure.noStopLoss') }) });
  });
});
