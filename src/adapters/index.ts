/**
 * The adapters: every folder src/adapters/<venue>/ with an index.ts exporting `adapter` (one per
 * registry entry; tests/conventions checks the two lists agree), and the one lookup that picks the
 * adapter for a page. Nothing here or in the content script names a venue.
 */
import type { VenueAdapter } from './adapter';

const folders = import.meta.glob<VenueAdapter>('./*/index.ts', { eager: true, import: 'adapter' });

export const ADAPTERS: readonly VenueAdapter[] = Object.values(folders);

/** The adapter whose pages include `url`, or null. */
export function adapterFor(url: string): VenueAdapter | null {
  return ADAPTERS.find((adapter) => adapter.detect(url) !== null) ?? null;
}
