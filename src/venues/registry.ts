/**
 * The supported venues: the only list. Everything venue-specific that shared code needs is data
 * here (Web Scrobbler's connector list, ccxt's describe()): which pages, which engine rule, the
 * standard fees and where they come from, the bundled tier tables, the assets, sizing and the
 * maintenance rate assumed where no table is bundled. Shared code reads these fields and never
 * names a venue. The manifest's content-script matches are generated from `origins` at build time.
 *
 * A venue is this entry, its adapter folder (src/adapters/<id>/), its tier files
 * (src/venues/tiers/<id>-<symbol>.json) and its tests; tests/conventions checks all of them.
 */
import type { RuleId } from '../engine/rules';

export interface FeeDefaults {
  /** Percent of notional, e.g. "0.05" = 0.05 %. */
  makerPct: string;
  takerPct: string;
  /** Which account tier these are (e.g. the regular, lowest-volume tier). */
  tier: string;
  /** The public page the rates were taken from, and when. */
  source: string;
  asOf: string;
}

export interface VenueEntry {
  id: string;
  /** Display name, e.g. in the options page and the pop-up. */
  name: string;
  /** https origins whose pages the adapter reads (content-script matches are `${origin}/*`). */
  origins: readonly string[];
  /** The engine's liquidation rule for this venue (src/engine/rules.ts). */
  rule: RuleId;
  fees: FeeDefaults;
  /** Symbols with a bundled tier table file (src/venues/tiers/<id>-<symbol>.json). */
  tierTables: readonly string[];
  /** Margin (settlement) assets of the supported contracts; linear contracts settle in the quote. */
  quoteAssets: readonly string[];
  sizing: {
    /** Decimals of the size step the page shows; quote amounts convert to base rounded half-up to it. */
    lotDecimals: number;
    /** Coin per contract, by symbol, where the venue sizes in contracts (a page in contracts needs its symbol here). */
    contractValues?: Readonly<Record<string, string>>;
    /** Decimals of the price tick, by base asset, and for any other base. */
    tickDecimals: { byBase: Readonly<Record<string, number>>; other: number };
  };
  /** Hours between funding payments (the carry over a hold time is counted in them). */
  fundingIntervalHours: number;
  /**
   * ASSUMPTION, said on the panel whenever used: the maintenance rate for a symbol without a bundled
   * table (the user can enter the one their exchange shows in the options).
   */
  assumedMaintenance: { rate: string; source: string };
}

