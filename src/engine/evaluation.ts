/**
 * The order-level contract of the engine (background → engine → UI).
 * OrderScenario: one order typed on a form, the account around it and the market rules.
 * Evaluation: for each side the form can submit and each margin mode, the figures, the inputs used,
 * the assumptions made and the limit checks. Decimals are strings everywhere in these types.
 */

export type VenueId = 'binance' | 'bybit' | 'okx' | 'hyperliquid' | 'gate';
export type Side = 'long' | 'short';
export type Mode = 'isolated' | 'cross';

/**
 * A figure on screen: an exact decimal string, 'none' (e.g. no liquidation price), or unavailable with the reason.
 * `display`: the value rounded for the eye, added by the background (the UI computes nothing); never an input.
 */
export type Figure =
  | { kind: 'value'; value: string; display?: string }
  | { kind: 'none'; reason: string }
  | { kind: 'unavailable'; reason: string };

export interface TierRow {
  tier: string;
  floor: string;
  cap: string | null;
  maxLeverage: string;
  rate: string;
  amount: string;
}

/** A maintenance tier table with its provenance (bundled data files, or a vector's inline table). */
export interface TierTable {
  venue: string;
  symbol: string;
  asOf: string | null;
  source: string;
  unit: 'notional' | 'contracts';
  bounds: '[floor, cap)' | '(floor, cap]';
  partial: boolean;
  tiers: TierRow[];
}

export interface OpenPosition {
  symbol: string;
  side: Side;
  /** Absolute size, base units (linear). */
  size: string;
  entryPrice: string;
  markPrice: string;
  /** Maintenance of that position at its mark, from its own tier table, or an assumed rate (see assumptions). */
  maintenanceRate: string;
  maintenanceAmount: string;
}

/** The existing position on the order's own symbol (one leg; hedge mode may have two). */
export interface ExistingLeg {
  side: Side;
  size: string;
  entryPrice: string;
  mode: Mode;
  /** Isolated margin currently allocated to it (isolated legs). */
  isolatedMargin?: string;
}

export interface RiskLimits {
  /** Maximum acceptable worst-case loss in the quote asset. */
  maxLoss?: string;
  /** Maximum acceptable worst-case loss as % of the account (margin balance). */
  maxLossPct?: string;
  /** Minimum acceptable distance from mark to liquidation, %. */
  minLiquidationDistancePct?: string;
  /** Highest leverage the trader allows themself. */
  maxLeverage?: string;
}

export interface OrderScenario {
  venue: VenueId;
  symbol: string;
  /** Quote / margin asset, e.g. USDT. */
  quoteAsset: string;
  positionMode: 'oneWay' | 'hedge';
  /** Which sides the form can submit now (one-way / hedge Open: both; hedge Close: the order reduces). */
  sides: Side[];
  /** 'open' or 'close' (hedge Close tab: the long button closes the short and vice versa). */
  action: 'open' | 'close';
  order: {
    type: 'limit' | 'market';
    /** Fill price assumed: the limit price, or the mark for a market order. */
    price: string;
    /** Absolute order size, base units. */
    quantity: string;
    leverage: string;
    stopLoss?: string;
    takeProfit?: string;
  };
  market: {
    markPrice: string;
    /** The symbol's maintenance table, or a single assumed rate when none is bundled. */
    maintenance: { table: TierTable } | { assumedRate: string; assumedAmount: string; why: string };
    takerRate: string;
    /** Exchange liquidation (clearance) fee rate, when documented. */
    liquidationFeeRate?: string;
  };
  account: {
    /** The exchange's current margin mode for this symbol (highlighted in the UI). */
    currentMode?: Mode;
    existing: ExistingLeg[];
    /** Extra margin the user plans to add to an isolated position. */
    addedIsolatedMargin?: string;
    /** Cross inputs; absent when they cannot be read (reason in crossUnavailable). */
    cross?: {
      walletBalance: string;
      otherPositions: OpenPosition[];
    };
    crossUnavailable?: string;
    /** Account size used for "% of account" (margin balance, or wallet balance). */
    accountEquity?: string;
  };
  limits?: RiskLimits;
}

export interface InputUsed {
  name: string;
  value: string;
  source: string;
}

export interface LimitCheck {
  limit: keyof RiskLimits;
  ok: boolean;
  message: string;
}

export interface ModeFigures {
  liquidationPrice: Figure;
  bankruptcyPrice: Figure;
  /** Signed distance from mark to liquidation, % of mark (positive = price must move against you by this much). */
  liquidationDistancePct: Figure;
  initialMargin: Figure;
  maintenanceMargin: Figure;
  maintenanceRate: Figure;
  tier: Figure;
  openFee: Figure;
  closeFee: Figure;
  /** The exchange's liquidation (clearance) fee on the notional at the liquidation price, where documented. */
  liquidationFee: Figure;
  /** Worst-case account loss including fees, quote asset. */
  worstCaseLoss: Figure;
  worstCaseLossPct: Figure;
  /** Loss if the stop-loss fills, fees included. */
  stopLossLoss: Figure;
  /** 'true' when the stop lies at or beyond the liquidation price (liquidation comes first). */
  stopBeyondLiquidation: Figure;
  marginRatio: Figure;
  limitChecks: LimitCheck[];
}

export interface SideEvaluation {
  side: Side;
  /** The position this order leaves on the symbol (merged with any existing one); null = flat. */
  resulting: { side: Side; size: string; entryPrice: string } | null;
  isolated: ModeFigures;
  cross: ModeFigures;
}

export interface Evaluation {
  venue: VenueId;
  symbol: string;
  quoteAsset: string;
  currentMode?: Mode;
  sides: SideEvaluation[];
  inputs: InputUsed[];
  assumptions: string[];
}

export interface EngineError {
  error: { field: string; message: string };
}
