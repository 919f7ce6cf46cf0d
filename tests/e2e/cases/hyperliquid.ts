/**
 * The Hyperliquid e2e cases: a case's market and account, written once and turned two ways: into the stand-in's
 * page parameters (what tests/sites/hyperliquid shows) and into the engine's OrderScenario (what the panel must
 * show). The expected figures always come from the engine, never from numbers written here; what is
 * venue-specific (the rule, the bundled tier tables, the assumed maintenance rate, the default fee, the size step)
 * comes from the registry entry. The form submits only the selected side, so a case names its side.
 * Sizes are given in the coin; a USDC-unit page shows size × price, which the extension divides back.
 */
import type { Page } from 'puppeteer-core';
import type { OrderScenario } from '../../../src/contracts/evaluation';
import { D } from '../../../src/shared/decimal';
import { venueById } from '../../../src/venues/registry';
import { commonParams, crossPart, expectations, otherPosition, scenarioOf, withQuery, type CaseBase, type Hidden, type Locale } from './common';
import type { VenueCases } from '../venue-checks';
import type { FormRootFinder } from '../standin';

export type { Hidden, Locale, PositionSpec } from './common';
export { positionsParam } from './common';

export const VENUE = venueById('hyperliquid');
const QUOTE = VENUE.quoteAssets[0] as string;

export interface Case extends CaseBase {
  coin: string;
  locale: Locale;
  unit: 'base' | 'quote';
  /** The selected side toggle. */
  side: 'buy' | 'sell';
  type?: 'limit' | 'market';
  auth?: 'in' | 'out' | 'noagent';
  assetmode?: 'single' | 'multi' | 'portfolio';
}

export const BASE_CASE: Case = {
  coin: 'BTC',
  locale: 'en',
  unit: 'base',
  side: 'buy',
  mode: 'cross',
  lev: 20,
  price: '60000',
  qty: '0.1',
  mark: '61000',
  wallet: '10000',
};

/** What the size input shows: the coin amount, or the notional in USDC at the limit price. */
function shownQuantity(c: Case): string {
  return c.unit === 'quote' ? new D(c.qty).times(c.price).toFixed() : c.qty;
}

/** Stand-in parameters (si-*) for a case; the caller adds seed, delay, storm. */
export function standinParams(c: Case): Record<string, string> {
  const limit = (c.type ?? 'limit') === 'limit';
  return {
    'si-locale': c.locale,
    'si-unit': c.unit,
    'si-side': c.side,
    'si-type': c.type ?? 'limit',
    'si-assetmode': c.assetmode ?? 'single',
    ...(limit ? { 'si-price': c.price } : {}),
    ...commonParams(c, shownQuantity(c)),
  };
}

export function standinUrl(c: Case, extra: Record<string, string>): string {
  return withQuery(`https://app.hyperliquid.xyz/trade/${c.coin}`, standinParams(c), extra);
}

/** The OrderScenario the background should build from the page this case renders. */
export function orderScenario(c: Case, hidden: Hidden = {}): OrderScenario {
  const positions = c.positions ?? [];
  const loggedIn = (c.auth ?? 'in') !== 'out';
  const equity = new D(c.wallet).plus(c.upnl ?? '0').toFixed();
  // The cross pool: other coins in cross mode (all settle in USDC on the main dex).
  const others = positions.filter((p) => p.symbol !== c.coin && p.mode === 'cross');
  return scenarioOf(VENUE, c, {
    symbol: c.coin,
    quoteAsset: QUOTE,
    sides: [c.side === 'buy' ? 'long' : 'short'],
    type: c.type,
    loggedIn,
    cross: crossPart(loggedIn, hidden, c.wallet, equity, others.map((p) => otherPosition(VENUE, p))),
  });
}

export const { evaluationOf, expectedFigures, expectedNoteCodes } = expectations<Case>(orderScenario);

/** What the shared checks (tests/e2e/venue-checks.ts) need of these cases. */
export const CASES: VenueCases<Case> = { id: VENUE.id, standinUrl, evaluationOf };

/** The visibility test of the page rules, for the page-side helpers below. */
const VISIBLE = `(el) => el.getClientRects().length > 0 && !el.closest('[hidden],[aria-hidden="true"]') && getComputedStyle(el).visibility === 'visible'`;

/** Clicks a tab of `#accountTable` by its label (count removed), as a trader would. */
export async function clickAccountTab(page: Page, label: string): Promise<void> {
  const clicked = await page.evaluate(`(() => {
    const visible = ${VISIBLE};
    const tab = [...document.querySelectorAll('#accountTable *')]
      .find((t) => t.children.length === 0 && visible(t) && (t.textContent || '').replace(/ \\(\\d+\\)$/, '').trim() === ${JSON.stringify(label)});
    if (tab) tab.click();
    return !!tab;
  })()`);
  if (!clicked) throw new Error(`no account tab "${label}" to click`);
}

/** Clicks the visible side toggle with this text (`Sell / Short`), as a trader would. */
export async function clickToggle(page: Page, text: string): Promise<void> {
  const clicked = await page.evaluate(`(() => {
    const visible = ${VISIBLE};
    const buttons = [...document.querySelectorAll('button')].filter((b) => visible(b) && (b.textContent || '').trim() === ${JSON.stringify(text)});
    if (buttons.length === 1) buttons[0].click();
    return buttons.length;
  })()`);
  if (clicked !== 1) throw new Error(`${String(clicked)} visible "${text}" buttons to click`);
}


/**
 * The form root (src/adapters/hyperliquid/README.md): the nearest common ancestor of the two side toggles
 * and the first visible primary button after them (the form's submit).
 */
export const FORM_ROOT: FormRootFinder = `(visible) => {
  const buttons = [...document.querySelectorAll('button')].filter(visible);
  const text = (b) => (b.textContent || '').trim();
  const buy = buttons.filter((b) => text(b) === 'Buy / Long');
  const sell = buttons.filter((b) => text(b) === 'Sell / Short');
  if (buy.length !== 1 || sell.length !== 1) return null;
  const after = (b) => (buy[0].compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) && (sell[0].compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
  const submit = buttons.find((b) => b.getAttribute('color') === 'primary' && after(b));
  if (!submit) return null;
  let root = buy[0];
  while (root && !(root.contains(sell[0]) && root.contains(submit))) root = root.parentElement;
  return root;
}`;
