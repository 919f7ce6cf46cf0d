import type { Dec } from '../shared/decimal';
import type { EngineError } from './evaluation';
import { notionalAt, solvePosition } from './position';
import { parseScenario } from './scenario-schema';
import { tierIndexFor } from './tiers';

/**
 * One scenario of the canonical schema in, the engine's answer out, with the schema's `expected` field
 * names (golden-vectors.md §6). Used by the golden tests and the `calc` command line.
 * Decimals are strings; `liquidationPrice: null` means "no liquidation price". A figure the inputs
 * cannot support is left out and explained under `unavailable` (never a guessed number).
 */
export interface ScenarioOutput {
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
  unavailable?: Record<string, string>;
}

const str = (d: Dec) => d.toFixed();
const strOrNull = (d: Dec | null) => (d === null ? null : d.toFixed());

export function computeScenario(input: unknown): ScenarioOutput | EngineError {
  const parsed = parseScenario(input);
  if ('error' in parsed) return parsed;
  if (parsed.kind === 'tierLookup') {
    const index = tierIndexFor(parsed.tiers, parsed.value);
    const tier = parsed.tiers.tiers[index === 'beyond-table' ? parsed.tiers.tiers.length - 1 : index]!;
    return {
      tier: tier.label,
      maintenanceRate: str(tier.rate),
      maintenanceAmount: parsed.venue === 'okx' || parsed.venue === 'gate' ? null : str(tier.amount),
      maxLeverage: tier.maxLeverage ? str(tier.maxLeverage) : null,
    };
  }
  const sc = parsed.scenario;
  const r = solvePosition(sc);
  const out: ScenarioOutput = { bankruptcyPrice: strOrNull(r.bankruptcyPrice), worstCaseLoss: str(r.worstCaseLoss) };
  if (r.liquidationPrice !== undefined) out.liquidationPrice = strOrNull(r.liquidationPrice);
  const { q, entry } = sc.legs[0]!;
  if (sc.leverage && entry) out.initialMargin = str(notionalAt(q, entry, sc.inverse).div(sc.leverage));
  else r.unavailable.initialMargin = 'needs the leverage and the entry price';
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
