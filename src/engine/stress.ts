import { D, type Dec } from '../shared/decimal';
import type { VenueRule } from './rules';
import { tierIndexFor, type Tiers } from './tiers';

/**
 * The cross account under a uniform move: every cross position's price × (1 + X) at once. Equity is a
 * straight line in X; the requirement is one per stretch of X where no position changes tier (tiers are
 * re-checked along the way where the venue's rule picks them at the liquidation price). The move that
 * liquidates the account is the root of equity = requirement nearest to no move, in either direction.
 */

export interface StressPosition {
  s: 1 | -1;
  q: Dec;
  /** The price the move starts from (the position's mark). */
  mark: Dec;
  entry: Dec;
  /** Its tier table, when the rule re-checks tiers at the moved price; null keeps the tier below. */
  tiers: Tiers | null;
  /** The tier at the start (rate and amount of the maintenance requirement). */
  rate: Dec;
  amount: Dec;
}

export interface StressInput {
  rule: VenueRule;
  takerRate: Dec;
  /** Cross equity before the move. */
  equity: Dec;
  positions: StressPosition[];
}

const ZERO = new D(0);
const ONE = new D(1);

interface Line {
  a: Dec;
  b: Dec;
}

/** The requirement as a line in X, with each position's tier taken at move `at`. */
function requirementLine(input: StressInput, at: Dec): Line {
  const fee = input.rule.feeInThreshold ? input.takerRate : ZERO;
  let a = ZERO;
  let b = ZERO;
  for (const p of input.positions) {
    let rate = p.rate;
    let amount = p.amount;
    if (p.tiers && input.rule.tierBasis === 'liquidation') {
      const index = tierIndexFor(p.tiers, p.q.times(p.mark).times(ONE.plus(at)));
      const tier = p.tiers.tiers[index === 'beyond-table' ? p.tiers.tiers.length - 1 : index]!;
      rate = tier.rate;
      amount = tier.amount;
    }
    if (input.rule.requirementAt === 'entry') {
      a = a.plus(p.q.times(p.entry).times(rate)).minus(amount);
    } else {
      const n = p.q.times(p.mark).times(rate.plus(fee));
      a = a.plus(n).minus(amount);
      b = b.plus(n);
    }
  }
  return { a, b };
}

/** Σ s·q·mark: how the equity changes per unit of move. */
function exposure(input: StressInput): Dec {
  let total = ZERO;
  for (const p of input.positions) total = p.s === 1 ? total.plus(p.q.times(p.mark)) : total.minus(p.q.times(p.mark));
  return total;
}

/** The account at a move (a fraction: -0.1 = every price 10 % lower). */
export function stressAt(input: StressInput, move: Dec): { equity: Dec; requirement: Dec } {
  const r = requirementLine(input, move);
  return { equity: input.equity.plus(exposure(input).times(move)), requirement: r.a.plus(r.b.times(move)) };
}

/** The moves where some position enters another tier (only where tiers are re-checked). */
function tierEdges(input: StressInput): Dec[] {
  if (input.rule.tierBasis !== 'liquidation') return [];
  const edges: Dec[] = [];
  for (const p of input.positions) {
    if (!p.tiers) continue;
    const notional = p.q.times(p.mark);
    if (notional.isZero()) continue;
    for (const tier of p.tiers.tiers) if (tier.floor && tier.floor.gt(0)) edges.push(tier.floor.div(notional).minus(ONE));
  }
  return edges.filter((x) => x.gt(-1));
}

/**
 * The move that liquidates the whole cross account: the root of equity = requirement nearest to no move
 * (0 when it is already at or below, null when no move of either sign gets there).
 */
export function accountLiquidationMove(input: StressInput): Dec | null {
  const now = stressAt(input, ZERO);
  if (now.equity.lte(now.requirement)) return ZERO;
  const slope = exposure(input);
  const edges = tierEdges(input);
  const down = edges.filter((x) => x.lt(0)).sort((x, y) => y.cmp(x));
  const up = edges.filter((x) => x.gt(0)).sort((x, y) => x.cmp(y));
  const search = (bounds: Dec[], last: Dec | null): Dec | null => {
    let from = ZERO;
    for (const to of [...bounds, last]) {
      // Tiers are fixed inside the stretch: take them just inside it.
      const probe = to === null ? from.plus(ONE) : from.plus(to).div(2);
      const r = requirementLine(input, probe);
      const denominator = slope.minus(r.b);
      if (!denominator.isZero()) {
        const x = r.a.minus(input.equity).div(denominator);
        const lo = to === null ? from : D.min(from, to);
        const hi = to === null ? null : D.max(from, to);
        const inside = (to === null ? (from.gte(0) ? x.gte(from) : x.lte(from)) : x.gte(lo) && x.lte(hi!)) && x.gt(-1);
        if (inside) return x;
      }
      if (to === null) break;
      from = to;
    }
    return null;
  };
  // Down to (not including) a price of 0; up without bound.
  const fall = search(down, new D(-1).plus('1e-12'));
  const rise = search(up, null);
  if (fall === null) return rise;
  if (rise === null) return fall;
  return fall.abs().lte(rise.abs()) ? fall : rise;
}
