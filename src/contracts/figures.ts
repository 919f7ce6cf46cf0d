/** Building blocks of an Evaluation that carry no number (shared by the engine and the UI; no decimal.js). */
import type { ModeFigures, SideEvaluation } from './evaluation';
import type { Reason, Side } from './reasons';

/** Every figure of a mode unavailable for one reason. */
export function unavailableFigures(why: Reason): ModeFigures {
  const u = { kind: 'unavailable', reason: why } as const;
  return {
    liquidationPrice: u, bankruptcyPrice: u, liquidationDistancePct: u, initialMargin: u, maintenanceMargin: u, maintenanceRate: u,
    tier: u, openFee: u, closeFee: u, liquidationFee: u, worstCaseLoss: u, worstCaseLossPct: u, stopLossLoss: u, stopBeyondLiquidation: u, marginRatio: u,
    maxSizeWithinLimits: u, stopBufferPct: u, fundingCarry: u, accountLiquidationMovePct: u, stopWarning: null, limits: [], stress: [], pnl: [],
  };
}

/** A side the form can submit but that cannot be priced (e.g. its Max is unreadable for a % size). */
export function unavailableSide(side: Side, why: Reason): SideEvaluation {
  return { side, effect: null, resulting: null, axis: null, isolated: unavailableFigures(why), cross: unavailableFigures(why) };
}
