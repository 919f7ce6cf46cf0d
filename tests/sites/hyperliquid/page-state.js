// The Hyperliquid stand-in's page parameters (tests/sites/README.md: page parameters) over the shared ones
// (common/params.js), and the per-coin facts (assets, default prices) the page renders from.
import {
  COMMON_VALID, COMMON_DEFAULTS, NUMBER, UINT, oneOf, createParams, parsePositionList, parseOrderList, symbolPrices,
} from '/__standin/common/params.js';

/** Validators; a value that fails is ignored. `posmode` is accepted and ignored (one-way only). */
const VALID = {
  ...COMMON_VALID,
  auth: oneOf('in', 'out', 'noagent'),
  lev: (v) => UINT.test(v) && Number(v) >= 1 && Number(v) <= 50,
  unit: oneOf('base', 'quote'),
  liq: (v) => v === 'none' || v === '--' || /^(-?\d+(\.\d+)?|--)(\/(-?\d+(\.\d+)?|--))?$/.test(v),
  cost: (v) => NUMBER.test(v),
  hideother: oneOf('0', '1'),
};

export const DEFAULTS = { ...COMMON_DEFAULTS, lev: '20', unit: 'base', quote: 'USDC', cost: '', hideother: '0' };

export const { normalizeParam, paramsFromUrl, param } = createParams(VALID, DEFAULTS);

// ---- Route (tests/sites/README.md: Hyperliquid hooks) ----

/** `/trade`, `/trade/BTC`, `/trade/kPEPE`, `/trade/xyz:TSLA` (a builder-deployed market). */
export const ROUTE = /^\/trade(?:\/([A-Za-z0-9]+|[a-z0-9]+:[A-Za-z0-9]+))?\/?$/;
export const DEFAULT_COIN = 'BTC';

/** The coin in a path; undefined for `/trade` alone (the page then shows the last-used coin). */
export function coinOfPath(pathname) {
  const m = ROUTE.exec(pathname);
  return m ? m[1] : undefined;
}

// ---- Coins (tests/sites/README.md: number formats, prices) ----

const DEFAULT_PRICES = { BTC: { mark: '61000.0', last: '61005.0' }, ETH: { mark: '3000.00', last: '3000.50' } };

/** Base (the coin as the size unit shows it), quote and default prices of a coin. A HIP-3 coin `xyz:TSLA` shows `TSLA`. */
export function coinInfo(coin, explicit) {
  const colon = coin.indexOf(':');
  const base = colon < 0 ? coin : coin.slice(colon + 1);
  const defaults = colon < 0 ? DEFAULT_PRICES[coin] : undefined;
  return { coin, base, quote: param(explicit, 'quote'), defaults };
}

/** Effective mark and last prices of a coin (plain strings) or null (tests/sites/README.md: prices). */
export const { markOf, lastOf } = symbolPrices((symbol, explicit) => coinInfo(symbol, explicit).defaults, (explicit) => parsePositions(explicit));

// ---- Lists (tests/sites/README.md: list encodings) ----

/** `si-pos` entries; malformed entries are skipped. */
export const parsePositions = (explicit) => parsePositionList(param(explicit, 'pos'), { lev: '20' });

/** `si-orders` entries; malformed entries are skipped. */
export const parseOrders = (explicit) => parseOrderList(param(explicit, 'orders'));

/**
 * The form's own liquidation estimate for a side (tests/sites/README.md: the page's own liquidation price):
 * `<long>/<short>`, one number for both sides, `none` / `--` / a `--` half → null (shown `N/A`).
 */
export function liqFor(explicit, side) {
  const v = param(explicit, 'liq');
  if (v === 'none' || v === '--') return null;
  const [long, short = long] = v.split('/');
  const pick = side === 'sell' ? short : long;
  return pick === '--' ? null : pick;
}
