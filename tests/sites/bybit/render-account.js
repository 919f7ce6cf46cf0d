// The account panel `.trade-assets__body` and the symbol header with its `.contract-detail` Mark Price pair
// and the header ticker (tests/sites/README.md: Bybit hooks).
import { withUnit, display, MISSING } from '/__standin/common/format.js';
import { add, parseDec } from '/__standin/common/dec.js';
import { param, AMOUNT_DECIMALS, PRICE_DECIMALS } from './page-state.js';
import { pair } from './render-form.js';

/** Margin balance: `si-marginbal`, else wallet + uPnL (the only sum a stand-in makes, tests/sites/README.md: nothing computed). */
export function marginBalance(explicit) {
  if (explicit.marginbal) return explicit.marginbal;
  const w = parseDec(param(explicit, 'wallet'));
  const u = parseDec(param(explicit, 'upnl'));
  return w && u ? add(w, u) : null;
}

/** The account's margin mode as the header and the panel name it. */
export function accountMode(explicit) {
  return param(explicit, 'assetmode') === 'portfolio' ? 'portfolio' : param(explicit, 'mode');
}

/**
 * The panel. `v`: { loggedIn, loaded, quote, explicit }. Logged out: a login prompt and no pairs
 * (tests/sites/README.md: logged out). Logged in before the account data: every value `--`, the pairs
 * present (tests/sites/README.md: late hydration).
 */
export function buildAccountPanel(h, L, fmt, v) {
  if (!v.loggedIn) {
    return h('div', { class: 'trade-assets__body' }, h('p', {}, 'Log in to see your assets.'), h('button', { type: 'button' }, L.logIn));
  }
  const e = v.explicit;
  const val = (f) => (v.loaded ? f() : MISSING);
  const amount = (x) => withUnit(x, AMOUNT_DECIMALS, fmt, v.quote);
  const modeName = { cross: L.crossMargin, isolated: L.isolatedMargin, portfolio: L.portfolioMargin }[accountMode(e)];
  return h('div', { class: 'si-assets' },
    h('div', { class: 'si-panel-title' }, 'Unified Trading Account'),
    h('div', { class: 'trade-assets__body' },
      pair(h, L.equity, val(() => amount(marginBalance(e)))),
      pair(h, L.marginBalance, val(() => amount(marginBalance(e)))),
      pair(h, L.initialMargin, MISSING),
      pair(h, L.maintMargin, val(() => amount(param(e, 'mm')))),
      pair(h, L.marginModeLabel, val(() => modeName)),
    ));
}

/** Symbol header: symbol, the header ticker (walked last price), and `.contract-detail` with the Mark Price pair. */
export function buildHeader(h, L, fmt, v) {
  const last = h('span', { 'data-testid': 'HeaderTickerPrice' }, v.lastText);
  const header = h('div', { class: 'si-header' },
    h('div', { class: 'si-header-symbol' }, v.symbol),
    last,
    h('div', { class: 'contract-detail' }, pair(h, L.markPrice, display(v.mark, PRICE_DECIMALS, fmt))),
  );
  return { header, last };
}
