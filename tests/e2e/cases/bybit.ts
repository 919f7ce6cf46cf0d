/**
 * Bybit end-to-end cases: a market and account written once and turned two ways, into the stand-in's
 * page parameters (what tests/sites/bybit shows) and into the engine's OrderScenario the background should
 * build from that page (what the panel must show). The expected figures always come from the engine; what
 * is venue data (rule, tier tables, the assumed rate, the default fee) comes from the registry entry.
 */
import type { Page } from 'puppeteer-core';
import type { Evaluation, OrderScenario } from '../../../src/contracts/evaluation';
import { reason, type Reason } from '../../../src/contracts/reasons';
import { D } from '../../../src/shared/decimal';
import { feeRate } from '../../../src/shared/settings';
import { venueById } from '../../../src/venues/registry';
import { figuresOf, noteCodesOf } from '../expect';
import type { Figures } from '../panel';
import { clickTab, type FormRootFinder } from '../standin';
import { commonParams, evaluated, expectations, scenarioOf, withQuery, type CaseBase, type CrossPart } from './common';
import type { VenueCases } from '../venue-checks';

export type { PositionSpec } from './common';
export { positionsParam } from './common';

/** The venue of every case here: the Bybit stand-in (tests/sites/bybit). */
export const VENUE = venueById('bybit');
const QUOTE = 'USDT';

/** The path's locale prefix (the stand-in maps zh-MY to zh-CN, pt-BR to the decimal comma). */
export type Prefix = 'en-US' | 'zh-MY' | 'pt-BR';

export interface Case extends CaseBase {
  symbol: string;
  /** null: no prefix (the stand-in then serves en). */
  prefix: Prefix | null;
  /** Qty (base), Value (quote: the notional) or Cost. */
  unit: 'base' | 'quote' | 'cost';
  type?: 'limit' | 'market';
  /** The account's margin balance (the stand-in's wallet; no unrealised PnL is set). */
  wallet: string;
  auth?: 'in' | 'out';
}

export const BASE_CASE: Case = {
  symbol: 'BTCUSDT',
  prefix: 'en-US',
  unit: 'base',
  mode: 'cross',
  lev: 10,
  price: '60000',
  qty: '0.1',
  mark: '61000',
  wallet: '10000',
};

/** Stand-in parameters (si-*) for a case; the caller adds seed, delay, storm. */
export function standinParams(c: Case): Record<string, string> {
  const qtyShown = c.unit === 'quote' ? new D(c.qty).times(c.price).toFixed() : c.qty;
  return { 'si-unit': c.unit, 'si-type': c.type ?? 'limit', 'si-price': c.price, ...commonParams(c, qtyShown) };
}

export function standinUrl(c: Case, extra: Record<string, string>): string {
  return withQuery(`https://www.bybit.com/${c.prefix === null ? '' : `${c.prefix}/`}trade/usdt/${c.symbol}`, standinParams(c), extra);
}

/**
 * Why cross is unavailable on a page with open positions: the page shows a margin balance and no
 * wallet balance (src/adapters/bybit/README.md: Account panel).
 */
export const WALLET_NOT_SHOWN: Reason = reason('cross.walletUnknown', { cause: reason('page.walletNotShown') });

/** The OrderScenario the background should build from the page this case renders. */
export function orderScenario(c: Case): OrderScenario {
  const positions = c.positions ?? [];
  const loggedIn = (c.auth ?? 'in') === 'in';
  let account: CrossPart;
  if (!loggedIn) account = { crossUnavailable: reason('cross.loggedOut') };
  else if (positions.length > 0) account = { crossUnavailable: WALLET_NOT_SHOWN, accountEquity: c.wallet };
  else account = { cross: { walletBalance: c.wallet, otherPositions: [] }, accountEquity: c.wallet };
  return scenarioOf(VENUE, c, { symbol: c.symbol, quoteAsset: QUOTE, sides: ['long', 'short'], type: c.type, loggedIn, cross: account });
}

