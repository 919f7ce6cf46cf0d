/**
 * Which addresses are USDⓈ-M futures trading pages (README.md in this folder, "Pages").
 *
 * Returns null for any page that is not a USDⓈ-M futures trading page (other hosts, wallet pages,
 * trading rules, COIN-M `/delivery/`). Dated delivery contracts (`…_240927`) are futures pages but
 * not supported: they come back with `unsupported` set, so the panel can say so instead of staying
 * silent.
 */
import { reason } from '../../contracts/reasons';
import { venueById } from '../../venues/registry';
import type { PageMatch } from '../adapter';
import { pathOn } from '../kit/route';

export interface BinanceRoute extends PageMatch {
  /** The locale segment as written in the path (`pt-BR`), or null without one. */
  pathLocale: string | null;
}

const ORIGINS = venueById('binance-usdm').origins;
// The locale's parts are matched in either case.
const ROUTE_RE = /^\/(?:([A-Za-z]{2}(?:-[A-Za-z]{2})?)\/)?futures\/([A-Z0-9_]{3,})\/?$/;
const DELIVERY_RE = /_\d{6}$/;

export function detectBinanceFutures(url: string): BinanceRoute | null {
  const path = pathOn(url, ORIGINS);
  if (path === null) return null;
  const m = ROUTE_RE.exec(path);
  if (m === null) return null;
  const symbol = m[2] as string;
  const route: BinanceRoute = { symbol, pathLocale: m[1] ?? null };
  if (DELIVERY_RE.test(symbol)) route.unsupported = reason('page.datedContract', { symbol });
  return route;
}
