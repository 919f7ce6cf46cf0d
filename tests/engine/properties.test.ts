import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, type Dec } from '../../src/shared/decimal';
import { evaluateOrder } from '../../src/engine/order';
import { equityAt, requirementAt, solvePosition, type PositionInput } from '../../src/engine/position';
import { parseVector } from '../../src/engine/vector-schema';
import { computeVector } from '../../src/engine/vector';
import type { Figure } from '../../src/contracts/evaluation';
import { btcOrder, btcTable } from './fixtures';

/** Invariants of the solver over random positions and orders; at least 10,000 cases each. */
const RUNS = { numRuns: 10_000 };
const BTC_TIERS = btcTable().tiers;

/** A decimal string from an integer and a scale: exact, no floats. */
const decimal = (min: number, max: number, scale: number) =>
  fc.integer({ min, max }).map((n) => new D(n).div(new D(10).pow(scale)).toFixed());

const side = fc.constantFrom('long', 'short');

/** Maintenance rules of every venue: a table, a single rate, Hyperliquid's shorthand. */
const maintenanceFor = (venue: string) => {
  switch (venue) {
    case 'binance':
      return fc.oneof(fc.constant({ tiers: BTC_TIERS }), fc.record({ rate: decimal(1, 100, 3), amount: decimal(0, 50, 0) }));
    case 'hyperliquid':
      return fc.record({ assetMaxLeverage: fc.integer({ min: 3, max: 50 }).map(String) });
    default:
      return fc.record({ rate: decimal(1, 100, 3) });
  }
};

const linearVector = fc
  .record({
    venue: fc.constantFrom('binance', 'hyperliquid', 'okx', 'gate', 'bybit'),
    mode: fc.constantFrom('isolated', 'cross'),
    side,
    quantity: decimal(1, 500_000, 3),
    entry: decimal(100, 10_000_000, 1),
    markMove: fc.integer({ min: -20, max: 20 }),
    leverage: fc.integer({ min: 1, max: 125 }),
    wallet: decimal(1, 100_000_000, 2),
    taker: decimal(0, 10, 4),
    product: fc.constantFrom('linear', 'inverse'),
    hedge: fc.option(fc.record({ quantity: decimal(1, 500_000, 3), entry: decimal(100, 10_000_000, 1) }), { nil: undefined }),
    others: fc.array(
      fc.record({ side, quantity: decimal(1, 100_000, 3), entry: decimal(100, 1_000_000, 1), mark: decimal(100, 1_000_000, 1), maintenanceRate: decimal(1, 100, 3), maintenanceAmount: decimal(0, 100, 0) }),
      { maxLength: 3 },
    ),
  })
  .filter((v) => !(v.venue === 'gate' && v.mode === 'cross'))
  .chain((v) =>
    maintenanceFor(v.venue).map((maintenance) => {
      const mark = new D(v.entry).times(new D(100 + v.markMove).div(100)).toFixed();
      const unit = v.product === 'inverse' ? 'usd' : 'base';
      const cross = v.mode === 'cross';
      const opposite = v.side === 'long' ? 'short' : 'long';
      return {
        venue: v.venue, product: v.product, mode: v.mode,
        positionMode: cross && v.hedge ? 'hedge' : 'oneWay',
        hedgeOpposite: cross && v.hedge ? { side: opposite, quantity: v.hedge.quantity, quantityUnit: unit, entryPrice: v.hedge.entry, contractSize: '1' } : undefined,
        otherPositions: cross ? v.others.map((o) => ({ ...o, quantityUnit: unit, entryPrice: o.entry, markPrice: o.mark })) : [],
        position: { side: v.side, quantity: v.quantity, quantityUnit: unit, entryPrice: v.entry, markPrice: mark, leverage: String(v.leverage), contractSize: '1' },
        collateral: v.mode === 'cross' ? { walletBalance: v.wallet } : {},
        maintenance: { ...maintenance, tierUnit: 'notional' },
        fees: { takerRate: v.taker },
      };
    }),
  );

function parsed(v: unknown): PositionInput {
  const p = parseVector(v);
  if ('error' in p || p.kind !== 'liquidation') throw new Error(`bad generated vector: ${JSON.stringify(p)}`);
  return p.position;
}

const close = (a: Dec, b: Dec, rel: string) => a.minus(b).abs().lte(new D(rel).times(D.max(a.abs(), b.abs(), 1)));

