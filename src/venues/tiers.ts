import type { TierTable } from '../contracts/evaluation';
import type { VenueId } from './registry';

/**
 * The dated, sourced tier tables shipped with the extension (src/venues/tiers/<venue>-<symbol>.json;
 * each file names its venue, symbol, date and public source). A refreshed file needs no code change;
 * a new one is also listed in its venue's registry entry (tests/conventions checks both ways).
 */
const files = import.meta.glob<TierTable>('./tiers/*.json', { eager: true, import: 'default' });

export const BUNDLED_TABLES: readonly TierTable[] = Object.values(files);

const BY_KEY = new Map(BUNDLED_TABLES.map((table) => [`${table.venue}:${table.symbol}`, table]));

export function bundledTable(venue: VenueId, symbol: string): TierTable | undefined {
  return BY_KEY.get(`${venue}:${symbol}`);
}
