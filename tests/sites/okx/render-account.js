// The account panel and the instrument header with the Mark price pair and `span.last`
// (tests/sites/README.md: OKX hooks).
import { withUnit, display, MISSING } from '/__standin/common/format.js';
import { add, parseDec } from '/__standin/common/dec.js';
import { param, BALANCE_DECIMALS, PERCENT_DECIMALS } from './page-state.js';

/** Total equity: `si-marginbal`, else wallet + uPnL (the only sum the stand-in makes, tests/sites/README.md: nothing computed). */
function totalEquity(explicit) {
  if (explicit.marginbal) return explicit.marginbal;
  const w = parseDec(param(explicit, 'wallet'));
  const u = parseDec(param(explicit, 'upnl'));
  return w && u ? add(w, u) : null;
}

const ACCOUNT_MODE_KEY = { single: 'modeSingle', multi: 'modeMulti', portfolio: 'modePortfolio' };

/** A label/value pair: exactly two element children, label then value (tests/sites/README.md: label/value pair). */
export const pair = (h, label, value) => h('div', {}, h('span', {}, label), h('span', {}, value));

/**
 * The panel. `v`: { loggedIn, loaded, quote, explicit }. Logged out the panel is absent (a free login prompt in
 * its place). Logged in before the account data: every value `--`, pairs present (tests/sites/README.md: late hydration).
 */
export function buildAccountPanel(h, L, fmt, v) {
  if (!v.loggedIn) return h('div', { class: 'si-panel' }, h('p', {}, 'Log in to trade and to see your assets.'));
  const e = v.explicit;
  const val = (f) => (v.loaded ? f() : MISSING);
  const mr = param(e, 'mr');
  return h('div', { class: 'si-panel' },
    h('div', { class: 'si-panel-title' }, 'Assets'),
    pair(h, L.totalEquity, val(() => withUnit(totalEquity(e), BALANCE_DECIMALS, fmt, v.quote))),
    pair(h, L.maintMargin, val(() => withUnit(param(e, 'mm'), BALANCE_DECIMALS, fmt, v.quote))),
    pair(h, L.marginRatio, val(() => (mr ? `${display(mr, PERCENT_DECIMALS, fmt)}%` : MISSING))),
    pair(h, L.accountMode, val(() => L[ACCOUNT_MODE_KEY[param(e, 'assetmode')]])),
  );
}

/** Instrument header: the instrument, the walked last price in `span.last`, and the Mark price pair. */
export function buildHeader(h, L, fmt, v) {
  const last = h('span', { class: 'last' }, v.lastText);
  const header = h('div', { class: 'si-header' },
    h('div', { class: 'si-header-symbol' }, v.instId),
    h('div', { class: 'si-header-last' }, last),
    pair(h, L.markPrice, display(v.mark, v.tick, fmt)),
  );
  return { header, last };
}
