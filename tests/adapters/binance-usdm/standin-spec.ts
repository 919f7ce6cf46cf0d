/** The Binance USDⓈ-M stand-in (tests/sites/binance-usdm) as the adapter test kit opens it: the BTCUSDT page, quick hydration, no storm. */
import type { StandinSpec } from '../kit/standin';

export const STANDIN: StandinSpec = { venue: 'binance-usdm', path: 'en/futures/BTCUSDT', defaults: { seed: 11, delay: 0, storm: 0 } };
