import { type Dec } from '../shared/decimal';
import type { Mode, OrderEffect, Side } from '../contracts/evaluation';
import { reason, type Reason } from '../contracts/reasons';

/**
 * What an order leaves on its symbol (docs/engine.md): adding averages the entry, reducing keeps it
 * and realises PnL, an order larger than a one-way position flips it. In hedge mode the order touches
 * only its own leg; the other leg stays (and shares the liquidation price in cross).
 */

export interface ExistingPosition {
  side: Side;
  size: Dec;
  entry: Dec;
  mode: Mode;
  isolatedMargin?: Dec;
}

export interface LegState {
  side: Side;
  size: Dec;
  entry: Dec;
}

export interface MergedLeg {
  /** The leg this order leaves; null when it closes the position. */
  leg: LegState | null;
  /** Hedge mode: the untouched opposite leg of the same symbol. */
  opposite?: LegState;
  /** Isolated margin backing the resulting leg, as if the symbol were in isolated mode. */
  isolatedMargin: Dec;
  /** PnL realised by the part of the order that closes, at the order price. */
  realizedPnl: Dec;
  /** The part of the order that opens new exposure (it needs initial margin). */
  openedQuantity: Dec;
  /** What the order does to the position. */
  effect: OrderEffect;
}

export interface MergeInput {
  existing: ExistingPosition[];
  /** The submit button: long/short; in a hedge Close tab, the leg being closed. */
  side: Side;
  action: 'open' | 'close';
  positionMode: 'oneWay' | 'hedge';
  quantity: Dec;
  price: Dec;
  leverage: Dec;
  /** Collects what had to be assumed. */
  assumptions: Reason[];
}

const other = (side: Side): Side => (side === 'long' ? 'short' : 'long');

/**
 * The size a reduce-only order can close: at most the position it acts against (0 when there is none
 * in the other direction, or none at all).
 */
export function reducibleSize(input: Pick<MergeInput, 'existing' | 'side' | 'action' | 'positionMode'>): Dec | null {
  const { existing, side, action, positionMode } = input;
  const direction = action === 'open' ? side : other(side);
  const target = positionMode === 'hedge' ? existing.find((leg) => leg.side === side) : existing[0];
  return target && target.side !== direction ? target.size : null;
}

export function mergeOrder(input: MergeInput): MergedLeg {
  const { existing, side, action, positionMode, quantity: q1, price, leverage, assumptions } = input;
  const direction = action === 'open' ? side : other(side);
  const target = positionMode === 'hedge' ? existing.find((leg) => leg.side === side) : existing[0];
  const oppositeLeg = positionMode === 'hedge' ? existing.find((leg) => leg.side !== side) : undefined;
  const opposite = oppositeLeg ? { side: oppositeLeg.side, size: oppositeLeg.size, entry: oppositeLeg.entry } : undefined;
  const zero = q1.minus(q1);
  const newMargin = (q: Dec) => q.times(price).div(leverage);

  if (!target) {
    if (action === 'close') return { leg: null, opposite, isolatedMargin: zero, realizedPnl: zero, openedQuantity: zero, effect: 'closes' };
    return { leg: { side: direction, size: q1, entry: price }, opposite, isolatedMargin: newMargin(q1), realizedPnl: zero, openedQuantity: q1, effect: 'opens' };
  }

  const q0 = target.size;
  let m0 = target.isolatedMargin;
  // Isolated figures need the margin behind the existing leg; a cross leg has none of its own.
  if (target.mode !== 'isolated' || m0 === undefined) {
    m0 = q0.times(target.entry).div(leverage);
    assumptions.push(reason('assume.existingIsolatedMargin', { side: target.side, leverage: leverage.toFixed() }));
  }
  const margin0 = m0 ?? zero;

  if (target.side === direction) {
    const size = q0.plus(q1);
    const entry = q0.times(target.entry).plus(q1.times(price)).div(size);
    return { leg: { side: direction, size, entry }, opposite, isolatedMargin: margin0.plus(newMargin(q1)), realizedPnl: zero, openedQuantity: q1, effect: 'adds' };
  }

  const closed = q1.gt(q0) ? q0 : q1;
  const pnlPerUnit = target.side === 'long' ? price.minus(target.entry) : target.entry.minus(price);
  const realizedPnl = closed.times(pnlPerUnit);
  if (q1.lt(q0)) {
    assumptions.push(reason('assume.reducedMarginProRata'));
    const size = q0.minus(q1);
    return { leg: { side: target.side, size, entry: target.entry }, opposite, isolatedMargin: margin0.times(size).div(q0), realizedPnl, openedQuantity: zero, effect: 'reduces' };
  }
  const rest = q1.minus(q0);
  if (rest.isZero() || positionMode === 'hedge') {
    if (rest.gt(0)) assumptions.push(reason('assume.closeLargerThanPosition', { side: target.side }));
    return { leg: null, opposite, isolatedMargin: zero, realizedPnl, openedQuantity: zero, effect: 'closes' };
  }
  return { leg: { side: direction, size: rest, entry: price }, opposite, isolatedMargin: newMargin(rest), realizedPnl, openedQuantity: rest, effect: 'flips' };
}
