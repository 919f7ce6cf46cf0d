/**
 * What the PnL chart shows for one side: each mode's PnL-against-price line (the engine's, net of the
 * fee to open, flat at the loss floor past liquidation) and its loss floor (minus the worst-case
 * loss), or why a mode is not drawn.
 */
import type { Mode, PnlPoint, SideEvaluation } from '../../contracts/evaluation';
import { reason, type Reason, type Side } from '../../contracts/reasons';
import { formatDecimal, negateDecimal } from '../../shared/plain-decimal';

export interface PnlLine {
  mode: Mode;
  points: PnlPoint[];
  /** The loss floor: the worst-case loss, negated (exact), and as shown. */
  floor: string;
  floorShown: string;
}

export interface PnlModel {
  side: Side;
  axis: { low: string; high: string } | null;
  lines: PnlLine[];
  missing: { mode: Mode; why: Reason }[];
}

export const shownMoney = (value: string) => formatDecimal(value, 'money');

export function pnlModel(side: SideEvaluation): PnlModel {
  const lines: PnlLine[] = [];
  const missing: PnlModel['missing'] = [];
  for (const mode of ['isolated', 'cross'] as const) {
    const figures = side[mode];
    const worst = figures.worstCaseLoss;
    if (worst.kind === 'value' && figures.pnl.length > 0 && side.axis) {
      const floor = negateDecimal(worst.value);
      lines.push({ mode, points: figures.pnl, floor, floorShown: shownMoney(floor) });
    } else {
      const why = worst.kind !== 'value' ? worst.reason : figures.liquidationPrice.kind !== 'value' ? figures.liquidationPrice.reason : reason('figure.notComputable');
      missing.push({ mode, why });
    }
  }
  return { side: side.side, axis: side.axis, lines, missing };
}
