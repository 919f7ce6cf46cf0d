import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, type Dec } from '../../src/shared/decimal';
import { evaluateOrder } from '../../src/engine/order';
import { parseOrder } from '../../src/engine/order-input';
import { modeNumbers, setupSide, sizeSide } from '../../src/engine/order-mode';
import { equityAt, requirementAt, type PositionInput } from '../../src/engine/position';
import { RULES, type RuleId } from '../../src/engine/rules';
import { tierForNotional } from '../../src/engine/tables';
import { bundledTable } from '../../src/venues/tiers';
import type { VenueId } from '../../src/venues/registry';
import type { ModeFigures, OpenPosition, OrderScenario, TierTable } from '../../src/contracts/evaluation';
import type { Side } from '../../src/contracts/reasons';
import { num, ok, side as sideOf } from './fixtures';

/**
 * Issue 8, cross stress: "if all your cross positions move X % together", the move at which the whole
 * cross account liquidates. The oracle here is not stress.ts: at the reported move it moves every mark
 * of the position solver's own input (position.ts) by the same factor, re-looks up each tier where the
 * venue picks it by the notional at the price, and asks the solver for the equity and the requirement
 * there. They must meet at the move and the equity must stay above the requirement on the way to it.
 */

const RUNS = { numRuns: 400 };

interface VenueCase {
  rule: RuleId;
  venue: VenueId;
  /** The order's own symbol and its bundled table (none: an assumed rate). */
  symbol: string;
  own: TierTable | undefined;
  /** Tables the other cross positions may carry. */
  otherTables: TierTable[];
}

const table = (venue: VenueId, symbol: string): TierTable => {
  const t = bundledTable(venue, symbol);
  if (!t) throw new Error(`no bundled ${venue} ${symbol}`);
  return t;
};

const VENUES: VenueCase[] = [
  { rule: 'binance', venue: 'binance-usdm', symbol: 'BTCUSDT', own: table('binance-usdm', 'BTCUSDT'), otherTables: [table('binance-usdm', 'ETHUSDT'), table('binance-usdm', 'SOLUSDT')] },
  { rule: 'bybit', venue: 'bybit', symbol: 'BTCUSDT', own: table('bybit', 'BTCUSDT'), otherTables: [] },
  { rule: 'okx', venue: 'okx', symbol: 'BTC-USDT-SWAP', own: undefined, otherTables: [] },
  { rule: 'hyperliquid', venue: 'hyperliquid', symbol: 'BTC', own: table('hyperliquid', 'BTC'), otherTables: [table('hyperliquid', 'ETH'), table('hyperliquid', 'SOL')] },
];

/** A decimal from an integer and a scale: exact, no floats. */
const scaled = (min: number, max: number, scale: number) => fc.integer({ min, max }).map((n) => new D(n).div(new D(10).pow(scale)));
/** A notional spread over many orders of magnitude: mantissa × 10^exponent. */
const notional = (minExp: number, maxExp: number) => fc.tuple(fc.integer({ min: 100, max: 999 }), fc.integer({ min: minExp, max: maxExp })).map(([m, e]) => new D(m).times(new D(10).pow(e - 2)));
const sideArb = fc.constantFrom<Side>('long', 'short');
/** A size for about this notional at the mark: 6 decimals, never zero. */
const sizeAt = (notional: Dec, mark: Dec) => notional.div(mark).toDecimalPlaces(6, D.ROUND_DOWN).plus('0.000001');

const otherArb = (v: VenueCase) =>
  fc.record({
    side: sideArb,
    mark: scaled(100, 10_000_000, 2),
    notional: notional(2, 8),
    entryMove: fc.integer({ min: -300, max: 300 }),
    rate: scaled(1, 100, 3),
    amount: scaled(0, 500, 0),
    table: v.otherTables.length ? fc.option(fc.constantFrom(...v.otherTables), { nil: undefined }) : fc.constant(undefined),
  });

const accountArb = (v: VenueCase) =>
  fc.record({
    side: sideArb,
    mark: scaled(10_000, 1_000_000, 1),
    notional: notional(3, 8),
    priceMove: fc.integer({ min: -20, max: 20 }),
    leverage: fc.integer({ min: 1, max: 20 }),
    walletShare: fc.integer({ min: 2, max: 300 }),
    taker: scaled(0, 10, 4),
    assumedRate: scaled(1, 50, 3),
    others: fc.array(otherArb(v), { maxLength: 3 }),
  });

