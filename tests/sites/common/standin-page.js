// The page object behind every stand-in's entry module (tests/sites/README.md: page traits, runtime API): the
// state a page keeps, its two seeded streams, the form's re-render cycle (kept values, stale copy, the hidden
// decoy copy, page writes after it), page writes and the TP/SL box, order-type switches, the header and title,
// the widgets, the storm, SPA navigation, `window.__standin` and the load. The venue's standin.js passes what
// its page is: its DOM builders, formats, unit rules and texts.
import { loadStored, store, boundKey } from './params.js';
import { createRng, randomSeed, hideElement } from './rng.js';
import { numberFormat, givenInputText, parseInput, pageInputText, times, over } from './format.js';
import { parseDec } from './dec.js';
import { makeBuilder, setText, pageWrite } from './dom.js';
import { buildFrame } from './frame.js';
import {
  notifyMode, retire, setParam as setExplicit, restartRerender, navigateInOrder, followHistory, deferred,
  hydrate as hydrateParts, applyParams, WRITE_KEYS, FORM_KEYS,
} from './standin-core.js';

/** Input texts of a form with nothing typed (a new symbol); `extra` adds a venue's own kept values. */
const blank = (extra) => ({ price: '', qty: '', tpsl: false, tp: '', sl: '', ...extra });

/**
 * Create a stand-in page. `v` (the venue) gives:
 * - `title`, `appRootId` (the shell's app element, default `root`), `rootClass` (false: the app element keeps no
 *   hashed class), `noise(rng, tag)`, `labels(locale)`, `locale(state)` (default: the page-state's `localeFor`);
 * - `params`: the venue's page-state module (`DEFAULTS`, `param`, `normalizeParam`, `paramsFromUrl`); `bound`: the parameters that bind to the symbol
 *   current when they are set (default `mark`, `last`);
 * - `path(pathname)` → `{ symbol, prefix }` (symbol undefined off a trading path); optionally
 *   `load({ url, stored, symbol })` → `{ explicit, symbol }` and `pathFor(symbol)` (navigation's URL),
 *   `navSymbol(arg)`, `onPush(path)`, `onSymbol(symbol)`;
 * - `state(explicit)` (extra state fields), `onSeed()` (after each seeding), `once()` (after the first);
 * - the form: `buildForm(m)`, `formModel(values)`, `decoyModel(m)` (what the hidden decoy copy changes),
 *   `fillTpsl(m, refs, checked, values)`, `updateFormTexts()`, `resetPrice()`, `resetsPrice(type)`,
 *   `typeValues(type, values)`, `tpslOf(refs)`, `extraValues()`, `qtySuffix(text)`, `afterWrite(field, text)`,
 *   `unitSwitch(target, values)` (the quantity write or null), `unitDecimals()`, `sliderText(n, refs)`,
 *   `panePrefix` (the order-type tabs' pane ids, shared with the account tabs), `percentUnit`, `formKeys`;
 * - outside the form: `header(lastText)` → `{ header, last }` (the last price's element) into `headerSlot` (default `header`), `afterHeader()`,
 *   `renderTopBar()`, `renderPanel()`, `renderBottom()` (into `bottom`, default `account`), `unitInBottom`,
 *   `quickTrade()`, `chatWidget()`, `frame(onMarket)` or `markets`, `chart()` → `{ node, fill }`,
 *   `createOrderBook(opts)`, `bookOptions()`, `api` (extra `window.__standin` members).
 */
