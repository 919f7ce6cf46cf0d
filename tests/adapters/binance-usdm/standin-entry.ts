// Bundled as an IIFE by binance-standin.test.ts and injected into the stand-in page:
// exposes the adapter to the test driver. Uses the real R5 visibility (layout) of the browser.
import { findBinanceFormRoot, readBinanceForm } from '../../src/adapters/binance/read';

declare global {
  interface Window {
    __readBinance: () => ReturnType<typeof readBinanceForm>;
    __binanceRootFound: () => boolean;
  }
}

window.__readBinance = () => readBinanceForm(document, location.href);
window.__binanceRootFound = () => findBinanceFormRoot(document) !== null;
