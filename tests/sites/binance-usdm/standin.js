// Entry point of the Binance USDⓈ-M stand-in: what this page is, handed to the shared page object
// (common/standin-page.js: state, re-renders with stale copies, SPA navigation, `window.__standin`, the load;
// tests/sites/README.md: page traits, runtime API). Rendering lives in the render-*.js modules.
import { param, parsePath, symbolInfo, markOf, lastOf, parsePositions, LOT_DECIMALS, BALANCE_DECIMALS } from './page-state.js';
import * as pageParams from './page-state.js';
import { cssClass } from './prng.js';
import { withUnit, pageInputText, times, MISSING } from '/__standin/common/format.js';
import { add, parseDec } from '/__standin/common/dec.js';
import { labels } from './labels.js';
import { setText } from '/__standin/common/dom.js';
import { createStandin } from '/__standin/common/standin-page.js';
import { buildForm, fillTpsl, leverageText, ASSET_MODE_TEXT } from './render-form.js';
import { buildAccountPanel, buildHeader } from './render-account.js';
import { buildAccountArea } from './render-positions.js';
import { MARKETS, buildQuickTrade, buildChart, buildChatWidget, writeAppData, openLeverageDialog } from './render-frame.js';
import { createOrderBook } from './storm.js';

const info = () => symbolInfo(state.symbol, state.explicit);
const mark = () => markOf(state.symbol, state.explicit);
const last = () => lastOf(state.symbol, state.explicit);
const isPercent = (text) => /%\s*$/.test(text);

/** "Reset to last": si-last at price precision, ungrouped, page decimal mark; empty when unknown. */
const resetPrice = () => pageInputText(last(), info().tick, state.fmt);

function maxTexts() {
  if (!loggedIn() || !state.loaded) return { maxBuy: MISSING, maxSell: MISSING };
  const i = info();
  let buy = p('maxbuy') || null;
  let sell = p('maxsell') || null;
  if (!buy && !sell && p('posmode') === 'hedge' && p('action') === 'close') {
    // Closeable sizes (hedge Close tab, no si-maxbuy / si-maxsell): buy side closes shorts, sell side closes longs.
    const sum = (side) => parsePositions(state.explicit)
      .filter((x) => x.symbol === state.symbol && x.side === side)
      .reduce((acc, x) => add(acc, parseDec(x.size)), { n: 0n, s: 0 });
    buy = sum('short');
    sell = sum('long');
  }
  const show = (base) => {
    if (base === null) return MISSING;
    if (state.suffix === 'quote') return withUnit(mark() ? times(base, mark(), i.tick) : null, i.tick, state.fmt, i.quote);
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
      type: (t) => { if (t !== p('type')) page.switchType(t); },
      action: (a) => { if (a !== p('action')) { page.setParam('action', a); page.renderForm(page.readValues()); } },
      suffix: () => page.switchUnit(state.suffix === 'base' ? 'quote' : 'base'),
      tpsl: () => page.showTpsl(!state.live.refs.tp),
      toggle: (label) => label.setAttribute('aria-checked', String(label.getAttribute('aria-checked') !== 'true')),
      slider: (pct) => page.slider(pct),
      leverage: () => openLeverageDialog(h, leverageText(state.L, p('mode'), p('lev'))),
      qtyInput: () => { state.percent = isPercent(state.live.refs.qty.value); },
      submit: (key) => { state.submits.push(key); },
    },
  };
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

/** Unit switch (tests/sites/README.md: unit switching): into or out of percent empties the box, base ↔ quote converts. */
function unitSwitch(target, values) {
  let qty = null;
  if (target === 'percent') {
    if (!state.percent) qty = '';
    state.percent = true;
  } else if (state.percent) {
    qty = ''; // leaving percent writes an empty string
    state.percent = false;
    state.suffix = target;
  } else if (state.suffix !== target) {
    qty = values.qty === '' ? '' : page.convertQty(values.qty, target);
    state.suffix = target;
  }
  return qty;
}

function renderAccountArea() {
  state.slots.account.replaceChildren(buildAccountArea(h, state.rng, state.L, state.fmt, {
    loggedIn: loggedIn(), loaded: state.loaded, explicit: state.explicit, currentSymbol: state.symbol,
    hideOther: p('hideother') === '1', quoteUnit: state.suffix === 'quote', posmode: p('posmode'),
    activeTab: state.activeTab, decoys: p('decoys') === '1', paneBase: state.paneBase,
    on: {
      tab: (key) => { state.activeTab = key; page.renderBottom(); },
      hideOther: () => { page.setParam('hideother', p('hideother') === '1' ? '0' : '1'); page.renderBottom(); },
    },
  }));
}

const page = createStandin({
  title: 'Binance USDⓈ-M Futures',
  appRootId: '__APP',
  noise: cssClass,
  labels,
  params: pageParams,
  path: parsePath,
  pathFor: (symbol) => `/${state.locale}/futures/${symbol}`,
  state: (explicit) => ({
    suffix: param(explicit, 'unit') === 'quote' ? 'quote' : 'base',
    percent: param(explicit, 'unit') === 'percent',
    activeTab: 'tabPositions',
    submits: [], // label keys of the submit clicks the page received, in order
  }),
  last,
  buildForm, formModel, fillTpsl, updateFormTexts, resetPrice,
  decoyModel: (m) => ({
    lev: String((Number(p('lev')) % 125) + 3),
    texts: { avbl: withUnit('4321.09', 2, state.fmt, m.quote), cost: MISSING, maxBuy: MISSING, maxSell: MISSING },
  }),
  resetsPrice: (type) => type !== 'market',
  percentUnit: true,
  qtySuffix: (text) => (text && state.percent ? `${text}%` : text),
  afterWrite: (field, text) => { if (field === 'qty') state.percent = isPercent(text); },
  unitSwitch, unitInBottom: true,
  unitDecimals: () => ({ base: LOT_DECIMALS, quote: info().tick }),
  sliderText: (n) => `${n}%`,
  panePrefix: 'bn-tab-pane-',
  header: (lastText) => buildHeader(h, state.L, state.fmt, { symbol: state.symbol, tick: info().tick, mark: mark(), lastText }),
  afterHeader: () => writeAppData(state.rng, state.symbol, mark() ?? ''),
  renderPanel: () => state.slots.panel.replaceChildren(buildAccountPanel(h, state.L, state.fmt, {
    loggedIn: loggedIn(), loaded: state.loaded, quote: info().quote, explicit: state.explicit,
  })),
  renderBottom: renderAccountArea,
  quickTrade: () => buildQuickTrade(h, state.rng, state.L, { quote: info().quote, posmode: p('posmode'), action: p('action') }),
  chatWidget: () => buildChatWidget(state.L, p('posmode'), p('action')),
  markets: MARKETS,
  chart: () => buildChart(h, state.rng, state.L),
  createOrderBook,
  bookOptions: () => ({ market: () => ({ last: last(), tick: info().tick }) }),
  api: { submits: () => [...state.submits] },
});
const { state, p, h, loggedIn } = page;
page.boot();
