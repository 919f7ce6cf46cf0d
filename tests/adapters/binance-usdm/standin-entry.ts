// Bundled as an IIFE by standin.test.ts and injected into the stand-in page: exposes the adapter's
// reader to the test driver, one reader per page load (as the content script holds one), with the
// browser's real layout visibility. The adapter itself never sees the stand-in's hooks.
import { createBinanceReader } from '../../../src/adapters/binance-usdm/read';
import type { OutsideParts } from '../../../src/adapters/adapter';
import type { FormSnapshot, ReadScope } from '../../../src/contracts/snapshot';

declare global {
  interface Window {
    __readBinance: (scope?: ReadScope) => FormSnapshot;
    __binanceRootFound: () => boolean;
    __binanceOutside: () => { watched: number; settled: boolean };
  }
}

const reader = createBinanceReader(document, () => location.href);

window.__readBinance = (scope = 'full') => reader.read(scope);
window.__binanceRootFound = () => reader.findRoot() !== null;
window.__binanceOutside = () => {
  const parts: OutsideParts = reader.outsideParts();
  return { watched: parts.watch.length, settled: parts.settled };
};
