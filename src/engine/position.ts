import { D, type Dec } from '../shared/decimal';
import type { VenueRule } from './rules';
import { tierIndexFor, type Tier, type Tiers } from './tiers';
import { reason, type Reason } from '../contracts/reasons';

/**
 * The position-level solver: one position (plus its hedge leg in cross), its collateral and the
 * maintenance rule → liquidation price, bankruptcy price, margins, tier and worst-case loss.
 *
 * Every venue's condition is "equity E(P) = requirement R(P)" (docs/engine.md). Written in
 * u = P (linear) or u = 1/P (inverse), both E and R are straight lines in u for a fixed tier, so each
 * price is one division; tiers are then re-checked where the venue's rule says so.
 */

export type Sign = 1 | -1;

export type Maintenance =
  | { kind: 'fixed'; tier: Tier }
  | { kind: 'table'; table: Tiers }
  | { kind: 'none' };

export interface Leg {
  s: Sign;
  /** Effective size Q: base units (linear) or USD face value (inverse). */
  q: Dec;
  entry: Dec | null;
  mark: Dec | null;
  /** Contract count, for contract-count tiers. */
  contracts: Dec | null;
  maintenance: Maintenance;
}

export interface OtherPosition {
  s: Sign;
  q: Dec;
  entry: Dec | null;
  mark: Dec;
  inverse: boolean;
  rate: Dec;
  amount: Dec;
}

export type Collateral =
  | { kind: 'isolated'; margin: Dec }
  | { kind: 'wallet'; balance: Dec }
  | { kind: 'accountValue'; value: Dec };

export interface PositionInput {
  rule: VenueRule;
  inverse: boolean;
  /** legs[0] is the position; legs[1], in cross + hedge only, the opposite leg of the same symbol. */
  legs: Leg[];
  leverage: Dec | null;
  collateral: Collateral;
  orderMargin: Dec;
  /** Taker fee rate, when the input gives one. */
  takerRate: Dec | null;
  others: OtherPosition[];
  tierUnit: 'notional' | 'contracts';
  /**
   * Isolated, where the rule reserves the fee to close (closeFeeAtBankruptcy): the margin also holds
   * the fee to close at the bankruptcy price of the margin without it, and the requirement holds the
   * same amount. The liquidation and bankruptcy prices do not move; the worst case includes the fee.
   * The golden vectors' isolated margin excludes it (their schema), so only the order path sets this.
   */
  reservesCloseFee?: boolean;
}

export interface PositionResult {
  /** Dec, null = no liquidation price, undefined = not computable (reason in `unavailable`). */
  liquidationPrice?: Dec | null;
  bankruptcyPrice: Dec | null;
  maintenanceMargin?: Dec;
  maintenanceRate?: Dec;
  /** null for rules without a maintenance amount. */
  maintenanceAmount?: Dec | null;
  tier?: string;
  /** What a liquidation can take from the equity at the reference state: never negative. */
  worstCaseLoss: Dec;
  /** Equity at or below the maintenance requirement at the reference state: liquidated at the current marks. */
  liquidatesNow: boolean;
  /** Equity at the reference state. */
  equity: Dec;
  /** The lowest equity a liquidation (or the adverse price limit, when none can happen) leaves. */
  equityFloor: Dec;
  /** Maintenance requirement at the reference state (this position and, in cross, the others). */
  requirement?: Dec;
  unavailable: Record<string, Reason>;
}

/** A line a + b·u. */
interface Line {
  a: Dec;
  b: Dec;
}

const ZERO = new D(0);
const ONE = new D(1);

/** Reference price: the mark if given, else the entry ("just opened at entry"). */
export function referencePrice(leg: Leg): Dec {
  return (leg.mark ?? leg.entry)!;
}

/** u of a price: P for linear, 1/P for inverse. */
function toU(price: Dec, inverse: boolean): Dec {
  return inverse ? ONE.div(price) : price;
}
function fromU(u: Dec, inverse: boolean): Dec {
  return inverse ? ONE.div(u) : u;
}

