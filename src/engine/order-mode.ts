/**
 * One side of an order under one margin mode, at a given size: the position it leaves, the solver's
 * answer and the numbers the figures and the limit checks are made of. Kept apart from the figures so
 * that the size within limits can try many sizes at the cost of the solve alone.
 */
import { D, type Dec } from '../shared/decimal';
import type { Mode, OrderScenario, Side } from '../contracts/evaluation';
import { reason, type Reason } from '../contracts/reasons';
import { mergeOrder, reducibleSize, type LegState, type MergedLeg } from './merge';
import type { Parsed } from './order-input';
import { notionalAt, solvePosition, type Leg, type Maintenance, type PositionInput, type PositionResult } from './position';
import { tierIndexFor } from './tiers';

const ZERO = new D(0);

/** What a side of the form is, whatever its size. */
export interface SideSetup {
  side: Side;
  action: OrderScenario['action'];
  positionMode: OrderScenario['positionMode'];
  /**
   * The symbol's mark when the order fills: a limit resting on the passive side (buy below the mark,
   * sell above) fills only once the price has come to it, so it is valued at its own price then (as
   * one venue's published reference estimator does, docs/engine.md); anything marketable fills around
   * the current mark.
   */
  fillMark: Dec;
  /** A marketable limit is assumed filled at its own price, the worst it allows. */
  crossesMark: boolean;
}

export function setupSide(sc: OrderScenario, p: Parsed, side: Side): SideSetup {
  const buying = (side === 'long') === (sc.action === 'open');
  const passive = sc.order.type === 'limit' && (buying ? p.price.lt(p.mark) : p.price.gt(p.mark));
  return {
    side,
    action: sc.action,
    positionMode: sc.positionMode,
    fillMark: passive ? p.price : p.mark,
    crossesMark: sc.order.type === 'limit' && !passive && !p.price.eq(p.mark),
  };
}

/** The position a side leaves at a size, or why the size cannot be (above its bracket, nothing to reduce). */
export type SizedSide =
  | { kind: 'position'; merged: MergedLeg & { leg: LegState }; quantity: Dec; openFee: Dec }
  | { kind: 'flat'; merged: MergedLeg; quantity: Dec; openFee: Dec; why: Reason }
  | { kind: 'refused'; why: Reason };

export function sizeSide(p: Parsed, setup: SideSetup, quantity: Dec, assumptions: Reason[]): SizedSide {
  let q = quantity;
  if (p.reduceOnly) {
    // Reduce-only: at most the position it acts against; with none, the order does nothing.
    const reducible = reducibleSize({ existing: p.existing, side: setup.side, action: setup.action, positionMode: setup.positionMode });
    if (reducible === null) return { kind: 'refused', why: reason('figure.reduceOnlyNoPosition') };
    q = D.min(q, reducible);
  }
  const merged = mergeOrder({ existing: p.existing, side: setup.side, action: setup.action, positionMode: setup.positionMode, quantity: q, price: p.price, leverage: p.leverage, assumptions });
  const openFee = q.times(p.price).times(p.takerRate);
  if (!merged.leg) return { kind: 'flat', merged, quantity: q, openFee, why: reason('figure.closesPosition') };
  const tooHigh = leverageAboveBracket(p, merged.leg.size, merged.leg.entry);
  if (tooHigh) return { kind: 'refused', why: tooHigh };
  return { kind: 'position', merged: merged as MergedLeg & { leg: LegState }, quantity: q, openFee };
}

/** What the symbol's tiers are looked up by for a size at a price: its notional, or its contract count. */
export function tierValue(p: Parsed, size: Dec, price: Dec): Dec {
  return p.tierUnit === 'contracts' ? size.div(p.contractSize!) : size.times(price);
}

/** The bracket's maximum leverage when the position a side leaves is above it; undefined when allowed. */
function leverageAboveBracket(p: Parsed, size: Dec, entry: Dec): Reason | undefined {
  if (p.maintenance.kind !== 'table') return undefined;
  const notional = size.times(entry);
  const index = tierIndexFor(p.maintenance.table, tierValue(p, size, entry));
  if (index === 'beyond-table') return undefined;
  const tier = p.maintenance.table.tiers[index]!;
  if (!tier.maxLeverage || !p.leverage.gt(tier.maxLeverage)) return undefined;
  return reason('figure.aboveBracketLeverage', {
    leverage: p.leverage.toFixed(),
    max: tier.maxLeverage.toFixed(),
    tier: tier.label,
    notional: notional.toDecimalPlaces(2).toFixed(),
  });
}

