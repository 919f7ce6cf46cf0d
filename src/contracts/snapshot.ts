/**
 * FormSnapshot: what an adapter read from an exchange page (adapter → content → background).
 * Every field says whether it was read; an adapter never guesses, it reports. Decimals are strings
 * in plain notation with a '.' decimal mark, already un-localised.
 */
import type { Reason } from './reasons';
import type { VenueId } from '../venues/registry';

export type FieldStatus = 'read' | 'missing' | 'ambiguous' | 'unsupported';

export interface Field<T> {
  status: FieldStatus;
  /** Present only when status is 'read'. */
  value?: T;
  /** The page text the value came from (whitespace-collapsed), shown next to the inputs used. */
  raw?: string;
  /** Why it is not 'read'. */
  why?: Reason;
}

export type Side = 'long' | 'short';
export type MarginMode = 'cross' | 'isolated';
export type PositionMode = 'oneWay' | 'hedge';
export type OrderType = 'limit' | 'market';
/**
 * base = coin, quote = the notional in the quote asset, percent = % of the side's Max (the page shows
 * e.g. "25%"), contracts = a count of contracts (coin = count × the venue's contract value), cost = what
 * the order costs: initial margin plus the fees to open and to close at the bankruptcy price.
 */
export type QuantityUnit = 'base' | 'quote' | 'percent' | 'contracts' | 'cost';
/** single: one margin asset; the others share collateral across assets (not supported yet). */
export type AssetMode = 'single' | 'multi' | 'portfolio' | 'unified';
/** The unit a size is shown in: base = coin, quote = the notional in the quote asset, contracts = a count. */
export type SizeUnit = 'base' | 'quote' | 'contracts';

/** An amount as the page shows it, with its unit (the background converts quote to base). */
export interface SizeAmount {
  amount: string;
  unit: SizeUnit;
}

export interface PositionRow {
  symbol: string;
  /** The asset the position settles in (its cross pool). */
  quoteAsset: string;
  side: Side;
  /** Absolute size as shown, in `sizeUnit` (quote: the absolute notional shown). */
  size: string;
  sizeUnit: SizeUnit;
  entryPrice: string;
  markPrice: string;
  marginMode: MarginMode;
  leverage: string;
  /** Displayed position margin (isolated: the isolated margin), when shown. */
  margin?: string;
  /** The exchange's own liquidation price, for cross-checking only (never an input). null = '--'. */
  exchangeLiquidationPrice?: string | null;
}

/**
 * How much of the page a read covers. 'full': everything. 'form': the order form; what lies outside it
 * (account panel, header mark price, positions list) may come from the reader's previous read, when
 * that read was complete and nothing it came from has changed since.
 */
export type ReadScope = 'full' | 'form';

export interface FormSnapshot {
  venue: VenueId;
  /** location.href when read. */
  url: string;
  /** 'read' when exactly one visible form root was found; otherwise nothing else is meaningful. */
  form: Field<true>;
  /** Symbol from the URL, checked against the page. */
  symbol: Field<string>;
  baseAsset: Field<string>;
  quoteAsset: Field<string>;
  loggedIn: Field<boolean>;
  /**
   * The sides the form can submit now: both where each side has its own button; only the selected one
   * where a toggle picks the side.
   */
  sides: Field<Side[]>;
  positionMode: Field<PositionMode>;
  /** Hedge mode only: the selected Open/Close tab. One-way: 'open' (status 'read'). */
  action: Field<'open' | 'close'>;
  assetMode: Field<AssetMode>;
  orderType: Field<OrderType>;
  /** Limit price; for market orders status is 'missing' (the mark price is used). */
  price: Field<string>;
  quantity: Field<string>;
  quantityUnit: Field<QuantityUnit>;
  leverage: Field<string>;
  marginMode: Field<MarginMode>;
  takeProfit: Field<string>;
  stopLoss: Field<string>;
  /** The reduce-only box: true = the order can only reduce. Forms without one (hedge mode) read false. */
  reduceOnly: Field<boolean>;
  /** Available balance in the form, quote asset. */
  available: Field<string>;
  /** Max openable (or closeable in the hedge Close tab) per submit button, in the unit shown. */
  maxBuy: Field<SizeAmount>;
  maxSell: Field<SizeAmount>;
  /** Account panel (cross account, quote asset). */
  walletBalance: Field<string>;
  marginBalance: Field<string>;
  maintenanceMargin: Field<string>;
  unrealizedPnl: Field<string>;
  /** Percent, e.g. "0.52" for 0.52%. */
  marginRatio: Field<string>;
  markPrice: Field<string>;
  /** The funding rate the page shows for the symbol, % per funding interval (e.g. "0.01"). */
  fundingRate: Field<string>;
  /**
   * The positions on the form's own symbol (an empty list: none). Not read when the list cannot
   * be seen whole: then the order's effect on an existing position is unknown.
   */
  ownPositions: Field<PositionRow[]>;
  /** Every other symbol's position. Not read while the page hides or has not loaded some of them. */
  otherPositions: Field<PositionRow[]>;
}

export type SnapshotKey = Exclude<keyof FormSnapshot, 'venue' | 'url'>;
