/** The okx adapter (README.md in this folder says what it relies on). */
import type { VenueAdapter } from '../adapter';
import { createOkxReader } from './read';
import { detectOkxSwap } from './route';

export const adapter: VenueAdapter = {
  venue: 'okx',
  detect: detectOkxSwap,
  createReader: createOkxReader,
};
