// Account panel and the symbol header with the Mark pair (tests/sites/README.md: Binance hooks).
import { withUnit, display, MISSING } from '/__standin/common/format.js';
import { add, parseDec } from '/__standin/common/dec.js';
import { param, BALANCE_DECIMALS, PERCENT_DECIMALS } from './page-state.js';
import { pair } from './render-form.js';

/** Margin balance: `si-marginbal`, else wallet + uPnL (the only sum a stand-in makes, tests/sites/README.md: nothing computed). */
function marginBalance(explicit) {
  if (explicit.marginbal) return explicit.marginbal;
  const w = parseDec(param(explicit, 'wallet'));
  const u = parseDec(param(explicit, 'upnl'));
  return w && u ? add(w, u) : null;
}

/**
 * The panel. `v`: { loggedIn, loaded, quote, explicit }. Logged out: a login prompt with no pairs
 * (tests/sites/README.md: logged out). Logged in before the account data: every value `--`, pairs present
 * (tests/sites/README.md: late hydration).
 */
export function buildAccountPanel(h, L, fmt, v) {
  if (!v.loggedIn) {
    return h('div', { class: 'si-panel' }, h('div', { class: 'si-panel-title' }, 'Account'),
      h('p', {}, 'Log in or create an account to view your assets.'));
  }
  const e = v.explicit;
  const val = (f) => (v.loaded ? f() : MISSING);
  const bal = (x) => withUnit(x, BALANCE_DECIMALS, fmt, v.quote);
  const mr = param(e, 'mr');
  return h('div', { class: 'si-panel' },
    h('div', { class: 'si-panel-title' }, 'Account'),
    pair(h, L.marginRatio, val(() => (mr ? `${display(mr, PERCENT_DECIMALS, fmt)}%` : MISSING))),
    pair(h, L.maintMargin, val(() => bal(param(e, 'mm')))),
    pair(h, L.marginBalance, val(() => bal(marginBalance(e)))),
    pair(h, L.walletBalance, val(() => bal(param(e, 'wallet')))),
    pair(h, L.upnl, val(() => withUnit(param(e, 'upnl'), BALANCE_DECIMALS, fmt, v.quote, { plus: true }))),
  );
}

/** Symbol header: symbol, last price (walked by the storm), the S pair Mark / value, and the market list. */
export function buildHeader(h, L, fmt, v) {
  const last = h('span', { class: 'si-header-last' }, v.lastText);
  const header = h('div', { class: 'si-header' },
    h('div', { class: 'si-header-symbol' }, v.symbol),
    last,
    pair(h, L.mark, display(v.mark, v.tick, fmt)),
  );
  return { header, last };
}
