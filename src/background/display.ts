/**
 * Display strings for Evaluation figures, made in the background so the panel and the pop-up render
 * without decimal.js ("the panel renders an Evaluation; it computes nothing"). Rounds for the eye only:
 * `value` stays the exact decimal, and nothing here feeds back into a computation.
 */
import type { Evaluation, Figure, FigureKey, LimitCheck, LimitKey, ModeFigures, StressPoint } from '../contracts/evaluation.ts';
import { D, type Dec } from '../shared/decimal.ts';
import { formatDecimal, formatWithPlaces, type FigureKind } from '../shared/plain-decimal.ts';
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

/** How a limit's measured number is shown; leverage is the form's own number, shown as read. */
const LIMIT_KIND: Record<LimitKey, FigureKind> = {
  maxLeverage: 'plain',
  maxLoss: 'money',
  maxLossPct: 'percent',
  maxStopLossPct: 'percent',
  minLiquidationDistancePct: 'percent',
  stopLossRequired: 'plain',
  minStopBufferPct: 'percent',
  maxCrossExposure: 'percent',
};
/** Limits that are a minimum (the figure must reach them); the others are maxima. */
const MINIMUM_LIMITS: ReadonlySet<LimitKey> = new Set(['minLiquidationDistancePct', 'minStopBufferPct']);

/**
 * A limit check's measured number (`actual` in its reason) rounded like the figures, with as many more
 * decimals as it takes for the shown number to stand on the side of the threshold the status says
 * ("2.004% > your 2%" must not read "2.00% > your 2%"). The status itself is the engine's, from exact values.
 */
function limitWithDisplay(check: LimitCheck, decimals: FigureDecimals): LimitCheck {
  const { actual, threshold } = check.reason.params as { actual?: unknown; threshold?: unknown };
  const kind = LIMIT_KIND[check.limit];
  if (typeof actual !== 'string' || typeof threshold !== 'string' || kind === 'plain' || check.status === 'unchecked') return check;
  let exact: Dec;
  let bound: Dec;
  try {
    exact = new D(actual);
    bound = new D(threshold);
  } catch {
    return check;
  }
  const minimum = MINIMUM_LIMITS.has(check.limit);
  const fits = (shown: Dec) => (check.status === 'fail' ? (minimum ? shown.lt(bound) : shown.gt(bound)) : minimum ? shown.gte(bound) : shown.lte(bound));
  let text = formatDecimal(actual, kind, decimals);
  for (let places = (text.split('.')[1] ?? '').length; !fits(new D(text.replaceAll(',', ''))) && places < exact.decimalPlaces(); ) {
    places += 1;
    text = formatWithPlaces(actual, places);
  }
  // The same reason with its number rounded: the code and every other parameter unchanged.
  return { ...check, reason: { ...check.reason, params: { ...check.reason.params, actual: text } } as LimitCheck['reason'] };
}

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
  out.limits = figures.limits.map((check) => limitWithDisplay(check, decimals));
  return out;
}

/** The same Evaluation with a display string on every value figure. */
export function withDisplayStrings(evaluation: Evaluation, decimals: FigureDecimals = 'auto'): Evaluation {
  return {
    ...evaluation,
    sides: evaluation.sides.map((side) => ({ ...side, isolated: modeWithDisplay(side.isolated, decimals), cross: modeWithDisplay(side.cross, decimals) })),
  };
}