export const VENUES = [
  {
    id: 'binance-usdm',
    name: 'Binance USDⓈ-M futures',
    origins: ['https://www.binance.com'],
    rule: 'binance',
    fees: {
      makerPct: '0.02',
      takerPct: '0.05',
      tier: 'Regular user (VIP 0), no BNB discount',
      source: 'Binance, "Fee Schedule of Binance Futures" (https://www.binance.com/en/support/faq/360033544231) and https://www.binance.com/en/fee/futureFee',
      asOf: '2026-12-02',
    },
    tierTables: ['BTCUSDT', 'ETHUSDT', 'SOLUSDT'],
    quoteAssets: ['USDT', 'USDC'],
    sizing: { lotDecimals: 3, tickDecimals: { byBase: { BTC: 1, ETH: 2 }, other: 2 } },
    // Binance USDⓈ-M perpetuals settle funding every 8 hours (some symbols every 4, shown on their page).
    fundingIntervalHours: 8,
    assumedMaintenance: {
      rate: '0.004',
      source: 'the lowest first-bracket rate of the bundled Binance USDⓈ-M brackets (BTCUSDT, ETHUSDT: 0.4%)',
    },
  },
  {
    id: 'bybit',
    name: 'Bybit USDT perpetual',
    origins: ['https://www.bybit.com'],
    rule: 'bybit',
    fees: {
      makerPct: '0.02',
      takerPct: '0.055',
      tier: 'Non-VIP base rate',
      source: 'Bybit Help Center, "Perpetual & Futures Contract: Fees Explained" (https://www.bybit.com/en/help-center/article/Perpetual-Futures-Contract-Fees-Explained)',
      asOf: '2026-12-02',
    },
    tierTables: ['BTCUSDT'],
    quoteAssets: ['USDT'],
    sizing: { lotDecimals: 3, tickDecimals: { byBase: {}, other: 2 } },
    // Bybit USDT perpetuals settle funding every 8 hours on most symbols.
    fundingIntervalHours: 8,
    assumedMaintenance: {
      rate: '0.005',
      source: 'the first risk-limit tier of the bundled Bybit BTCUSDT table (0.5%, also the Help Center\'s "Maintenance Margin (USDT Contract)")',
    },
  },
  {
    id: 'okx',
    name: 'OKX USDT swap',
    origins: ['https://www.okx.com'],
    rule: 'okx',
    fees: {
      makerPct: '0.02',
      takerPct: '0.05',
      tier: 'Regular user, Lv1',
      source: 'OKX fee schedule (https://www.okx.com/fees), perpetual swaps',
      asOf: '2026-12-02',
    },
    tierTables: [],
    quoteAssets: ['USDT', 'USDC'],
    sizing: {
      lotDecimals: 8,
      // Coin per contract (ctVal) from a recorded GET /api/v5/public/instruments?instType=SWAP response
      // (nautechsystems/nautilus_trader, crates/adapters/okx/test_data/http_get_instruments_swap.json, 2025-10-24).
      contractValues: { 'BTC-USDT-SWAP': '0.01', 'ETH-USDT-SWAP': '0.1' },
      tickDecimals: { byBase: { BTC: 1, ETH: 2 }, other: 2 },
    },
    // OKX perpetual swaps settle funding every 8 hours on most instruments.
    fundingIntervalHours: 8,
    assumedMaintenance: {
      rate: '0.01',
      source: 'a cautious assumption: no attributable OKX position-tier table is bundled; enter the rate your OKX page shows',
    },
  },
  {
    id: 'hyperliquid',
    name: 'Hyperliquid perps',
    origins: ['https://app.hyperliquid.xyz', 'https://app.hyperliquid.com'],
    rule: 'hyperliquid',
    fees: {
      makerPct: '0.015',
      takerPct: '0.045',
      tier: 'Base tier (14-day volume up to $5M)',
      source: 'Hyperliquid Docs, "Fees" (https://hyperliquid.gitbook.io/hyperliquid-docs/trading/fees)',
      asOf: '2026-12-02',
    },
    tierTables: ['BTC', 'ETH', 'SOL'],
    quoteAssets: ['USDC'],
    sizing: { lotDecimals: 5, tickDecimals: { byBase: {}, other: 5 } },
    // Hyperliquid pays funding every hour.
    fundingIntervalHours: 1,
    assumedMaintenance: {
      rate: '0.05',
      source: 'half the initial margin at an assumed 10x maximum leverage (Hyperliquid Docs, "Margin tiers": maintenance is half the initial margin at the maximum leverage)',
    },
  },
] as const satisfies readonly VenueEntry[];

export type VenueId = (typeof VENUES)[number]['id'];

/** A registry entry, known to be one of ours. */
export type Venue = VenueEntry & { id: VenueId };

export const VENUE_IDS: readonly VenueId[] = VENUES.map((v) => v.id);

export function venueById(id: VenueId): Venue {
  return VENUES.find((v) => v.id === id) as Venue;
}

export function isVenueId(value: unknown): value is VenueId {
  return typeof value === 'string' && (VENUE_IDS as readonly string[]).includes(value);
}

/** Content-script match patterns of one venue (its manifest entry). */
export function venueMatches(venue: VenueEntry): string[] {
  return venue.origins.map((origin) => `${origin}/*`);
}

/** Content-script match patterns of every venue (the router's sender check). */
export function contentMatches(): string[] {
  return VENUES.flatMap(venueMatches);
}
