// Entry point of the Bybit USDT-perpetual stand-in: page state, late hydration, re-renders with stale
// copies, SPA navigation and the test-driver API `window.__standin` (tests/sites/README.md: page traits,
// runtime API). Rendering lives in the render-*.js modules.
import { loadStored, store } from '/__standin/common/params.js';
import { DEFAULTS, param, normalizeParam, paramsFromUrl, parsePath, localeFor, symbolPath, symbolInfo, markOf, lastOf, parseLiq, shortLeverage, LOT_DECIMALS, AMOUNT_DECIMALS, PRICE_DECIMALS } from './page-state.js';
import { createRng, randomSeed, hideElement } from '/__standin/common/rng.js';
import { moduleClass } from './rng.js';
import { numberFormat, withUnit, display, pageInputText, givenInputText, parseInput, times, over, MISSING } from '/__standin/common/format.js';
import { parseDec } from '/__standin/common/dec.js';
import { labels } from './labels.js';
import { makeBuilder, setText, pageWrite } from '/__standin/common/dom.js';
import { buildFrame } from '/__standin/common/frame.js';
import {
  notifyMode, retire, setParam as setExplicit, restartRerender, navigateInOrder, followHistory, deferred,
  hydrate as hydrateParts, applyParams, WRITE_KEYS, FORM_KEYS,
} from '/__standin/common/standin-core.js';
import { buildForm, fillTpsl, leverageText } from './render-form.js';
import { buildAccountPanel, buildHeader, accountMode } from './render-account.js';
import { buildAccountArea, columnOrder } from './render-positions.js';
import {
  MARKETS, buildQuickTrade, buildChart, buildChatWidget, openLeverageDialog, openMarginModeDialog, openQtyModeMenu,
} from './render-frame.js';
import { createOrderBook } from './storm.js';

const SITE_TITLE = 'Bybit';
/** Value (quote) amounts the page writes have 2 decimals, Qty (base) amounts 3 (tests/sites/README.md: unit switching). */
const UNIT_DECIMALS = { base: LOT_DECIMALS, quote: AMOUNT_DECIMALS };

// ---------------------------------------------------------------------------------------------------
// State

const url = paramsFromUrl(location);
const explicit = url.any ? url.params : loadStored();
if (url.any) store(explicit);
const path = parsePath(location.pathname);
// An explicit si-mark / si-last from the URL binds to the URL symbol (tests/sites/README.md: prices).
if (url.any) bindPrices(explicit, url.params, path.symbol);

const state = {
  explicit,
  seed: explicit.seed ?? randomSeed(),
  rng: null, // randomised hooks
  beh: null, // timing and behaviour choices
  prefix: path.prefix,
  locale: 'en',
  fmt: numberFormat('en', 'auto'),
  L: labels('en'),
  urlSymbol: path.symbol,
  formSymbol: path.symbol,
  unit: param(explicit, 'unit'),
  activeTab: 'tabPositions',
  columns: null,
  parts: { form: false, panel: false, account: false },
  loaded: false,
  live: null, // { root, refs, m }
  paneBase: '',
  slots: null,
  book: null,
  chart: null,
  headerLast: null,
  rerenderTimer: 0,
};

const p = (name) => param(state.explicit, name);
const h = (...args) => makeBuilder(state.rng, moduleClass)(...args);
const info = () => symbolInfo(state.formSymbol);
const loggedIn = () => p('auth') === 'in';

function seedStreams() {
  state.rng = createRng(state.seed, 'render');
  state.beh = createRng(state.seed, 'behaviour');
  document.documentElement.setAttribute('data-si-seed', state.seed);
}

function applyLocale() {
  state.locale = localeFor(state.prefix, state.explicit);
  state.fmt = numberFormat(state.locale, p('numfmt'));
  state.L = labels(state.locale);
  document.documentElement.lang = state.locale;
}

function bindPrices(target, given, symbol) {
  if ('mark' in given) target._markSymbol = symbol;
  if ('last' in given) target._lastSymbol = symbol;
}

/** The notification style of one page write (tests/sites/README.md: writes without events). */
const notifyOf = (requested) => notifyMode(requested, p('events'), state.beh);

// ---------------------------------------------------------------------------------------------------
// Form

/** "Reset to last": si-last at price precision, ungrouped, page decimal mark; empty when unknown. */
const resetPrice = () => pageInputText(lastOf(state.formSymbol, state.explicit), PRICE_DECIMALS, state.fmt);

