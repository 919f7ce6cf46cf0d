/**
 * How each venue's documented rule turns a position into a liquidation condition (docs/engine.md).
 * The rules are named as the golden vectors name them; a registry entry (src/venues/registry.ts)
 * says which rule a venue uses. The solver reads these flags and has no `if (venue === …)`.
 */
export interface VenueRule {
  /** 'price': MM on the notional at the liquidation price; 'entry': MM on the entry value (Bybit). */
  requirementAt: 'price' | 'entry';
  /** Which notional picks the tier: at the liquidation price (Binance FAQ), at the reference price, or at entry. */
  tierBasis: 'liquidation' | 'reference' | 'entry';
  /** OKX/Gate add the taker fee rate to the MMR in the threshold. */
  feeInThreshold: boolean;
  /** Whether tiers carry a maintenance amount (deduction); OKX/Gate MM jumps at tier edges instead. */
  hasDeduction: boolean;
  /** Cross equity is reduced by the margin held by open orders (Bybit, OKX). */
  orderMarginCounts: boolean;
  /**
   * Bybit reserves the fee to close at the bankruptcy price: in cross it is part of the requirement;
   * in isolated the order cost puts it in the position margin and the maintenance margin alike, so it
   * is at risk without moving the liquidation price (docs/engine.md).
   */
  closeFeeAtBankruptcy: boolean;
  crossSupported: boolean;
  defaultTierUnit: 'notional' | 'contracts';
  /**
   * How the venue states its margin ratio: 'requirementShare' = requirement ÷ equity, liquidated at
   * 100 % from below (Binance, Bybit, Hyperliquid); 'equityCover' = equity ÷ (maintenance + fees),
   * liquidated when it falls to 100 % (OKX, "Tiered maintenance margin ratio rules").
   */
  marginRatio: 'requirementShare' | 'equityCover';
}

export type RuleId = 'binance' | 'bybit' | 'okx' | 'hyperliquid' | 'gate';

export const RULES: Record<RuleId, VenueRule> = {
  binance: {
    requirementAt: 'price', tierBasis: 'liquidation', feeInThreshold: false, hasDeduction: true,
    orderMarginCounts: false, closeFeeAtBankruptcy: false, crossSupported: true, defaultTierUnit: 'notional', marginRatio: 'requirementShare',
  },
  hyperliquid: {
    requirementAt: 'price', tierBasis: 'reference', feeInThreshold: false, hasDeduction: true,
    orderMarginCounts: false, closeFeeAtBankruptcy: false, crossSupported: true, defaultTierUnit: 'notional', marginRatio: 'requirementShare',
  },
  okx: {
    requirementAt: 'price', tierBasis: 'reference', feeInThreshold: true, hasDeduction: false,
    orderMarginCounts: true, closeFeeAtBankruptcy: false, crossSupported: true, defaultTierUnit: 'contracts', marginRatio: 'equityCover',
  },
  gate: {
    requirementAt: 'price', tierBasis: 'reference', feeInThreshold: true, hasDeduction: false,
    orderMarginCounts: true, closeFeeAtBankruptcy: false, crossSupported: false, defaultTierUnit: 'notional', marginRatio: 'requirementShare',
  },
  bybit: {
    requirementAt: 'entry', tierBasis: 'entry', feeInThreshold: false, hasDeduction: true,
    orderMarginCounts: true, closeFeeAtBankruptcy: true, crossSupported: true, defaultTierUnit: 'notional', marginRatio: 'requirementShare',
  },
};

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && (RULE_IDS as string[]).includes(value);
}
