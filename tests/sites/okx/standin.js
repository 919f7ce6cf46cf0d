// Entry point of the OKX swap stand-in: page state, late hydration, re-renders with stale copies, SPA navigation
// and the test-driver API `window.__standin` (tests/sites/README.md: page traits, runtime API). Rendering lives in
// the render-*.js modules.
import { loadStored, store } from '/__standin/common/params.js';
import { DEFAULTS, param, normalizeParam, paramsFromUrl, parsePath, pathFor, localeFor, instInfo, markOf, lastOf, ctvalOf, parsePositions, parseLiq, BALANCE_DECIMALS } from './page-state.js';
import { createRng, randomSeed, hideElement } from '/__standin/common/rng.js';
import { noiseClass } from './prng.js';
import { numberFormat, display, pageInputText, givenInputText, parseInput, MISSING } from '/__standin/common/format.js';
import { convert, fromBase } from './format.js';
import { add, parseDec } from '/__standin/common/dec.js';
import { labels } from './labels.js';
import { makeBuilder, setText, pageWrite } from '/__standin/common/dom.js';
import { buildFrame } from '/__standin/common/frame.js';
import {
  notifyMode, retire, setParam as setExplicit, restartRerender, navigateInOrder, followHistory, deferred,
  hydrate as hydrateParts, applyParams, WRITE_KEYS, FORM_KEYS,
} from '/__standin/common/standin-core.js';
import { buildForm, fillTpsl, setLiq, unitWord } from './render-form.js';
import { buildAccountPanel, buildHeader } from './render-account.js';
import { buildBottomArea, columnOrder } from './render-positions.js';
import { MARKETS, buildQuickTrade, buildChart, buildChatWidget, openDialog } from './render-frame.js';
import { createOrderBook } from './storm.js';

const SITE_TITLE = 'OKX';
/** The page's unit switch steps through the units in this order. */
const UNIT_CYCLE = ['contracts', 'base', 'quote'];
/** Parameters that bind to the instrument current when they are set (tests/sites/README.md: prices). */
const BOUND = { mark: '_markSymbol', last: '_lastSymbol', ctval: '_ctvalSymbol' };

// ---------------------------------------------------------------------------------------------------
// State

const url = paramsFromUrl(location);
const explicit = url.any ? url.params : loadStored();
const path = parsePath(location.pathname);
if (url.any) {
  bindPrices(explicit, url.params, path.instId);
  store(explicit);
}

const state = {
  explicit,
  seed: explicit.seed ?? randomSeed(),
  rng: null, // randomised hooks
  beh: null, // timing and behaviour choices
  prefix: path.prefix,
  locale: 'en',
  fmt: numberFormat('en', 'auto'),
  L: labels('en'),
  urlSymbol: path.instId,
  formSymbol: path.instId,
  unit: param(explicit, 'unit'),
  activeTab: 'tabPositions',
  columns: null,
  parts: { form: false, panel: false, bottom: false },
  loaded: false,
  live: null, // { root, refs, m }
  slots: null,
  book: null,
  chart: null,
  headerLast: null,
  rerenderTimer: 0,
};

const p = (name) => param(state.explicit, name);
const h = (...args) => makeBuilder(state.rng, noiseClass)(...args);
const info = () => instInfo(state.formSymbol);
const loggedIn = () => p('auth') === 'in';
const ctval = () => ctvalOf(state.formSymbol, state.explicit);
const mark = () => markOf(state.formSymbol, state.explicit);

function seedStreams() {
  state.rng = createRng(state.seed, 'render');
  state.beh = createRng(state.seed, 'behaviour');
  // The column order is drawn once per load (tests/sites/README.md: lists).
  state.columns ??= columnOrder(state.seed, createRng(state.seed, 'columns'));
  document.documentElement.setAttribute('data-si-seed', state.seed);
}

function applyLocale() {
  state.locale = localeFor(state.prefix, state.explicit);
  state.fmt = numberFormat(state.locale, p('numfmt'));
  state.L = labels(state.locale);
  document.documentElement.lang = state.locale;
}

function bindPrices(target, given, instId) {
  for (const [name, key] of Object.entries(BOUND)) if (name in given) target[key] = instId;
}

