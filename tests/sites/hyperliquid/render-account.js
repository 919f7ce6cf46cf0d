// The account panel and the ticker bar `#marketData` with its Mark / Oracle pairs (tests/sites/README.md:
// Hyperliquid hooks). Values only as the page parameters give them (nothing computed).
import { display, MISSING } from '/__standin/common/format.js';
import { usd, displayPrice, PERCENT_DECIMALS } from './format.js';
import { param } from './page-state.js';
import { pair } from './render-form.js';

const MODE_LABEL = { single: 'modeStandard', multi: 'modeUnified', portfolio: 'modePortfolio' };

/**
 * The panel. `v`: { loggedIn, loaded, explicit }. Logged out, and logged in until the account data
 * arrives, every value is `--` with the pairs present (tests/sites/README.md: late hydration, logged out).
 */
export function buildAccountPanel(h, L, fmt, v) {
  const e = v.explicit;
  const val = (f) => (v.loggedIn && v.loaded ? f() : MISSING);
  const mr = param(e, 'mr');
  return h('div', { class: 'si-panel' },
    h('div', { class: 'si-panel-title' }, 'Account Equity'),
    pair(h, L.balance, val(() => usd(param(e, 'wallet'), fmt))),
    pair(h, L.upnl, val(() => usd(param(e, 'upnl'), fmt, { plus: true }))),
    pair(h, L.crossMarginRatio, val(() => (mr ? `${display(mr, PERCENT_DECIMALS, fmt)}%` : MISSING))),
    pair(h, L.maintMargin, val(() => usd(param(e, 'mm'), fmt))),
    pair(h, L.crossLeverage, MISSING),
    pair(h, L.accountMode, val(() => L[MODE_LABEL[param(e, 'assetmode')]])),
  );
}

/** `#marketData`: the coin, the walked last price (free), and the Mark / Oracle pairs. */
export function buildMarketData(h, L, fmt, v) {
  const last = h('span', { class: 'si-last' }, v.lastText);
  const bar = h('div', { id: 'marketData', class: 'si-market' },
    h('div', { class: 'si-coin' }, v.coin),
    last,
    pair(h, L.mark, displayPrice(v.mark, fmt)),
    pair(h, L.oracle, MISSING),
  );
  return { header: bar, last };
}
