/**
 * Which addresses are OKX swap trading pages (README.md in this folder, "Pages"):
 * `https://www.okx.com/{locale/}trade-swap/{base}-{usdt|usdc}-swap`, the instrument id being the slug in
 * capitals (`BTC-USDT-SWAP`). Coin-margined swaps (`-usd-swap`) and dated futures (`/trade-futures/…`) are
 * recognised and come back unsupported, so the panel can say so; spot, margin, options and every other page
 * never match.
 */
import { reason } from '../../contracts/reasons';
import { venueById } from '../../venues/registry';
import type { PageMatch } from '../adapter';
import { pathOn } from '../kit/route';

export interface OkxRoute extends PageMatch {
  /** The locale segment as written in the path (`zh-hans`), or null without one. */
  pathLocale: string | null;
}

const ORIGINS = venueById('okx').origins;
const LOCALE = '(?:([a-z]{2}(?:-[a-z]{2,4})?)\\/)?';
const SWAP_RE = new RegExp(`^\\/${LOCALE}trade-swap\\/([a-z0-9]+)-(usdt|usdc|usd)-swap\\/?$`);
const FUTURES_RE = new RegExp(`^\\/${LOCALE}trade-futures\\/([a-z0-9]+)-(usdt|usdc|usd)-(\\d{6})\\/?$`);

export function detectOkxSwap(url: string): OkxRoute | null {
  const path = pathOn(url, ORIGINS);
  if (path === null) return null;
  const swap = SWAP_RE.exec(path);
  if (swap !== null) {
    const symbol = `${swap[2]}-${swap[3]}-swap`.toUpperCase();
    const route: OkxRoute = { symbol, pathLocale: swap[1] ?? null };
    // A coin-margined swap settles in its base coin: not supported.
    if (swap[3] === 'usd') route.unsupported = reason('page.unsupportedQuote', { symbol });
    return route;
  }
  const futures = FUTURES_RE.exec(path);
  if (futures !== null) {
    const symbol = `${futures[2]}-${futures[3]}-${futures[4]}`.toUpperCase();
    return { symbol, pathLocale: futures[1] ?? null, unsupported: reason('page.datedContract', { symbol }) };
  }
  return null;
}
