/**
 * The adapters as the tests see them: every folder src/adapters/<venue>/ with an index.ts exporting `adapter`
 * (tests/conventions checks there is one per registry entry), and the lookup of the adapter for a page. The
 * extension has no such list: each venue's content script imports its own adapter only.
 */
import { expect, it } from 'vitest';
import type { PageMatch, VenueAdapter } from '../../../src/adapters/adapter';
import type { VenueId } from '../../../src/venues/registry';

const folders = import.meta.glob<VenueAdapter>('../../../src/adapters/*/index.ts', { eager: true, import: 'adapter' });

export const ADAPTERS: readonly VenueAdapter[] = Object.values(folders);

/** The adapter whose pages include `url`, or null. */
export function adapterFor(url: string): VenueAdapter | null {
  return ADAPTERS.find((adapter) => adapter.detect(url) !== null) ?? null;
}

/**
 * Among all adapters, the venue's is the one for its `pages` (detecting as `detect` does; `also` checks it
 * further), and none is for `notPages` (pages that are not `kind`).
 */
export function adapterListCases(c: { venue: VenueId; detect: (url: string) => PageMatch | null; pages: string[]; notPages: string[]; kind: string; also?: (adapter: VenueAdapter | null) => void }): void {
  it('is the adapter for its trading pages, and detects with the route above', () => {
    for (const url of c.pages) {
      const adapter = adapterFor(url);
      expect(adapter?.venue, url).toBe(c.venue);
      expect(adapter?.detect(url), url).toEqual(c.detect(url));
      c.also?.(adapter);
    }
  });

  it(`is no adapter for pages that are not ${c.kind}`, () => {
    for (const url of c.notPages) expect(adapterFor(url), url).toBeNull();
  });
}
