/** The Hyperliquid stand-in's pages: its trading route (tests/sites/README.md: the server). */
import type { StandinSite } from '../server';

// `/trade`, `/trade/{coin}` (case-sensitive, e.g. kPEPE) and `/trade/{dex}:{coin}` (a builder-deployed market).
// Spot pairs (`/trade/BASE/QUOTE`, `/trade/@n`) and the other app pages never match.
const ROUTE = /^\/trade(?:\/([A-Za-z0-9]+|[a-z0-9]+:[A-Za-z0-9]+))?\/?$/;

export const site: StandinSite = {
  isTradingPath: (pathname) => ROUTE.test(pathname),
  samplePath: '/trade/BTC',
};
