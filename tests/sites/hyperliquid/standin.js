// Entry point of the Hyperliquid stand-in: what this page is, handed to the shared page object
// (common/standin-page.js: state, re-renders with stale copies, SPA navigation, `window.__standin`, the load;
// tests/sites/README.md: page traits, runtime API). Rendering lives in the render-*.js modules.
import { store } from '/__standin/common/params.js';
import { DEFAULT_COIN, param, coinOfPath, coinInfo, markOf, lastOf, parsePositions, liqFor } from './page-state.js';
import * as pageParams from './page-state.js';
import { createRng } from '/__standin/common/rng.js';
import { scClasses } from './prng.js';
import { withUnit, pageInputText, MISSING } from '/__standin/common/format.js';
import { displayPrice, percentOf, pricePrecision, NOT_AVAILABLE, SIZE_DECIMALS, USD_DECIMALS } from './format.js';
import { labels } from './labels.js';
import { setText, pageWrite } from '/__standin/common/dom.js';
import { createStandin } from '/__standin/common/standin-page.js';
import { buildForm, fillTpsl } from './render-form.js';
import { buildAccountPanel, buildMarketData } from './render-account.js';
import { buildAccountTable } from './render-positions.js';
import {
  buildFrame, buildHeaderActions, buildQuickTrade, buildChart, buildChatWidget, openLeverageDialog, openMarginDialog,
} from './render-frame.js';
import { createOrderBook } from './storm.js';

const info = () => coinInfo(state.symbol, state.explicit);
const last = () => lastOf(state.symbol, state.explicit);
const side = () => p('side');

/** "Reset to last": si-last at price precision, ungrouped, page decimal mark; empty when unknown. */
function resetPrice() {
  const price = last();
  return price ? pageInputText(price, pricePrecision(price), state.fmt) : '';
}

function formTexts() {
  const i = info();
  const filled = loggedIn() && state.loaded;
  let position = null; // absent while logged out
  if (loggedIn()) {
    const own = parsePositions(state.explicit).find((x) => x.symbol === state.symbol);
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
    h, L: state.L, type: p('type'), side: side(), auth: p('auth'), mode: p('mode'), lev: p('lev'),
    unitText: state.unit === 'quote' ? info().quote : info().base, selClass: state.selClass,
    values, texts: formTexts(), hiddenDecoys: p('decoys') === '1',
    on: {
      type: (t) => { if (t !== p('type')) page.switchType(t); },
      side: (s) => { if (s !== side()) { page.setParam('side', s); page.renderForm(page.readValues()); } },
      unit: () => page.switchUnit(state.unit === 'base' ? 'quote' : 'base'),
      tpsl: () => page.showTpsl(!state.live.refs.tp),
      toggle: () => {},
      pct: (text) => typedPercent(text),
      slider: (pct) => page.slider(pct),
      leverage: () => openLeverageDialog(h, p('lev')),
      margin: () => openMarginDialog(h, state.L),
    },
  };
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

/** Unit switch: the quantity converted, or null when it is kept. */
function unitSwitch(target, values) {
  if (state.unit === target) return null;
  state.unit = target;
  return values.qty === '' ? '' : page.convertQty(values.qty, target);
}

/** The amount the slider writes: pct × si-maxbuy (Buy) or si-maxsell (Sell), in the current unit, rounded once. */
function sliderAmount(pct) {
  const max = side() === 'sell' ? p('maxsell') : p('maxbuy');
  if (!max) return '';
  if (state.unit === 'quote') {
    const price = page.conversionPrice();
    const v = price ? percentOf(pct, max, USD_DECIMALS, price) : null;
    return v ? pageInputText(v, USD_DECIMALS, state.fmt) : '';
  }
  return pageInputText(percentOf(pct, max, SIZE_DECIMALS), SIZE_DECIMALS, state.fmt);
}

/** The slider also shows its percent in the small `%` input. */
function sliderText(n, r) {
  state.pct = n;
  pageWrite(r.pct, String(n), 'none');
  return sliderAmount(n);
}

/** The trader types into the small `%` input: the page writes the computed size into Size. */
function typedPercent(text) {
  const n = Number(String(text).trim());
  if (!/^\d{1,3}$/.test(String(text).trim()) || n > 100) return;
  state.pct = n;
  state.live.refs.slider.setAttribute('aria-valuenow', String(n));
  page.writeField('qty', sliderAmount(n));
}

const page = createStandin({
  title: 'Hyperliquid',
  noise: scClasses,
  labels,
  locale: () => p('locale'),
  params: pageParams,
  path: (pathname) => ({ symbol: coinOfPath(pathname) }),
  // `/trade` alone shows the last-used coin: app state, kept in a private key even when the URL's page
  // parameters replace the stored ones.
  load: ({ url, stored, symbol }) => {
    const explicit = url.any ? { ...url.params, ...(stored._coin ? { _coin: stored._coin } : {}) } : stored;
    explicit._coin = symbol ?? explicit._coin ?? DEFAULT_COIN;
    return { explicit, symbol: explicit._coin, store: true };
  },
  pathFor: (coin) => `/trade/${coin}`,
  onSymbol: (coin) => {
    state.pct = 0;
    state.explicit._coin = coin;
    store(state.explicit);
  },
  state: (explicit) => ({
    selClass: '', // the selected tab's extra hashed class, one per seed
    unit: param(explicit, 'unit'),
    pct: 0,
    activeTab: 'Positions',
  }),
  onSeed: () => { state.selClass = createRng(state.seed, 'selected').chars(6, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'); },
  last,
  buildForm, formModel, fillTpsl, updateFormTexts, resetPrice,
  extraValues: (blank) => ({ pct: blank ? 0 : state.pct }),
  decoyModel: () => ({
    lev: String((Number(p('lev')) % 50) + 3), auth: 'in',
    texts: { avail: withUnit('4321.09', USD_DECIMALS, state.fmt, info().quote), position: MISSING, liq: NOT_AVAILABLE },
  }),
  resetsPrice: (type) => type === 'limit',
  typeValues: (type, values) => (type === 'conditional' ? { ...values, tpsl: false } : values),
  formKeys: ['side'],
  unitSwitch,
  unitDecimals: () => ({ base: SIZE_DECIMALS, quote: USD_DECIMALS }),
  sliderText,
  headerSlot: 'market',
  header: (lastText) => buildMarketData(h, state.L, state.fmt, { coin: state.symbol, mark: markOf(state.symbol, state.explicit), lastText }),
  renderTopBar: () => state.slots.header.replaceChildren(buildHeaderActions(h, state.L, loggedIn())),
  renderPanel: () => state.slots.panel.replaceChildren(buildAccountPanel(h, state.L, state.fmt, {
    loggedIn: loggedIn(), loaded: state.loaded, explicit: state.explicit,
  })),
  renderBottom: () => state.slots.account.replaceChildren(buildAccountTable(h, state.L, state.fmt, {
    loggedIn: loggedIn(), loaded: state.loaded, explicit: state.explicit, currentCoin: state.symbol,
    activeTab: state.activeTab, selClass: state.selClass,
    on: { tab: (label) => { state.activeTab = label; page.renderBottom(); } },
  })),
  quickTrade: () => buildQuickTrade(h, state.L, { quote: info().quote, base: info().base }),
  chatWidget: () => buildChatWidget(state.L),
  frame: (onMarket) => buildFrame(h, state.rng, onMarket),
  chart: () => buildChart(h, state.L),
  createOrderBook,
  bookOptions: () => ({ last }),
});
const { state, p, h, loggedIn } = page;
page.boot();
