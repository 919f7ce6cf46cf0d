// Entry point of the OKX swap stand-in: what this page is, handed to the shared page object
// (common/standin-page.js: state, re-renders with stale copies, SPA navigation, `window.__standin`, the load;
// tests/sites/README.md: page traits, runtime API). Rendering lives in the render-*.js modules.
import { param, parsePath, pathFor, instInfo, markOf, lastOf, ctvalOf, parsePositions, parseLiq, BALANCE_DECIMALS } from './page-state.js';
import * as pageParams from './page-state.js';
import { createRng } from '/__standin/common/rng.js';
import { noiseClass } from './prng.js';
import { display, pageInputText, parseInput, MISSING } from '/__standin/common/format.js';
import { convert, fromBase } from './format.js';
import { add, parseDec } from '/__standin/common/dec.js';
import { labels } from './labels.js';
import { setText } from '/__standin/common/dom.js';
import { createStandin } from '/__standin/common/standin-page.js';
import { buildForm, fillTpsl, setLiq, unitWord } from './render-form.js';
import { buildAccountPanel, buildHeader } from './render-account.js';
import { buildBottomArea, columnOrder } from './render-positions.js';
import { MARKETS, buildQuickTrade, buildChart, buildChatWidget, openDialog } from './render-frame.js';
import { createOrderBook } from './storm.js';

/** The page's unit switch steps through the units in this order. */
const UNIT_CYCLE = ['contracts', 'base', 'quote'];

const info = () => instInfo(state.symbol);
const ctval = () => ctvalOf(state.symbol, state.explicit);
const mark = () => markOf(state.symbol, state.explicit);
const last = () => lastOf(state.symbol, state.explicit);

/** "Reset to last": si-last at price precision, ungrouped, page decimal mark; empty when unknown. */
const resetPrice = () => pageInputText(last(), info().tick, state.fmt);

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
    const sum = (side) => parsePositions(state.explicit).filter((x) => x.symbol === state.symbol && x.side === side)
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
      type: (t) => page.switchType(t),
      action: (a) => { page.setParam('action', a); page.renderForm(page.readValues()); page.renderWidgets(); },
      unit: () => page.switchUnit(UNIT_CYCLE[(UNIT_CYCLE.indexOf(state.unit) + 1) % UNIT_CYCLE.length]),
      // The click has already flipped the box; the inputs follow it.
      tpsl: () => page.showTpsl(state.live.refs.tpslBox.checked),
      slider: (pct) => page.slider(pct),
      dialog: (what) => openDialog(h, state.L, what, p('mode'), p('lev')),
    },
  };
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

/** An amount the page writes into the quantity box itself: ungrouped, no padding. */
const sizeInputText = (dec) => (dec ? display(dec, 0, { group: '', decimal: state.fmt.decimal }) : '');

/** Unit switch: the quantity converted ('' when it cannot be), or null when it is kept. */
function unitSwitch(target, values) {
  if (state.unit === target) return null;
  const q = parseInput(values.qty, state.fmt);
  const qty = q ? sizeInputText(convert(q, state.unit, target, { ctval: ctval(), price: page.conversionPrice() })) : '';
  state.unit = target;
  return qty;
}

/** The slider writes pct × si-maxbuy in the current unit (tests/sites/README.md: unit switching). */
function sliderText(n) {
  const max = parseDec(p('maxbuy'));
  if (!max || (p('posmode') === 'hedge' && p('action') === 'close')) return '';
  const base = { n: max.n * BigInt(n), s: max.s + 2 };
  return sizeInputText(convert(base, 'base', state.unit, { ctval: ctval(), price: page.conversionPrice() }));
}

const page = createStandin({
  title: 'OKX',
  rootClass: false,
  noise: noiseClass,
  labels,
  params: pageParams,
  // Parameters that bind to the instrument current when they are set (tests/sites/README.md: prices).
  bound: ['mark', 'last', 'ctval'],
  path: (pathname) => {
    const { instId, prefix } = parsePath(pathname);
    return { symbol: instId, prefix };
  },
  navSymbol: (instId) => String(instId).toUpperCase(),
  pathFor: (instId) => pathFor(state.locale, instId),
  onPush: (target) => { state.prefix = parsePath(target).prefix; },
  state: (explicit) => ({ unit: param(explicit, 'unit'), activeTab: 'tabPositions', columns: null }),
  // The column order is drawn once per load (tests/sites/README.md: lists).
  once: () => { state.columns = columnOrder(state.seed, createRng(state.seed, 'columns')); },
  last,
  buildForm, formModel, fillTpsl, updateFormTexts, resetPrice,
  tpslOf: (r) => (r.tpslBox ? r.tpslBox.checked : false),
  decoyModel: (m) => {
    const word = unitWord(state.L, state.unit, m.base, m.quote);
    return {
      lev: String((Number(p('lev')) % 125) + 3),
      texts: { available: `4,321.09 ${m.quote}`, maxLong: `77 ${word}`, maxShort: `77 ${word}`, liq: null },
    };
  },
  resetsPrice: (type) => type === 'limit',
  unitSwitch, unitInBottom: true,
  sliderText,
  header: (lastText) => buildHeader(h, state.L, state.fmt, { instId: state.symbol, tick: info().tick, mark: mark(), lastText }),
  renderPanel: () => state.slots.panel.replaceChildren(buildAccountPanel(h, state.L, state.fmt, {
    loggedIn: loggedIn(), loaded: state.loaded, quote: info().quote, explicit: state.explicit,
  })),
  bottom: 'bottom',
  renderBottom: () => state.slots.bottom.replaceChildren(buildBottomArea(h, state.L, state.fmt, {
    loggedIn: loggedIn(), loaded: state.loaded, explicit: state.explicit, currentSymbol: state.symbol, unit: state.unit,
    posmode: p('posmode'), activeTab: state.activeTab, decoys: p('decoys') === '1', columns: state.columns,
    on: { tab: (key) => { state.activeTab = key; page.renderBottom(); } },
  })),
  quickTrade: () => buildQuickTrade(h, state.rng, state.L, { quote: info().quote, posmode: p('posmode'), action: p('action') }),
  chatWidget: () => buildChatWidget(state.L, p('posmode'), p('action')),
  markets: MARKETS,
  chart: () => buildChart(h, state.rng, state.L),
  createOrderBook,
  bookOptions: () => ({ market: () => ({ last: last(), tick: info().tick }), lastEl: () => state.headerLast }),
});
const { state, p, h, loggedIn } = page;
page.boot();
