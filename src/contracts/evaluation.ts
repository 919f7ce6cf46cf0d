/**
 * The order-level contract of the engine (background → engine → UI).
 * OrderScenario: one order typed on a form, the account around it and the market rules.
 * Evaluation: for each side the form can submit and each margin mode, the figures, the inputs used,
 * the assumptions made and the limit checks. Decimals are strings everywhere in these types; every
 * reason is a code (contracts/reasons.ts).
 */
import type { RuleId } from '../engine/rules';
import type { ItemCode, Mode, Reason, Side } from './reasons';
import type { VenueId } from '../venues/registry';

export type { Mode, Side } from './reasons';

/**
 * A figure on screen: an exact decimal string, 'none' (e.g. no liquidation price), or unavailable with the reason.
 * `display`: the value rounded for the eye, added by the background (the UI computes nothing); never an input.
 */
export type Figure =
  /** `note`: why a value is what it is, where it needs saying (e.g. a max size of 0 because the leverage fails). */
  | { kind: 'value'; value: string; display?: string; note?: Reason }
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
  /** Its tier table, when one is bundled: a move of the whole account re-checks its tier along the way. */
  table?: TierTable;
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

/** The trader's own limits (settings `limits.*`); percentages as percent ("2" = 2 %). */
export interface RiskLimits {
  /** Highest leverage the trader allows themself. */
  maxLeverage?: string;
  /** Maximum acceptable worst-case loss in the quote asset. */
  maxLoss?: string;
  /** Maximum acceptable worst-case loss as % of the account (margin balance). */
  maxLossPct?: string;
  /** Maximum loss if the stop-loss fills, % of the account (the 1–2 % rule). */
  maxStopLossPct?: string;
  /** Minimum acceptable distance from mark to liquidation, %. */
  minLiquidationDistancePct?: string;
  /** An order must carry a stop-loss. */
  stopLossRequired?: boolean;
  /** Minimum distance between the stop-loss and the liquidation price, % of the mark. */
  minStopBufferPct?: string;
  /** Maximum total cross exposure: all cross notional ÷ cross equity (e.g. "3" = 3×). */
  maxCrossExposure?: string;
}

