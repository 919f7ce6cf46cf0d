// Entry point of the Binance USDⓈ-M stand-in: page state, late hydration, re-renders with stale copies, SPA
// navigation and the test-driver API `window.__standin` (tests/sites/README.md: page traits, runtime API). Rendering
// lives in the render-*.js modules.
import { loadStored, store } from '/__standin/common/params.js';
import { DEFAULTS, param, normalizeParam, paramsFromUrl, parsePath, localeFor, symbolInfo, markOf, lastOf, parsePositions, LOT_DECIMALS, BALANCE_DECIMALS } from './page-state.js';
import { createRng, randomSeed, hideElement } from '/__standin/common/rng.js';
import { cssClass } from './prng.js';
import { numberFormat, withUnit, display, pageInputText, givenInputText, parseInput, times as baseToQuote, over as quoteToBase, MISSING } from '/__standin/common/format.js';
import { add, parseDec } from '/__standin/common/dec.js';
import { labels } from './labels.js';
import { makeBuilder, setText, pageWrite } from '/__standin/common/dom.js';
import { buildFrame } from '/__standin/common/frame.js';
import {
  notifyMode, retire, setParam as setExplicit, restartRerender, navigateInOrder, followHistory, deferred,
  hydrate as hydrateParts, applyParams, WRITE_KEYS, FORM_KEYS,
} from '/__standin/common/standin-core.js';
import { buildForm, fillTpsl, leverageText, ASSET_MODE_TEXT } from './render-form.js';
import { buildAccountPanel, buildHeader } from './render-account.js';
import { buildAccountArea } from './render-positions.js';
import { MARKETS, buildQuickTrade, buildChart, buildChatWidget, writeAppData, openLeverageDialog } from './render-frame.js';
import { createOrderBook } from './storm.js';

const SITE_TITLE = 'Binance USDⓈ-M Futures';

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
  suffix: param(explicit, 'unit') === 'quote' ? 'quote' : 'base',
  percent: param(explicit, 'unit') === 'percent',
  activeTab: 'tabPositions',
  parts: { form: false, panel: false, account: false },
  loaded: false,
  live: null, // { root, refs, m }
  paneBase: '',
  slots: null,
  book: null,
  chart: null,
  headerLast: null,
  rerenderTimer: 0,
  submits: [], // label keys of the submit clicks the page received, in order
};

const p = (name) => param(state.explicit, name);
const h = (...args) => makeBuilder(state.rng, cssClass)(...args);
const info = () => symbolInfo(state.formSymbol, state.explicit);
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
const resetPrice = () => pageInputText(lastOf(state.formSymbol, state.explicit), info().tick, state.fmt);

function maxTexts() {
  if (!loggedIn() || !state.loaded) return { maxBuy: MISSING, maxSell: MISSING };
  const i = info();
  let buy = p('maxbuy') || null;
  let sell = p('maxsell') || null;
  if (!buy && !sell && p('posmode') === 'hedge' && p('action') === 'close') {
    // Closeable sizes (hedge Close tab, no si-maxbuy / si-maxsell): buy side closes shorts, sell side closes longs.
    const sum = (side) => parsePositions(state.explicit)
      .filter((x) => x.symbol === state.formSymbol && x.side === side)
      .reduce((acc, x) => add(acc, parseDec(x.size)), { n: 0n, s: 0 });
    buy = sum('short');
    sell = sum('long');
  }
  const mark = markOf(state.formSymbol, state.explicit);
  const show = (base) => {
    if (base === null) return MISSING;
    if (state.suffix === 'quote') return withUnit(mark ? baseToQuote(base, mark, i.tick) : null, i.tick, state.fmt, i.quote);
    return withUnit(base, LOT_DECIMALS, state.fmt, i.base);
  };
  return { maxBuy: show(buy), maxSell: show(sell) };
}