/** Header leverage: both sides, or long / short in hedge + isolated (tests/sites/README.md: Bybit hooks). */
function headerLeverage() {
  const perSide = p('posmode') === 'hedge' && p('mode') === 'isolated';
  return leverageText(state.fmt, p('lev'), perSide ? shortLeverage(state.explicit) : null);
}

/** The form's own liquidation estimate (not login-dependent), or null for no pair. */
function liqText() {
  const liq = parseLiq(state.explicit);
  if (liq === null) return null;
  const one = (v) => (v === null ? MISSING : display(v, PRICE_DECIMALS, state.fmt));
  return liq.single ? one(liq.long) : `${one(liq.long)} / ${one(liq.short)}`;
}

const availText = () => (loggedIn() && state.loaded ? withUnit(p('avail'), AMOUNT_DECIMALS, state.fmt, info().quote) : MISSING);

function formModel(values) {
  const i = info();
  return {
    h, rng: state.rng, L: state.L, posmode: p('posmode'), action: p('action'), type: p('type'), loggedIn: loggedIn(),
    headerMode: accountMode(state.explicit), levText: headerLeverage(), unit: state.unit, base: i.base, quote: i.quote,
    values, avail: availText(), liqText: liqText(), paneBase: state.paneBase, hiddenDecoys: p('decoys') === '1',
    on: {
      type: (t) => { if (t !== p('type')) switchType(t); },
      action: (a) => { if (a !== p('action')) { setParam('action', a); renderForm(readValues()); } },
      modeMenu: (anchor) => openQtyModeMenu(h, state.L, anchor, (mode) => switchUnit(mode)),
      tpsl: (checked) => fillTpsl(state.live.m, state.live.refs, checked, { tp: '', sl: '' }),
      slider: (pct) => slider(pct),
      leverage: () => openLeverageDialog(h, state.L, p('lev'), (text) => {
        const v = normalizeParam('lev', String(text).split(/[.,]/)[0]);
        if (v) apply({ lev: v });
      }),
      marginMode: () => openMarginModeDialog(h, state.L, (mode) => apply({ mode })),
    },
  };
}

/** Current input texts of the live form (what a re-render keeps, tests/sites/README.md: re-renders with stale copies). */
function readValues() {
  const r = state.live?.refs;
  if (!r) return initialValues();
  return { price: r.price?.value ?? '', qty: r.qty.value, tpsl: Boolean(r.tp), tp: r.tp?.value ?? '', sl: r.sl?.value ?? '' };
}

function initialValues() {
  const tp = p('tp');
  const sl = p('sl');
  return {
    price: givenInputText(p('price'), state.fmt),
    qty: givenInputText(p('qty'), state.fmt),
    tpsl: Boolean(tp || sl),
    tp: givenInputText(tp, state.fmt),
    sl: givenInputText(sl, state.fmt),
  };
}

/**
 * Re-render the form (tests/sites/README.md: re-renders with stale copies): new nodes with the kept
 * `values` set at creation, the old root left hidden before the new one as a stale copy, then `writes`
 * applied as page writes.
 */
function renderForm(values, writes = {}) {
  state.paneBase = `tab-pane-${state.rng.chars(4)}`;
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
  if (state.parts.account) renderAccountArea(); // shares the pane-id base, so aria-controls collide
  for (const [field, text] of Object.entries(writes)) writeField(field, text);
}

const retireOld = (old) => retire(old, { stale: p('stale'), stalehide: p('stalehide'), rng: state.rng, beh: state.beh });

/** The permanent hidden decoy copy of the form, before the live root, with other values (tests/sites/README.md: decoys). */
function renderDecoyCopy() {
  if (p('decoys') !== '1') return state.slots.decoy.replaceChildren();
  const m = formModel({ price: '12345.6'.replace('.', state.fmt.decimal), qty: '7', tpsl: false });
  // Always a Limit form, so the copy holds a price input even while the live form is on Market.
  Object.assign(m, {
    on: undefined, type: 'limit', hiddenDecoys: false, levText: leverageText(state.fmt, String((Number(p('lev')) % 100) + 3)),
    avail: withUnit('4321.09', AMOUNT_DECIMALS, state.fmt, m.quote), headerMode: accountMode(state.explicit) === 'cross' ? 'isolated' : 'cross',
  });
  const wrapper = h('div', {}, buildForm(m).root);
  hideElement(wrapper, p('stalehide'), state.rng);
  state.slots.decoy.replaceChildren(wrapper);
}

