import type { Dec } from '../shared/decimal';
import type { EngineError } from '../contracts/evaluation';
import { reason, type Reason } from '../contracts/reasons';
import { notionalAt, solvePosition } from './position';
import { RULES } from './rules';
import { parseVector } from './vector-schema';
import { tierIndexFor } from './tiers';

/**
 * One golden vector in (a position in the venue-neutral schema of tests/engine/golden-vectors.json),
 * the engine's answer out, under the names of the vectors' `expected` fields. Used by the golden
 * tests and the `calc` command line. Decimals are strings; `liquidationPrice: null` means "no
 * liquidation price". A figure the inputs cannot support is left out and explained under
 * `unavailable` (never a guessed number).
 */
export interface VectorOutput {
  liquidationPrice?: string | null;
  bankruptcyPrice?: string | null;
  initialMargin?: string;
  maintenanceMargin?: string;
  maintenanceRate?: string;
  maintenanceAmount?: string | null;
  tier?: string;
  maxLeverage?: string | null;
  worstCaseLoss?: string;
  fees?: { open: string; closeAtLiquidation: string | null; closeAtBankruptcy: string | null };
  unavailable?: Record<string, Reason>;
}

const str = (d: Dec) => d.toFixed();
const strOrNull = (d: Dec | null) => (d === null ? null : d.toFixed());

export function computeVector(input: unknown): VectorOutput | EngineError {
  const parsed = parseVector(input);
  if ('error' in parsed) return parsed;
  if (parsed.kind === 'tierLookup') {
    const index = tierIndexFor(parsed.tiers, parsed.value);
    const tier = parsed.tiers.tiers[index === 'beyond-table' ? parsed.tiers.tiers.length - 1 : index]!;
    return {
      tier: tier.label,
      maintenanceRate: str(tier.rate),
      maintenanceAmount: RULES[parsed.rule].hasDeduction ? str(tier.amount) : null,
      maxLeverage: tier.maxLeverage ? str(tier.maxLeverage) : null,
    };
  }
  const sc = parsed.position;
  const r = solvePosition(sc);
  const out: VectorOutput = { bankruptcyPrice: strOrNull(r.bankruptcyPrice), worstCaseLoss: str(r.worstCaseLoss) };
  if (r.liquidationPrice !== undefined) out.liquidationPrice = strOrNull(r.liquidationPrice);
  const { q, entry } = sc.legs[0]!;
  if (sc.leverage && entry) out.initialMargin = str(notionalAt(q, entry, sc.inverse).div(sc.leverage));
  else r.unavailable.initialMargin = reason('input.needs', { field: 'initialMargin', needs: 'position.leverage, position.entryPrice' });
  if (r.maintenanceMargin) out.maintenanceMargin = str(r.maintenanceMargin);
  if (r.maintenanceRate) out.maintenanceRate = str(r.maintenanceRate);
  if (r.maintenanceAmount !== undefined) out.maintenanceAmount = strOrNull(r.maintenanceAmount);
  // A single given rate has no tier to name.
  if (r.tier) out.tier = r.tier;
  if (sc.takerRate) {
    // Fees in the margin asset: to open at entry, to close at the liquidation and at the bankruptcy price.
    const fee = (price: Dec | null | undefined) => (price ? str(notionalAt(q, price, sc.inverse).times(sc.takerRate!)) : null);
    out.fees = { open: fee(entry) ?? '0', closeAtLiquidation: fee(r.liquidationPrice), closeAtBankruptcy: fee(r.bankruptcyPrice) };
  }
  if (Object.keys(r.unavailable).length) out.unavailable = r.unavailable;
  return out;
}
