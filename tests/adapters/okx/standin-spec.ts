/** The OKX stand-in (tests/sites/okx) as the adapter test kit opens it: the swap page, quick hydration, no storm. */
import type { StandinSpec } from '../kit/standin';

export const STANDIN: StandinSpec = { venue: 'okx', path: 'trade-swap/btc-usdt-swap', defaults: { seed: 12, delay: 0, storm: 0 } };
