/** The Hyperliquid stand-in (tests/sites/hyperliquid) as the adapter test kit opens it: the BTC page, quick hydration, no storm. */
import type { StandinSpec } from '../kit/standin';

export const STANDIN: StandinSpec = { venue: 'hyperliquid', path: 'trade/BTC', defaults: { seed: 11, delay: 0, storm: 0 } };