/** The notification style of one page write (tests/sites/README.md: writes without events). */
const notifyOf = (requested) => notifyMode(requested, p('events'), state.beh);

// ---------------------------------------------------------------------------------------------------
// Form

/** "Reset to last": si-last at price precision, ungrouped, page decimal mark; empty when unknown. */
const resetPrice = () => pageInputText(lastOf(state.formSymbol, state.explicit), info().tick, state.fmt);

/** A size the page shows: no padding, grouped; `unit` word after one space. */
const sizeShown = (dec, word) => `${display(dec, 0, state.fmt)} ${word}`;

/** The two glued test-id values (Available, Max long / Max short): `--` between spaces keeps the unit. */
function formTexts() {
  const i = info();
  const word = unitWord(state.L, state.unit, i.base, i.quote);
  const gap = (unit) => ` ${MISSING} ${unit}`;
  if (!loggedIn() || !state.loaded) return { available: gap(i.quote), maxLong: gap(word), maxShort: gap(word), liq: liqText() };
  const conv = (base) => {
    const amount = base === null ? null : fromBase(base, state.unit, { ctval: ctval(), price: mark() });
    return amount ? sizeShown(amount, word) : gap(word);
  };
  let long = p('maxbuy') || null;
  let short = p('maxsell') || null;
  if (!long && !short && p('posmode') === 'hedge' && p('action') === 'close') {
    // The Close tab shows the closeable sizes: the long side's button closes the short position.
    const sum = (side) => parsePositions(state.explicit).filter((x) => x.symbol === state.formSymbol && x.side === side)
      .reduce((acc, x) => add(acc, parseDec(x.size)), { n: 0n, s: 0 });
    long = sum('short');
    short = sum('long');
  }
  return { available: `${display(p('avail'), BALANCE_DECIMALS, state.fmt)} ${i.quote}`, maxLong: conv(long), maxShort: conv(short), liq: liqText() };
}

/** The form's own liquidation estimate from si-liq, or null for none (it does not depend on the login). */
function liqText() {
  const liq = parseLiq(p('liq'));
  if (liq.none) return null;
  const one = (v) => (v === null ? MISSING : display(v, info().tick, state.fmt));
  if ('single' in liq) return one(liq.single);
  return `${one(liq.long)} / ${one(liq.short)}`;
}

function formModel(values) {
  const i = info();
  return {
    h, rng: state.rng, L: state.L, posmode: p('posmode'), action: p('action'), type: p('type'), loggedIn: loggedIn(),
    mode: p('mode'), lev: p('lev'), base: i.base, quote: i.quote, unit: state.unit, values, texts: formTexts(),
    hiddenDecoys: p('decoys') === '1',
    on: {
      type: (t) => switchType(t),
      action: (a) => { setParam('action', a); renderForm(readValues()); renderWidgets(); },
      unit: () => switchUnit(UNIT_CYCLE[(UNIT_CYCLE.indexOf(state.unit) + 1) % UNIT_CYCLE.length]),
      tpsl: () => toggleTpsl(),
      slider: (pct) => slider(pct),
      dialog: (what) => openDialog(h, state.L, what, p('mode'), p('lev')),
    },
  };
}

/** Current input texts of the live form (what a re-render keeps, tests/sites/README.md: re-renders with stale copies). */
function readValues() {
  const r = state.live?.refs;
  if (!r) return initialValues();
  return { price: r.price?.value ?? '', qty: r.qty.value, tpsl: r.tpslBox ? r.tpslBox.checked : false, tp: r.tp?.value ?? '', sl: r.sl?.value ?? '' };
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
 * Re-render the form (tests/sites/README.md: re-renders with stale copies): new nodes with the kept `values` set at
 * creation, the old root left hidden before the new one as a stale copy, then `writes` applied as page writes.
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
  const m = formModel({ price: '12345.6'.replace('.', state.fmt.decimal), qty: '7', tpsl: false });
  // Always a Limit form, so the copy holds a price input even while the live form is on Market.
  const word = unitWord(state.L, state.unit, m.base, m.quote);
  Object.assign(m, { on: undefined, type: 'limit', lev: String((Number(p('lev')) % 125) + 3), hiddenDecoys: false,
    texts: { available: `4,321.09 ${m.quote}`, maxLong: `77 ${word}`, maxShort: `77 ${word}`, liq: null } });
  const wrapper = h('div', {}, buildForm(m).root);
  hideElement(wrapper, p('stalehide'), state.rng);
  state.slots.decoy.replaceChildren(wrapper);
}

