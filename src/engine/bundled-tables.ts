import type { TierTable, VenueId } from './evaluation';
import { indexTables } from './tables';

/**
 * The dated, sourced tier tables shipped with the extension (src/engine/data/tiers/*.json, copied from
 * shared/reference/tiers). Dropping in a new or refreshed file needs no code change: the glob picks it up.
 */
const files = import.meta.glob<TierTable>('./data/tiers/*.json', { eager: true, import: 'default' });
const BUNDLED = indexTables(Object.values(files));

export function bundledTable(venue: VenueId, symbol: string): TierTable | undefined {
  return BUNDLED.get(`${venue}:${symbol}`);
}
