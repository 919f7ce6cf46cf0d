/**
 * Binance USDⓈ-M futures route (shared/sites/binance-usdm.md §1).
 *
 * Returns null for any page that is not a USDⓈ-M futures trading page (other hosts, wallet pages,
 * trading rules, COIN-M `/delivery/`). Dated delivery contracts (`…_240927`) are futures pages but
 * not supported: they come back with `unsupported` set, so the panel can say so instead of staying
 * silent, and the reader reports the symbol as 'unsupported'.
 */

export interface BinanceFuturesRoute {
  symbol: string;
  /** The locale segment as written in the path (`pt-BR`), or null without one. */
  pathLocale: string | null;
  /** Why the adapter will not compute on this page; absent when supported. */
  unsupported?: string;
}

const HOST = 'www.binance.com';
// The seen route regex, with the locale's first part also accepted in upper case (§1: case-insensitive).
const ROUTE_RE = /^\/(?:([A-Za-z]{2}(?:-[A-Za-z]{2})?)\/)?futures\/([A-Z0-9_]{3,})\/?$/;
const DELIVERY_RE = /_\d{6}$/;

export function detectBinanceFutures(url: string): BinanceFuturesRoute | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== HOST) return null;
  const m = ROUTE_RE.exec(parsed.pathname);
  if (m === null) return null;
  const symbol = m[2] as string;
  const route: BinanceFuturesRoute = { symbol, pathLocale: m[1] ?? null };
  if (DELIVERY_RE.test(symbol)) route.unsupported = 'dated delivery contracts are not supported';
  return route;
}
