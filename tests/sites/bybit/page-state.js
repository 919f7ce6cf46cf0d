// Page parameters (tests/sites/README.md: page parameters): validation, defaults, URL/hash parsing,
// sessionStorage persistence, and the per-symbol facts (assets, precision, default prices) the page
// renders from.

const NUMBER = /^-?\d+(\.\d+)?$/;
const UINT = /^\d+$/;
const oneOf = (...values) => (v) => values.includes(v);
const leverage = (v) => UINT.test(v) && Number(v) >= 1 && Number(v) <= 100;
const liqPart = (v) => v === '' || v === '--' || NUMBER.test(v);

/** Validators; a value that fails is ignored. The Hyperliquid-only `side` and the Binance-only parameters are accepted and unused. */
const VALID = {
  seed: (v) => /^-?\d+$/.test(v),
  locale: oneOf('en', 'zh-CN', 'pt-BR'),
  numfmt: oneOf('auto', 'dot', 'comma'),
  auth: oneOf('in', 'out'),
  mode: oneOf('cross', 'isolated'),
  lev: leverage,
  'lev-short': leverage,
  posmode: oneOf('oneway', 'hedge'),
  action: oneOf('open', 'close'),
  type: oneOf('limit', 'market', 'conditional'),
  side: oneOf('buy', 'sell'),
  unit: oneOf('base', 'quote', 'cost'),
  price: (v) => NUMBER.test(v),
  qty: (v) => NUMBER.test(v),
  tp: (v) => NUMBER.test(v),
  sl: (v) => NUMBER.test(v),
  quote: oneOf('USDT', 'USDC'),
  mark: (v) => NUMBER.test(v),
  last: (v) => NUMBER.test(v),
  wallet: (v) => NUMBER.test(v),
  upnl: (v) => NUMBER.test(v),
  marginbal: (v) => NUMBER.test(v),
  avail: (v) => NUMBER.test(v),
  maxbuy: (v) => NUMBER.test(v),
  maxsell: (v) => NUMBER.test(v),
  cost: (v) => NUMBER.test(v),
  mm: (v) => NUMBER.test(v),
  mr: (v) => NUMBER.test(v),
  pos: () => true,
  orders: () => true,
  liq: (v) => v === 'none' || v === '--' || v.split('/').length <= 2 && v.split('/').every(liqPart) && v !== '/',
  hideother: oneOf('0', '1'),
  virtual: (v) => v === 'all' || UINT.test(v),
  assetmode: oneOf('single', 'multi', 'portfolio'),
  // One delay for all three parts, `rand`, or three: `<form>,<panel>,<account>` ms
  // (tests/sites/README.md: choices where the spec left room).
  delay: (v) => v === 'rand' || UINT.test(v) || /^\d+,\d+,\d+$/.test(v),
  storm: (v) => UINT.test(v),
  rerender: (v) => UINT.test(v),
  stale: oneOf('0', '1'),
  stalehide: oneOf('display', 'hidden', 'aria', 'visibility', 'rand'),
  events: oneOf('none', 'input', 'mixed'),
  nav: oneOf('url-first', 'form-first', 'random'),
  decoys: oneOf('0', '1'),
};

export const DEFAULTS = {
  locale: 'en', numfmt: 'auto', auth: 'in', mode: 'cross', lev: '10', 'lev-short': '', posmode: 'oneway', action: 'open',
  type: 'limit', side: 'buy', unit: 'base', price: '', qty: '', tp: '', sl: '', quote: 'USDT', mark: '', last: '',
  wallet: '10000', upnl: '0', marginbal: '', avail: '8000', maxbuy: '', maxsell: '', cost: '', mm: '0', mr: '',
  pos: '', orders: '', liq: 'none', hideother: '0', virtual: 'all', assetmode: 'single', delay: 'rand', storm: '200',
  rerender: '0', stale: '1', stalehide: 'rand', events: 'mixed', nav: 'random', decoys: '1',
};

// The storage key is the page spec's own name for the stored page parameters.
export const STORAGE_KEY = 'si-scenario';

