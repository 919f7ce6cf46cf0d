// Entry point of the Hyperliquid stand-in: page state, late hydration, re-renders with stale copies, SPA
// navigation and the test-driver API `window.__standin` (tests/sites/README.md: page traits, runtime API).
// Rendering lives in the render-*.js modules.
import { loadStored, store } from '/__standin/common/params.js';
import { DEFAULTS, DEFAULT_COIN, param, normalizeParam, paramsFromUrl, coinOfPath, coinInfo, markOf, lastOf, parsePositions, liqFor } from './page-state.js';
import { createRng, randomSeed, hideElement } from '/__standin/common/rng.js';
import { scClasses } from './prng.js';
import { numberFormat, withUnit, pageInputText, givenInputText, parseInput, times as baseToQuote, over as quoteToBase, MISSING } from '/__standin/common/format.js';
import { displayPrice, percentOf, pricePrecision, NOT_AVAILABLE, SIZE_DECIMALS, USD_DECIMALS } from './format.js';
import { parseDec } from '/__standin/common/dec.js';
import { labels } from './labels.js';
import { makeBuilder, setText, pageWrite } from '/__standin/common/dom.js';
import {
  notifyMode, retire, setParam as setExplicit, restartRerender, navigateInOrder, followHistory, deferred,
  hydrate as hydrateParts, applyParams, WRITE_KEYS, FORM_KEYS,
} from '/__standin/common/standin-core.js';
import { buildForm, fillTpsl } from './render-form.js';
import { buildAccountPanel, buildMarketData } from './render-account.js';
import { buildAccountTable } from './render-positions.js';
import {
  buildFrame, buildHeaderActions, buildQuickTrade, buildChart, buildChatWidget, openLeverageDialog, openMarginDialog,
} from './render-frame.js';
import { createOrderBook } from './storm.js';

const SITE_TITLE = 'Hyperliquid';

// ---------------------------------------------------------------------------------------------------
// State

const url = paramsFromUrl(location);
const stored = loadStored();
// `/trade` alone shows the last-used coin: app state, kept in a private key even when the URL's page
// parameters replace the stored ones.
const explicit = url.any ? { ...url.params, ...(stored._coin ? { _coin: stored._coin } : {}) } : stored;
const pathCoin = coinOfPath(location.pathname);
const startCoin = pathCoin ?? explicit._coin ?? DEFAULT_COIN;
explicit._coin = startCoin;
// An explicit si-mark / si-last from the URL binds to the URL's coin (tests/sites/README.md: prices).
if (url.any) bindPrices(explicit, url.params, startCoin);
store(explicit);

const state = {
  explicit,
  seed: explicit.seed ?? randomSeed(),
  rng: null, // randomised hooks
  beh: null, // timing and behaviour choices
  selClass: '', // the selected tab's extra hashed class, one per load
  locale: 'en',
  fmt: numberFormat('en', 'auto'),
  L: labels('en'),
  coin: startCoin, // the form's coin
  unit: param(explicit, 'unit'),
  pct: 0,
  activeTab: 'Positions',
  parts: { form: false, panel: false, account: false },
  loaded: false,
  live: null, // { root, refs, m }
  slots: null,
  book: null,
  chart: null,
  marketLast: null,
  rerenderTimer: 0,
};

const p = (name) => param(state.explicit, name);
const h = (...args) => makeBuilder(state.rng, scClasses)(...args);
const info = () => coinInfo(state.coin, state.explicit);
const auth = () => p('auth');
const loggedIn = () => auth() !== 'out';
const side = () => p('side');

