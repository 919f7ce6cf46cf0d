/**
 * The adapters, one per registry entry (tests/conventions checks the two lists agree), and the one
 * lookup that picks the adapter for a page. The content script knows no venue by name.
 */
import type { VenueAdapter } from './adapter';
import { binanceUsdm } from './binance-usdm';

export const ADAPTERS: readonly VenueAdapter[] = [binanceUsdm];

/** The adapter whose pages include `url`, or null. */
export function adapterFor(url: string): VenueAdapter | null {
  return ADAPTERS.find((adapter) => adapter.detect(url) !== null) ?? null;
}