/** Normalise one parameter; returns the canonical string, '' for "restore default", or null to ignore. */
export function normalizeParam(name, value) {
  if (!(name in VALID)) return null;
  if (value === null || value === undefined || value === '') return '';
  let v = String(value).trim();
  if (name === 'locale') v = ['en', 'zh-CN', 'pt-BR'].find((l) => l.toLowerCase() === v.toLowerCase()) ?? v;
  if (name === 'quote') v = v.toUpperCase();
  return VALID[name](v) ? v : null;
}

/** `si-` parameters from the query and the hash (the hash wins), validated. */
export function paramsFromUrl(loc) {
  const found = {};
  let any = false;
  for (const part of [loc.search.slice(1), loc.hash.slice(1)]) {
    for (const [key, value] of new URLSearchParams(part)) {
      if (!key.startsWith('si-')) continue;
      any = true;
      const name = key.slice(3);
      const v = normalizeParam(name, value);
      if (v === '') delete found[name];
      else if (v !== null) found[name] = v;
    }
  }
  return { any, params: found };
}

/** The stored explicit parameters (plus private `_` keys), or {}. */
export function loadStored() {
  try {
    const v = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}');
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

export function store(explicit) {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(explicit));
}

/** Effective value of a parameter. */
export const param = (explicit, name) => explicit[name] ?? DEFAULTS[name];

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

/** Effective mark price of `symbol` (plain string) or null. */
export function markOf(symbol, explicit) {
  if (explicit.mark && explicit._markSymbol === symbol) return explicit.mark;
  const info = symbolInfo(symbol);
  if (info.defaults) return info.defaults.mark;
  const pos = parsePositions(explicit).find((p) => p.symbol === symbol && p.mark);
  return pos ? pos.mark : null;
}

/** Effective last price of `symbol` (plain string) or null. */
export function lastOf(symbol, explicit) {
  if (explicit.last && explicit._lastSymbol === symbol) return explicit.last;
  return symbolInfo(symbol).defaults?.last ?? null;
}

// ---- Lists (tests/sites/README.md: list encodings) ----

const field = (v) => (v === undefined || v === '-' || v === '' ? undefined : v);

/** `si-pos` entries; malformed entries are skipped. */
export function parsePositions(explicit) {
  const out = [];
  for (const entry of param(explicit, 'pos').split(';')) {
    const f = entry.split(',').map((s) => s.trim());
    const [symbol, side, size, entry_, mark, mode, lev, margin, liq, mm, upnl] = f.map(field);
    if (!symbol || !['long', 'short'].includes(side) || !NUMBER.test(size ?? '')) continue;
    out.push({
      symbol, side, size, entry: entry_, mark, mode: mode === 'isolated' ? 'isolated' : 'cross',
      lev: lev ?? '10', margin, liq, mm, upnl,
    });
  }
  return out;
}

/** `si-orders` entries; malformed entries are skipped. */
export function parseOrders(explicit) {
  const out = [];
  for (const entry of param(explicit, 'orders').split(';')) {
    const [symbol, sideRaw, type, price, qty, ro] = entry.split(',').map((s) => field(s.trim()));
    const side = { buy: 'buy', long: 'buy', sell: 'sell', short: 'sell' }[sideRaw ?? ''];
    if (!symbol || !side || !['limit', 'market', 'conditional'].includes(type) || !qty) continue;
    out.push({ symbol, side, type, price, qty, reduceOnly: ['1', 'true', 'yes'].includes(ro ?? '') });
  }
  return out;
}

/** `si-liq` as the form shows it: null (no pair), or the long and short halves (null half = `--`). */
export function parseLiq(explicit) {
  const v = param(explicit, 'liq');
  if (v === 'none') return null;
  if (v === '--') return { single: true, long: null };
  const parts = v.split('/').map((p) => (p === '' || p === '--' ? null : p));
  return parts.length === 1 ? { single: true, long: parts[0] } : { single: false, long: parts[0], short: parts[1] };
}