describe('engine invariants', () => {
  it('at the liquidation price, equity equals the maintenance requirement', () => {
    fc.assert(
      fc.property(linearVector, (v) => {
        const sc = parsed(v);
        const r = solvePosition(sc);
        if (!r.liquidationPrice) return true;
        return close(equityAt(sc, r.liquidationPrice), requirementAt(sc, r.liquidationPrice), '1e-9');
      }),
      RUNS,
    );
  });

  it('at the bankruptcy price, equity is zero', () => {
    fc.assert(
      fc.property(linearVector.filter((v) => !(v.venue === 'bybit' && v.mode === 'cross')), (v) => {
        const sc = parsed(v);
        const r = solvePosition(sc);
        if (!r.bankruptcyPrice) return true;
        return close(equityAt(sc, r.bankruptcyPrice), new D(0), '1e-9');
      }),
      RUNS,
    );
  });

  const order = fc.record({
    quantity: decimal(1, 200_000, 3),
    price: decimal(10_000, 1_000_000, 1),
    leverage: fc.integer({ min: 1, max: 20 }).map(String),
    taker: decimal(0, 10, 4),
    wallet: decimal(1, 10_000_000, 2),
  });
  const figure = (f: Figure) => (f.kind === 'value' ? new D(f.value) : null);

  it('isolated worst-case loss never exceeds the margin plus fees', () => {
    fc.assert(
      fc.property(order, (o) => {
        const e = evaluateOrder(btcOrder({ order: { quantity: o.quantity, price: o.price, leverage: o.leverage }, market: { markPrice: o.price, takerRate: o.taker } }));
        if ('error' in e) return false;
        return e.sides.every((s) => {
          const iso = s.isolated;
          // A side above its bracket's leverage is not priced at all (the other side still is).
          if (iso.worstCaseLoss.kind === 'unavailable') return iso.worstCaseLoss.reason.code === 'figure.aboveBracketLeverage';
          // Equity is margin + PnL at the mark, each step at 40 significant digits: allow the last digits.
          const bound = figure(iso.initialMargin)!.plus(figure(iso.openFee)!);
          return figure(iso.worstCaseLoss)!.lte(bound.plus(D.max(bound, 1).times('1e-30')));
        });
      }),
      RUNS,
    );
  });

  it('in isolated mode a long liquidates higher (a short lower) as leverage rises', () => {
    fc.assert(
      fc.property(linearVector.filter((v) => v.mode === 'isolated'), fc.integer({ min: 1, max: 50 }), (v, extra) => {
        const low = parsed(v);
        const high = parsed({ ...v, position: { ...v.position, leverage: String(Number(v.position.leverage) + extra) } });
        const a = solvePosition(low).liquidationPrice ?? new D(0);
        const b = solvePosition(high).liquidationPrice ?? new D(0);
        const inverseShortNone = v.product === 'inverse' && v.position.side === 'short';
        if (v.position.side === 'long') return b.gte(a);
        // A short with no liquidation price is infinitely far: any price is lower.
        if (inverseShortNone && solvePosition(low).liquidationPrice === null) return true;
        return b.lte(a);
      }),
      RUNS,
    );
  });

  it('with no other positions and a cross balance at least the isolated margin, cross is never closer to liquidation', () => {
    fc.assert(
      // Bybit cross also reserves the fee to close at the bankruptcy price (docs/engine.md, rules per venue), which its
      // isolated margin carries on top of position value / leverage; compare the two without that fee.
      fc.property(linearVector.filter((v) => v.mode === 'isolated' && v.venue !== 'gate'), decimal(0, 10_000_000, 2), (generated, more) => {
        const v = generated.venue === 'bybit' ? { ...generated, fees: {} } : generated;
        const iso = parsed(v);
        const margin = iso.collateral.kind === 'isolated' ? iso.collateral.margin : new D(0);
        // Rounded up to 20 places: still at least the margin, and a plain decimal of at most 40 fraction digits.
        const wallet = margin.plus(more).toDecimalPlaces(20, D.ROUND_UP).toFixed();
        const cross = parsed({ ...v, mode: 'cross', collateral: { walletBalance: wallet } });
        const li = solvePosition(iso).liquidationPrice;
        const lc = solvePosition(cross).liquidationPrice;
        if (lc === null || lc === undefined) return true;
        if (li === null || li === undefined) return false;
        return v.position.side === 'long' ? lc.lte(li.times('1.000000001')) : lc.gte(li.times('0.999999999'));
      }),
      RUNS,
    );
  });

  it('linear results do not change when prices are multiplied by k and sizes divided by k', () => {
    fc.assert(
      fc.property(linearVector.filter((v) => v.product === 'linear'), fc.constantFrom('10', '0.1', '1000', '0.001', '4'), (v, k) => {
        const scale = (p: string) => new D(p).times(k).toFixed();
        const shrink = (q: string) => new D(q).div(k).toFixed();
        const scaled = {
          ...v,
          position: { ...v.position, quantity: shrink(v.position.quantity), entryPrice: scale(v.position.entryPrice), markPrice: scale(v.position.markPrice) },
          hedgeOpposite: v.hedgeOpposite && { ...v.hedgeOpposite, quantity: shrink(v.hedgeOpposite.quantity), entryPrice: scale(v.hedgeOpposite.entryPrice) },
          otherPositions: v.otherPositions.map((o) => ({ ...o, quantity: shrink(o.quantity), entryPrice: scale(o.entryPrice), markPrice: scale(o.markPrice) })),
        };
        const a = computeVector(v);
        const b = computeVector(scaled);
        if ('error' in a || 'error' in b) return false;
        const same = (x: string | null | undefined, y: string | null | undefined, factor = '1') =>
          x == null || y == null ? (x ?? null) === (y ?? null) : close(new D(x).times(factor), new D(y), '1e-20');
        return (
          same(a.liquidationPrice, b.liquidationPrice, k) &&
          same(a.bankruptcyPrice, b.bankruptcyPrice, k) &&
          same(a.initialMargin, b.initialMargin) &&
          same(a.maintenanceMargin, b.maintenanceMargin) &&
          same(a.worstCaseLoss, b.worstCaseLoss) &&
          a.tier === b.tier
        );
      }),
      RUNS,
    );
  });
});