/** Unrealised PnL of a leg as a line in u, anchored at price x (entry, or mark for account-value equity). */
function pnlLine(s: Sign, q: Dec, x: Dec, inverse: boolean): Line {
  const sq = s === 1 ? q : q.neg();
  return inverse ? { a: sq.div(x), b: sq.neg() } : { a: sq.times(x).neg(), b: sq };
}

/** Notional in the margin asset at a price: Q·P (linear), Q/P (inverse). */
export function notionalAt(q: Dec, price: Dec, inverse: boolean): Dec {
  return inverse ? q.div(price) : q.times(price);
}

function otherPnl(o: OtherPosition): Dec {
  if (!o.entry) return ZERO;
  const diff = o.inverse ? ONE.div(o.entry).minus(ONE.div(o.mark)) : o.mark.minus(o.entry);
  const pnl = o.q.times(diff);
  return o.s === 1 ? pnl : pnl.neg();
}

/** K: the other positions' requirement at their marks (rules with the fee in the threshold add it, without a deduction). */
function othersRequirement(sc: PositionInput): Dec {
  let k = ZERO;
  const fee = sc.rule.feeInThreshold && sc.takerRate ? sc.takerRate : ZERO;
  for (const o of sc.others) {
    const n = notionalAt(o.q, o.mark, o.inverse);
    k = sc.rule.hasDeduction ? k.plus(n.times(o.rate)).minus(o.amount) : k.plus(n.times(o.rate.plus(fee)));
  }
  return k;
}

/** The fee to close reserved in an isolated margin (reservesCloseFee), at the bankruptcy price of the margin without it. */
function reservedCloseFee(sc: PositionInput): Dec {
  if (!sc.reservesCloseFee || sc.collateral.kind !== 'isolated' || !sc.takerRate) return ZERO;
  const bpU = meet(baseEquityLine(sc), { a: ZERO, b: ZERO });
  const leg = sc.legs[0]!;
  return bpU ? leg.q.times(bpU).times(sc.takerRate) : ZERO;
}

function equityLine(sc: PositionInput): Line {
  const e = baseEquityLine(sc);
  const reserve = reservedCloseFee(sc);
  return reserve.isZero() ? e : { a: e.a.plus(reserve), b: e.b };
}

function baseEquityLine(sc: PositionInput): Line {
  const cross = sc.collateral.kind !== 'isolated';
  const legs = cross ? sc.legs : sc.legs.slice(0, 1);
  let a: Dec;
  let useMarkAnchor = false;
  switch (sc.collateral.kind) {
    case 'isolated':
      a = sc.collateral.margin;
      break;
    case 'wallet':
      a = sc.collateral.balance;
      for (const o of sc.others) a = a.plus(otherPnl(o));
      break;
    case 'accountValue':
      a = sc.collateral.value;
      useMarkAnchor = true;
      break;
  }
  if (cross && sc.rule.orderMarginCounts) a = a.minus(sc.orderMargin);
  let b = ZERO;
  for (const leg of legs) {
    const anchor = useMarkAnchor ? leg.mark! : leg.entry!;
    const line = pnlLine(leg.s, leg.q, anchor, sc.inverse);
    a = a.plus(line.a);
    b = b.plus(line.b);
  }
  return { a, b };
}

/** u where two lines meet, if positive (a price > 0); null otherwise. */
function meet(e: Line, r: Line): Dec | null {
  const slope = e.b.minus(r.b);
  if (slope.isZero()) return null;
  const u = r.a.minus(e.a).div(slope);
  return u.gt(0) && u.isFinite() ? u : null;
}

function activeLegs(sc: PositionInput): Leg[] {
  return sc.collateral.kind === 'isolated' ? sc.legs.slice(0, 1) : sc.legs;
}

/** Value a leg's tier is looked up by (notional in the margin asset, or contracts). */
function tierValue(sc: PositionInput, leg: Leg, price: Dec): Dec {
  if (sc.tierUnit === 'contracts') {
    // Cross aggregates all of a contract's legs; isolated tiers each position on its own.
    const legs = activeLegs(sc);
    let count = ZERO;
    for (const l of legs) count = count.plus(l.contracts!);
    return count;
  }
  return notionalAt(leg.q, price, sc.inverse);
}

