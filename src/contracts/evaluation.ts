/**
 * The order-level contract of the engine (background → engine → UI).
 * OrderScenario: one order typed on a form, the account around it and the market rules.
 * Evaluation: for each side the form can submit and each margin mode, the figures, the inputs used,
 * the assumptions made and the limit checks. Decimals are strings everywhere in these types; every
 * reason is a code (contracts/reasons.ts).
 */
import type { RuleId } from '../engine/rules';
import type { ItemCode, Mode, Reason, Side } from './reasons';

export type { Mode, Side } from './reasons';

/**
 * A figure on screen: an exact decimal string, 'none' (e.g. no liquidation price), or unavailable with the reason.
 * `display`: the value rounded for the eye, added by the background (the UI computes nothing); never an input.
 */
export type Figure =
  | { kind: 'value'; value: string; display?: string }
  | { kind: 'none'; reason: Reason }
  | { kind: 'unavailable'; reason: Reason };

export interface TierRow {
  tier: string;
  floor: string | null;
  cap: string | null;
  maxLeverage: string | null;
  rate: string | null;
  amount: string | null;
}

/** A maintenance tier table with its provenance (a bundled data file, or a vector's inline table). */
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

export type LimitKey = keyof RiskLimits;

export interface OrderScenario {
  /** Whose liquidation rule applies (the venue's registry entry names it). */
  rule: RuleId;
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
    /** The symbol's maintenance table, or a single assumed rate when none is bundled (said in the assumptions). */
    maintenance: { table: TierTable } | { assumedRate: string; assumedAmount: string };
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
    /** Cross inputs; absent when they cannot be read (the reason in crossUnavailable). */
    cross?: {
      walletBalance: string;
      otherPositions: OpenPosition[];
    };
    crossUnavailable?: Reason;
    /** Account size used for "% of account" (margin balance, or wallet balance). */
    accountEquity?: string;
  };
  limits?: RiskLimits;
}

/** Where an input came from (labels in the UI's catalogue). */
export type InputSource =
  | 'limitPrice'
  | 'markForMarketOrder'
  | 'orderForm'
  | 'pageHeader'
  | 'settings'
  | 'bundledTable'
  | 'assumption'
  | 'accountPanel'
  | 'positionsList'
  | 'user';

export interface InputUsed {
  item: ItemCode;
  value: string;
  /** The unit of `value` (an asset, "x" or "%"), or none. */
  unit?: string;
  source: InputSource;
  /** The page text it was read from, when it came from the page. */
  pageText?: string;
  /** Provenance of data files (a table's source and date). */
  provenance?: string;
  /** Set when the input differs per side (e.g. a percent size). */
  side?: Side;
}

export interface LimitCheck {
  limit: LimitKey;
  ok: boolean;
  reason: Reason;
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
  /**
   * Worst-case account loss, quote asset, defined once (docs/engine.md): the equity the mode puts at
   * risk when the order fills (isolated: the position's margin plus its unrealised PnL; cross: all
   * cross equity), down to what the adverse price limit leaves, plus the fee still to pay to open.
   */
  worstCaseLoss: Figure;
  worstCaseLossPct: Figure;
  /** Loss if the stop-loss fills, fees included. */
  stopLossLoss: Figure;
  /** '1' when the stop lies at or beyond the liquidation price (liquidation comes first), '0' otherwise. */
  stopBeyondLiquidation: Figure;
  marginRatio: Figure;
  limitChecks: LimitCheck[];
}

export type FigureKey = Exclude<keyof ModeFigures, 'limitChecks'>;

export interface SideEvaluation {
  side: Side;
  /** The position this order leaves on the symbol (merged with any existing one); null = flat or not computed. */
  resulting: { side: Side; size: string; entryPrice: string } | null;
  isolated: ModeFigures;
  cross: ModeFigures;
}

export interface Evaluation {
  symbol: string;
  quoteAsset: string;
  currentMode?: Mode;
  sides: SideEvaluation[];
  inputs: InputUsed[];
  assumptions: Reason[];
}

export interface EngineError {
  error: { field: string; reason: Reason };
}
