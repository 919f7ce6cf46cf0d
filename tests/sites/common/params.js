// The page parameters every stand-in shares (tests/sites/README.md: page parameters): validators and defaults of
// the common `si-*` names, URL/hash parsing, sessionStorage persistence and the `si-pos` / `si-orders` list
// encodings. A venue's page-state.js adds or overrides its own names and values.

export const NUMBER = /^-?\d+(\.\d+)?$/;
export const UINT = /^\d+$/;
export const oneOf = (...values) => (v) => values.includes(v);
const number = (v) => NUMBER.test(v);

/** Validators of the names every stand-in accepts; a value that fails is ignored. */
export const COMMON_VALID = {
  seed: (v) => /^-?\d+$/.test(v),
  locale: oneOf('en', 'zh-CN', 'pt-BR'),
  numfmt: oneOf('auto', 'dot', 'comma'),
  auth: oneOf('in', 'out'),
  mode: oneOf('cross', 'isolated'),
  posmode: oneOf('oneway', 'hedge'),
  action: oneOf('open', 'close'),
  type: oneOf('limit', 'market', 'conditional'),
  side: oneOf('buy', 'sell'),
  price: number,
  qty: number,
  tp: number,
  sl: number,
  quote: oneOf('USDT', 'USDC'),
  mark: number,
  last: number,
  wallet: number,
  upnl: number,
  marginbal: number,
  avail: number,
  maxbuy: number,
  maxsell: number,
  mm: number,
  mr: number,
  pos: () => true,
  orders: () => true,
  liq: () => true,
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

/** Defaults of the common names (a venue overrides `lev`, `unit`, `quote` and adds its own). */
export const COMMON_DEFAULTS = {
  locale: 'en', numfmt: 'auto', auth: 'in', mode: 'cross', posmode: 'oneway', action: 'open', type: 'limit',
  side: 'buy', price: '', qty: '', tp: '', sl: '', quote: 'USDT', mark: '', last: '', wallet: '10000', upnl: '0',
  marginbal: '', avail: '8000', maxbuy: '', maxsell: '', mm: '0', mr: '', pos: '', orders: '', liq: 'none',
  assetmode: 'single', delay: 'rand', storm: '200', rerender: '0', stale: '1', stalehide: 'rand', events: 'mixed',
  nav: 'random', decoys: '1',
};

// The storage key is the page spec's own name for the stored page parameters.
export const STORAGE_KEY = 'si-scenario';

/**
 * A venue's parameter functions over its validators and defaults: `normalizeParam` (the canonical string, ''
 * for "restore default", or null to ignore), `paramsFromUrl` (`si-` parameters from the query and the hash, the
 * hash winning) and `param` (the effective value).
 */
export function createParams(valid, defaults) {
  function normalizeParam(name, value) {
    if (!(name in valid)) return null;
    if (value === null || value === undefined || value === '') return '';
    let v = String(value).trim();
    if (name === 'locale') v = ['en', 'zh-CN', 'pt-BR'].find((l) => l.toLowerCase() === v.toLowerCase()) ?? v;
    if (name === 'quote') v = v.toUpperCase();
    return valid[name](v) ? v : null;
  }

  function paramsFromUrl(loc) {
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

  const param = (explicit, name) => explicit[name] ?? defaults[name];
  return { normalizeParam, paramsFromUrl, param };
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

// ---- Lists (tests/sites/README.md: list encodings) ----

const field = (v) => (v === undefined || v === '-' || v === '' ? undefined : v);

/** `si-pos` entries; malformed entries are skipped. `lev` is the venue's default leverage, `size` its size pattern. */
export function parsePositionList(text, { lev: defaultLev, size: sizePattern = NUMBER }) {
  const out = [];
  for (const entry of text.split(';')) {
    const f = entry.split(',').map((s) => s.trim());
    const [symbol, side, size, entry_, mark, mode, lev, margin, liq, mm, upnl] = f.map(field);
    if (!symbol || !['long', 'short'].includes(side) || !sizePattern.test(size ?? '')) continue;
    out.push({
      symbol, side, size, entry: entry_, mark, mode: mode === 'isolated' ? 'isolated' : 'cross',
      lev: lev ?? defaultLev, margin, liq, mm, upnl,
    });
  }
  return out;
}

/** `si-orders` entries; malformed entries are skipped. */
export function parseOrderList(text) {
  const out = [];
  for (const entry of text.split(';')) {
    const [symbol, sideRaw, type, price, qty, ro] = entry.split(',').map((s) => field(s.trim()));
    const side = { buy: 'buy', long: 'buy', sell: 'sell', short: 'sell' }[sideRaw ?? ''];
    if (!symbol || !side || !['limit', 'market', 'conditional'].includes(type) || !qty) continue;
    out.push({ symbol, side, type, price, qty, reduceOnly: ['1', 'true', 'yes'].includes(ro ?? '') });
  }
  return out;
}

// ---- Prices (tests/sites/README.md: prices) ----

/** The private key that records which symbol an explicit si-<name> binds to. */
export const boundKey = (name) => `_${name}Symbol`;

/** An explicit si-<name> when it binds to `symbol`, else undefined. */
export const boundParam = (explicit, name, symbol) =>
  (explicit[name] && explicit[boundKey(name)] === symbol ? explicit[name] : undefined);

/**
 * A venue's `markOf(symbol, explicit)` and `lastOf(symbol, explicit)` (plain strings or null): the explicit value
 * bound to the symbol, else the base asset's default (`defaultsOf(symbol, explicit)` → `{ mark, last }` or
 * undefined); without a default the mark is the first si-pos entry's for that symbol and the last is unknown.
 */
export function symbolPrices(defaultsOf, positionsOf) {
  return {
    markOf(symbol, explicit) {
      const given = boundParam(explicit, 'mark', symbol);
      if (given) return given;
      const defaults = defaultsOf(symbol, explicit);
      if (defaults) return defaults.mark;
      const pos = positionsOf(explicit).find((p) => p.symbol === symbol && p.mark);
      return pos ? pos.mark : null;
    },
    lastOf: (symbol, explicit) => boundParam(explicit, 'last', symbol) ?? defaultsOf(symbol, explicit)?.last ?? null,
  };
}