function tierOf(leg: Leg, index: number): Tier {
  const m = leg.maintenance;
  if (m.kind === 'fixed') return m.tier;
  if (m.kind === 'table') return m.table.tiers[index]!;
  throw new Error('tierOf called without maintenance');
}

function tierIndex(sc: PositionInput, leg: Leg, price: Dec): number | 'beyond-table' {
  const m = leg.maintenance;
  return m.kind === 'table' ? tierIndexFor(m.table, tierValue(sc, leg, price)) : 0;
}

/**
 * The fee to close where the rule reserves it in cross (closeFeeAtBankruptcy): the own legs' size × the
 * taker rate × the bankruptcy price, the own price at which the equity of the account as it stands (every
 * other position where it is) covers only that fee (docs/engine.md, "fee to close", with its source).
 * With that equity a line a + b·u in the own u, the price is u = a/(q·f − b) and the fee q·f·u = share·a,
 * share = q·f/(q·f − b); no fee when that price is not positive. The account stress (stress.ts) takes the
 * fee through these two functions too, at each state it tests: one rule for both.
 */
export function closeFeeShare(b: Dec, q: Dec, takerRate: Dec): Dec | null {
  const qf = q.times(takerRate);
  const denominator = qf.minus(b);
  return qf.isZero() || denominator.isZero() ? null : qf.div(denominator);
}

/** The fee to close of an equity line's intercept `a` (closeFeeShare); 0 where the bankruptcy price is not positive. */
export function closeFeeOf(share: Dec | null, a: Dec): Dec {
  return share ? D.max(share.times(a), ZERO) : ZERO;
}

/** The cross fee to close at the bankruptcy price for the equity line `e` of the own price (0 where the rule reserves none). */
function crossCloseFee(sc: PositionInput, e: Line): Dec {
  if (sc.collateral.kind === 'isolated' || !sc.rule.closeFeeAtBankruptcy || !sc.takerRate) return ZERO;
  let q = ZERO;
  for (const leg of sc.legs) q = q.plus(leg.q);
  return closeFeeOf(closeFeeShare(e.b, q, sc.takerRate), e.a);
}

/** The requirement line for chosen tiers; `closeFee` is the cross fee to close at the bankruptcy price (crossCloseFee). */
function requirementLine(sc: PositionInput, tiers: Tier[], k: Dec, closeFee: Dec): Line {
  const legs = activeLegs(sc);
  let a = sc.collateral.kind === 'isolated' ? reservedCloseFee(sc) : k.plus(closeFee);
  let b = ZERO;
  const feeRate = sc.rule.feeInThreshold && sc.takerRate ? sc.takerRate : ZERO;
  legs.forEach((leg, i) => {
    const tier = tiers[i]!;
    if (sc.rule.requirementAt === 'entry') {
      a = a.plus(notionalAt(leg.q, leg.entry!, sc.inverse).times(tier.rate)).minus(tier.amount);
    } else {
      // N(u) = Q·u for both products (Q·P linear, Q/P inverse).
      a = a.minus(tier.amount);
      b = b.plus(leg.q.times(tier.rate.plus(feeRate)));
    }
  });
  return { a, b };
}

/** The bankruptcy line: zero, or (cross, with the fee to close reserved) the fee to close at that price. */
function bankruptcyLine(sc: PositionInput): Line {
  // Isolated with the fee reserved: bankrupt when only the reserve is left.
  if (sc.collateral.kind === 'isolated') return { a: reservedCloseFee(sc), b: ZERO };
  if (!sc.rule.closeFeeAtBankruptcy || !sc.takerRate) return { a: ZERO, b: ZERO };
  let q = ZERO;
  for (const leg of sc.legs) q = q.plus(leg.q);
  return { a: ZERO, b: q.times(sc.takerRate) };
}

interface Solved {
  u: Dec | null;
  tiers: Tier[];
  /** The requirement line of those tiers, when it was computed on the way. */
  line?: Line;
}

/**
 * Tiers at the liquidation price: each leg's bracket is the one its notional at the liquidation price falls in. One-way
 * positions converge in a step or two from the reference bracket; when they do not (or for two hedge legs),
 * scan every stretch of prices where the brackets are fixed and keep the roots that land in their stretch.
 */
