// Page parameters (tests/sites/README.md: page parameters): validation, defaults, URL/hash
// parsing, sessionStorage persistence, and the per-symbol facts (assets, precision, default prices) the
// page renders from.

const NUMBER = /^-?\d+(\.\d+)?$/;
const UINT = /^\d+$/;
const oneOf = (...values) => (v) => values.includes(v);

/** Validators; a value that fails is ignored. Binance ignores `liq` and `side` but accepts them. */
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
  unit: oneOf('base', 'quote', 'percent'),
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
  liq: () => true,
  hideother: oneOf('0', '1'),
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
  locale: 'en', numfmt: 'auto', auth: 'in', mode: 'cross', lev: '20', posmode: 'oneway', action: 'open',
  type: 'limit', side: 'buy', unit: 'base', price: '', qty: '', tp: '', sl: '', quote: 'USDT', mark: '', last: '',
  wallet: '10000', upnl: '0', marginbal: '', avail: '8000', maxbuy: '', maxsell: '', cost: '', mm: '0', mr: '',
  pos: '', orders: '', liq: 'none', hideother: '0', assetmode: 'single', delay: 'rand', storm: '200',
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

/** Effective mark price of `symbol` (plain string) or null. */
export function markOf(symbol, explicit) {
  if (explicit.mark && explicit._markSymbol === symbol) return explicit.mark;
  const info = symbolInfo(symbol, explicit);
  if (info.defaults) return info.defaults.mark;
  const pos = parsePositions(explicit).find((p) => p.symbol === symbol && p.mark);
  return pos ? pos.mark : null;
}

/** Effective last price of `symbol` (plain string) or null. */
export function lastOf(symbol, explicit) {
  if (explicit.last && explicit._lastSymbol === symbol) return explicit.last;
  return symbolInfo(symbol, explicit).defaults?.last ?? null;
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
      lev: lev ?? '20', margin, liq, mm, upnl,
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
