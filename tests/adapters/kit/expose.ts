/**
 * Runs inside a stand-in page (bundled by standin.ts with one venue's adapter): exposes that adapter's
 * reader to the test driver as `window.__reader`, one reader per page load (as the content script holds
 * one), with the browser's real layout visibility. The adapter itself never sees the stand-in's hooks.
 */
import type { VenueAdapter } from '../../../src/adapters/adapter';
import { LOADING_GRACE_MS } from '../../../src/adapters/kit/reader';
import type { FormSnapshot, ReadScope } from '../../../src/contracts/snapshot';

export interface PageReader {
  read(scope?: ReadScope): FormSnapshot;
  /** A read by a fresh reader whose page has been loaded for longer than the loading grace. */
  loaded(): FormSnapshot;
  outside(): { watched: number; settled: boolean };
  /** The submit buttons' texts of each side, as the last read found them. */
  submit(): { long: string[]; short: string[] };
  /** Moves the page reader's clock on (e.g. past the loading grace) without waiting. */
  advance(ms: number): void;
}

declare global {
  interface Window {
    __reader: PageReader;
  }
}

export function expose(adapter: VenueAdapter): void {
  let offset = 0;
  const reader = adapter.createReader(document, () => location.href, { now: () => Date.now() + offset });
  const text = (el: Element) => (el.textContent ?? '').trim();
  window.__reader = {
    read: (scope = 'full') => reader.read(scope),
    loaded: () => {
      let clock = 1_000_000;
      const fresh = adapter.createReader(document, () => location.href, { now: () => clock });
      fresh.read('full');
      clock += LOADING_GRACE_MS;
      return fresh.read('full');
    },
    outside: () => {
      const parts = reader.outsideParts();
      return { watched: parts.watch.length, settled: parts.settled };
    },
    submit: () => {
      const { long, short } = reader.submitControls();
      return { long: long.map(text), short: short.map(text) };
    },
    advance: (ms) => {
      offset += ms;
    },
  };
}