function formTexts() {
  const q = info().quote;
  const filled = loggedIn() && state.loaded;
  return {
    avbl: filled ? withUnit(p('avail'), BALANCE_DECIMALS, state.fmt, q) : MISSING,
    cost: filled ? withUnit(p('cost') || null, BALANCE_DECIMALS, state.fmt, q) : MISSING,
    ...maxTexts(),
  };
}

function formModel(values) {
  const i = info();
  return {
    h, rng: state.rng, L: state.L, posmode: p('posmode'), action: p('action'), type: p('type'), loggedIn: loggedIn(),
    mode: p('mode'), lev: p('lev'), assetMode: p('assetmode'), base: i.base, quote: i.quote, suffix: state.suffix,
    values, texts: formTexts(), paneBase: state.paneBase, hiddenDecoys: p('decoys') === '1',
    on: {
      type: (t) => { if (t !== p('type')) switchType(t); },
      action: (a) => { if (a !== p('action')) { setParam('action', a); renderForm(readValues()); } },
      suffix: () => switchUnit(state.suffix === 'base' ? 'quote' : 'base'),
      tpsl: () => toggleTpsl(),
      toggle: (label) => label.setAttribute('aria-checked', String(label.getAttribute('aria-checked') !== 'true')),
      slider: (pct) => slider(pct),
      leverage: () => openLeverageDialog(h, leverageText(state.L, p('mode'), p('lev'))),
      qtyInput: () => { state.percent = /%\s*$/.test(state.live.refs.qty.value); },
      submit: (key) => { state.submits.push(key); },
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
  const qty = givenInputText(p('qty'), state.fmt);
  return {
    price: givenInputText(p('price'), state.fmt),
    qty: qty && p('unit') === 'percent' ? `${qty}%` : qty,
    tpsl: Boolean(tp || sl),
    tp: givenInputText(tp, state.fmt),
    sl: givenInputText(sl, state.fmt),
  };
}

/**
 * Re-render the form (tests/sites/README.md: re-renders with stale copies): new nodes with the kept `values` set at
 * creation, the old root left hidden before the new one as a stale copy, then `writes` applied as page
 * writes.
 */
function renderForm(values, writes = {}) {
  state.paneBase = `bn-tab-pane-${state.rng.chars(4)}`;
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

/** The permanent hidden decoy copy of the form, before the live root, with different values (tests/sites/README.md: decoys). */
function renderDecoyCopy() {
  if (p('decoys') !== '1') return state.slots.decoy.replaceChildren();
  const m = formModel({ price: '12345.6'.replace('.', state.fmt.decimal), qty: '7', tpsl: false });
  // Always a Limit form, so the copy holds a price input even while the live form is on Market.
  Object.assign(m, { on: undefined, type: 'limit', lev: String((Number(p('lev')) % 125) + 3), hiddenDecoys: false,
    texts: { avbl: withUnit('4321.09', 2, state.fmt, m.quote), cost: MISSING, maxBuy: MISSING, maxSell: MISSING } });
  const wrapper = h('div', {}, buildForm(m).root);
  hideElement(wrapper, p('stalehide'), state.rng);
  state.slots.decoy.replaceChildren(wrapper);
}

/** Text-only updates: leverage, margin mode, asset mode, Avbl, Max, Cost (in place, no re-render). */
function updateFormTexts() {
  const r = state.live?.refs;
  if (!r) return;
  const t = formTexts();
  setText(r.leverage, leverageText(state.L, p('mode'), p('lev')));
  setText(r.assetMode, ASSET_MODE_TEXT[p('assetmode')]);
  setText(r.avbl, t.avbl);
  setText(r.maxBuy, t.maxBuy);
  setText(r.maxSell, t.maxSell);
  setText(r.costBuy, t.cost);
  setText(r.costSell, t.cost);
}

/** write(): a page write into one field; false when the field is absent. */
function writeField(field, text, notify) {
  const r = state.live?.refs;
  if (!r) return false;
  if ((field === 'tp' || field === 'sl') && !r.tp) fillTpsl(state.live.m, r, true, { tp: '', sl: '' });
  const input = r[field];
  if (!input) return false;
  pageWrite(input, String(text), notifyOf(notify));
  if (field === 'qty') state.percent = /%\s*$/.test(String(text));
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

/** Convert a base/quote quantity text for a unit switch; '' when it cannot be converted. */
function convertQty(text, to) {
  const q = parseInput(text, state.fmt);
  const price = conversionPrice();
  if (!q || !price) return '';
  const i = info();
  const r = to === 'quote' ? baseToQuote(q, price, i.tick) : quoteToBase(q, price, LOT_DECIMALS);
  return r ? pageInputText(r, to === 'quote' ? i.tick : LOT_DECIMALS, state.fmt) : '';
}

/** Unit switch (tests/sites/README.md: unit switching): returns the page write for the quantity, or null when it is kept. */
function switchUnit(target, { render = true } = {}) {
  const values = readValues();
  let qty = null;
  if (target === 'percent') {
    if (!state.percent) qty = '';
    state.percent = true;
  } else if (state.percent) {
    qty = ''; // leaving percent writes an empty string
    state.percent = false;
    state.suffix = target;
  } else if (state.suffix !== target) {
    qty = values.qty === '' ? '' : convertQty(values.qty, target);
    state.suffix = target;
  }
  setParam('unit', target);
  if (render) {
    renderForm(values, qty === null ? {} : { qty });
    renderAccountArea();
  }
  return qty;
}

function slider(pct) {
  const r = state.live?.refs;
  if (!r) return false;
  const n = Math.max(0, Math.min(100, Math.round(Number(pct))));
  r.slider.setAttribute('aria-valuenow', String(n));
  return writeField('qty', `${n}%`);
}

// ---------------------------------------------------------------------------------------------------
// Everything outside the form

function setTitle(lastText) {
  document.title = `${lastText} | ${state.formSymbol} | ${SITE_TITLE}`;
  setText(state.headerLast, lastText);
}

function renderHeader() {
  const i = info();
  const { header, last } = buildHeader(h, state.L, state.fmt, {
    symbol: state.formSymbol, tick: i.tick, mark: markOf(state.formSymbol, state.explicit), lastText: state.book.lastText(),
  });
  state.headerLast = last;
  state.slots.header.replaceChildren(header);
  setTitle(state.book.lastText());
  writeAppData(state.rng, state.formSymbol, markOf(state.formSymbol, state.explicit) ?? '');
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
    hideOther: p('hideother') === '1', quoteUnit: state.suffix === 'quote', posmode: p('posmode'),
    activeTab: state.activeTab, decoys: p('decoys') === '1', paneBase: state.paneBase,
    on: {
      tab: (key) => { state.activeTab = key; renderAccountArea(); },
      hideOther: () => { setParam('hideother', p('hideother') === '1' ? '0' : '1'); renderAccountArea(); },
    },
  }));
}

function renderWidgets() {
  const quick = p('decoys') === '1' && state.parts.form
    ? buildQuickTrade(h, state.rng, state.L, { quote: info().quote, posmode: p('posmode'), action: p('action') })
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
    market: () => ({ last: lastOf(state.formSymbol, state.explicit), tick: info().tick }),
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
  const target = `/${state.locale}/futures/${sym}`;
  const pushUrl = () => { history.pushState(null, '', target); state.urlSymbol = sym; };
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
    percentUnit: true, qtySuffix: (text) => (text && state.percent ? `${text}%` : text),
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
  submits: () => [...state.submits],
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
  applyLocale();
  document.documentElement.setAttribute('data-si-ready', '0');
  document.title = SITE_TITLE;
  const { app, slots } = buildFrame(h, { markets: MARKETS, onMarket: (sym) => { navigate(sym); } });
  state.slots = slots;
  const appRoot = document.getElementById('__APP');
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
