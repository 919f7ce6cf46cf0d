/**
 * Which addresses are Hyperliquid perpetual trading pages (README.md in this folder, "Pages"):
 * `https://app.hyperliquid.xyz/trade/{coin}` (or .com), the coin case-sensitive, a builder-deployed
 * market as `dex:COIN`; `/trade` alone shows the last coin, named by the page title then. Spot pairs
 * (`/trade/BASE/QUOTE`, `/trade/@n`) never match.
 */
import { venueById } from '../../venues/registry';
import type { PageMatch } from '../adapter';

const ORIGINS = venueById('hyperliquid').origins;
const ROUTE_RE = /^\/trade(?:\/([A-Za-z0-9]+|[a-z0-9]+:[A-Za-z0-9]+))?\/?$/;

/** `symbol` is '' on `/trade` without a coin: the reader takes it from the page. */
export function detectHyperliquidPerp(url: string): PageMatch | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!ORIGINS.includes(parsed.origin)) return null;
  const m = ROUTE_RE.exec(parsed.pathname);
  return m === null ? null : { symbol: m[1] ?? '' };
}