function solveAtLiquidationTier(sc: PositionInput, e: Line, k: Dec, closeFee: Dec, start: number[], refU: Dec): Solved {
  const legs = activeLegs(sc);
  if (legs.length > 1) return scanTierStretches(sc, e, k, closeFee, refU);
  let index = start;
  const seen = new Set<string>();
  for (let round = 0; round < 8; round++) {
    seen.add(index.join());
    const tiers = legs.map((leg, i) => tierOf(leg, index[i]!));
    const line = requirementLine(sc, tiers, k, closeFee);
    const u = meet(e, line);
    const next = legs.map((leg, i) => {
      if (leg.maintenance.kind !== 'table') return 0;
      // No liquidation price: the adverse limit has zero notional, which is the lowest tier.
      if (u === null) return 0;
      const found = tierIndexFor(leg.maintenance.table, leg.q.times(u));
      return found === 'beyond-table' ? index[i]! : found;
    });
    if (next.every((n, i) => n === index[i])) return { u, tiers, line };
    if (seen.has(next.join())) break;
    index = next;
  }
  return scanTierStretches(sc, e, k, closeFee, refU);
}

function scanTierStretches(sc: PositionInput, e: Line, k: Dec, closeFee: Dec, refU: Dec): Solved {
  const legs = activeLegs(sc);
  const edges: Dec[] = [];
  for (const leg of legs) {
    if (leg.maintenance.kind !== 'table') continue;
    for (const t of leg.maintenance.table.tiers) if (t.floor && t.floor.gt(0)) edges.push(t.floor.div(leg.q));
  }
  edges.sort((a, b) => a.cmp(b));
  const bounds = [ZERO, ...edges];
  let best: Solved | undefined;
  let bestGap: Dec | undefined;
  let lowest: Tier[] | undefined;
  for (let i = 0; i < bounds.length; i++) {
    const lo = bounds[i]!;
    const hi = bounds[i + 1];
    if (hi && hi.eq(lo)) continue;
    const inside = hi ? lo.plus(hi).div(2) : lo.gt(0) ? lo.times(2) : ONE;
    const tiers = legs.map((leg) => {
      const m = leg.maintenance;
      if (m.kind !== 'table') return tierOf(leg, 0);
      const found = tierIndexFor(m.table, leg.q.times(inside));
      return m.table.tiers[found === 'beyond-table' ? m.table.tiers.length - 1 : found]!;
    });
    lowest ??= tiers;
    const u = meet(e, requirementLine(sc, tiers, k, closeFee));
    if (!u || u.lt(lo) || (hi && u.gt(hi))) continue;
    // Several roots can exist only with two legs; the schema keeps the one nearest the reference price.
    const gap = fromU(u, sc.inverse).minus(fromU(refU, sc.inverse)).abs();
    if (!bestGap || gap.lt(bestGap)) {
      best = { u, tiers };
      bestGap = gap;
    }
  }
  return best ?? { u: null, tiers: lowest ?? legs.map((leg) => tierOf(leg, 0)) };
}