/** The worst case is what can still be lost: never negative, however far under water (issue 7). */
describe('worst-case loss is never negative', () => {
  it('computeVector, for every generated position (wallets down to negative, marks up to 20 % against)', () => {
    fc.assert(
      fc.property(linearVector, decimal(-100_000_000, 100_000_000, 2), (generated, wallet) => {
        const v = generated.mode === 'cross' ? { ...generated, collateral: { walletBalance: wallet } } : generated;
        const out = computeVector(v);
        if ('error' in out) return false;
        return out.worstCaseLoss !== undefined && new D(out.worstCaseLoss).gte(0);
      }),
      RUNS,
    );
  });

  const existingLeg = fc.record({
    side,
    size: decimal(1, 50_000, 3),
    entryPrice: decimal(100_000, 1_500_000, 1),
    mode: fc.constantFrom('isolated' as const, 'cross' as const),
    isolatedMargin: fc.option(decimal(0, 100_000_000, 2), { nil: undefined }),
  });
  const otherPosition = fc.record({
    symbol: fc.constant('ETHUSDT'),
    side,
    size: decimal(1, 100_000, 3),
    entryPrice: decimal(1_000, 100_000, 1),
    markPrice: decimal(1_000, 100_000, 1),
    maintenanceRate: decimal(1, 100, 3),
    maintenanceAmount: decimal(0, 100, 0),
  });
  const orderScenario = fc.record({
    quantity: decimal(1, 200_000, 3),
    price: decimal(100_000, 1_500_000, 1),
    markMove: fc.integer({ min: -5, max: 5 }),
    leverage: fc.integer({ min: 1, max: 125 }).map(String),
    taker: decimal(0, 10, 4),
    wallet: decimal(-10_000_000, 10_000_000, 2),
    existing: fc.option(existingLeg, { nil: undefined }),
    others: fc.array(otherPosition, { maxLength: 3 }),
    positionMode: fc.constantFrom('oneWay' as const, 'hedge' as const),
    action: fc.constantFrom('open' as const, 'close' as const),
  });

  it('evaluateOrder, every side and mode of every generated order (existing legs, other cross positions under water)', () => {
    fc.assert(
      fc.property(orderScenario, (o) => {
        const mark = new D(o.price).times(new D(100 + o.markMove).div(100)).toFixed();
        const sc = btcOrder({
          top: { positionMode: o.positionMode, action: o.positionMode === 'hedge' ? o.action : 'open' },
          order: { quantity: o.quantity, price: o.price, leverage: o.leverage },
          market: { markPrice: mark, takerRate: o.taker },
          account: { existing: o.existing ? [o.existing] : [], cross: { walletBalance: o.wallet, otherPositions: o.others } },
        });
        const e = evaluateOrder(sc);
        if ('error' in e) return false;
        return e.sides.every((s) =>
          [s.isolated, s.cross].every((m) => {
            if (m.worstCaseLoss.kind === 'value') return new D(m.worstCaseLoss.value).gte(0);
            return m.worstCaseLoss.kind === 'unavailable' && m.worstCaseLoss.reason.code === 'figure.aboveBracketLeverage';
          }),
        );
      }),
      RUNS,
    );
  });
});
