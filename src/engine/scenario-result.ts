import type { Dec } from '../shared/decimal';
import type { EngineError } from './evaluation';
import { solvePosition } from './position';
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
  const r = solvePosition(parsed.scenario);
  const out: ScenarioOutput = { bankruptcyPrice: strOrNull(r.bankruptcyPrice), worstCaseLoss: str(r.worstCaseLoss) };
  if (r.liquidationPrice !== undefined) out.liquidationPrice = strOrNull(r.liquidationPrice);
  if (r.initialMargin) out.initialMargin = str(r.initialMargin);
  if (r.maintenanceMargin) out.maintenanceMargin = str(r.maintenanceMargin);
  if (r.maintenanceRate) out.maintenanceRate = str(r.maintenanceRate);
  if (r.maintenanceAmount !== undefined) out.maintenanceAmount = strOrNull(r.maintenanceAmount);
  if (r.tier !== undefined) out.tier = r.tier;
  if (r.fees) {
    out.fees = { open: str(r.fees.open), closeAtLiquidation: strOrNull(r.fees.closeAtLiquidation), closeAtBankruptcy: strOrNull(r.fees.closeAtBankruptcy) };
  }
  if (Object.keys(r.unavailable).length) out.unavailable = r.unavailable;
  return out;
}