function toLeg(p: Parsed, m: { side: Side; size: Dec; entry: Dec }, mark: Dec, maintenance: Maintenance): Leg {
  const contracts = p.tierUnit === 'contracts' ? m.size.div(p.contractSize!) : null;
  return { s: m.side === 'long' ? 1 : -1, q: m.size, entry: m.entry, mark, contracts, maintenance };
}

/** The numbers of one mode at one size. */
export interface ModeNumbers {
  mode: Mode;
  input: PositionInput;
  r: PositionResult;
  leg: LegState;
  /** The worst case (position.ts) plus the fee to open. */
  worst: Dec;
  worstPct?: Dec;
  /** null: no liquidation price. */
  liq: Dec | null;
  /** % of mark, positive = the price must move against the position this much; undefined without a liquidation price. */
  distance?: Dec;
  /** The stop-loss, when it is on the losing side of the entry. */
  stop?: { at: Dec; loss: Dec; lossPct?: Dec; beyond: boolean; bufferPct?: Dec };
  stopWrongSide: boolean;
  /** Cross: all cross notional ÷ cross equity (null when the equity is not positive). */
  crossExposure?: Dec | null;
}

export function modeNumbers(p: Parsed, setup: SideSetup, sized: Extract<SizedSide, { kind: 'position' }>, mode: Mode): ModeNumbers {
  const { merged, openFee } = sized;
  const leg = merged.leg;
  const rule = p.rule;
  const legs: Leg[] = [toLeg(p, leg, setup.fillMark, p.maintenance)];
  let input: PositionInput;
  const common = { rule, inverse: false, leverage: p.leverage, orderMargin: ZERO, takerRate: p.takerRate, tierUnit: p.tierUnit };
  if (mode === 'isolated') {
    const margin = merged.isolatedMargin.plus(p.addedMargin);
    // Where the rule reserves the fee to close, the order cost puts it in the position margin (docs/engine.md).
    input = { ...common, legs, collateral: { kind: 'isolated', margin }, others: [], reservesCloseFee: rule.closeFeeAtBankruptcy };
  } else {
    const cross = p.cross!;
    if (merged.opposite) legs.push(toLeg(p, merged.opposite, setup.fillMark, p.maintenance));
    // The fill pays its fee from the wallet; the closed part's realised PnL lands there too.
    const balance = cross.wallet.plus(merged.realizedPnl).minus(openFee);
    input = { ...common, legs, collateral: { kind: 'wallet', balance }, others: cross.others };
  }
  const r = solvePosition(input);
  const long = leg.side === 'long';
  const worst = r.worstCaseLoss.plus(openFee);
  const liq = r.liquidationPrice ?? null;
  const numbers: ModeNumbers = {
    mode,
    input,
    r,
    leg,
    worst,
    worstPct: p.pctOfEquity ? worst.times(p.pctOfEquity) : undefined,
    liq,
    distance: liq ? (long ? p.mark.minus(liq) : liq.minus(p.mark)).times(p.pctOfMark) : undefined,
    stopWrongSide: false,
  };
  if (p.stopLoss) {
    if (long ? !p.stopLoss.lt(leg.entry) : !p.stopLoss.gt(leg.entry)) numbers.stopWrongSide = true;
    else {
      // Liquidation comes first when the stop lies at or beyond it: the stop never fills, the loss is the worst case.
      const beyond = liq !== null && (long ? p.stopLoss.lte(liq) : p.stopLoss.gte(liq));
      const priceLoss = leg.size.times(long ? leg.entry.minus(p.stopLoss) : p.stopLoss.minus(leg.entry));
      const loss = beyond ? worst : priceLoss.plus(openFee).plus(leg.size.times(p.stopLoss).times(p.takerRate));
      numbers.stop = {
        at: p.stopLoss,
        loss,
        lossPct: p.pctOfEquity ? loss.times(p.pctOfEquity) : undefined,
        beyond,
        bufferPct: liq ? (long ? p.stopLoss.minus(liq) : liq.minus(p.stopLoss)).times(p.pctOfMark) : undefined,
      };
    }
  }
  if (mode === 'cross') {
    let notional = ZERO;
    for (const l of legs) notional = notional.plus(notionalAt(l.q, setup.fillMark, false));
    for (const o of p.cross!.others) notional = notional.plus(notionalAt(o.q, o.mark, false));
    numbers.crossExposure = r.equity.gt(0) ? notional.div(r.equity) : null;
  }
  return numbers;
}

