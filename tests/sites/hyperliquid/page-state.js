// Page parameters (tests/sites/README.md: page parameters): validation, defaults, URL/hash parsing,
// sessionStorage persistence, and the per-coin facts (assets, default prices) the page renders from.

const NUMBER = /^-?\d+(\.\d+)?$/;
const UINT = /^\d+$/;
const oneOf = (...values) => (v) => values.includes(v);

/** Validators; a value that fails is ignored. `posmode` is accepted and ignored (one-way only). */
const VALID = {
  seed: (v) => /^-?\d+$/.test(v),
  locale: oneOf('en', 'zh-CN', 'pt-BR'),
  numfmt: oneOf('auto', 'dot', 'comma'),
  auth: oneOf('in', 'out', 'noagent'),
  mode: oneOf('cross', 'isolated'),
  lev: (v) => UINT.test(v) && Number(v) >= 1 && Number(v) <= 50,
  posmode: oneOf('oneway', 'hedge'),
  action: oneOf('open', 'close'),
  type: oneOf('limit', 'market', 'conditional'),
  side: oneOf('buy', 'sell'),
  unit: oneOf('base', 'quote'),
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
  liq: (v) => v === 'none' || v === '--' || /^(-?\d+(\.\d+)?|--)(\/(-?\d+(\.\d+)?|--))?$/.test(v),
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
  type: 'limit', side: 'buy', unit: 'base', price: '', qty: '', tp: '', sl: '', quote: 'USDC', mark: '', last: '',
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

/** Effective mark price of `coin` (plain string) or null. */
export function markOf(coin, explicit) {
  if (explicit.mark && explicit._markSymbol === coin) return explicit.mark;
  const info = coinInfo(coin, explicit);
  if (info.defaults) return info.defaults.mark;
  const pos = parsePositions(explicit).find((p) => p.symbol === coin && p.mark);
  return pos ? pos.mark : null;
}

/** Effective last price of `coin` (plain string) or null. */
export function lastOf(coin, explicit) {
  if (explicit.last && explicit._lastSymbol === coin) return explicit.last;
  return coinInfo(coin, explicit).defaults?.last ?? null;
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
