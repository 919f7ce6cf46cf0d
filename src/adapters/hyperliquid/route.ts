/**
 * Which addresses are Hyperliquid perpetual trading pages (README.md in this folder, "Pages"):
 * `https://app.hyperliquid.xyz/trade/{coin}` (or .com), the coin case-sensitive (`kPEPE`), a
 * builder-deployed market as `{dex}:{COIN}`; `/trade` alone shows the last-used coin, which the page
 * title names. There is no locale in the address. Spot pairs (`/trade/BASE/QUOTE`, `/trade/@n`), the
 * other app pages and the testnet host never match.
 *
 * Builder-deployed markets are recognised but not supported yet: they come back with `unsupported`
 * set, so the panel can say so instead of staying silent.
 */
import { reason } from '../../contracts/reasons';
import { venueById } from '../../venues/registry';
import type { PageMatch } from '../adapter';
import { pathOn } from '../kit/route';

const ORIGINS = venueById('hyperliquid').origins;
const ROUTE_RE = /^\/trade(?:\/([A-Za-z0-9]+|[a-z0-9]+:[A-Za-z0-9]+))?\/?$/;

/** `symbol` is '' on `/trade` without a coin: the reader takes it from the page title. */
export function detectHyperliquidPerp(url: string): PageMatch | null {
  const path = pathOn(url, ORIGINS);
  if (path === null) return null;
  // A `dex:COIN` link may arrive with its colon percent-encoded.
  const m = ROUTE_RE.exec(path.replace(/%3A/gi, ':'));
  if (m === null) return null;
  const symbol = m[1] ?? '';
  return symbol.includes(':') ? { symbol, unsupported: reason('page.builderMarket', { symbol }) } : { symbol };
}
