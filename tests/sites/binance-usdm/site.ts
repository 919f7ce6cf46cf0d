/** The Binance USDⓈ-M stand-in's pages: its trading route (tests/sites/README.md: the server). */
import type { StandinSite } from '../server';

// The USDⓈ-M trading route; `/my/wallet/futures/…` and `/delivery/…` never match it.
const ROUTE = /^\/(?:[a-z]{2}(?:-[A-Za-z]{2})?\/)?futures\/([A-Z0-9_]{3,})\/?$/;
// COIN-M perpetuals (`…_PERPETUAL`) are out of scope.
const COIN_M_SYMBOL = /PERPETUAL$/;

export const site: StandinSite = {
  isTradingPath(pathname) {
    const m = ROUTE.exec(pathname);
    return m !== null && !COIN_M_SYMBOL.test(m[1] ?? '');
  },
  samplePath: '/en/futures/BTCUSDT',
};