export function createStandin(v) {
  const { DEFAULTS, param, normalizeParam, paramsFromUrl } = v.params;
  const bound = v.bound ?? ['mark', 'last'];
  const bottom = v.bottom ?? 'account';

  const bindPrices = (target, given, symbol) => {
    for (const name of bound) if (name in given) target[boundKey(name)] = symbol;
  };

  const url = paramsFromUrl(location);
  const stored = loadStored();
  const path = v.path(location.pathname);
  const start = v.load
    ? v.load({ url, stored, symbol: path.symbol })
    : { explicit: url.any ? url.params : stored, symbol: path.symbol, store: false };
  // An explicit si-mark / si-last from the URL binds to the URL's symbol (tests/sites/README.md: prices).
  if (url.any) bindPrices(start.explicit, url.params, start.symbol);
  if (url.any || start.store) store(start.explicit);

  const state = {
    explicit: start.explicit,
    seed: start.explicit.seed ?? randomSeed(),
    rng: null, // randomised hooks
    beh: null, // timing and behaviour choices
    prefix: path.prefix,
    locale: 'en',
    fmt: numberFormat('en', 'auto'),
    L: v.labels('en'),
    symbol: start.symbol, // the form's symbol
    parts: { form: false, panel: false, [bottom]: false },
    loaded: false,
    live: null, // { root, refs, m }
    paneBase: '',
    slots: null,
    book: null,
    headerLast: null,
    rerenderTimer: 0,
    ...v.state?.(start.explicit),
  };

  const p = (name) => param(state.explicit, name);
  const h = (...args) => makeBuilder(state.rng, v.noise)(...args);
  const loggedIn = () => p('auth') !== 'out';
  const setParam = (name, value) => setExplicit(state.explicit, DEFAULTS, name, value);
  const notifyOf = (requested) => notifyMode(requested, p('events'), state.beh);
  const typeValues = (type, values) => (v.typeValues ? v.typeValues(type, values) : values);

  function seedStreams() {
    state.rng = createRng(state.seed, 'render');
    state.beh = createRng(state.seed, 'behaviour');
    v.onSeed?.();
    document.documentElement.setAttribute('data-si-seed', state.seed);
  }

  function applyLocale() {
    // By default a locale prefix in the path decides, else si-locale (the venue's page-state `localeFor`).
    state.locale = v.locale ? v.locale(state) : v.params.localeFor(state.prefix, state.explicit);
    state.fmt = numberFormat(state.locale, p('numfmt'));
    state.L = v.labels(state.locale);
    document.documentElement.lang = state.locale;
  }

  // ---- The form ----

  /** Current input texts of the live form (what a re-render keeps, tests/sites/README.md: re-renders with stale copies). */
  function readValues() {
    const r = state.live?.refs;
    if (!r) return initialValues();
    const tpsl = v.tpslOf ? v.tpslOf(r) : Boolean(r.tp);
    return { price: r.price?.value ?? '', qty: r.qty.value, tpsl, tp: r.tp?.value ?? '', sl: r.sl?.value ?? '', ...v.extraValues?.() };
  }

  /** The form's first values: the given si-price, si-qty, si-tp, si-sl as input texts. */
  function initialValues() {
    const tp = p('tp');
    const sl = p('sl');
    const qty = givenInputText(p('qty'), state.fmt);
    return typeValues(p('type'), {
      price: givenInputText(p('price'), state.fmt),
      qty: v.qtySuffix ? v.qtySuffix(qty) : qty,
      tpsl: Boolean(tp || sl),
      tp: givenInputText(tp, state.fmt),
      sl: givenInputText(sl, state.fmt),
      ...v.extraValues?.(),
    });
  }

  /**
   * Re-render the form (tests/sites/README.md: re-renders with stale copies): new nodes with the kept `values` set
   * at creation, the old root left hidden before the new one as a stale copy, then `writes` applied as page writes.
   */
  function renderForm(values, writes = {}) {
    if (v.panePrefix) state.paneBase = `${v.panePrefix}${state.rng.chars(4)}`;
    const m = v.formModel(values);
    const { root, refs } = v.buildForm(m);
    const old = state.live?.root;
    if (old?.isConnected) {
      old.after(root);
      retire(old, { stale: p('stale'), stalehide: p('stalehide'), rng: state.rng, beh: state.beh });
    } else {
      state.slots.form.replaceChildren(root);
    }
    state.live = { root, refs, m };
    renderDecoyCopy();
    // The account tabs share the pane-id base, so their aria-controls collide with the order-type tabs'.
    if (v.panePrefix) renderBottom();
    for (const [field, text] of Object.entries(writes)) writeField(field, text);
  }

  const rerender = () => { if (state.live) renderForm(readValues()); };

  /**
   * The permanent hidden decoy copy of the form, before the live root: always a Limit form (so it holds a price
   * input whatever the live type), price 12345.6 and quantity 7, with the venue's other values (tests/sites/README.md: decoys).
   */
  function renderDecoyCopy() {
    if (p('decoys') !== '1') return state.slots.decoy.replaceChildren();
    const m = v.formModel(blank({ price: '12345.6'.replace('.', state.fmt.decimal), qty: '7', ...v.extraValues?.(true) }));
    Object.assign(m, { on: undefined, type: 'limit', hiddenDecoys: false }, v.decoyModel(m));
    const wrapper = h('div', {}, v.buildForm(m).root);
    hideElement(wrapper, p('stalehide'), state.rng);
    state.slots.decoy.replaceChildren(wrapper);
  }

  /** write(): a page write into one field (TP/SL opens the box first); false when the field is absent. */
  function writeField(field, text, notify) {
    const r = state.live?.refs;
    if (!r) return false;
    if ((field === 'tp' || field === 'sl') && !r.tp) {
      if (!r.tpslBox) return false; // a form without the TP/SL box
      v.fillTpsl(state.live.m, r, true, { tp: '', sl: '' });
    }
    const input = r[field];
    if (!input) return false;
    pageWrite(input, String(text), notifyOf(notify));
    v.afterWrite?.(field, String(text));
    return true;
  }

  /** The TP/SL box: its inputs exist only while it is checked. */
  const showTpsl = (checked) => v.fillTpsl(state.live.m, state.live.refs, checked, { tp: '', sl: '' });

  /** The page's order-type switch: the kept values, and the price reset to last where the type has one. */
  function switchType(type) {
    const changed = type !== p('type');
    const values = typeValues(type, readValues());
    setParam('type', type);
    renderForm(values, changed && v.resetsPrice(type) ? { price: v.resetPrice() } : {});
  }

  /** Price a unit switch or the slider converts at: the price input when > 0, else si-last (tests/sites/README.md: unit switching). */
  function conversionPrice() {
    const input = state.live?.refs.price;
    const typed = input ? parseInput(input.value, state.fmt) : null;
    if (typed && typed.n > 0n) return typed;
    return parseDec(v.last() ?? '');
  }

  /** Base ↔ quote conversion of a quantity text at `conversionPrice()`, rounded once to `unitDecimals()`; '' when it cannot be converted. */
  function convertQty(text, to) {
    const q = parseInput(text, state.fmt);
    const price = conversionPrice();
    if (!q || !price) return '';
    const places = v.unitDecimals();
    const r = to === 'quote' ? times(q, price, places.quote) : over(q, price, places.base);
    return r ? pageInputText(r, places[to], state.fmt) : '';
  }

  /** Unit switch (tests/sites/README.md: unit switching): the page write for the quantity, or null when it is kept. */
  function switchUnit(target, { render = true } = {}) {
    const values = readValues();
    const qty = v.unitSwitch(target, values);
    setParam('unit', target);
    if (render) {
      renderForm(values, qty === null ? {} : { qty });
      if (v.unitInBottom) renderBottom();
    }
    return qty;
  }

  /** `slider(pct)`: a whole percent 0–100 on the slider, then the venue's quantity text written; false without a form. */
  function slider(pct) {
    const r = state.live?.refs;
    if (!r) return false;
    const n = Math.max(0, Math.min(100, Math.round(Number(pct))));
    // A slider drawn as role="slider" reports its value; one drawn as marks only has none.
    if (r.slider.hasAttribute('aria-valuenow')) r.slider.setAttribute('aria-valuenow', String(n));
    return writeField('qty', v.sliderText(n, r));
  }

  // ---- Everything outside the form ----

  function setTitle(lastText) {
    document.title = `${lastText} | ${state.symbol} | ${v.title}`;
    setText(state.headerLast, lastText);
  }

  function renderHeader() {
    const lastText = state.book.lastText();
    const { header, last } = v.header(lastText);
    state.headerLast = last;
    state.slots[v.headerSlot ?? 'header'].replaceChildren(header);
    setTitle(lastText);
    v.afterHeader?.();
  }

  function renderPanel() {
    if (state.parts.panel) v.renderPanel();
  }

  function renderBottom() {
    if (state.parts[bottom]) v.renderBottom();
  }

  function renderWidgets() {
    const quick = p('decoys') === '1' && state.parts.form ? v.quickTrade() : null;
    state.slots.quick.replaceChildren(...(quick ? [quick] : []));
    document.querySelector('.si-chat-host')?.remove();
    document.body.append(v.chatWidget());
  }

  function renderOutsideForm() {
    v.renderTopBar?.();
    if (state.parts.form) renderHeader();
    renderPanel();
    renderBottom();
    renderWidgets();
  }

  function startStorm() {
    state.book?.stop();
    state.book = v.createOrderBook({
      h, rng: createRng(state.seed, 'storm'), rate: Number(p('storm')), fmt: () => state.fmt, ...v.bookOptions(),
      onLastChange: (text) => { if (state.parts.form) setTitle(text); },
    });
    state.slots.book.replaceChildren(state.book.el);
  }

  function restartRerenderTimer() {
    state.rerenderTimer = restartRerender(state.rerenderTimer, Number(p('rerender')), rerender);
  }

  // ---- SPA navigation (tests/sites/README.md: SPA navigation) ----

  /** The form takes the new symbol: price reset to its last, qty empty, TP/SL unchecked; the title in the same task. */
  function changeFormSymbol(symbol) {
    if (symbol === state.symbol && state.live) return;
    state.symbol = symbol;
    v.onSymbol?.(symbol);
    state.book.reset();
    if (state.parts.form) {
      renderForm(blank(v.extraValues?.(true)), v.last() && v.resetsPrice(p('type')) ? { price: v.resetPrice() } : {});
      renderHeader();
    }
    renderPanel();
    renderBottom();
    renderWidgets();
  }

  async function navigate(arg, order) {
    const symbol = v.navSymbol ? v.navSymbol(arg) : String(arg);
    const target = v.pathFor(symbol);
    const pushUrl = () => {
      history.pushState(null, '', target);
      v.onPush?.(target);
    };
    await navigateInOrder(order, { nav: p('nav'), beh: state.beh, pushUrl, changeForm: () => changeFormSymbol(symbol) });
  }

  followHistory({ behaviour: () => state.beh, symbolOf: (pathname) => v.path(pathname).symbol, changeForm: changeFormSymbol });

  // ---- Runtime API (tests/sites/README.md: runtime API) ----

  function apply(params) {
    return applyParams(params, {
      normalizeParam, defaults: DEFAULTS, formKeys: [...FORM_KEYS, ...(v.formKeys ?? [])], param: p, setParam,
      store: () => store(state.explicit),
      bind: (name, value) => { if (bound.includes(name)) bindPrices(state.explicit, { [name]: value }, state.symbol); },
      reseed: (seed) => { state.seed = seed; seedStreams(); },
      applyLocale, fmt: () => state.fmt, live: () => state.live, readValues,
      resetsPrice: v.resetsPrice, resetPrice: v.resetPrice, typeValues: v.typeValues,
      percentUnit: v.percentUnit, qtySuffix: v.qtySuffix,
      switchUnit: (unit) => switchUnit(unit, { render: false }),
      renderForm, updateFormTexts: v.updateFormTexts, startStorm, restartRerender: restartRerenderTimer, renderOutsideForm,
      writeField,
    });
  }

  const ready = deferred();

  // ---- Load and hydration (tests/sites/README.md: late hydration) ----

  function boot() {
    window.__standin = {
      apply,
      write: (field, text, notify) => (WRITE_KEYS.includes(field) ? writeField(field, text ?? '', notify) : false),
      slider,
      navigate,
      rerender,
      ...v.api,
      ready: ready.promise,
    };
    seedStreams();
    v.once?.();
    applyLocale();
    document.documentElement.setAttribute('data-si-ready', '0');
    document.title = v.title;
    const onMarket = (symbol) => { navigate(symbol); };
    const { app, slots } = v.frame ? v.frame(onMarket) : buildFrame(h, { markets: v.markets, onMarket, bottom });
    state.slots = slots;
    const appRoot = document.getElementById(v.appRootId ?? 'root');
    if (v.rootClass !== false) appRoot.className = h('div').className;
    appRoot.replaceChildren(app);
    const chart = v.chart();
    slots.chart.append(chart.node);
    chart.fill();
    startStorm();
    v.renderTopBar?.();
    renderWidgets();
    hydrateParts({
      delay: p('delay'), beh: state.beh, arrived: state.parts, ready, bottom, initialValues, renderForm, renderHeader, renderWidgets,
      restartRerender: restartRerenderTimer, renderPanel, renderBottom, updateFormTexts: v.updateFormTexts,
      setLoaded: () => { state.loaded = true; },
    });
  }

  return {
    state, p, h, loggedIn, setParam, boot, apply, readValues, renderForm, rerender, writeField, showTpsl, switchType,
    switchUnit, conversionPrice, convertQty, slider, renderBottom, renderWidgets, navigate,
  };
}
