import type { TierTable, VenueId } from './evaluation';
import { VENUE_RULES } from './rules';
import type { Dec } from '../shared/decimal';
import { normaliseTiers, tierIndexFor, type Tier, type Tiers } from './tiers';

/** A tier table file's `venue` → the engine's venue id (files keep their source's naming). */
const FILE_VENUES: Record<string, VenueId> = { 'binance-usdm': 'binance', binance: 'binance', bybit: 'bybit', okx: 'okx', hyperliquid: 'hyperliquid', gate: 'gate' };

export function venueOfTable(table: TierTable): VenueId | undefined {
  return FILE_VENUES[table.venue];
}

const parsedTables = new WeakMap<TierTable, Map<VenueId, Tiers>>();

/**
 * Parse a table file for the solver (bounds and partial flag as the file states them). Parsed once per
 * table object: a table is data that does not change while the extension runs.
 */
export function tiersFromTable(table: TierTable, venue: VenueId): Tiers {
  let byVenue = parsedTables.get(table);
  if (!byVenue) parsedTables.set(table, (byVenue = new Map()));
  let tiers = byVenue.get(venue);
  if (!tiers) {
    tiers = normaliseTiers(table.tiers, {
      withAmounts: VENUE_RULES[venue].hasDeduction,
      upperInclusive: table.bounds === '(floor, cap]',
      partial: table.partial,
    });
    byVenue.set(venue, tiers);
  }
  return tiers;
}

/** Index tables by venue and symbol; later files replace earlier ones for the same key. */
export function indexTables(tables: Iterable<TierTable>): Map<string, TierTable> {
  const index = new Map<string, TierTable>();
  for (const table of tables) {
    const venue = venueOfTable(table);
    if (venue) index.set(`${venue}:${table.symbol}`, table);
  }
  return index;
}

/** The tier of a table that holds a notional (bounds as the file states); undefined past the end of a partial table. */
export function tierForNotional(table: TierTable, venue: VenueId, notional: Dec): Tier | undefined {
  const tiers = tiersFromTable(table, venue);
  const index = tierIndexFor(tiers, notional);
  return index === 'beyond-table' ? undefined : tiers.tiers[index];
}
