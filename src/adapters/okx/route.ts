/**
 * Which addresses are OKX USDT/USDC swap trading pages (README.md in this folder, "Pages"):
 * `https://www.okx.com/{locale/}trade-swap/{base}-{usdt|usdc}-swap`; the instrument id is the slug in
 * capitals (`BTC-USDT-SWAP`). Coin-margined swaps (`-usd-swap`), futures, spot and options never match.
 */
import { venueById } from '../../venues/registry';
import type { PageMatch } from '../adapter';

const ORIGINS = venueById('okx').origins;
const ROUTE_RE = /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?trade-swap\/([a-z0-9]+)-(usdt|usdc)-swap\/?$/;

export function detectOkxSwap(url: string): PageMatch | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!ORIGINS.includes(parsed.origin)) return null;
  const m = ROUTE_RE.exec(parsed.pathname);
  return m === null ? null : { symbol: `${m[1]}-${m[2]}-swap`.toUpperCase() };
}