/** Text-only updates: leverage, margin mode, Available, the liquidation estimate (in place, no re-render). */
function updateFormTexts() {
  const r = state.live?.refs;
  if (!r) return;
  setText(r.leverage, headerLeverage());
  setText(r.marginMode, state.L[accountMode(state.explicit)]);
  setText(r.avail, availText());
  const liq = liqText();
  // The estimate's pair comes and goes with si-liq: a change between none and a value re-renders.
  if ((liq === null) !== (r.liq === undefined)) renderForm(readValues());
  else if (r.liq) setText(r.liq, liq);
}

/** write(): a page write into one field; false when the field is absent. */
function writeField(field, text, notify) {
  const r = state.live?.refs;
  if (!r) return false;
  if ((field === 'tp' || field === 'sl') && !r.tp) fillTpsl(state.live.m, r, true, { tp: '', sl: '' });
  const input = r[field];
  if (!input) return false;
  pageWrite(input, String(text), notifyOf(notify));
  return true;
}

function switchType(type, priceGiven = false) {
  const values = readValues();
  const changed = type !== p('type');
  setParam('type', type);
  const writes = changed && type !== 'market' && !priceGiven ? { price: resetPrice() } : {};
  renderForm(values, writes);
}

/** Price a unit switch or slider converts at: the price input when > 0, else si-last (tests/sites/README.md: unit switching). */
function conversionPrice() {
  const input = state.live?.refs.price;
  const typed = input ? parseInput(input.value, state.fmt) : null;
  if (typed && typed.n > 0n) return typed;
  return parseDec(lastOf(state.formSymbol, state.explicit) ?? '');
}

/** Qty ↔ Value conversion of a quantity text; '' when it cannot be converted. */
function convertQty(text, to) {
  const q = parseInput(text, state.fmt);
  const price = conversionPrice();
  if (!q || !price) return '';
  const r = to === 'quote' ? times(q, price, AMOUNT_DECIMALS) : over(q, price, LOT_DECIMALS);
  return r ? pageInputText(r, UNIT_DECIMALS[to], state.fmt) : '';
}

/** Unit switch (tests/sites/README.md: unit switching): the page write for the quantity, or null when it is kept. */
function switchUnit(target, { render = true } = {}) {
  const values = readValues();
  let qty = null;
  if (state.unit !== target) {
    if (target === 'cost' || state.unit === 'cost') qty = '';
    else qty = values.qty === '' ? '' : convertQty(values.qty, target);
    state.unit = target;
  }
  setParam('unit', target);
  if (render) renderForm(values, qty === null ? {} : { qty });
  return qty;
}

/** The page's slider: pct × si-maxbuy in the current mode, or '' in Cost mode, the hedge Close tab or without a max. */
function slider(pct) {
  const r = state.live?.refs;
  if (!r) return false;
  const n = Math.max(0, Math.min(100, Math.round(Number(pct))));
  r.slider.setAttribute('aria-valuenow', String(n));
  const max = parseDec(p('maxbuy'));
  const closeTab = p('posmode') === 'hedge' && p('action') === 'close';
  let text = '';
  if (max && !closeTab && state.unit !== 'cost') {
    const share = { n: BigInt(n), s: 2 }; // n % as a fraction
    if (state.unit === 'base') text = pageInputText(times(share, max, LOT_DECIMALS), LOT_DECIMALS, state.fmt);
    else {
      const price = conversionPrice();
      // pct × max × price, rounded once at the end.
      const exact = price ? times(times(share, max, 40), price, AMOUNT_DECIMALS) : null;
      text = exact ? pageInputText(exact, AMOUNT_DECIMALS, state.fmt) : '';
    }
  }
  return writeField('qty', text);
}

// ---------------------------------------------------------------------------------------------------
// Everything outside the form

function setTitle(lastText) {
  document.title = `${lastText} | ${state.formSymbol} | ${SITE_TITLE}`;
  setText(state.headerLast, lastText);
}

function renderHeader() {
  const { header, last } = buildHeader(h, state.L, state.fmt, {
    symbol: state.formSymbol, mark: markOf(state.formSymbol, state.explicit), lastText: state.book.lastText(),
  });
  state.headerLast = last;
  state.slots.header.replaceChildren(header);
  setTitle(state.book.lastText());
}

