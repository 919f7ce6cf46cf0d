// Entry point of the Bybit USDT-perpetual stand-in: what this page is, handed to the shared page object
// (common/standin-page.js: state, re-renders with stale copies, SPA navigation, `window.__standin`, the load;
// tests/sites/README.md: page traits, runtime API). Rendering lives in the render-*.js modules.
import { param, normalizeParam, parsePath, symbolPath, symbolInfo, markOf, lastOf, parseLiq, shortLeverage, LOT_DECIMALS, AMOUNT_DECIMALS, PRICE_DECIMALS } from './page-state.js';
import * as pageParams from './page-state.js';
import { createRng } from '/__standin/common/rng.js';
import { moduleClass } from './rng.js';
import { withUnit, display, pageInputText, times, MISSING } from '/__standin/common/format.js';
import { parseDec } from '/__standin/common/dec.js';
import { labels } from './labels.js';
import { setText } from '/__standin/common/dom.js';
import { createStandin } from '/__standin/common/standin-page.js';
import { buildForm, fillTpsl, leverageText } from './render-form.js';
import { buildAccountPanel, buildHeader, accountMode } from './render-account.js';
import { buildAccountArea, columnOrder } from './render-positions.js';
import {
  MARKETS, buildQuickTrade, buildChart, buildChatWidget, openLeverageDialog, openMarginModeDialog, openQtyModeMenu,
} from './render-frame.js';
import { createOrderBook } from './storm.js';

const info = () => symbolInfo(state.symbol);
const last = () => lastOf(state.symbol, state.explicit);

/** "Reset to last": si-last at price precision, ungrouped, page decimal mark; empty when unknown. */
const resetPrice = () => pageInputText(last(), PRICE_DECIMALS, state.fmt);

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
      type: (t) => { if (t !== p('type')) page.switchType(t); },
      action: (a) => { if (a !== p('action')) { page.setParam('action', a); page.renderForm(page.readValues()); } },
      modeMenu: (anchor) => openQtyModeMenu(h, state.L, anchor, (mode) => page.switchUnit(mode)),
      tpsl: (checked) => page.showTpsl(checked),
      slider: (pct) => page.slider(pct),
      leverage: () => openLeverageDialog(h, state.L, p('lev'), (text) => {
        const v = normalizeParam('lev', String(text).split(/[.,]/)[0]);
        if (v) page.apply({ lev: v });
      }),
      marginMode: () => openMarginModeDialog(h, state.L, (mode) => page.apply({ mode })),
    },
  };
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
  if ((liq === null) !== (r.liq === undefined)) page.renderForm(page.readValues());
  else if (r.liq) setText(r.liq, liq);
}

/** Unit switch: Qty ↔ Value converts, into or out of Cost empties the box (tests/sites/README.md: Bybit traits). */
function unitSwitch(target, values) {
  if (state.unit === target) return null;
  const from = state.unit;
  state.unit = target;
  if (target === 'cost' || from === 'cost') return '';
  return values.qty === '' ? '' : page.convertQty(values.qty, target);
}

/** The page's slider: pct × si-maxbuy in the current mode, or '' in Cost mode, the hedge Close tab or without a max. */
function sliderText(n) {
  const max = parseDec(p('maxbuy'));
  const closeTab = p('posmode') === 'hedge' && p('action') === 'close';
  if (!max || closeTab || state.unit === 'cost') return '';
  const share = { n: BigInt(n), s: 2 }; // n % as a fraction
  if (state.unit === 'base') return pageInputText(times(share, max, LOT_DECIMALS), LOT_DECIMALS, state.fmt);
  const price = page.conversionPrice();
  // pct × max × price, rounded once at the end.
  const exact = price ? times(times(share, max, 40), price, AMOUNT_DECIMALS) : null;
  return exact ? pageInputText(exact, AMOUNT_DECIMALS, state.fmt) : '';
}

const page = createStandin({
  title: 'Bybit',
  noise: moduleClass,
  labels,
  params: pageParams,
  path: parsePath,
  pathFor: (symbol) => symbolPath(state.locale, symbol),
  state: (explicit) => ({ unit: param(explicit, 'unit'), activeTab: 'tabPositions', columns: null }),
  // The column order is drawn once per load (tests/sites/README.md: Bybit traits).
  once: () => { state.columns = columnOrder(state.seed, createRng(state.seed, 'columns')); },
  last,
  buildForm, formModel, fillTpsl, updateFormTexts, resetPrice,
  decoyModel: (m) => ({
    levText: leverageText(state.fmt, String((Number(p('lev')) % 100) + 3)),
    avail: withUnit('4321.09', AMOUNT_DECIMALS, state.fmt, m.quote),
    headerMode: accountMode(state.explicit) === 'cross' ? 'isolated' : 'cross',
  }),
  resetsPrice: (type) => type !== 'market',
  unitSwitch,
  /** Value (quote) amounts the page writes have 2 decimals, Qty (base) amounts 3 (tests/sites/README.md: unit switching). */
  unitDecimals: () => ({ base: LOT_DECIMALS, quote: AMOUNT_DECIMALS }),
  sliderText,
  panePrefix: 'tab-pane-',
  header: (lastText) => buildHeader(h, state.L, state.fmt, { symbol: state.symbol, mark: markOf(state.symbol, state.explicit), lastText }),
  renderPanel: () => state.slots.panel.replaceChildren(buildAccountPanel(h, state.L, state.fmt, {
    loggedIn: loggedIn(), loaded: state.loaded, quote: info().quote, explicit: state.explicit,
  })),
  renderBottom: () => state.slots.account.replaceChildren(buildAccountArea(h, state.rng, state.L, state.fmt, {
    loggedIn: loggedIn(), loaded: state.loaded, explicit: state.explicit, currentSymbol: state.symbol,
    posmode: p('posmode'), activeTab: state.activeTab, decoys: p('decoys') === '1', virtual: p('virtual'),
    columns: state.columns, paneBase: state.paneBase,
    on: { tab: (key) => { state.activeTab = key; page.renderBottom(); } },
  })),
  quickTrade: () => buildQuickTrade(h, state.L, { quote: info().quote, base: info().base, posmode: p('posmode'), action: p('action') }),
  chatWidget: () => buildChatWidget(state.L, p('posmode'), p('action')),
  markets: MARKETS,
  chart: () => buildChart(h, state.rng, state.L),
  createOrderBook,
  bookOptions: () => ({ last }),
});
const { state, p, h, loggedIn } = page;
page.boot();
