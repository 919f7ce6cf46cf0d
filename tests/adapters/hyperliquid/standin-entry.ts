// Bundled as an IIFE by standin.test.ts and health.test.ts and injected into the stand-in page: exposes the
// adapter's reader to the test driver, one reader per page load (as the content script holds one), with the
// browser's real layout visibility. The adapter itself never sees the stand-in's hooks.
import { createHyperliquidReader } from '../../../src/adapters/hyperliquid/read';
import { LOADING_GRACE_MS } from '../../../src/adapters/kit/reader';
import type { FormSnapshot, ReadScope } from '../../../src/contracts/snapshot';

declare global {
  interface Window {
    __readHyperliquid: (scope?: ReadScope) => FormSnapshot;
    /** A read by a fresh reader whose page has been loaded for longer than the loading grace. */
    __readHyperliquidLoaded: () => FormSnapshot;
    __hyperliquidOutside: () => { watched: number; settled: boolean };
    __hyperliquidSubmit: () => { long: string[]; short: string[] };
  }
}

const reader = createHyperliquidReader(document, () => location.href);

window.__readHyperliquid = (scope = 'full') => reader.read(scope);
window.__readHyperliquidLoaded = () => {
  let clock = 0;
  const loaded = createHyperliquidReader(document, () => location.href, { now: () => clock });
  loaded.read('full');
  clock += LOADING_GRACE_MS;
  return loaded.read('full');
};
window.__hyperliquidOutside = () => {
  const parts = reader.outsideParts();
  return { watched: parts.watch.length, settled: parts.settled };
};
window.__hyperliquidSubmit = () => {
  const { long, short } = reader.submitControls();
  const text = (el: Element) => (el.textContent ?? '').trim();
  return { long: long.map(text), short: short.map(text) };
};
