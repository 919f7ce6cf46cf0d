/**
 * FormSnapshot: what an adapter read from an exchange page (adapter → content → background).
 * Every field says whether it was read; the adapter never guesses (shared/architecture.md).
 * Decimals are strings in plain notation with a '.' decimal mark, already un-localised.
 */

export type FieldStatus = 'read' | 'missing' | 'ambiguous' | 'unsupported';

export interface Field<T> {
  status: FieldStatus;
  /** Present only when status is 'read'. */
  value?: T;
  /** The page text the value came from (whitespace-collapsed), for "inputs used" and debugging. */
  raw?: string;
  /** Why it is not 'read', in words a trader understands (e.g. "two Avbl values on the page"). */
  why?: string;
}

export type Side = 'long' | 'short';
export type MarginMode = 'cross' | 'isolated';
export type PositionMode = 'oneWay' | 'hedge';
export type OrderType = 'limit' | 'market';
/** base = coin (BTC), quote = USDT/USDC notional, percent = % of max (the page shows e.g. "25%"). */
export type QuantityUnit = 'base' | 'quote' | 'percent';
export type AssetMode = 'single' | 'multi' | 'portfolio';
/** The unit a size is shown in: base = coin, quote = the notional in the quote asset. */
export type SizeUnit = 'base' | 'quote';

/** An amount as the page shows it, with its unit (the background converts quote to base at the mark). */
export interface SizeAmount {
  amount: string;
  unit: SizeUnit;
}

export interface PositionRow {
  symbol: string;
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
 * (account panel, header mark price, positions list) may come from the reader's previous read of the same
 * form root, page and login state: a keystroke then costs no page-wide scan.
 */
export type ReadScope = 'full' | 'form';

export interface FormSnapshot {
  venue: 'binance-usdm';
  /** location.href when read. */
  url: string;
  /** 'read' when exactly one visible form root was found; otherwise nothing else is meaningful. */
  form: Field<true>;
  /** Symbol from the URL, checked against the page (title / form). */
  symbol: Field<string>;
  baseAsset: Field<string>;
  quoteAsset: Field<string>;
  loggedIn: Field<boolean>;
  positionMode: Field<PositionMode>;
  /** Hedge mode only: the selected Open/Close tab. One-way: 'open' (status 'read'). */
  action: Field<'open' | 'close'>;
  assetMode: Field<AssetMode>;
  orderType: Field<OrderType>;
  /** Limit price; for market orders status is 'missing' with why "market order: mark price used". */
  price: Field<string>;
  quantity: Field<string>;
  quantityUnit: Field<QuantityUnit>;
  leverage: Field<string>;
  marginMode: Field<MarginMode>;
  takeProfit: Field<string>;
  stopLoss: Field<string>;
  /** "Avbl" in the form, quote asset. */
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
  /** All open positions read from the positions list (this symbol's included). 'missing'/'ambiguous' when incomplete. */
  positions: Field<PositionRow[]>;
}