export function solvePosition(sc: PositionInput): PositionResult {
  const unavailable: Record<string, Reason> = {};
  const leg = sc.legs[0]!;
  const ref = referencePrice(leg);
  const inverse = sc.inverse;

  const e = equityLine(sc);
  const refU = toU(ref, inverse);
  const equity = e.a.plus(e.b.times(refU));

  // Bankruptcy price: equity reaches zero (other positions' MM does not enter it).
  const bpU = meet(e, bankruptcyLine(sc));
  const bankruptcyPrice = bpU ? fromU(bpU, inverse) : null;

  const result: PositionResult = { bankruptcyPrice, equity, equityFloor: ZERO, worstCaseLoss: atRisk(equity, ZERO), liquidatesNow: false, unavailable };

  if (sc.legs.some((l) => l.maintenance.kind === 'none')) {
    const why = reason('figure.noMaintenance');
    unavailable.liquidationPrice = why;
    unavailable.maintenanceMargin = why;
    result.equityFloor = equityFloor(e, bpU !== null);
    result.worstCaseLoss = atRisk(equity, result.equityFloor);
    return result;
  }

  const legs = activeLegs(sc);
  const k = sc.collateral.kind === 'isolated' ? ZERO : othersRequirement(sc);
  const closeFee = crossCloseFee(sc, e);

  // Tier at the reference state (the current MM, and the starting point of the re-check at the liquidation price).
  const startIndex: number[] = [];
  for (const l of legs) {
    const found = tierIndex(sc, l, sc.rule.tierBasis === 'entry' ? l.entry! : referencePrice(l));
    if (found === 'beyond-table') {
      const why = reason('figure.beyondTierTable');
      unavailable.liquidationPrice = why;
      unavailable.maintenanceMargin = why;
      return result;
    }
    startIndex.push(found);
  }
  const referenceTiers = legs.map((l, i) => tierOf(l, startIndex[i]!));

  let solved: Solved;
  // A contract count does not change with the price: its tier stays the reference one.
  if (sc.rule.tierBasis === 'liquidation' && sc.tierUnit === 'notional') {
    solved = solveAtLiquidationTier(sc, e, k, closeFee, startIndex, refU);
  } else {
    const line = requirementLine(sc, referenceTiers, k, closeFee);
    solved = { u: meet(e, line), tiers: referenceTiers, line };
  }

  const tier = solved.tiers[0]!;
  result.liquidationPrice = solved.u ? fromU(solved.u, inverse) : null;
  result.tier = tier.label;
  result.maintenanceRate = tier.rate;
  result.maintenanceAmount = sc.rule.hasDeduction ? tier.amount : null;

  const refTier = referenceTiers[0]!;
  const mmBasePrice = sc.rule.requirementAt === 'entry' ? leg.entry! : ref;
  result.maintenanceMargin = notionalAt(leg.q, mmBasePrice, inverse).times(refTier.rate).minus(refTier.amount);
  // Usually the liquidation tiers are the reference ones and their line is already known.
  const r = solved.line && solved.tiers.every((t, i) => t === referenceTiers[i]) ? solved.line : requirementLine(sc, referenceTiers, k, closeFee);
  result.requirement = r.a.plus(r.b.times(refU));
  result.liquidatesNow = equity.lte(result.requirement);

  result.equityFloor = equityFloor(e, solved.u !== null);
  result.worstCaseLoss = atRisk(equity, result.equityFloor);
  return result;
}

/**
 * The one definition of the worst case (docs/engine.md): the equity at the reference state that a
 * liquidation can take, down to what the adverse price limit leaves. An account already under water
 * has nothing left to lose: never negative.
 */
function atRisk(equity: Dec, floor: Dec): Dec {
  return D.max(equity.minus(floor), ZERO);
}

/**
 * What is left at worst: nothing when a liquidation can happen; otherwise the equity at the adverse
 * price limit (P → 0 for a linear long, P → ∞ for an inverse short).
 */
function equityFloor(e: Line, liquidates: boolean): Dec {
  if (liquidates || e.b.isNeg()) return ZERO;
  // Lowest equity over u > 0 is at u → 0 (linear long P → 0, inverse short P → ∞).
  return D.max(e.a, ZERO);
}

/** Equity of the position at a given price (for property tests and the stop-loss figure). */
export function equityAt(sc: PositionInput, price: Dec): Dec {
  const e = equityLine(sc);
  return e.a.plus(e.b.times(toU(price, sc.inverse)));
}

/** Maintenance requirement at a given price with the tiers the venue applies there. */
export function requirementAt(sc: PositionInput, price: Dec): Dec {
  const legs = activeLegs(sc);
  const k = sc.collateral.kind === 'isolated' ? ZERO : othersRequirement(sc);
  const tiers = legs.map((l) => {
    const basis = sc.rule.tierBasis === 'liquidation' ? price : sc.rule.tierBasis === 'entry' ? l.entry! : referencePrice(l);
    const found = tierIndex(sc, l, basis);
    return tierOf(l, found === 'beyond-table' ? 0 : found);
  });
  const r = requirementLine(sc, tiers, k, crossCloseFee(sc, equityLine(sc)));
  return r.a.plus(r.b.times(toU(price, sc.inverse)));
}
