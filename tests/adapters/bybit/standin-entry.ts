// Bundled as an IIFE by standin.test.ts and health.test.ts and injected into the stand-in page: exposes
// the adapter's reader to the test driver, one reader per page load (as the content script holds one),
// with the browser's real layout visibility. The adapter itself never sees the stand-in's hooks.
import { createBybitReader } from '../../../src/adapters/bybit/read';
import type { OutsideParts } from '../../../src/adapters/adapter';
import type { FormSnapshot, ReadScope } from '../../../src/contracts/snapshot';

declare global {
  interface Window {
    __readBybit: (scope?: ReadScope) => FormSnapshot;
    __bybitRoot: () => Element | null;
    __bybitOutside: () => { watched: number; settled: boolean };
    __bybitSubmit: () => { long: string[]; short: string[] };
    /** Moves the reader's clock on (e.g. past the loading grace) without waiting. */
    __bybitAdvance: (ms: number) => void;
  }
}

let offset = 0;
const reader = createBybitReader(document, () => location.href, { now: () => Date.now() + offset });
window.__bybitAdvance = (ms) => {
  offset += ms;
};

window.__readBybit = (scope = 'full') => reader.read(scope);
window.__bybitRoot = () => reader.findRoot();
window.__bybitOutside = () => {
  const parts: OutsideParts = reader.outsideParts();
  return { watched: parts.watch.length, settled: parts.settled };
};
window.__bybitSubmit = () => {
  const { long, short } = reader.submitControls();
  return { long: long.map((el) => el.textContent ?? ''), short: short.map((el) => el.textContent ?? '') };
};
