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
    /** Decimals of the price tick, by base asset, and for any other base. */
    tickDecimals: { byBase: Readonly<Record<string, number>>; other: number };
  };
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
    assumedMaintenance: {
      rate: '0.004',
      source: 'the lowest first-bracket rate of the bundled Binance USDⓈ-M brackets (BTCUSDT, ETHUSDT: 0.4%)',
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

/** Content-script match patterns of every venue (manifest generation and the router's sender check). */
export function contentMatches(): string[] {
  return VENUES.flatMap((v) => v.origins.map((origin) => `${origin}/*`));
}
