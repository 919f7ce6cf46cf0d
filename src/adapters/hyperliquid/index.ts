/** The hyperliquid adapter (README.md in this folder says what it relies on). */
import type { VenueAdapter } from '../adapter';
import { createHyperliquidReader } from './read';
import { detectHyperliquidPerp } from './route';

export const adapter: VenueAdapter = {
  venue: 'hyperliquid',
  detect: detectHyperliquidPerp,
  createReader: createHyperliquidReader,
};