export const { evaluationOf, expectedFigures, expectedNoteCodes } = expectations<Case>(orderScenario);

/** What the shared checks (tests/e2e/venue-checks.ts) need of these cases. */
export const CASES: VenueCases<Case> = { id: VENUE.id, standinUrl, evaluationOf };

/**
 * An order entered as a cost (Order by Cost) at the user's own taker fee: the size of each side as the
 * background derives it (what the order costs per coin: margin, fee to open, fee to close at the side's
 * bankruptcy price), each side evaluated on its own, the figures of both together.
 */
export function costEvaluations(c: Case, cost: string, takerPct: string): Evaluation[] {
  const takerRate = feeRate(takerPct);
  const inverseLeverage = new D(1).div(c.lev);
  return (['long', 'short'] as const).map((side) => {
    const bankruptcy = side === 'long' ? new D(1).minus(inverseLeverage) : new D(1).plus(inverseLeverage);
    const perCoin = new D(c.price).times(inverseLeverage.plus(takerRate).plus(bankruptcy.times(takerRate)));
    const base = orderScenario(c);
    const scenario: OrderScenario = {
      ...base,
      sides: [side],
      order: { ...base.order, quantity: new D(cost).div(perCoin).toFixed() },
      market: { ...base.market, takerRate },
    };
    return evaluated(scenario);
  });
}

export function costFigures(c: Case, cost: string, takerPct: string): Figures {
  return Object.assign({}, ...costEvaluations(c, cost, takerPct).map(figuresOf)) as Figures;
}

export function costNoteCodes(c: Case, cost: string, takerPct: string): string[] {
  return [...new Set(costEvaluations(c, cost, takerPct).flatMap(noteCodesOf))].sort();
}

/**
 * Sets the user's Bybit taker fee on the extension's options page (its inputs are named by key path) and
 * waits until it is saved.
 */
export async function setTakerFee(open: () => Promise<Page>, takerPct: string): Promise<void> {
  const page = await open();
  try {
    const field = `input[name="fees.${VENUE.id}.takerPct"]`;
    const input = await page.waitForSelector(field, { timeout: 10_000 });
    if (!input) throw new Error(`no ${field} on the options page`);
    // Replace what the field holds, as a user would: select it all, then type.
    await input.click();
    await input.evaluate((el) => (el as HTMLInputElement).select());
    await page.keyboard.press('Backspace');
    await page.keyboard.type(takerPct);
    await page.click('[data-action="save"]');
    await page.waitForSelector('[data-status="saved"]', { timeout: 10_000 });
  } finally {
    await page.close();
  }
}

/** Clicks a tab of the bottom area (outside the order form) by its label, count removed, like a trader would. */
export const clickBottomTab = (page: Page, label: string): Promise<void> => clickTab(page, '[role="tab"]', label, '.si-form');

/** Takes a part of the live page off (as a changed page would), found by a stand-in selector. */
export async function removeFromPage(page: Page, selector: string): Promise<void> {
  const removed = await page.evaluate((sel) => {
    const el = [...document.querySelectorAll(sel)].find((e) => e.getClientRects().length > 0);
    el?.remove();
    return el !== undefined;
  }, selector);
  if (!removed) throw new Error(`nothing visible matches ${selector}`);
}

/** The form root (src/adapters/bybit/README.md): the common ancestor of the visible leverage header and TP/SL box text. */
export const FORM_ROOT: FormRootFinder = `(visible) => {
  const lev = [...document.querySelectorAll('.oc-head-leverage')].filter(visible);
  const tpsl = [...document.querySelectorAll('.oc__tp-sl-chk-text')].filter(visible);
  if (lev.length !== 1 || tpsl.length !== 1) return null;
  let root = lev[0];
  while (root && !root.contains(tpsl[0])) root = root.parentElement;
  return root;
}`;
