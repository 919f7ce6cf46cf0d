/** The OKX swap stand-in's pages: its trading route (tests/sites/README.md: the server). */
import type { StandinSite } from '../server';

// USDT- and USDC-margined perpetual swaps, lower-case slug, optional locale prefix; coin-margined
// `-usd-swap`, futures, spot, margin, options and balance pages never match.
const ROUTE = /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?trade-swap\/[a-z0-9]+-(?:usdt|usdc)-swap\/?$/;

export const site: StandinSite = {
  isTradingPath: (pathname) => ROUTE.test(pathname),
  samplePath: '/trade-swap/btc-usdt-swap',
  // The bench types into the amount box and waits for the panel to list the typed number as the quantity it
  // used, in coin: the page is opened in the coin unit (its default is contracts).
  sampleQuery: 'si-unit=base',
};
