/** The Bybit stand-in's pages: its trading route (tests/sites/README.md: the server, Bybit pages). */
import type { StandinSite } from '../server';

// USDT perpetuals, with an optional `xx-XX` locale prefix; inverse, spot, option and USDC pages never match.
const ROUTE = /^\/(?:[a-z]{2}-[A-Z]{2}\/)?trade\/usdt\/[A-Z0-9]+USDT\/?$/;

export const site: StandinSite = {
  isTradingPath: (pathname) => ROUTE.test(pathname),
  samplePath: '/en-US/trade/usdt/BTCUSDT',
};
