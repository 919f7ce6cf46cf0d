import type { Evaluation, Figure, ModeFigures, Side, SideEvaluation } from '../engine/evaluation';

/** Every figure unavailable for one reason: what the panel shows when there is no Evaluation to show. */
function unavailableFigures(reason: string): ModeFigures {
  const f: Figure = { kind: 'unavailable', reason };
  return {
    liquidationPrice: f,
    bankruptcyPrice: f,
    liquidationDistancePct: f,
    initialMargin: f,
    maintenanceMargin: f,
    maintenanceRate: f,
    tier: f,
    openFee: f,
    closeFee: f,
    liquidationFee: f,
    worstCaseLoss: f,
    worstCaseLossPct: f,
    stopLossLoss: f,
    stopBeyondLiquidation: f,
    marginRatio: f,
    limitChecks: [],
  };
}

function unavailableSide(side: Side, reason: string): SideEvaluation {
  return {
    side,
    resulting: null,
    isolated: unavailableFigures(reason),
    cross: unavailableFigures(reason),
  };
}

export type EvaluationContext = Pick<Evaluation, 'venue' | 'symbol' | 'quoteAsset'>;

export function unavailableEvaluation(reason: string, context: EvaluationContext): Evaluation {
  return {
    ...context,
    sides: [unavailableSide('long', reason), unavailableSide('short', reason)],
    inputs: [],
    assumptions: [],
  };
}
