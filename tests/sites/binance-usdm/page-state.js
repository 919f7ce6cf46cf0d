// The Binance stand-in's page parameters (tests/sites/README.md: page parameters) over the shared ones
// (common/params.js), and the per-symbol facts (assets, precision, default prices) the page renders from.
import {
  COMMON_VALID, COMMON_DEFAULTS, NUMBER, UINT, oneOf, createParams, parsePositionList, parseOrderList, symbolPrices,
} from '/__standin/common/params.js';

/** Validators; a value that fails is ignored. Binance ignores `liq` and `side` but accepts them. */
const VALID = {
  ...COMMON_VALID,
  lev: (v) => UINT.test(v) && Number(v) >= 1 && Number(v) <= 125,
  unit: oneOf('base', 'quote', 'percent'),
  cost: (v) => NUMBER.test(v),
  hideother: oneOf('0', '1'),
};

export const DEFAULTS = { ...COMMON_DEFAULTS, lev: '20', unit: 'base', cost: '', hideother: '0' };

export const { normalizeParam, paramsFromUrl, param } = createParams(VALID, DEFAULTS);

// ---- Locale (tests/sites/README.md: localized labels) ----

const ROUTE = /^\/(?:([a-z]{2}(?:-[A-Za-z]{2})?)\/)?futures\/([A-Z0-9_]{3,})\/?$/;

/** { prefix, symbol } from a path; prefix is undefined when the path has none. */
export function parsePath(pathname) {
  const m = ROUTE.exec(pathname);
  return m ? { prefix: m[1], symbol: m[2] } : { prefix: undefined, symbol: 'BTCUSDT' };
}

/** The page locale: a path prefix decides (unmapped prefixes serve en), else `si-locale`. */
export function localeFor(prefix, explicit) {
  if (prefix === undefined) return param(explicit, 'locale');
  return { en: 'en', 'zh-cn': 'zh-CN', 'pt-br': 'pt-BR' }[prefix.toLowerCase()] ?? 'en';
}

// ---- Symbols (tests/sites/README.md: number formats, prices) ----

const DATED = /_\d{6}$/;
const DEFAULT_PRICES = { BTC: { mark: '61000.0', last: '61005.0', tick: 1 }, ETH: { mark: '3000.00', last: '3000.50', tick: 2 } };
export const LOT_DECIMALS = 3;
export const BALANCE_DECIMALS = 2;
export const PERCENT_DECIMALS = 2;

/** Base, quote and tick decimals of a symbol. Dated contracts get the generic precision and no default prices. */
export function symbolInfo(symbol, explicit) {
  const dated = DATED.test(symbol);
  const core = symbol.replace(DATED, '');
  const m = /^(.+?)(USDT|USDC)$/.exec(core);
  const base = m ? m[1] : core;
  const quote = m ? m[2] : param(explicit, 'quote');
  const known = dated ? undefined : DEFAULT_PRICES[base];
  return { symbol, base, quote, tick: known ? known.tick : 2, defaults: known };
}

/** Effective mark and last prices of a symbol (plain strings) or null (tests/sites/README.md: prices). */
export const { markOf, lastOf } = symbolPrices((symbol, explicit) => symbolInfo(symbol, explicit).defaults, (explicit) => parsePositions(explicit));

// ---- Lists (tests/sites/README.md: list encodings) ----

/** `si-pos` entries; malformed entries are skipped. */
export const parsePositions = (explicit) => parsePositionList(param(explicit, 'pos'), { lev: '20' });

/** `si-orders` entries; malformed entries are skipped. */
export const parseOrders = (explicit) => parseOrderList(param(explicit, 'orders'));
