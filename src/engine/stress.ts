import { D, type Dec } from '../shared/decimal';
import type { VenueRule } from './rules';
import { tierIndexFor, type Tiers } from './tiers';

/**
 * The cross account under a uniform move: every cross position's price × (1 + X) at once. Equity is a
 * straight line in X; the requirement is one per stretch of X where no position changes tier (tiers are
 * re-checked along the way where the venue's rule picks them at the liquidation price). Each position
 * counts with its own maintenance, as the position solver counts it (position.ts): the order's own legs
 * by the rule (on the entry value where the rule says so, with the fee to close at the bankruptcy price
 * where the rule reserves it), every other position on its moved notional. The move that liquidates
 * the account is the root of equity = requirement nearest to no move, in either direction, solved
 * exactly stretch by stretch (no iteration).
 */

export interface StressPosition {
  s: 1 | -1;
  q: Dec;
  /** The price the move starts from (the position's mark). */
  mark: Dec;
  /** Its tier at the start: maintenance rate and amount (the amount counts only where the rule has a deduction). */
  rate: Dec;
  amount: Dec;
  /** Its tier table, when the rule re-checks tiers at the moved notional; null keeps the tier above. */
  tiers: Tiers | null;
  /** A leg of the order's own symbol whose requirement the rule takes on the entry value (q × entry): a move does not change it. */
  entryValue: Dec | null;
  /** A leg of the order's own symbol: the rule's fee to close at the bankruptcy price counts for it. */
  own: boolean;
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
/** Just above −100 %: a price of 0 is never reached. */
const LOWEST_MOVE = new D(-1).plus('1e-12');

interface Line {
  a: Dec;
  b: Dec;
}

/** A position whose tier follows its moved notional. */
interface Rechecked {
  notional: Dec;
  tiers: Tiers;
}

/** What every move shares, worked out once per account. */
interface Account {
  input: StressInput;
  /** Σ s·q·mark: how the equity changes per unit of move. */
  slope: Dec;
  /** The requirement of every position whose tier a move does not change (the fee to close included). */
  fixed: Line;
  rechecked: Rechecked[];
  /** The fee rate inside the threshold (rule.feeInThreshold), else 0. */
  fee: Dec;
  /** Requirement lines already built, by the re-checked positions' tier indices. */
  lines: Map<string, Line>;
}

const accounts = new WeakMap<StressInput, Account>();

function accountOf(input: StressInput): Account {
  const known = accounts.get(input);
  if (known) return known;
  const { rule } = input;
  const fee = rule.feeInThreshold ? input.takerRate : ZERO;
  let slope = ZERO;
  let a = ZERO;
  let b = ZERO;
  let ownNotional = ZERO;
  const rechecked: Rechecked[] = [];
  for (const p of input.positions) {
    const notional = p.q.times(p.mark);
    slope = p.s === 1 ? slope.plus(notional) : slope.minus(notional);
    if (p.own) ownNotional = ownNotional.plus(notional);
    const deduction = rule.hasDeduction ? p.amount : ZERO;
    if (p.entryValue) {
      a = a.plus(p.entryValue.times(p.rate)).minus(deduction);
    } else if (p.tiers && rule.tierBasis === 'liquidation') {
      rechecked.push({ notional, tiers: p.tiers });
    } else {
      const n = notional.times(p.rate.plus(fee));
      a = a.plus(n).minus(deduction);
      b = b.plus(n);
    }
  }
  if (rule.closeFeeAtBankruptcy && input.takerRate.gt(0) && ownNotional.gt(0)) {
    // Bankrupt where the equity is only the fee to close the own legs: E0 + slope·X = f·N·(1 + X).
    const feeNotional = ownNotional.times(input.takerRate);
    const denominator = slope.minus(feeNotional);
    if (!denominator.isZero()) {
      const x = feeNotional.minus(input.equity).div(denominator);
      if (x.gt(-1) && x.isFinite()) a = a.plus(feeNotional.times(ONE.plus(x)));
    }
  }
  const account = { input, slope, fixed: { a, b }, rechecked, fee, lines: new Map<string, Line>() };
  accounts.set(input, account);
  return account;
}

/** The requirement as a line in X, with each re-checked position's tier taken at move `at` (one line per set of tiers, kept). */
function requirementLine(account: Account, at: Dec): Line {
  if (account.rechecked.length === 0) return account.fixed;
  const scale = ONE.plus(at);
  const indices = account.rechecked.map((p) => {
    const index = tierIndexFor(p.tiers, p.notional.times(scale));
    return index === 'beyond-table' ? p.tiers.tiers.length - 1 : index;
  });
  const key = indices.join();
  const known = account.lines.get(key);
  if (known) return known;
  let { a, b } = account.fixed;
  const deduction = account.input.rule.hasDeduction;
  account.rechecked.forEach((p, i) => {
    const tier = p.tiers.tiers[indices[i]!]!;
    const n = p.notional.times(tier.rate.plus(account.fee));
    a = a.plus(n);
    if (deduction) a = a.minus(tier.amount);
    b = b.plus(n);
  });
  const line = { a, b };
  account.lines.set(key, line);
  return line;
}

/** The account at a move (a fraction: -0.1 = every price 10 % lower). */
export function stressAt(input: StressInput, move: Dec): { equity: Dec; requirement: Dec } {
  const account = accountOf(input);
  const r = requirementLine(account, move);
  return { equity: input.equity.plus(account.slope.times(move)), requirement: r.a.plus(r.b.times(move)) };
}

/**
 * The moves where some re-checked position enters another tier, between `low` and `high` (fractions;
 * null: unbounded), nearest to no move first. Only floors inside the range are divided out.
 */
function tierEdges(account: Account, low: Dec, high: Dec | null): Dec[] {
  const edges: Dec[] = [];
  for (const p of account.rechecked) {
    if (p.notional.isZero()) continue;
    const lowest = p.notional.times(ONE.plus(low));
    const highest = high === null ? null : p.notional.times(ONE.plus(high));
    for (const tier of p.tiers.tiers) {
      const floor = tier.floor;
      if (!floor || !floor.gt(lowest) || (highest && !floor.lt(highest)) || floor.eq(p.notional)) continue;
      edges.push(floor.div(p.notional).minus(ONE));
    }
  }
  return edges.sort((x, y) => x.abs().cmp(y.abs()));
}

/**
 * The nearest root of equity = requirement from no move towards `end` (a fraction; null: upwards without
 * bound), stretch by stretch: tiers are fixed inside a stretch, so the root there is one division.
 */
function rootTowards(account: Account, end: Dec | null, up: boolean): Dec | null {
  const equity = account.input.equity;
  const bounds = up ? tierEdges(account, ZERO, end) : tierEdges(account, end!, ZERO);
  let from = ZERO;
  for (const to of [...bounds, end]) {
    const probe = to === null ? from.plus(ONE) : from.plus(to).div(2);
    const r = requirementLine(account, probe);
    const denominator = account.slope.minus(r.b);
    if (!denominator.isZero()) {
      const x = r.a.minus(equity).div(denominator);
      const inside = to === null ? x.gte(from) : x.gte(D.min(from, to)) && x.lte(D.max(from, to));
      if (inside && x.gt(-1)) return x;
    }
    if (to === null) break;
    from = to;
  }
  return null;
}

/**
 * The move that liquidates the whole cross account: the root of equity = requirement nearest to no move
 * (0 when it is already at or below, null when no move of either sign gets there).
 */
export function accountLiquidationMove(input: StressInput): Dec | null {
  const account = accountOf(input);
  const now = stressAt(input, ZERO);
  if (now.equity.lte(now.requirement)) return ZERO;
  // Down to (not including) a price of 0; then up, no farther than the fall found.
  const fall = rootTowards(account, LOWEST_MOVE, false);
  const rise = rootTowards(account, fall === null ? null : fall.neg(), true);
  if (fall === null) return rise;
  if (rise === null) return fall;
  return fall.abs().lte(rise.abs()) ? fall : rise;
}