function seedStreams() {
  state.rng = createRng(state.seed, 'render');
  state.beh = createRng(state.seed, 'behaviour');
  state.selClass = createRng(state.seed, 'selected').chars(6, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');
  document.documentElement.setAttribute('data-si-seed', state.seed);
}

function applyLocale() {
  state.locale = p('locale');
  state.fmt = numberFormat(state.locale, p('numfmt'));
  state.L = labels(state.locale);
  document.documentElement.lang = state.locale;
}

function bindPrices(target, given, coin) {
  if ('mark' in given) target._markSymbol = coin;
  if ('last' in given) target._lastSymbol = coin;
}

/** The notification style of one page write (tests/sites/README.md: writes without events). */
const notifyOf = (requested) => notifyMode(requested, p('events'), state.beh);

// ---------------------------------------------------------------------------------------------------
// Form

/** "Reset to last": si-last at price precision, ungrouped, page decimal mark; empty when unknown. */
function resetPrice() {
  const last = lastOf(state.coin, state.explicit);
  return last ? pageInputText(last, pricePrecision(last), state.fmt) : '';
}

function formTexts() {
  const i = info();
  const filled = loggedIn() && state.loaded;
  let position = null; // absent while logged out
  if (loggedIn()) {
    const own = parsePositions(state.explicit).find((x) => x.symbol === state.coin);
    const signed = own ? (own.side === 'short' ? '-' : '') + own.size : '0';
    position = filled ? withUnit(signed, SIZE_DECIMALS, state.fmt, i.base) : MISSING;
  }
  const liq = liqFor(state.explicit, side());
  return {
    avail: filled ? withUnit(p('avail'), USD_DECIMALS, state.fmt, i.quote) : MISSING,
    position,
    liq: liq === null ? NOT_AVAILABLE : displayPrice(liq, state.fmt),
  };
}

function formModel(values) {
  return {
    h, L: state.L, type: p('type'), side: side(), auth: auth(), mode: p('mode'), lev: p('lev'),
    unitText: state.unit === 'quote' ? info().quote : info().base, selClass: state.selClass,
    values, texts: formTexts(), hiddenDecoys: p('decoys') === '1',
    on: {
      type: (t) => { if (t !== p('type')) switchType(t); },
      side: (s) => { if (s !== side()) { setParam('side', s); renderForm(readValues()); } },
      unit: () => switchUnit(state.unit === 'base' ? 'quote' : 'base'),
      tpsl: () => toggleTpsl(),
      toggle: () => {},
      pct: (text) => typedPercent(text),
      slider: (pct) => slider(pct),
      leverage: () => openLeverageDialog(h, p('lev')),
      margin: () => openMarginDialog(h, state.L),
    },
  };
}

/** Current input texts of the live form (what a re-render keeps, tests/sites/README.md: re-renders with stale copies). */
function readValues() {
  const r = state.live?.refs;
  if (!r) return initialValues();
  return { price: r.price?.value ?? '', qty: r.qty.value, pct: state.pct, tpsl: Boolean(r.tp), tp: r.tp?.value ?? '', sl: r.sl?.value ?? '' };
}

function initialValues() {
  const tp = p('tp');
  const sl = p('sl');
  return {
    price: givenInputText(p('price'), state.fmt),
    qty: givenInputText(p('qty'), state.fmt),
    pct: state.pct,
    tpsl: p('type') !== 'conditional' && Boolean(tp || sl),
    tp: givenInputText(tp, state.fmt),
    sl: givenInputText(sl, state.fmt),
  };
}

/**
 * Re-render the form (tests/sites/README.md: re-renders with stale copies): new nodes with the kept `values`
 * set at creation, the old root left hidden before the new one as a stale copy, then `writes` applied as page
 * writes.
 */
function renderForm(values, writes = {}) {
  const m = formModel(values);
  const { root, refs } = buildForm(m);
  const old = state.live?.root;
  if (old?.isConnected) {
    old.after(root);
    retireOld(old);
  } else {
    state.slots.form.replaceChildren(root);
  }
  state.live = { root, refs, m };
  renderDecoyCopy();
  for (const [field, text] of Object.entries(writes)) writeField(field, text);
}

const retireOld = (old) => retire(old, { stale: p('stale'), stalehide: p('stalehide'), rng: state.rng, beh: state.beh });

/** The permanent hidden decoy copy of the form, before the live root, with other values (tests/sites/README.md: decoys). */
function renderDecoyCopy() {
  if (p('decoys') !== '1') return state.slots.decoy.replaceChildren();
  const m = formModel({ price: '12345.6'.replace('.', state.fmt.decimal), qty: '7', pct: 0, tpsl: false });
  // Always a Limit form, so the copy holds a price input even while the live form is on Market or Pro.
  Object.assign(m, { on: undefined, type: 'limit', lev: String((Number(p('lev')) % 50) + 3), hiddenDecoys: false, auth: 'in',
    texts: { avail: withUnit('4321.09', USD_DECIMALS, state.fmt, info().quote), position: MISSING, liq: NOT_AVAILABLE } });
  const wrapper = h('div', {}, buildForm(m).root);
  hideElement(wrapper, p('stalehide'), state.rng);
  state.slots.decoy.replaceChildren(wrapper);
}

/** Text-only updates: leverage, margin mode, Available, Current Position, Liquidation Price (in place, no re-render). */
function updateFormTexts() {
  const r = state.live?.refs;
  if (!r) return;
  const t = formTexts();
  setText(r.leverage, `${p('lev')}x`);
  setText(r.marginMode, p('mode') === 'isolated' ? state.L.isolated : state.L.cross);
  setText(r.avail, t.avail);
  if (r.position && t.position !== null) setText(r.position, t.position);
  setText(r.liq, t.liq);
}

/** write(): a page write into one field; false when the field is absent. */
function writeField(field, text, notify) {
  const r = state.live?.refs;
  if (!r) return false;
  if ((field === 'tp' || field === 'sl') && !r.tp) {
    if (!r.tpslBox) return false; // Pro: no TP/SL
    fillTpsl(state.live.m, r, true, { tp: '', sl: '' });
  }
  const input = r[field];
  if (!input) return false;
  pageWrite(input, String(text), notifyOf(notify));
  return true;
}

function toggleTpsl() {
  const r = state.live.refs;
  fillTpsl(state.live.m, r, !r.tp, { tp: '', sl: '' });
}

function switchType(type, priceGiven = false) {
  const values = readValues();
  const changed = type !== p('type');
  setParam('type', type);
  if (type === 'conditional') values.tpsl = false;
  const writes = changed && type === 'limit' && !priceGiven ? { price: resetPrice() } : {};
  renderForm(values, writes);
}

/** Price a unit switch or slider converts at: the price input when > 0, else si-last (tests/sites/README.md: unit switching). */
function conversionPrice() {
  const input = state.live?.refs.price;
  const typed = input ? parseInput(input.value, state.fmt) : null;
  if (typed && typed.n > 0n) return typed;
  return parseDec(lastOf(state.coin, state.explicit) ?? '');
}

/** Convert a quantity text for a unit switch; '' when it cannot be converted. */
function convertQty(text, to) {
  const q = parseInput(text, state.fmt);
  const price = conversionPrice();
  if (!q || !price) return '';
  const r = to === 'quote' ? baseToQuote(q, price, USD_DECIMALS) : quoteToBase(q, price, SIZE_DECIMALS);
  return r ? pageInputText(r, to === 'quote' ? USD_DECIMALS : SIZE_DECIMALS, state.fmt) : '';
}

/** Unit switch: returns the page write for the quantity, or null when it is kept. */
function switchUnit(target, { render = true } = {}) {
  const values = readValues();
  let qty = null;
  if (state.unit !== target) {
    qty = values.qty === '' ? '' : convertQty(values.qty, target);
    state.unit = target;
  }
  setParam('unit', target);
  if (render) renderForm(values, qty === null ? {} : { qty });
  return qty;
}

/** The amount the slider writes: pct × si-maxbuy (Buy) or si-maxsell (Sell), in the current unit, rounded once. */
function sliderAmount(pct) {
  const max = side() === 'sell' ? p('maxsell') : p('maxbuy');
  if (!max) return '';
  if (state.unit === 'quote') {
    const price = conversionPrice();
    const v = price ? percentOf(pct, max, USD_DECIMALS, price) : null;
    return v ? pageInputText(v, USD_DECIMALS, state.fmt) : '';
  }
  return pageInputText(percentOf(pct, max, SIZE_DECIMALS), SIZE_DECIMALS, state.fmt);
}

function slider(pct) {
  const r = state.live?.refs;
  if (!r) return false;
  const n = Math.max(0, Math.min(100, Math.round(Number(pct))));
  state.pct = n;
  r.slider.setAttribute('aria-valuenow', String(n));
  pageWrite(r.pct, String(n), 'none');
  return writeField('qty', sliderAmount(n));
}

/** The trader types into the small `%` input: the page writes the computed size into Size. */
function typedPercent(text) {
  const n = Number(String(text).trim());
  if (!/^\d{1,3}$/.test(String(text).trim()) || n > 100) return;
  state.pct = n;
  state.live.refs.slider.setAttribute('aria-valuenow', String(n));
  writeField('qty', sliderAmount(n));
}

// ---------------------------------------------------------------------------------------------------
// Everything outside the form

function setTitle(lastText) {
  // The whole coin, HIP-3 included (`-- | xyz:TSLA | Hyperliquid`).
  document.title = `${lastText} | ${state.coin} | ${SITE_TITLE}`;
  setText(state.marketLast, lastText);
}

function renderMarketData() {
  const { bar, last } = buildMarketData(h, state.L, state.fmt, {
    coin: state.coin, mark: markOf(state.coin, state.explicit), lastText: state.book.lastText(),
  });
  state.marketLast = last;
  state.slots.market.replaceChildren(bar);
  setTitle(state.book.lastText());
}

function renderHeader() {
  state.slots.header.replaceChildren(buildHeaderActions(h, state.L, loggedIn()));
}

function renderPanel() {
  state.slots.panel.replaceChildren(buildAccountPanel(h, state.L, state.fmt, {
    loggedIn: loggedIn(), loaded: state.loaded, explicit: state.explicit,
  }));
}

function renderAccountArea() {
  if (!state.parts.account) return;
  state.slots.account.replaceChildren(buildAccountTable(h, state.L, state.fmt, {
    loggedIn: loggedIn(), loaded: state.loaded, explicit: state.explicit, currentCoin: state.coin,
    activeTab: state.activeTab, selClass: state.selClass,
    on: { tab: (label) => { state.activeTab = label; renderAccountArea(); } },
  }));
}

function renderWidgets() {
  const quick = p('decoys') === '1' && state.parts.form ? buildQuickTrade(h, state.L, { quote: info().quote, base: info().base }) : null;
  state.slots.quick.replaceChildren(...(quick ? [quick] : []));
  document.querySelector('.si-chat-host')?.remove();
  document.body.append(buildChatWidget(state.L));
}

function renderOutsideForm() {
  renderHeader();
  if (state.parts.form) renderMarketData();
  if (state.parts.panel) renderPanel();
  renderAccountArea();
  renderWidgets();
}

function startStorm() {
  state.book?.stop();
  state.book = createOrderBook({
    h, rng: createRng(state.seed, 'storm'), rate: Number(p('storm')), fmt: () => state.fmt,
    last: () => lastOf(state.coin, state.explicit),
    onLastChange: (text) => { if (state.parts.form) setTitle(text); },
  });
  state.slots.book.replaceChildren(state.book.el);
}

function restartRerenderTimer() {
  state.rerenderTimer = restartRerender(state.rerenderTimer, Number(p('rerender')), () => { if (state.live) renderForm(readValues()); });
}

const setParam = (name, value) => setExplicit(state.explicit, DEFAULTS, name, value);

// ---------------------------------------------------------------------------------------------------
// SPA navigation (tests/sites/README.md: SPA navigation)

/** The form takes the new coin: price reset to its last, size empty, TP/SL unchecked; the title in the same task. */
function changeFormCoin(coin) {
  if (coin === state.coin && state.live) return;
  state.coin = coin;
  state.pct = 0;
  state.explicit._coin = coin;
  store(state.explicit);
  state.book.reset();
  if (state.parts.form) {
    const values = { price: '', qty: '', pct: 0, tpsl: false, tp: '', sl: '' };
    renderForm(values, p('type') === 'limit' && lastOf(coin, state.explicit) ? { price: resetPrice() } : {});
    renderMarketData(); // title in the same task as the form's coin
  }
  if (state.parts.panel) renderPanel();
  renderAccountArea();
  renderWidgets();
}

async function navigate(coin, order) {
  const target = String(coin);
  const pushUrl = () => history.pushState(null, '', `/trade/${target}`);
  await navigateInOrder(order, { nav: p('nav'), beh: state.beh, pushUrl, changeForm: () => changeFormCoin(target) });
}

followHistory({ beh: state.beh, symbolOf: coinOfPath, changeForm: changeFormCoin });

// ---------------------------------------------------------------------------------------------------
// Runtime API (tests/sites/README.md: runtime API)

function apply(params) {
  return applyParams(params, {
    normalizeParam, defaults: DEFAULTS, formKeys: [...FORM_KEYS, 'side'], param: p, setParam, store: () => store(state.explicit),
    bind: (name, v) => { if (name === 'mark' || name === 'last') bindPrices(state.explicit, { [name]: v }, state.coin); },
    reseed: (seed) => { state.seed = seed; seedStreams(); },
    applyLocale, fmt: () => state.fmt, live: () => state.live, readValues,
    resetsPrice: (type) => type === 'limit', resetPrice,
    typeValues: (type, values) => (type === 'conditional' ? { ...values, tpsl: false } : values),
    switchUnit: (unit) => switchUnit(unit, { render: false }),
    renderForm, updateFormTexts, startStorm, restartRerender: restartRerenderTimer, renderOutsideForm, writeField,
  });
}

const ready = deferred();

window.__standin = {
  apply,
  write: (field, text, notify) => (WRITE_KEYS.includes(field) ? writeField(field, text ?? '', notify) : false),
  slider,
  navigate,
  rerender: () => { if (state.live) renderForm(readValues()); },
  ready: ready.promise,
};

// ---------------------------------------------------------------------------------------------------
// Load and hydration (tests/sites/README.md: late hydration)

function hydrate() {
  hydrateParts({
    delay: p('delay'), beh: state.beh, arrived: state.parts, ready, initialValues, renderForm, renderHeader: renderMarketData, renderWidgets,
    restartRerender: restartRerenderTimer, renderPanel, renderBottom: renderAccountArea, updateFormTexts, setLoaded: () => { state.loaded = true; },
  });
}

function boot() {
  seedStreams();
  applyLocale();
  document.documentElement.setAttribute('data-si-ready', '0');
  document.title = SITE_TITLE;
  const { app, slots } = buildFrame(h, state.rng, (coin) => { navigate(coin); });
  state.slots = slots;
  const root = document.getElementById('root');
  root.className = h('div').className;
  root.replaceChildren(app);
  state.chart = buildChart(h, state.L);
  slots.chart.append(state.chart.container);
  state.chart.fill();
  startStorm();
  renderHeader();
  renderWidgets();
  hydrate();
}

boot();
