/**
 * Which addresses are Bybit USDT-perpetual trading pages (README.md in this folder, "Pages"):
 * `https://www.bybit.com/{xx-XX/}trade/usdt/{SYMBOL}`. Inverse, spot, option and USDC pages never match.
 */
import { venueById } from '../../venues/registry';
import type { PageMatch } from '../adapter';
import { pathOn } from '../kit/route';

const ORIGINS = venueById('bybit').origins;
const ROUTE_RE = /^\/(?:[a-z]{2}-[A-Z]{2}\/)?trade\/usdt\/([A-Z0-9]+USDT)\/?$/;

export function detectBybitPerpetual(url: string): PageMatch | null {
  const path = pathOn(url, ORIGINS);
  if (path === null) return null;
  const m = ROUTE_RE.exec(path);
  return m === null ? null : { symbol: m[1] as string };
}
