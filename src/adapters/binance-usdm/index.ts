/** Binance USDⓈ-M futures: the adapter (README.md in this folder says what it relies on). */
import type { VenueAdapter } from '../adapter';
import { createBinanceReader } from './read';
import { detectBinanceFutures } from './route';

export const adapter: VenueAdapter = {
  venue: 'binance-usdm',
  detect: detectBinanceFutures,
  createReader: createBinanceReader,
};