type Account = ReturnType<typeof accountArb> extends fc.Arbitrary<infer T> ? T : never;

/** The other position as the background gives it: its tier at its own mark when its table holds it. */
function openPosition(v: VenueCase, o: Account['others'][number], i: number): OpenPosition {
  const size = sizeAt(o.notional, o.mark);
  const entry = o.mark.times(new D(1000 + o.entryMove).div(1000)).toDecimalPlaces(2);
  const tier = o.table && tierForNotional(o.table, RULES[v.rule], size.times(o.mark));
  const position: OpenPosition = {
    symbol: `OTHER${i}`, side: o.side, size: size.toFixed(), entryPrice: entry.toFixed(), markPrice: o.mark.toFixed(),
    maintenanceRate: tier ? tier.rate.toFixed() : o.rate.toFixed(), maintenanceAmount: tier ? tier.amount.toFixed() : v.rule === 'okx' ? '0' : o.amount.toFixed(),
  };
  if (tier && o.table) position.table = o.table;
  return position;
}

function scenarioOf(v: VenueCase, a: Account): OrderScenario {
  const size = sizeAt(a.notional, a.mark);
  const price = a.mark.times(new D(1000 + a.priceMove).div(1000)).toDecimalPlaces(1);
  const wallet = a.notional.div(a.leverage).times(a.walletShare).div(100).toDecimalPlaces(2);
  return {
    rule: v.rule,
    symbol: v.symbol,
    quoteAsset: 'USDT',
    positionMode: 'oneWay',
    sides: [a.side],
    action: 'open',
    order: { type: 'limit', price: price.toFixed(), quantity: size.toFixed(), leverage: String(a.leverage) },
    market: {
      markPrice: a.mark.toFixed(),
      maintenance: v.own ? { table: v.own } : { assumedRate: a.assumedRate.toFixed(), assumedAmount: '0' },
      takerRate: a.taker.toFixed(),
    },
    account: { existing: [], cross: { walletBalance: wallet.toFixed(), otherPositions: a.others.map((o, i) => openPosition(v, o, i)) } },
  };
}

/** The position solver's cross input for the scenario's side (the numbers the panel's cross figures come from). */
function crossInput(sc: OrderScenario): PositionInput | null {
  const p = parseOrder(sc);
  const setup = setupSide(sc, p, sc.sides[0]!);
  const sized = sizeSide(p, setup, p.quantity, []);
  return sized.kind === 'position' ? modeNumbers(p, setup, sized, 'cross').input : null;
}

/**
 * The account after every mark moved by `x` (a fraction), in the solver's terms: each other position at
 * its moved mark, its tier looked up again at its moved notional where the venue picks tiers by the
 * notional at the price; equity and requirement at the own symbol's moved price.
 */
function solverAt(sc: OrderScenario, input: PositionInput, x: Dec): { equity: Dec; requirement: Dec } {
  const factor = new D(1).plus(x);
  const rule = RULES[sc.rule];
  const byNotional = rule.tierBasis !== 'entry';
  const tables = sc.account.cross!.otherPositions.map((o) => o.table);
  const moved: PositionInput = {
    ...input,
    legs: input.legs.map((l) => ({ ...l, mark: l.mark!.times(factor) })),
    others: input.others.map((o, i) => {
      const mark = o.mark.times(factor);
      const t = tables[i];
      const tier = byNotional && t ? tierForNotional(t, rule, o.q.times(mark)) : undefined;
      return tier ? { ...o, mark, rate: tier.rate, amount: rule.hasDeduction ? tier.amount : new D(0) } : { ...o, mark };
    }),
  };
  const price = input.legs[0]!.mark!.times(factor);
  return { equity: equityAt(moved, price), requirement: requirementAt(moved, price) };
}

/** The scale of the account's numbers: the tolerance is relative to it. */
function scaleOf(input: PositionInput): Dec {
  let s = new D(1);
  for (const l of input.legs) s = s.plus(l.q.times(l.mark!));
  for (const o of input.others) s = s.plus(o.q.times(o.mark));
  return input.collateral.kind === 'wallet' ? s.plus(input.collateral.balance.abs()) : s;
}

const TOLERANCE = new D('1e-24');

function crossOf(sc: OrderScenario): ModeFigures {
  return sideOf(ok(evaluateOrder(sc)), sc.sides[0]!).cross;
}

