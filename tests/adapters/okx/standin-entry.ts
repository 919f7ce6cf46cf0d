// Bundled as an IIFE by standin.test.ts and health.test.ts and injected into the stand-in page: exposes the
// adapter's reader to the test driver, one reader per page load (as the content script holds one), with the
// browser's real layout visibility. The adapter itself never sees the stand-in's hooks.
import { createOkxReader } from '../../../src/adapters/okx/read';
import { LOADING_GRACE_MS } from '../../../src/adapters/kit/reader';
import type { OutsideParts } from '../../../src/adapters/adapter';
import type { FormSnapshot, ReadScope } from '../../../src/contracts/snapshot';

declare global {
  interface Window {
    __readOkx: (scope?: ReadScope) => FormSnapshot;
    __okxRootFound: () => boolean;
    __okxOutside: () => { watched: number; settled: boolean };
    __okxSubmit: () => { long: string[]; short: string[] };
    __readOkxLoaded: () => FormSnapshot;
  }
}

const reader = createOkxReader(document, () => location.href);

window.__readOkx = (scope = 'full') => reader.read(scope);
window.__okxRootFound = () => reader.findRoot() !== null;
window.__okxOutside = () => {
  const parts: OutsideParts = reader.outsideParts();
  return { watched: parts.watch.length, settled: parts.settled };
};
window.__okxSubmit = () => {
  const { long, short } = reader.submitControls();
  return { long: long.map((b) => b.textContent ?? ''), short: short.map((b) => b.textContent ?? '') };
};

// A reader of its own whose clock has passed the loading grace since the form appeared: what a page that
// has finished loading reads (a part still not found is then a broken selector).
window.__readOkxLoaded = () => {
  let clock = 1_000_000;
  const loaded = createOkxReader(document, () => location.href, { now: () => clock });
  loaded.read('full');
  clock += LOADING_GRACE_MS;
  return loaded.read('full');
};