function renderPanel() {
  state.slots.panel.replaceChildren(buildAccountPanel(h, state.L, state.fmt, {
    loggedIn: loggedIn(), loaded: state.loaded, quote: info().quote, explicit: state.explicit,
  }));
}

function renderAccountArea() {
  if (!state.parts.account) return;
  state.slots.account.replaceChildren(buildAccountArea(h, state.rng, state.L, state.fmt, {
    loggedIn: loggedIn(), loaded: state.loaded, explicit: state.explicit, currentSymbol: state.formSymbol,
    posmode: p('posmode'), activeTab: state.activeTab, decoys: p('decoys') === '1', virtual: p('virtual'),
    columns: state.columns, paneBase: state.paneBase,
    on: { tab: (key) => { state.activeTab = key; renderAccountArea(); } },
  }));
}

function renderWidgets() {
  const i = info();
  const quick = p('decoys') === '1' && state.parts.form
    ? buildQuickTrade(h, state.L, { quote: i.quote, base: i.base, posmode: p('posmode'), action: p('action') })
    : null;
  state.slots.quick.replaceChildren(...(quick ? [quick] : []));
  document.querySelector('.si-chat-host')?.remove();
  document.body.append(buildChatWidget(state.L, p('posmode'), p('action')));
}

function renderOutsideForm() {
  if (state.parts.form) renderHeader();
  if (state.parts.panel) renderPanel();
  renderAccountArea();
  renderWidgets();
}

function startStorm() {
  state.book?.stop();
  state.book = createOrderBook({
    h, rng: createRng(state.seed, 'storm'), rate: Number(p('storm')), fmt: () => state.fmt,
    last: () => lastOf(state.formSymbol, state.explicit),
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

/** The form takes the new symbol: price reset to its last, qty empty, TP/SL unchecked (tests/sites/README.md: re-renders with stale copies). */
function changeFormSymbol(symbol) {
  if (symbol === state.formSymbol && state.live) return;
  state.formSymbol = symbol;
  state.book.reset();
  if (state.parts.form) {
    renderForm({ price: '', qty: '', tpsl: false }, lastOf(symbol, state.explicit) ? { price: resetPrice() } : {});
    renderHeader(); // title in the same task as the form's symbol
  }
  if (state.parts.panel) renderPanel();
  renderAccountArea();
  renderWidgets();
}

async function navigate(symbol, order) {
  const sym = String(symbol);
  const pushUrl = () => { history.pushState(null, '', symbolPath(state.locale, sym)); state.urlSymbol = sym; };
  await navigateInOrder(order, { nav: p('nav'), beh: state.beh, pushUrl, changeForm: () => changeFormSymbol(sym) });
}

followHistory({
  beh: state.beh, symbolOf: (path) => parsePath(path).symbol, onUrl: (sym) => { state.urlSymbol = sym; }, changeForm: changeFormSymbol,
});

// ---------------------------------------------------------------------------------------------------
// Runtime API (tests/sites/README.md: runtime API)

function apply(params) {
  return applyParams(params, {
    normalizeParam, defaults: DEFAULTS, formKeys: FORM_KEYS, param: p, setParam, store: () => store(state.explicit),
    bind: (name, v) => { if (name === 'mark' || name === 'last') bindPrices(state.explicit, { [name]: v }, state.formSymbol); },
    reseed: (seed) => { state.seed = seed; seedStreams(); },
    applyLocale, fmt: () => state.fmt, live: () => state.live, readValues,
    resetsPrice: (type) => type !== 'market', resetPrice,
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
    delay: p('delay'), beh: state.beh, arrived: state.parts, ready, initialValues, renderForm, renderHeader, renderWidgets,
    restartRerender: restartRerenderTimer, renderPanel, renderBottom: renderAccountArea, updateFormTexts, setLoaded: () => { state.loaded = true; },
  });
}

function boot() {
  seedStreams();
  state.columns = columnOrder(state.seed, createRng(state.seed, 'columns'));
  applyLocale();
  document.documentElement.setAttribute('data-si-ready', '0');
  document.title = SITE_TITLE;
  const { app, slots } = buildFrame(h, { markets: MARKETS, onMarket: (sym) => { navigate(sym); } });
  state.slots = slots;
  const appRoot = document.getElementById('root');
  appRoot.className = h('div').className;
  appRoot.replaceChildren(app);
  state.chart = buildChart(h, state.rng, state.L);
  slots.chart.append(state.chart.iframe);
  state.chart.fill();
  startStorm();
  renderWidgets();
  hydrate();
}

boot();