/** Checks the reported move against the solver: the equity meets the requirement there, and stays above it before. */
function checkMove(sc: OrderScenario): 'checked' | 'skipped' {
  const input = crossInput(sc);
  if (!input) return 'skipped';
  const cross = crossOf(sc);
  const figure = cross.accountLiquidationMovePct;
  if (figure.kind === 'unavailable') {
    // Only where the position itself has no maintenance (past the end of a partial table): the same reason.
    expect(cross.maintenanceMargin).toEqual(figure);
    return 'skipped';
  }
  const tol = TOLERANCE.times(scaleOf(input));
  const at = (x: Dec) => solverAt(sc, input, x);
  if (figure.kind === 'none') {
    // No move of either sign liquidates: the equity stays above the requirement all the way.
    for (const x of ['-0.999', '-0.9', '-0.5', '-0.1', '0.1', '0.5', '1', '5', '100']) {
      const { equity, requirement } = at(new D(x));
      expect(equity.gt(requirement), `move ${x}: ${equity} vs ${requirement}`).toBe(true);
    }
    return 'checked';
  }
  expect(figure.kind).toBe('value');
  const move = num(figure).div(100);
  if (move.isZero()) {
    const { equity, requirement } = at(move);
    expect(equity.lte(requirement.plus(tol))).toBe(true);
    return 'checked';
  }
  expect(move.gt(-1)).toBe(true);
  const there = at(move);
  expect(there.equity.minus(there.requirement).abs().lte(tol), `at ${move}: equity ${there.equity}, requirement ${there.requirement}`).toBe(true);
  // Just before the move (and at points on the way from no move), the account still stands.
  for (const share of ['0.999999', '0.99', '0.9', '0.75', '0.5', '0.25', '0.1', '0.01']) {
    const before = at(move.times(share));
    expect(before.equity.gt(before.requirement), `at ${share} of ${move}: equity ${before.equity}, requirement ${before.requirement}`).toBe(true);
  }
  return 'checked';
}

