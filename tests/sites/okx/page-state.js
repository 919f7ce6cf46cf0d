// Page parameters (tests/sites/README.md: page parameters): validation, defaults, URL/hash parsing,
// sessionStorage persistence, and the per-instrument facts (assets, precision, default prices, contract value)
// the page renders from.

const NUMBER = /^-?\d+(\.\d+)?$/;
const POSITIVE = /^\d+(\.\d+)?$/;
const UINT = /^\d+$/;
const oneOf = (...values) => (v) => values.includes(v);

/** Validators; a value that fails is ignored (OKX allows no cost or percent unit, tests/sites/README.md: OKX hooks). */
const VALID = {
  seed: (v) => /^-?\d+$/.test(v),
  locale: oneOf('en', 'zh-CN', 'pt-BR'),
  numfmt: oneOf('auto', 'dot', 'comma'),
  auth: oneOf('in', 'out'),
  mode: oneOf('cross', 'isolated'),
  lev: (v) => UINT.test(v) && Number(v) >= 1 && Number(v) <= 125,
  posmode: oneOf('oneway', 'hedge'),
  action: oneOf('open', 'close'),
  type: oneOf('limit', 'market', 'conditional'),
  side: oneOf('buy', 'sell'),
  unit: oneOf('contracts', 'base', 'quote'),
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
  mm: (v) => NUMBER.test(v),
  mr: (v) => NUMBER.test(v),
  pos: () => true,
  orders: () => true,
  liq: (v) => v === 'none' || v === '--' || /^(-?\d+(\.\d+)?|--)?(\/(-?\d+(\.\d+)?|--)?)?$/.test(v),
  assetmode: oneOf('single', 'multi', 'portfolio'),
  ctval: (v) => POSITIVE.test(v) && Number(v) > 0,
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
  locale: 'en', numfmt: 'auto', auth: 'in', mode: 'cross', lev: '10', posmode: 'oneway', action: 'open',
  type: 'limit', side: 'buy', unit: 'contracts', price: '', qty: '', tp: '', sl: '', quote: 'USDT', mark: '', last: '',
  wallet: '10000', upnl: '0', marginbal: '', avail: '8000', maxbuy: '', maxsell: '', mm: '0', mr: '',
  pos: '', orders: '', liq: 'none', assetmode: 'single', ctval: '', delay: 'rand', storm: '200',
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

/** Effective mark price of `instId` (plain string) or null. */
export function markOf(instId, explicit) {
  if (explicit.mark && explicit._markSymbol === instId) return explicit.mark;
  const info = instInfo(instId);
  if (info.defaults) return info.defaults.mark;
  const pos = parsePositions(explicit).find((p) => p.symbol === instId && p.mark);
  return pos ? pos.mark : null;
}

/** Effective last price of `instId` (plain string) or null. */
export function lastOf(instId, explicit) {
  if (explicit.last && explicit._lastSymbol === instId) return explicit.last;
  return instInfo(instId).defaults?.last ?? null;
}

/** Coin per contract of `instId`: an explicit si-ctval binds to one instrument; defaults BTC 0.01, ETH 0.1, other 1. */
export function ctvalOf(instId, explicit) {
  if (explicit.ctval && explicit._ctvalSymbol === instId) return explicit.ctval;
  return instInfo(instId).defaults?.ctval ?? '1';
}

// ---- Lists (tests/sites/README.md: list encodings) ----

const field = (v) => (v === undefined || v === '-' || v === '' ? undefined : v);

/** `si-pos` entries; malformed entries are skipped. */
export function parsePositions(explicit) {
  const out = [];
  for (const entry of param(explicit, 'pos').split(';')) {
    const f = entry.split(',').map((s) => s.trim());
    const [symbol, side, size, entry_, mark, mode, lev, margin, liq, mm, upnl] = f.map(field);
    if (!symbol || !['long', 'short'].includes(side) || !POSITIVE.test(size ?? '')) continue;
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

/** `si-liq`: { none: true } or { long, short } (each a number string or null for `--`), or { single }. */
export function parseLiq(value) {
  if (value === 'none') return { none: true };
  if (!value.includes('/')) return { single: value === '--' ? null : value };
  const [a, b] = value.split('/');
  const part = (x) => (x === undefined || x === '' || x === '--' ? null : x);
  return { long: part(a), short: part(b) };
}
