/** The bybit adapter (README.md in this folder says what it relies on). */
import type { VenueAdapter } from '../adapter';
import { createBybitReader } from './read';
import { detectBybitPerpetual } from './route';

export const adapter: VenueAdapter = {
  venue: 'bybit',
  detect: detectBybitPerpetual,
  createReader: createBybitReader,
};
