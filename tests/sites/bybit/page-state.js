// The Bybit stand-in's page parameters (tests/sites/README.md: page parameters) over the shared ones
// (common/params.js), and the per-symbol facts (assets, precision, default prices) the page renders from.
import {
  COMMON_VALID, COMMON_DEFAULTS, NUMBER, UINT, oneOf, createParams, parsePositionList, parseOrderList, symbolPrices,
} from '/__standin/common/params.js';

const leverage = (v) => UINT.test(v) && Number(v) >= 1 && Number(v) <= 100;
const liqPart = (v) => v === '' || v === '--' || NUMBER.test(v);

/** Validators; a value that fails is ignored. The Hyperliquid-only `side` and the Binance-only parameters are accepted and unused. */
const VALID = {
  ...COMMON_VALID,
  lev: leverage,
  'lev-short': leverage,
  unit: oneOf('base', 'quote', 'cost'),
  cost: (v) => NUMBER.test(v),
  liq: (v) => v === 'none' || v === '--' || v.split('/').length <= 2 && v.split('/').every(liqPart) && v !== '/',
  hideother: oneOf('0', '1'),
  virtual: (v) => v === 'all' || UINT.test(v),
};

export const DEFAULTS = { ...COMMON_DEFAULTS, lev: '10', 'lev-short': '', unit: 'base', cost: '', hideother: '0', virtual: 'all' };

export const { normalizeParam, paramsFromUrl, param } = createParams(VALID, DEFAULTS);

/** The short side's leverage: `si-lev-short`, else `si-lev`. */
export const shortLeverage = (explicit) => param(explicit, 'lev-short') || param(explicit, 'lev');

// ---- Locale and route (tests/sites/README.md: Bybit pages) ----

const ROUTE = /^\/(?:([a-z]{2}-[A-Z]{2})\/)?trade\/usdt\/([A-Z0-9]+USDT)\/?$/;
const PREFIX_LOCALE = { 'en-US': 'en', 'zh-MY': 'zh-CN', 'pt-BR': 'pt-BR' };
const LOCALE_PREFIX = { en: 'en-US', 'zh-CN': 'zh-MY', 'pt-BR': 'pt-BR' };

/** { prefix, symbol } from a path; prefix is undefined when the path has none. */
export function parsePath(pathname) {
  const m = ROUTE.exec(pathname);
  return m ? { prefix: m[1], symbol: m[2] } : { prefix: undefined, symbol: 'BTCUSDT' };
}

/** The page locale: a path prefix decides (unmapped prefixes serve en), else `si-locale`. */
export function localeFor(prefix, explicit) {
  if (prefix === undefined) return param(explicit, 'locale');
  return PREFIX_LOCALE[prefix] ?? 'en';
}

/** The SPA route of a symbol, with the current locale's prefix (never bare). */
export const symbolPath = (locale, symbol) => `/${LOCALE_PREFIX[locale] ?? 'en-US'}/trade/usdt/${symbol}`;

// ---- Symbols and precision (tests/sites/README.md: number formats, prices) ----

const DEFAULT_PRICES = { BTC: { mark: '61000.0', last: '61005.0' }, ETH: { mark: '3000.00', last: '3000.50' } };
/** Display precision: prices 2 decimals on every symbol, quantities 3, USDT amounts and percents 2, leverage 2. */
export const PRICE_DECIMALS = 2;
export const LOT_DECIMALS = 3;
export const AMOUNT_DECIMALS = 2;
export const LEVERAGE_DECIMALS = 2;

/** Base and quote of a symbol (every route symbol ends in USDT). */
export function symbolInfo(symbol) {
  const base = symbol.replace(/USDT$/, '');
  return { symbol, base, quote: 'USDT', defaults: DEFAULT_PRICES[base] };
}

/** Effective mark and last prices of a symbol (plain strings) or null (tests/sites/README.md: prices). */
export const { markOf, lastOf } = symbolPrices((symbol, explicit) => symbolInfo(symbol).defaults, (explicit) => parsePositions(explicit));

// ---- Lists (tests/sites/README.md: list encodings) ----

/** `si-pos` entries; malformed entries are skipped. */
export const parsePositions = (explicit) => parsePositionList(param(explicit, 'pos'), { lev: '10' });

/** `si-orders` entries; malformed entries are skipped. */
export const parseOrders = (explicit) => parseOrderList(param(explicit, 'orders'));

/** `si-liq` as the form shows it: null (no pair), or the long and short halves (null half = `--`). */
export function parseLiq(explicit) {
  const v = param(explicit, 'liq');
  if (v === 'none') return null;
  if (v === '--') return { single: true, long: null };
  const parts = v.split('/').map((p) => (p === '' || p === '--' ? null : p));
  return parts.length === 1 ? { single: true, long: parts[0] } : { single: false, long: parts[0], short: parts[1] };
}
