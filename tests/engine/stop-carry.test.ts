import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, type Dec } from '../../src/shared/decimal';
import { evaluateOrder } from '../../src/engine/order';
import type { ModeFigures, OrderScenario } from '../../src/contracts/evaluation';
import { reason, type Mode, type Side } from '../../src/contracts/reasons';
import { btcOrder, num, ok, side } from './fixtures';

/**
 * Issue 8: the stop-loss against the liquidation price (a warning when the stop lies at or beyond it, or
 * inside the trader's buffer) and the funding carry over the hold time, through evaluateOrder.
 */

const MODES: Mode[] = ['isolated', 'cross'];

function figures(sc: OrderScenario, s: Side, mode: Mode): ModeFigures {
  return side(ok(evaluateOrder(sc)), s)[mode];
}

describe('stop-loss versus liquidation', () => {
  it('warns when the stop lies beyond the liquidation price: liquidation comes first, the loss is the worst case', () => {
    const f = figures(btcOrder({ order: { leverage: '50', stopLoss: '50000' } }), 'long', 'isolated');
    const liq = num(f.liquidationPrice);
    expect(liq.gt(50000)).toBe(true);
    expect(f.stopWarning).toEqual(reason('stop.beyondLiquidation', { stop: '50000', liquidation: liq.toFixed() }));
    expect(f.stopBeyondLiquidation).toEqual({ kind: 'value', value: '1' });
    expect(f.stopLossLoss).toEqual(f.worstCaseLoss);
    // The buffer is negative: the stop lies that far (in % of the mark) past the liquidation price.
    expect(num(f.stopBufferPct).minus(new D(50000).minus(liq).times(100).div(61000)).abs().lte('1e-30')).toBe(true);
  });

  it('a stop exactly at the liquidation price counts as beyond it (both sides, both modes)', () => {
    for (const s of ['long', 'short'] as const) {
      for (const mode of MODES) {
        const first = figures(btcOrder({ order: { leverage: '25' } }), s, mode);
        const liq = num(first.liquidationPrice).toFixed();
        const f = figures(btcOrder({ order: { leverage: '25', stopLoss: liq } }), s, mode);
        expect(f.stopWarning, `${s} ${mode}`).toEqual(reason('stop.beyondLiquidation', { stop: liq, liquidation: liq }));
        expect(f.stopBeyondLiquidation).toEqual({ kind: 'value', value: '1' });
        expect(num(f.stopBufferPct).isZero()).toBe(true);
      }
    }
  });

  it('warns when the stop lies inside the buffer the trader set, and not outside it', () => {
    // Isolated long at 20x: liquidation near 58,190; a stop at 58,500 is about 0.5 % of the mark above it.
    const base = figures(btcOrder(), 'long', 'isolated');
    const liq = num(base.liquidationPrice);
    const stop = '58500';
    const buffer = new D(stop).minus(liq).times(100).div(61000);
    expect(buffer.gt(0) && buffer.lt(1)).toBe(true);
    const inside = figures(btcOrder({ order: { stopLoss: stop }, top: { limits: { minStopBufferPct: '1' } } }), 'long', 'isolated');
    expect(num(inside.stopBufferPct).minus(buffer).abs().lte('1e-30')).toBe(true);
    expect(inside.stopWarning).toEqual(reason('stop.insideBuffer', { buffer: num(inside.stopBufferPct).toFixed(), threshold: '1' }));
    expect(inside.stopBeyondLiquidation).toEqual({ kind: 'value', value: '0' });
    // The same stop with a buffer it clears, or with no buffer set: no warning.
    expect(figures(btcOrder({ order: { stopLoss: stop }, top: { limits: { minStopBufferPct: '0.1' } } }), 'long', 'isolated').stopWarning).toBeNull();
    expect(figures(btcOrder({ order: { stopLoss: stop } }), 'long', 'isolated').stopWarning).toBeNull();
  });

  it('a stop on the wrong side of the entry is no stop: no warning, the figures say why', () => {
    const f = figures(btcOrder({ order: { stopLoss: '62000' }, top: { limits: { minStopBufferPct: '1' } } }), 'long', 'cross');
    const why = { kind: 'none', reason: reason('figure.stopOnWrongSide', { stop: '62000', side: 'long' }) };
    expect(f.stopWarning).toBeNull();
    expect(f.stopLossLoss).toEqual(why);
    expect(f.stopBufferPct).toEqual(why);
    expect(f.stopBeyondLiquidation).toEqual(why);
  });

  it('no stop-loss: no warning and no stop figures', () => {
    const f = figures(btcOrder({ top: { limits: { minStopBufferPct: '1' } } }), 'short', 'isolated');
    expect(f.stopWarning).toBeNull();
    expect(f.stopLossLoss).toEqual({ kind: 'none', reason: reason('figure.noStopLoss') });
  });

  it('property: the warning, the buffer and the loss follow from the stop and the liquidation price alone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Side>('long', 'short'),
        fc.constantFrom<Mode>('isolated', 'cross'),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 4000 }),
        fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
        fc.integer({ min: 200, max: 20_000 }),
        (s, mode, leverage, stopOffset, bufferTenths, wallet) => {
          const long = s === 'long';
          // A stop 0.01 % … 40 % of the price on the losing side of the entry (61,000).
          const stop = new D(61000).times(new D(long ? 10000 - stopOffset : 10000 + stopOffset).div(10000)).toDecimalPlaces(1);
          const buffer = bufferTenths === undefined ? undefined : new D(bufferTenths).div(10);
          const sc = btcOrder({
            order: { leverage: String(leverage), stopLoss: stop.toFixed() },
            account: { cross: { walletBalance: String(wallet), otherPositions: [] } },
            top: { limits: buffer ? { minStopBufferPct: buffer.toFixed() } : {} },
          });
          const result = evaluateOrder(sc);
          if ('error' in result) throw new Error(result.error.reason.code);
          const f = side(result, s)[mode];
          if (f.liquidationPrice.kind !== 'value') {
            // Refused above the bracket, liquidated already, or no liquidation price: nothing to warn about here.
            if (f.liquidationPrice.kind === 'none') expect(f.stopWarning).toBeNull();
            return;
          }
          const liq = num(f.liquidationPrice);
          const beyond = long ? stop.lte(liq) : stop.gte(liq);
          const bufferPct = (long ? stop.minus(liq) : liq.minus(stop)).times(100).div(61000);
          expect(num(f.stopBufferPct).minus(bufferPct).abs().lte('1e-30')).toBe(true);
          expect(f.stopBeyondLiquidation).toEqual({ kind: 'value', value: beyond ? '1' : '0' });
          if (beyond) {
            expect(f.stopWarning).toEqual(reason('stop.beyondLiquidation', { stop: stop.toFixed(), liquidation: liq.toFixed() }));
            expect(f.stopLossLoss).toEqual(f.worstCaseLoss);
          } else {
            const insideBuffer = buffer !== undefined && bufferPct.lt(buffer);
            expect(f.stopWarning).toEqual(insideBuffer ? reason('stop.insideBuffer', { buffer: num(f.stopBufferPct).toFixed(), threshold: buffer!.toFixed() }) : null);
            // The loss at the stop: the price move, the fee to open, the fee to close at the stop.
            const size = new D(0.5);
            const loss = size.times(long ? new D(61000).minus(stop) : stop.minus(61000)).plus(size.times(61000).times('0.0005')).plus(size.times(stop).times('0.0005'));
            expect(num(f.stopLossLoss).toFixed()).toBe(loss.toFixed());
            // A stop that fills before liquidation never loses more than the worst case.
            expect(num(f.stopLossLoss).lte(num(f.worstCaseLoss))).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('funding carry over the hold time', () => {
  const funded = (ratePct: string, holdHours = '24', intervalHours = '8') => ({ market: { funding: { ratePct, intervalHours, holdHours } } });

  it('pays the page\'s rate on the position\'s notional for each funding interval held (long pays a positive rate)', () => {
    const e = ok(evaluateOrder(btcOrder(funded('0.01'))));
    // 0.5 BTC × 61,000 × 0.01 % × 24 h / 8 h = 9.15: the long pays, the short receives.
    for (const mode of MODES) {
      expect(side(e, 'long')[mode].fundingCarry).toEqual({ kind: 'value', value: '9.15' });
      expect(side(e, 'short')[mode].fundingCarry).toEqual({ kind: 'value', value: '-9.15' });
    }
  });

  it('a negative rate turns the payer around', () => {
    const e = ok(evaluateOrder(btcOrder(funded('-0.02', '4', '1'))));
    // 30,500 × −0.02 % × 4 intervals = −24.4 for the long.
    expect(side(e, 'long').isolated.fundingCarry).toEqual({ kind: 'value', value: '-24.4' });
    expect(side(e, 'short').cross.fundingCarry).toEqual({ kind: 'value', value: '24.4' });
  });

  it('is counted on the position the order leaves, at the price it fills at', () => {
    // Adding 0.5 to a 1 BTC long: 1.5 BTC carry. A buy resting at 60,000 (below the 61,000 mark) fills there.
    const existing = [{ side: 'long' as const, size: '1', entryPrice: '60000', mode: 'cross' as const }];
    const added = ok(evaluateOrder(btcOrder({ ...funded('0.01', '8'), account: { existing } })));
    expect(side(added, 'long').cross.fundingCarry).toEqual({ kind: 'value', value: '9.15' });
    const resting = ok(evaluateOrder(btcOrder({ ...funded('0.01', '8'), order: { price: '60000' } })));
    expect(side(resting, 'long').isolated.fundingCarry).toEqual({ kind: 'value', value: '3' });
  });

  it('is unavailable when the page shows no rate', () => {
    const e = ok(evaluateOrder(btcOrder()));
    for (const s of ['long', 'short'] as const) {
      for (const mode of MODES) expect(side(e, s)[mode].fundingCarry).toEqual({ kind: 'unavailable', reason: reason('figure.noFundingRate') });
    }
  });

  it('property: size × fill price × rate × intervals, opposite for the two sides, the same in both modes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3000, max: 3000 }),
        fc.integer({ min: 1, max: 720 }),
        fc.constantFrom('1', '4', '8'),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: -500, max: 500 }),
        (rateMillis, hold, interval, sizeThousandths, priceOffset) => {
          const ratePct = new D(rateMillis).div(10000);
          const size = new D(sizeThousandths).div(1000);
          const price = new D(61000 + priceOffset);
          const sc = btcOrder({
            order: { quantity: size.toFixed(), price: price.toFixed(), leverage: '5' },
            ...funded(ratePct.toFixed(), String(hold), interval),
          });
          const e = ok(evaluateOrder(sc));
          for (const s of ['long', 'short'] as const) {
            // A limit on the passive side of the mark fills at its own price, anything else at the mark.
            const passive = s === 'long' ? price.lt(61000) : price.gt(61000);
            const fill: Dec = passive ? price : new D(61000);
            const expected = size.times(fill).times(ratePct).div(100).times(hold).div(interval).times(s === 'long' ? 1 : -1);
            for (const mode of MODES) {
              const carry = side(e, s)[mode].fundingCarry;
              expect(num(carry).minus(expected).abs().lte('1e-30'), `${s} ${mode}`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
