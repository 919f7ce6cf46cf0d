import { D, type Dec } from '../shared/decimal';
import { closeFeeShare } from './position';
import type { VenueRule } from './rules';
import { tierIndexFor, type Tiers } from './tiers';

/**
 * The cross account under a uniform move: every cross position's price × (1 + X) at once. Equity is a
 * straight line in X; the requirement is one per stretch of X where no position changes tier (tiers are
 * re-checked along the way where the venue's rule picks them by the notional at the price, not at entry
 * or by contract count) and the fee to close keeps its sign. Each position counts with its own
 * maintenance, as the position solver counts it (position.ts): the order's own legs by the rule (on the
 * entry value where the rule says so, with the fee to close at the bankruptcy price where the rule
 * reserves it, taken through the solver's own functions at the state each move reaches), every other
 * position on its moved notional. The move that liquidates the account is the root of
 * equity = requirement nearest to no move, in either direction, solved exactly stretch by stretch (no
 * iteration).
 */

export interface StressPosition {
  s: 1 | -1;
  q: Dec;
  /** The price the move starts from (the position's mark). */
  mark: Dec;
  /** Its tier at the start: maintenance rate and amount (the amount counts only where the rule has a deduction). */
  rate: Dec;
  amount: Dec;
  /** Its tier table by notional, when it has one; the rule decides whether a move re-checks it (rechecksTiers). */
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

/** Whether a move re-checks a position's tier: where the rule picks it by the notional at the price (not at entry). */
export function rechecksTiers(rule: VenueRule): boolean {
  return rule.tierBasis !== 'entry';
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
  /** The requirement of every position whose tier a move does not change (the fee to close excluded). */
  fixed: Line;
  rechecked: Rechecked[];
  /**
   * The fee to close at the bankruptcy price, as a line in X before its clamp at 0 (closeFeeOf): the
   * solver's share of the intercept of the equity in the own price, at the state the move reaches;
   * null where the rule reserves none.
   */
  closeFee: Line | null;
  /** The fee rate inside the threshold (rule.feeInThreshold), else 0. */
  fee: Dec;
  /** Requirement lines already built, by the re-checked positions' tier indices and the fee's sign. */
  lines: Map<string, Line>;
}

const accounts = new WeakMap<StressInput, Account>();

function accountOf(input: StressInput): Account {
  const known = accounts.get(input);
  if (known) return known;
  const { rule } = input;
  const fee = rule.feeInThreshold ? input.takerRate : ZERO;
  const recheck = rechecksTiers(rule);
  let slope = ZERO;
  let a = ZERO;
  let b = ZERO;
  let ownSize = ZERO;
  let ownSigned = ZERO;
  let ownSlope = ZERO;
  const rechecked: Rechecked[] = [];
  for (const p of input.positions) {
    const notional = p.q.times(p.mark);
    const signed = p.s === 1 ? notional : notional.neg();
    slope = slope.plus(signed);
    if (p.own) {
      ownSize = ownSize.plus(p.q);
      ownSigned = p.s === 1 ? ownSigned.plus(p.q) : ownSigned.minus(p.q);
      ownSlope = ownSlope.plus(signed);
    }
    const deduction = rule.hasDeduction ? p.amount : ZERO;
    if (p.entryValue) {
      a = a.plus(p.entryValue.times(p.rate)).minus(deduction);
    } else if (p.tiers && recheck) {
      rechecked.push({ notional, tiers: p.tiers });
    } else {
      const n = notional.times(p.rate.plus(fee));
      a = a.plus(n).minus(deduction);
      b = b.plus(n);
    }
  }
  let closeFee: Line | null = null;
  const share = rule.closeFeeAtBankruptcy && ownSize.gt(0) ? closeFeeShare(ownSigned, ownSize, input.takerRate) : null;
  if (share) {
    // At move X the equity in the own price P is E(X) + Σ s·q·(P − mark·(1 + X)): its intercept is
    // (E0 − own slope) + (slope − own slope)·X, and the fee is the solver's share of it.
    closeFee = { a: share.times(input.equity.minus(ownSlope)), b: share.times(slope.minus(ownSlope)) };
  }
  const account = { input, slope, fixed: { a, b }, rechecked, closeFee, fee, lines: new Map<string, Line>() };
  accounts.set(input, account);
  return account;
}

/** The requirement as a line in X, with each re-checked position's tier and the fee to close taken at move `at` (one line per set of tiers, kept). */
function requirementLine(account: Account, at: Dec): Line {
  const feeLine = account.closeFee;
  // closeFeeOf's clamp: the fee counts where it is positive (a positive bankruptcy price).
  const feeCounts = feeLine !== null && feeLine.a.plus(feeLine.b.times(at)).gt(0);
  if (account.rechecked.length === 0 && !feeCounts) return account.fixed;
  const scale = ONE.plus(at);
  const indices = account.rechecked.map((p) => {
    const index = tierIndexFor(p.tiers, p.notional.times(scale));
    return index === 'beyond-table' ? p.tiers.tiers.length - 1 : index;
  });
  const key = `${indices.join()}|${feeCounts}`;
  const known = account.lines.get(key);
  if (known) return known;
  let { a, b } = account.fixed;
  if (feeCounts) {
    a = a.plus(feeLine.a);
    b = b.plus(feeLine.b);
  }
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
 * The moves where the requirement line changes between `low` and `high` (fractions; null: unbounded),
 * nearest to no move first: some re-checked position enters another tier, or the fee to close starts or
 * stops counting. Only floors inside the range are divided out.
 */
function stretchEdges(account: Account, low: Dec, high: Dec | null): Dec[] {
  const edges: Dec[] = [];
  const inside = (x: Dec) => x.gt(low) && (high === null || x.lt(high)) && !x.isZero();
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
  const fee = account.closeFee;
  if (fee && !fee.b.isZero()) {
    const kink = fee.a.neg().div(fee.b);
    if (inside(kink)) edges.push(kink);
  }
  return edges.sort((x, y) => x.abs().cmp(y.abs()));
}

/**
 * The nearest root of equity = requirement from no move towards `end` (a fraction; null: upwards without
 * bound), stretch by stretch: tiers are fixed inside a stretch, so the root there is one division.
 */
function rootTowards(account: Account, end: Dec | null, up: boolean): Dec | null {
  const equity = account.input.equity;
  const bounds = up ? stretchEdges(account, ZERO, end) : stretchEdges(account, end!, ZERO);
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
