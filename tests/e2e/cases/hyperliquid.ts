/**
 * The Hyperliquid e2e cases: a case's market and account, written once and turned two ways: into the stand-in's
 * page parameters (what tests/sites/hyperliquid shows) and into the engine's OrderScenario (what the panel must
 * show). The expected figures always come from the engine, never from numbers written here; what is
 * venue-specific (the rule, the bundled tier tables, the assumed maintenance rate, the default fee, the size step)
 * comes from the registry entry. The form submits only the selected side, so a case names its side.
 * Sizes are given in the coin; a USDC-unit page shows size × price, which the extension divides back.
 */
import type { Page } from 'puppeteer-core';
import type { Evaluation, ExistingLeg, OpenPosition, OrderScenario, Side } from '../../../src/contracts/evaluation';
import { reason, type Reason } from '../../../src/contracts/reasons';
import { evaluateOrder, RULES, tierForNotional } from '../../../src/engine/index';
import { D } from '../../../src/shared/decimal';
import { DEFAULT_SETTINGS, feeRate, riskLimits } from '../../../src/shared/settings';
import { venueById } from '../../../src/venues/registry';
import { bundledTable } from '../../../src/venues/tiers';
import { figuresOf, noteCodesOf } from '../expect';
import type { Figures } from '../panel';

export const VENUE = venueById('hyperliquid');
const QUOTE = VENUE.quoteAssets[0] as string;

export type Locale = 'en' | 'zh-CN' | 'pt-BR';

export interface PositionSpec {
  coin: string;
  side: Side;
  /** Coin. */
  size: string;
  entry: string;
  mark: string;
  mode: 'cross' | 'isolated';
  lev: number;
  /** Isolated margin (isolated positions). */
  margin?: string;
}

export interface Case {
  coin: string;
  locale: Locale;
  unit: 'base' | 'quote';
  /** The selected side toggle. */
  side: 'buy' | 'sell';
  type?: 'limit' | 'market';
  mode: 'cross' | 'isolated';
  lev: number;
  /** Limit price. */
  price: string;
  /** Order size in the coin. */
  qty: string;
  mark: string;
  wallet: string;
  upnl?: string;
  mm?: string;
  positions?: PositionSpec[];
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
  const params: Record<string, string> = {
    'si-locale': c.locale,
    'si-unit': c.unit,
    'si-side': c.side,
    'si-type': c.type ?? 'limit',
    'si-mode': c.mode,
    'si-lev': String(c.lev),
    'si-qty': shownQuantity(c),
    'si-mark': c.mark,
    'si-wallet': c.wallet,
    'si-upnl': c.upnl ?? '0',
    'si-mm': c.mm ?? '0',
    'si-auth': c.auth ?? 'in',
    'si-assetmode': c.assetmode ?? 'single',
  };
  if ((c.type ?? 'limit') === 'limit') params['si-price'] = c.price;
  if (c.positions?.length) params['si-pos'] = positionsParam(c.positions);
  return params;
}

/** The stand-in's `si-pos` encoding of a list of positions. */
export function positionsParam(positions: readonly PositionSpec[]): string {
  return positions.map((p) => [p.coin, p.side, p.size, p.entry, p.mark, p.mode, p.lev, p.margin ?? '-'].join(',')).join(';');
}

export function standinUrl(c: Case, extra: Record<string, string>): string {
  const query = new URLSearchParams({ ...standinParams(c), ...extra });
  return `https://app.hyperliquid.xyz/trade/${c.coin}?${query}`;
}

/** The maintenance the background uses: the bundled table, else the registry's assumed rate. */
function maintenance(coin: string): OrderScenario['market']['maintenance'] {
  const table = bundledTable(VENUE.id, coin);
  return table ? { table } : { assumedRate: VENUE.assumedMaintenance.rate, assumedAmount: '0' };
}

/** Another cross position's maintenance at its mark: its bundled table's tier, else the assumed rate. */
function openPosition(p: PositionSpec): OpenPosition {
  const base = { symbol: p.coin, side: p.side, size: p.size, entryPrice: p.entry, markPrice: p.mark };
  const table = bundledTable(VENUE.id, p.coin);
  if (!table) return { ...base, maintenanceRate: VENUE.assumedMaintenance.rate, maintenanceAmount: '0' };
  const tier = tierForNotional(table, RULES[VENUE.rule], new D(p.size).times(p.mark));
  if (!tier) throw new Error(`${p.coin} position beyond its tier table`);
  return { ...base, maintenanceRate: tier.rate.toFixed(), maintenanceAmount: tier.amount.toFixed(), table };
}

function existingLeg(p: PositionSpec): ExistingLeg {
  return { side: p.side, size: p.size, entryPrice: p.entry, mode: p.mode, ...(p.mode === 'isolated' && p.margin ? { isolatedMargin: p.margin } : {}) };
}

/** What the page hides from the extension in a case. */
export interface Hidden {
  /** Cross is unavailable with this reason (e.g. another tab selected: the other positions unknown). */
  crossUnavailable?: Reason;
}

/** The OrderScenario the background should build from the page this case renders. */
export function orderScenario(c: Case, hidden: Hidden = {}): OrderScenario {
  const positions = c.positions ?? [];
  const loggedIn = (c.auth ?? 'in') !== 'out';
  const equity = new D(c.wallet).plus(c.upnl ?? '0').toFixed();
  // The cross pool: other coins in cross mode (all settle in USDC on the main dex).
  const others = positions.filter((p) => p.coin !== c.coin && p.mode === 'cross');
  const market = (c.type ?? 'limit') === 'market';
  return {
    rule: VENUE.rule,
    symbol: c.coin,
    quoteAsset: QUOTE,
    positionMode: 'oneWay',
    sides: [c.side === 'buy' ? 'long' : 'short'],
    action: 'open',
    order: { type: market ? 'market' : 'limit', price: market ? c.mark : c.price, quantity: c.qty, leverage: String(c.lev) },
    market: {
      markPrice: c.mark,
      maintenance: maintenance(c.coin),
      takerRate: feeRate(DEFAULT_SETTINGS.fees[VENUE.id].takerPct),
      lotStep: new D(1).div(new D(10).pow(VENUE.sizing.lotDecimals)).toFixed(),
    },
    account: {
      currentMode: c.mode,
      reduceOnly: false,
      existing: loggedIn ? positions.filter((p) => p.coin === c.coin).map(existingLeg) : [],
      ...(!loggedIn
        ? { crossUnavailable: reason('cross.loggedOut') }
        : hidden.crossUnavailable
          ? { crossUnavailable: hidden.crossUnavailable, accountEquity: equity }
          : { cross: { walletBalance: c.wallet, otherPositions: others.map(openPosition) }, accountEquity: equity }),
    },
    limits: riskLimits(DEFAULT_SETTINGS),
  };
}

export function evaluationOf(c: Case, hidden: Hidden = {}): Evaluation {
  const result = evaluateOrder(orderScenario(c, hidden));
  if ('error' in result) throw new Error(`engine refused the case: ${result.error.field}: ${result.error.reason.code}`);
  return result;
}

export const expectedFigures = (c: Case, hidden: Hidden = {}): Figures => figuresOf(evaluationOf(c, hidden));
export const expectedNoteCodes = (c: Case, hidden: Hidden = {}): string[] => noteCodesOf(evaluationOf(c, hidden));

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

/** Runs `code` on the live page's DOM (to make it lose a part, as a changed page would). */
export function onPage(page: Page, code: string): Promise<unknown> {
  return page.evaluate(code);
}
