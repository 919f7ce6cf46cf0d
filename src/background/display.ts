/**
 * Display strings for Evaluation figures, made in the background so the panel and the pop-up only
 * render ("the panel renders an Evaluation; it computes nothing"). Rounds for the eye only: `value`
 * stays the exact decimal, and nothing here feeds back into a computation.
 */
import type { Evaluation, Figure, FigureKey, ModeFigures, StressPoint } from '../contracts/evaluation.ts';
import { formatDecimal, type FigureKind } from '../shared/plain-decimal.ts';
import type { FigureDecimals } from '../shared/settings.ts';

const KIND_OF: Record<FigureKey, FigureKind> = {
  liquidationPrice: 'price',
  bankruptcyPrice: 'price',
  liquidationDistancePct: 'percent',
  initialMargin: 'money',
  maintenanceMargin: 'money',
  maintenanceRate: 'plain',
  tier: 'plain',
  openFee: 'money',
  closeFee: 'money',
  liquidationFee: 'money',
  worstCaseLoss: 'money',
  worstCaseLossPct: 'percent',
  stopLossLoss: 'money',
  stopBeyondLiquidation: 'plain',
  marginRatio: 'percent',
  maxSizeWithinLimits: 'size',
  stopBufferPct: 'percent',
  fundingCarry: 'money',
  accountLiquidationMovePct: 'percent',
};

function withDisplay(figure: Figure, kind: FigureKind, decimals: FigureDecimals): Figure {
  return figure.kind === 'value' ? { ...figure, display: formatDecimal(figure.value, kind, decimals) } : figure;
}

function stressWithDisplay(point: StressPoint, decimals: FigureDecimals): StressPoint {
  const money = (value: string) => formatDecimal(value, 'money', decimals);
  const ratio = point.marginRatioPct === null ? null : formatDecimal(point.marginRatioPct, 'percent');
  return { ...point, display: { equity: money(point.equity), requirement: money(point.requirement), marginRatioPct: ratio } };
}

function modeWithDisplay(figures: ModeFigures, decimals: FigureDecimals): ModeFigures {
  const out = { ...figures };
  for (const key of Object.keys(KIND_OF) as FigureKey[]) out[key] = withDisplay(figures[key], KIND_OF[key], decimals);
  out.stress = figures.stress.map((point) => stressWithDisplay(point, decimals));
  return out;
}

/** The same Evaluation with a display string on every value figure. */
export function withDisplayStrings(evaluation: Evaluation, decimals: FigureDecimals = 'auto'): Evaluation {
  return {
    ...evaluation,
    sides: evaluation.sides.map((side) => ({ ...side, isolated: modeWithDisplay(side.isolated, decimals), cross: modeWithDisplay(side.cross, decimals) })),
  };
}
