/** The Bybit stand-in (tests/sites/bybit) as the adapter test kit opens it: the USDT perpetual page, quick hydration, no storm. */
import type { StandinSpec } from '../kit/standin';

export const STANDIN: StandinSpec = { venue: 'bybit', path: 'en-US/trade/usdt/BTCUSDT', defaults: { seed: 12, delay: 0, storm: 0 } };
