/**
 * An order's position as its own price moves (everything else held): PnL, equity, requirement, margin
 * ratio and a risk level per mode, for the calculator's price-move slider.
 */
import { D } from '../shared/decimal';
import type { EngineError, Mode, ModeAtMove, OrderScenario, PriceMove, RiskLevel, Side } from '../contracts/evaluation';
import { asEngineError } from './input';
import { parseOrder } from './order-input';
import { modeNumbers, setupSide, sizeSide } from './order-mode';
import { equityAt, requirementAt } from './position';


const HUNDRED = new D(100);

/** The risk of a margin ratio: the share of the equity the maintenance requirement takes. */
export function riskOf(marginRatioPct: InstanceType<typeof D> | null): RiskLevel {
  if (marginRatioPct === null || marginRatioPct.gte(100)) return 'liquidated';
  if (marginRatioPct.gte(80)) return 'high';
  if (marginRatioPct.gte(50)) return 'medium';
  return 'low';
}

/** The order's side at each move of its price from the fill (`movesPct` in %, e.g. "-10"). */
export function priceMoves(sc: OrderScenario, side: Side, movesPct: readonly string[]): PriceMove[] | EngineError {
  try {
    const p = parseOrder(sc);
    const setup = setupSide(sc, p, side);
    const sized = sizeSide(p, setup, p.quantity, []);
    const numbers = (mode: Mode) => (sized.kind === 'position' && (mode === 'isolated' || p.cross) ? modeNumbers(p, setup, sized, mode) : null);
    const byMode = { isolated: numbers('isolated'), cross: numbers('cross') };
    return movesPct.map((pct) => {
      const move = new D(pct);
      const price = setup.fillMark.times(HUNDRED.plus(move)).div(HUNDRED);
      const at = (mode: Mode): ModeAtMove | null => {
        const n = byMode[mode];
        if (!n || !price.gt(0)) return null;
        const long = n.leg.side === 'long';
        const pnl = n.leg.size.times(long ? price.minus(n.leg.entry) : n.leg.entry.minus(price));
        const equity = equityAt(n.input, price);
        const requirement = requirementAt(n.input, price);
        const ratio = equity.gt(0) ? requirement.times(HUNDRED).div(equity) : null;
        return { pnl: pnl.toFixed(), equity: equity.toFixed(), requirement: requirement.toFixed(), marginRatioPct: ratio?.toFixed() ?? null, risk: riskOf(ratio) };
      };
      return { movePct: move.toFixed(), price: price.toFixed(), isolated: at('isolated'), cross: at('cross') };
    });
  } catch (err) {
    return asEngineError(err, 'order');
  }
}