describe('cross stress: the move that liquidates the whole cross account', () => {
  for (const v of VENUES) {
    it(`${v.rule}: equity = requirement at the reported move, and above it before (random accounts)`, () => {
      let checked = 0;
      fc.assert(
        fc.property(accountArb(v), (a) => {
          if (checkMove(scenarioOf(v, a)) === 'checked') checked++;
        }),
        RUNS,
      );
      // Most generated accounts can be sized (a leverage above the bracket's is refused).
      expect(checked).toBeGreaterThan(RUNS.numRuns / 2);
    });
  }

  it('the oracle fails on a move that is off (the check can fail)', () => {
    const v = VENUES[0]!;
    const sc = scenarioOf(v, {
      side: 'long', mark: new D(60000), notional: new D(300000), priceMove: 0, leverage: 10, walletShare: 150, taker: new D('0.0005'), assumedRate: new D('0.01'),
      others: [{ side: 'short', mark: new D(3000), notional: new D(100000), entryMove: 20, rate: new D('0.01'), amount: new D(0), table: v.otherTables[0] }],
    });
    const input = crossInput(sc)!;
    const move = num(crossOf(sc).accountLiquidationMovePct).div(100);
    const near = solverAt(sc, input, move.times('1.000001'));
    expect(near.equity.minus(near.requirement).abs().gt(TOLERANCE.times(scaleOf(input)))).toBe(true);
  });

  it('with no other position, the move lands on the cross liquidation price (every venue)', () => {
    for (const v of VENUES) {
      fc.assert(
        fc.property(accountArb(v), (a) => {
          const sc = scenarioOf(v, { ...a, others: [], notional: a.notional.gt(1e8) ? new D(1e6) : a.notional });
          const input = crossInput(sc);
          if (!input) return;
          const cross = crossOf(sc);
          if (cross.liquidationPrice.kind !== 'value' || cross.accountLiquidationMovePct.kind !== 'value') return;
          const fill = input.legs[0]!.mark!;
          const moved = fill.times(new D(1).plus(num(cross.accountLiquidationMovePct).div(100)));
          // Hyperliquid's solver keeps the tier at the mark (its liquidation formula), the stress re-checks
          // it along the way: the two agree while the liquidation price stays in the mark's tier.
          const table = v.own && v.rule === 'hyperliquid' ? v.own : undefined;
          const tierAt = (price: Dec) => table && tierForNotional(table, RULES[v.rule], new D(sc.order.quantity).times(price))?.label;
          if (tierAt(fill) !== tierAt(moved)) return;
          expect(moved.minus(num(cross.liquidationPrice)).abs().lte(fill.times('1e-24')), `${v.rule}: ${moved} vs ${cross.liquidationPrice.value}`).toBe(true);
        }),
        { numRuns: 100 },
      );
    }
  });

  it('Hyperliquid re-checks tiers along the way: a move across the 150M floor changes the rate', () => {
    const v = VENUES[3]!;
    // 2600 BTC at 60000 = 156M (tier 2, 20x max, 2.5 %); a fall of a few % takes it below 150M (tier 1, 1.25 %).
    const sc = scenarioOf(v, { side: 'long', mark: new D(60000), notional: new D(156_000_000), priceMove: 0, leverage: 20, walletShare: 140, taker: new D('0.00045'), assumedRate: new D('0.01'), others: [] });
    const input = crossInput(sc)!;
    const move = num(crossOf(sc).accountLiquidationMovePct).div(100);
    const size = new D(sc.order.quantity);
    const movedNotional = size.times(60000).times(new D(1).plus(move));
    expect(size.times(60000).gt(150_000_000)).toBe(true);
    expect(movedNotional.lt(150_000_000)).toBe(true);
    // At the move, the requirement is tier 1's: 1.25 % of the moved notional.
    const there = solverAt(sc, input, move);
    expect(there.requirement.minus(movedNotional.times('0.0125')).abs().lte('1e-20')).toBe(true);
    expect(there.equity.minus(there.requirement).abs().lte(TOLERANCE.times(scaleOf(input)))).toBe(true);
  });

  it('Bybit: the fee to close counts at the bankruptcy price of the state the move reaches, as the solver takes it', () => {
    const v = VENUES[1]!;
    // A long BTC with a long ETH beside it (an assumed 1 %): the fee to close moves with the account.
    const sc = scenarioOf(v, {
      side: 'long', mark: new D(60000), notional: new D(600000), priceMove: 0, leverage: 10, walletShare: 200, taker: new D('0.00055'), assumedRate: new D('0.01'),
      others: [{ side: 'long', mark: new D(3000), notional: new D(300000), entryMove: -50, rate: new D('0.01'), amount: new D(0), table: undefined }],
    });
    const input = crossInput(sc)!;
    const move = num(crossOf(sc).accountLiquidationMovePct).div(100);
    const there = solverAt(sc, input, move);
    expect(there.equity.minus(there.requirement).abs().lte(TOLERANCE.times(scaleOf(input)))).toBe(true);
    // The requirement there, from Bybit's rule written out: the BTC maintenance on its entry value (tier 1,
    // 0.5 %), the ETH maintenance on its moved notional, and the fee to close at the bankruptcy price of
    // the state reached, the BTC price at which the moved account covers only that fee.
    const size = new D(sc.order.quantity);
    const fee = new D(sc.market.takerRate);
    const other = input.others[0]!;
    const ownAtMove = input.legs[0]!.mark!.times(new D(1).plus(move));
    const bankruptcy = size.times(ownAtMove).minus(there.equity).div(size.times(new D(1).minus(fee)));
    const expected = size.times(input.legs[0]!.entry!).times('0.005')
      .plus(other.q.times(other.mark).times(new D(1).plus(move)).times('0.01'))
      .plus(size.times(bankruptcy).times(fee));
    expect(there.requirement.minus(expected).abs().lte('1e-20'), `${there.requirement} vs ${expected}`).toBe(true);
  });
});

describe('isolated figures never depend on other positions', () => {
  for (const v of VENUES) {
    it(`${v.rule}: the same isolated figures with any other cross positions and wallet`, () => {
      fc.assert(
        fc.property(accountArb(v), fc.array(otherArb(v), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 500 }), (a, others, share) => {
          const alone = evaluateOrder(scenarioOf(v, { ...a, others: [] }));
          const crowded = evaluateOrder(scenarioOf(v, { ...a, others, walletShare: share }));
          if ('error' in alone || 'error' in crowded) return;
          // The PnL picture is drawn on the side's one price axis, which the cross prices widen: its points
          // are compared as a line (same PnL at each price), every other isolated figure as it is.
          const { pnl: crowdedPnl, ...crowdedRest } = crowded.sides[0]!.isolated;
          const { pnl: alonePnl, ...aloneRest } = alone.sides[0]!.isolated;
          expect(crowdedRest).toEqual(aloneRest);
          expect(crowdedPnl.length > 0).toBe(alonePnl.length > 0);
        }),
        { numRuns: 100 },
      );
    });
  }
});
