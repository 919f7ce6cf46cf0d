// The OKX stand-in's page parameters (tests/sites/README.md: page parameters) over the shared ones
// (common/params.js), and the per-instrument facts (assets, precision, default prices, contract value) the page
// renders from.
import {
  COMMON_VALID, COMMON_DEFAULTS, UINT, oneOf, createParams, parsePositionList, parseOrderList, symbolPrices, boundParam,
} from '/__standin/common/params.js';

const POSITIVE = /^\d+(\.\d+)?$/;

/** Validators; a value that fails is ignored (OKX allows no cost or percent unit, tests/sites/README.md: OKX hooks). */
const VALID = {
  ...COMMON_VALID,
  lev: (v) => UINT.test(v) && Number(v) >= 1 && Number(v) <= 125,
  unit: oneOf('contracts', 'base', 'quote'),
  liq: (v) => v === 'none' || v === '--' || /^(-?\d+(\.\d+)?|--)?(\/(-?\d+(\.\d+)?|--)?)?$/.test(v),
  ctval: (v) => POSITIVE.test(v) && Number(v) > 0,
};

export const DEFAULTS = { ...COMMON_DEFAULTS, lev: '10', unit: 'contracts', ctval: '' };

export const { normalizeParam, paramsFromUrl, param } = createParams(VALID, DEFAULTS);

// ---- Paths and locale (tests/sites/README.md: localized labels, SPA navigation) ----

const ROUTE = /^\/(?:([a-z]{2}(?:-[a-z]{2,4})?)\/)?trade-swap\/([a-z0-9]+-(?:usdt|usdc)-swap)\/?$/;

/** { prefix, instId } from a path; prefix is undefined when the path has none. */
export function parsePath(pathname) {
  const m = ROUTE.exec(pathname);
  return m ? { prefix: m[1], instId: m[2].toUpperCase() } : { prefix: undefined, instId: 'BTC-USDT-SWAP' };
}

const PREFIX_LOCALE = { 'zh-hans': 'zh-CN', 'pt-br': 'pt-BR' };
const LOCALE_PREFIX = { en: '', 'zh-CN': 'zh-hans/', 'pt-BR': 'pt-br/' };

/** The page locale: a path prefix decides (unmapped prefixes serve en), else `si-locale`. */
export function localeFor(prefix, explicit) {
  if (prefix === undefined) return param(explicit, 'locale');
  return PREFIX_LOCALE[prefix] ?? 'en';
}

/** The trading path of an instrument with the current locale's prefix (query and hash dropped). */
export const pathFor = (locale, instId) => `/${LOCALE_PREFIX[locale] ?? ''}trade-swap/${instId.toLowerCase()}`;

// ---- Instruments (tests/sites/README.md: prices, OKX hooks) ----

const DEFAULTS_BY_BASE = {
  BTC: { mark: '61000.0', last: '61005.0', tick: 1, ctval: '0.01' },
  ETH: { mark: '3000.00', last: '3000.50', tick: 2, ctval: '0.1' },
};
export const BALANCE_DECIMALS = 2;
export const PERCENT_DECIMALS = 2;

/** Base, quote and tick decimals of an instrument id (`BTC-USDT-SWAP`). */
export function instInfo(instId) {
  const m = /^([A-Z0-9]+)-(USDT|USDC)-SWAP$/.exec(instId);
  const base = m ? m[1] : instId;
  const quote = m ? m[2] : 'USDT';
  const known = DEFAULTS_BY_BASE[base];
  return { instId, base, quote, tick: known ? known.tick : 2, defaults: known, compact: `${base}${quote}` };
}

/** Effective mark and last prices of a symbol (plain strings) or null (tests/sites/README.md: prices). */
export const { markOf, lastOf } = symbolPrices((symbol, explicit) => instInfo(symbol).defaults, (explicit) => parsePositions(explicit));

/** Coin per contract of `instId`: an explicit si-ctval binds to one instrument; defaults BTC 0.01, ETH 0.1, other 1. */
export function ctvalOf(instId, explicit) {
  return boundParam(explicit, 'ctval', instId) ?? instInfo(instId).defaults?.ctval ?? '1';
}

// ---- Lists (tests/sites/README.md: list encodings) ----

/** `si-pos` entries; malformed entries are skipped. */
export const parsePositions = (explicit) => parsePositionList(param(explicit, 'pos'), { lev: '10', size: POSITIVE });

/** `si-orders` entries; malformed entries are skipped. */
export const parseOrders = (explicit) => parseOrderList(param(explicit, 'orders'));

/** `si-liq`: { none: true } or { long, short } (each a number string or null for `--`), or { single }. */
export function parseLiq(value) {
  if (value === 'none') return { none: true };
  if (!value.includes('/')) return { single: value === '--' ? null : value };
  const [a, b] = value.split('/');
  const part = (x) => (x === undefined || x === '' || x === '--' ? null : x);
  return { long: part(a), short: part(b) };
}