/** Text-only updates: leverage, margin mode, Available, Max, the liquidation estimate (in place, no re-render). */
function updateFormTexts() {
  const live = state.live;
  if (!live) return;
  const r = live.refs;
  const t = formTexts();
  setText(r.leverage, `${p('lev')}x`);
  setText(r.marginMode, p('mode') === 'isolated' ? state.L.isolated : state.L.cross);
  setText(r.available, t.available);
  setText(r.maxLong, t.maxLong);
  setText(r.maxShort, t.maxShort);
  setLiq(live.m, r, t.liq);
}

/** write(): a page write into one field; false when the field is absent. */
function writeField(field, text, notify) {
  const r = state.live?.refs;
  if (!r) return false;
  if ((field === 'tp' || field === 'sl') && !r.tp) {
    if (!r.tpslBox) return false;
    fillTpsl(state.live.m, r, true, { tp: '', sl: '' });
  }
  const input = r[field];
  if (!input) return false;
  pageWrite(input, String(text), notifyOf(notify));
  return true;
}

function toggleTpsl() {
  const r = state.live.refs;
  // The click has already flipped the box; the inputs follow it.
  fillTpsl(state.live.m, r, r.tpslBox.checked, { tp: '', sl: '' });
}

function switchType(type, priceGiven = false) {
  const values = readValues();
  const changed = type !== p('type');
  setParam('type', type);
  const writes = changed && type === 'limit' && !priceGiven ? { price: resetPrice() } : {};
  renderForm(values, writes);
}

/** Price a unit switch or the slider converts at: the price input when > 0, else si-last (tests/sites/README.md: unit switching). */
function conversionPrice() {
  const input = state.live?.refs.price;
  const typed = input ? parseInput(input.value, state.fmt) : null;
  if (typed && typed.n > 0n) return typed;
  return parseDec(lastOf(state.formSymbol, state.explicit) ?? '');
}

/** An amount the page writes into the quantity box itself: ungrouped, no padding. */
const sizeInputText = (dec) => (dec ? display(dec, 0, { group: '', decimal: state.fmt.decimal }) : '');

/** Unit switch: returns the page write for the quantity ('' when it cannot be converted), or null when it is kept. */
function switchUnit(target, { render = true } = {}) {
  const values = readValues();
  let qty = null;
  if (state.unit !== target) {
    const q = parseInput(values.qty, state.fmt);
    qty = q ? sizeInputText(convert(q, state.unit, target, { ctval: ctval(), price: conversionPrice() })) : '';
    state.unit = target;
  }
  setParam('unit', target);
  if (render) {
    renderForm(values, qty === null ? {} : { qty });
    renderBottom();
  }
  return qty;
}

/** The slider writes pct × si-maxbuy in the current unit (tests/sites/README.md: unit switching). */
function slider(pct) {
  const r = state.live?.refs;
  if (!r) return false;
  const n = Math.max(0, Math.min(100, Math.round(Number(pct))));
  const max = parseDec(p('maxbuy'));
  let text = '';
  if (max && !(p('posmode') === 'hedge' && p('action') === 'close')) {
    const base = { n: max.n * BigInt(n), s: max.s + 2 };
    text = sizeInputText(convert(base, 'base', state.unit, { ctval: ctval(), price: conversionPrice() }));
  }
  return writeField('qty', text);
}

// ---------------------------------------------------------------------------------------------------
// Everything outside the form

function setTitle(lastText) {
  document.title = `${lastText} | ${state.formSymbol} | ${SITE_TITLE}`;
}