export type LimitKey = keyof RiskLimits;
/** The limits that are numbers (settings `limits.<key>`, empty = not set); stopLossRequired is a yes/no. */
export const NUMBER_LIMIT_KEYS = [
  'maxLeverage', 'maxLoss', 'maxLossPct', 'maxStopLossPct', 'minLiquidationDistancePct', 'minStopBufferPct', 'maxCrossExposure',
] as const satisfies readonly LimitKey[];
export type NumberLimitKey = (typeof NUMBER_LIMIT_KEYS)[number];
/** Every limit, in the order the panel and the options page list them. */
export const LIMIT_KEYS = [...NUMBER_LIMIT_KEYS, 'stopLossRequired'] as const satisfies readonly LimitKey[];
// Compile-time check: LIMIT_KEYS lists every key of RiskLimits.
type UnlistedLimit = Exclude<LimitKey, (typeof LIMIT_KEYS)[number]>;
export type AllLimitsListed = [UnlistedLimit] extends [never] ? true : UnlistedLimit;
export type LimitStatus = 'pass' | 'fail' | 'unchecked';

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
    /** Absolute order size, base units; not read when `sizeUnknown` is set. */
    quantity: string;
    /**
     * The size the form would submit cannot be known (e.g. a % of a Max the page does not show): the
     * sides get no figures, for this reason, and each limit set is listed, checked where it needs no
     * size (the leverage, the stop requirement) and unchecked with this reason otherwise.
     */
    sizeUnknown?: Reason;
    leverage: string;
    stopLoss?: string;
    takeProfit?: string;
    /** The form's own Max for this side, base units (the size within limits never goes above it). */
    maxQuantity?: string;
  };
  market: {
    markPrice: string;
    /** The symbol's maintenance table, or a single assumed rate when none is bundled (said in the assumptions). */
    maintenance: { table: TierTable } | { assumedRate: string; assumedAmount: string };
    takerRate: string;
    /** Exchange liquidation (clearance) fee rate, when documented. */
    liquidationFeeRate?: string;
    /** The size step (e.g. "0.001"): the size within limits is rounded down to it. */
    lotStep?: string;
    /** Base units per contract; required when the tier table counts contracts (`unit: "contracts"`). */
    contractSize?: string;
    /** The funding rate the page shows, % per interval, and the hold time the carry is counted over. */
    funding?: { ratePct: string; intervalHours: string; holdHours: string };
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
    /** The reduce-only box is ticked: the order can only reduce the position. */
    reduceOnly?: boolean;
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

/** A limit the trader set, against one side and mode: the reason carries the number that decides it. */
export interface LimitCheck {
  limit: LimitKey;
  status: LimitStatus;
  reason: Reason;
}

/** The cross account after a uniform move of every cross position's price. */
export interface StressPoint {
  movePct: string;
  equity: string;
  requirement: string;
  /** requirement ÷ equity in %, null when the equity is not positive. */
  marginRatioPct: string | null;
  /** The same values rounded for the eye, added by the background (like Figure.display); never an input. */
  display?: { equity: string; requirement: string; marginRatioPct: string | null };
}

/** A point of the PnL-against-price line (the loss floor included), for the pictures. */
export interface PnlPoint {
  price: string;
  pnl: string;
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
  /** The largest order size (base units) that passes every limit set, at this price, leverage and stop. */
  maxSizeWithinLimits: Figure;
  /** Distance from the stop-loss to the liquidation price, % of mark (negative: the stop lies beyond it). */
  stopBufferPct: Figure;
  /** Funding paid over the hold time at the page's rate, quote asset (negative: received). */
  fundingCarry: Figure;
  /** Cross: the uniform move of every cross position's price at which the whole account liquidates, %. */
  accountLiquidationMovePct: Figure;
  /** Set when the stop-loss lies at or beyond the liquidation price, or inside the trader's buffer. */
  stopWarning: Reason | null;
  limits: LimitCheck[];
  /** Cross: the account at uniform moves from −50 % to +50 %. */
  stress: StressPoint[];
  /** PnL against price on the side's price axis, down to the loss floor. */
  pnl: PnlPoint[];
}

/** The figures of a mode that are single Figures (the rest are lists). */
export type FigureKey = Exclude<keyof ModeFigures, 'limits' | 'stress' | 'pnl' | 'stopWarning'>;

/** What the order does to the position on its symbol. */
export type OrderEffect = 'opens' | 'adds' | 'reduces' | 'closes' | 'flips';

export interface SideEvaluation {
  side: Side;
  /** What the order does to the position; null when it could not be worked out. */
  effect: OrderEffect | null;
  /** The position this order leaves on the symbol (merged with any existing one); null = flat or not computed. */
  resulting: { side: Side; size: string; entryPrice: string } | null;
  /** The price axis of the pictures: every price the figures name, with room around them. */
  axis: { low: string; high: string } | null;
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

/** How close a margin ratio (requirement ÷ equity) is to liquidation. */
export type RiskLevel = 'low' | 'medium' | 'high' | 'liquidated';

/** One mode of a position after its own price moved (the calculator's slider). */
export interface ModeAtMove {
  pnl: string;
  equity: string;
  requirement: string;
  /** requirement ÷ equity in %; null when the equity is not positive. */
  marginRatioPct: string | null;
  risk: RiskLevel;
  /** The values rounded for the eye, added by the background (like a Figure's display). */
  display?: { pnl: string; marginRatioPct: string | null };
}

export interface PriceMove {
  movePct: string;
  price: string;
  isolated: ModeAtMove | null;
  cross: ModeAtMove | null;
}

/** An order typed by hand in the pop-up's calculator. Decimals as strings; sizes in base units. */
export interface CalculatorInput {
  /** A registry venue id (its rule, fees and tier tables apply). */
  venue: VenueId;
  symbol: string;
  side: Side;
  entryPrice: string;
  /** The mark now; the entry when not given. */
  markPrice?: string;
  leverage: string;
  /** The order's size, or the margin to put in (size = margin × leverage ÷ entry): exactly one. */
  size?: string;
  margin?: string;
  /** The cross wallet balance; without it, cross figures are unavailable. */
  walletBalance?: string;
  otherPositions: { symbol: string; side: Side; size: string; entryPrice: string; markPrice: string }[];
  addedIsolatedMargin?: string;
  /** The maintenance rate (%) for a symbol without a bundled tier table. */
  maintenanceRatePct?: string;
}

/**
 * Why the calculator gave no figures, next to the field it concerns: a CalculatorInput key, or
 * `otherPositions.<row>.<key>` for a row of other cross positions.
 */
export interface CalculatorFieldError {
  field: string;
  reason: Reason;
}

export interface CalculatorResult {
  evaluation: Evaluation;
  /** The highest leverage of the symbol's first tier (the leverage slider's bound), when a table is bundled. */
  maxLeverage: string | null;
  moves: PriceMove[];
}