function renderHeader() {
  const i = info();
  const { header, last } = buildHeader(h, state.L, state.fmt, { instId: state.formSymbol, tick: i.tick, mark: mark(), lastText: state.book.lastText() });
  state.headerLast = last;
  state.slots.header.replaceChildren(header);
  setTitle(state.book.lastText());
}

function renderPanel() {
  state.slots.panel.replaceChildren(buildAccountPanel(h, state.L, state.fmt, {
    loggedIn: loggedIn(), loaded: state.loaded, quote: info().quote, explicit: state.explicit,
  }));
}

function renderBottom() {
  if (!state.parts.bottom) return;
  state.slots.bottom.replaceChildren(buildBottomArea(h, state.L, state.fmt, {
    loggedIn: loggedIn(), loaded: state.loaded, explicit: state.explicit, currentSymbol: state.formSymbol, unit: state.unit,
    posmode: p('posmode'), activeTab: state.activeTab, decoys: p('decoys') === '1', columns: state.columns,
    on: { tab: (key) => { state.activeTab = key; renderBottom(); } },
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
  renderBottom();
  renderWidgets();
}

function startStorm() {
  state.book?.stop();
  state.book = createOrderBook({
    h, rng: createRng(state.seed, 'storm'), rate: Number(p('storm')), fmt: () => state.fmt,
    market: () => ({ last: lastOf(state.formSymbol, state.explicit), tick: info().tick }),
    lastEl: () => state.headerLast,
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

/** The form takes the new instrument: price reset to its last, qty empty, TP/SL unchecked (tests/sites/README.md: re-renders). */
function changeFormSymbol(instId) {
  if (instId === state.formSymbol && state.live) return;
  state.formSymbol = instId;
  state.book.reset();
  if (state.parts.form) {
    renderForm({ price: '', qty: '', tpsl: false }, lastOf(instId, state.explicit) && p('type') === 'limit' ? { price: resetPrice() } : {});
    renderHeader(); // the title in the same task as the form's instrument
  }
  if (state.parts.panel) renderPanel();
  renderBottom();
  renderWidgets();
}

async function navigate(instId, order) {
  const sym = String(instId).toUpperCase();
  const target = pathFor(state.locale, sym);
  const pushUrl = () => {
    history.pushState(null, '', target);
    state.urlSymbol = sym;
    state.prefix = parsePath(target).prefix;
  };
  await navigateInOrder(order, { nav: p('nav'), beh: state.beh, pushUrl, changeForm: () => changeFormSymbol(sym) });
}

followHistory({
  beh: state.beh, symbolOf: (path) => parsePath(path).instId, onUrl: (sym) => { state.urlSymbol = sym; }, changeForm: changeFormSymbol,
});

// ---------------------------------------------------------------------------------------------------
// Runtime API (tests/sites/README.md: runtime API)

function apply(params) {
  return applyParams(params, {
    normalizeParam, defaults: DEFAULTS, formKeys: FORM_KEYS, param: p, setParam, store: () => store(state.explicit),
    bind: (name, v) => { if (name in BOUND) bindPrices(state.explicit, { [name]: v }, state.formSymbol); },
    reseed: (seed) => { state.seed = seed; seedStreams(); },
    applyLocale, fmt: () => state.fmt, live: () => state.live, readValues,
    resetsPrice: (type) => type === 'limit', resetPrice,
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
    delay: p('delay'), beh: state.beh, arrived: state.parts, ready, bottom: 'bottom', initialValues, renderForm, renderHeader, renderWidgets,
    restartRerender: restartRerenderTimer, renderPanel, renderBottom, updateFormTexts, setLoaded: () => { state.loaded = true; },
  });
}

function boot() {
  seedStreams();
  applyLocale();
  document.documentElement.setAttribute('data-si-ready', '0');
  document.title = SITE_TITLE;
  const { app, slots } = buildFrame(h, { markets: MARKETS, onMarket: (sym) => { navigate(sym); }, bottom: 'bottom' });
  state.slots = slots;
  const appRoot = document.getElementById('root');
  appRoot.replaceChildren(app);
  state.chart = buildChart(h, state.rng, state.L);
  slots.chart.append(state.chart.iframe);
  state.chart.fill();
  startStorm();
  renderWidgets();
  hydrate();
}

boot();
