/**
 * The OKX swap e2e cases: a case's market and account, written once and turned two ways: into the stand-in's
 * page parameters (what tests/sites/okx shows) and into the engine's OrderScenario (what the panel must show).
 * The expected figures always come from the engine, never from numbers written here; what is venue-specific (the
 * rule, the contract values, the assumed maintenance rate with no bundled table, the default fee) comes from the
 * registry entry. Sizes are given in coin; the page shows them in the case's unit (contracts: ÷ the contract
 * value; quote: × the price), and the extension converts them back as the background does.
 */
import type { Page } from 'puppeteer-core';
import type { OrderScenario } from '../../../src/contracts/evaluation';
import { D } from '../../../src/shared/decimal';
import { venueById } from '../../../src/venues/registry';
import { commonParams, crossPart, expectations, otherPosition, positionsParam as rowsParam, scenarioOf, withQuery, type CaseBase, type Hidden, type Locale, type PositionSpec } from './common';
import type { VenueCases } from '../venue-checks';
import { clickTab, type FormRootFinder } from '../standin';

export type { Hidden, Locale, PositionSpec } from './common';

export const VENUE = venueById('okx');

const PREFIX: Record<Locale, string> = { en: '', 'zh-CN': 'zh-hans/', 'pt-BR': 'pt-br/' };

export interface Case extends CaseBase {
  symbol: string;
  locale: Locale;
  unit: 'contracts' | 'base' | 'quote';
  auth?: 'in' | 'out';
  assetmode?: 'single' | 'multi' | 'portfolio';
}

export const BASE_CASE: Case = {
  symbol: 'BTC-USDT-SWAP',
  locale: 'en',
  unit: 'contracts',
  mode: 'cross',
  lev: 10,
  price: '60000',
  qty: '0.1',
  mark: '61000',
  wallet: '10000',
};

/** The stand-in's contract value for a symbol: BTC 0.01, ETH 0.1, any other base 1 (tests/sites/README.md: OKX). */
export function standinContractValue(symbol: string): string {
  const base = symbol.split('-')[0];
  return base === 'BTC' ? '0.01' : base === 'ETH' ? '0.1' : '1';
}

/** A coin amount as the page's amount box shows it in the case's unit (exact: cases pick sizes that divide). */
export function shownQuantity(c: Case, coin = c.qty): string {
  if (c.unit === 'base') return coin;
  if (c.unit === 'quote') return new D(coin).times(c.price).toFixed();
  return new D(coin).div(standinContractValue(c.symbol)).toFixed();
}

/** A position's unrealised PnL at its mark, as the positions list shows it (the page computes it). */
export function pnlOf(p: PositionSpec): string {
  const move = new D(p.mark).minus(p.entry).times(p.size);
  return (p.side === 'long' ? move : move.neg()).toFixed(2);
}

const quoteOf = (symbol: string): string => symbol.split('-')[1] as string;

/** The account's unrealised PnL in the order's settlement asset, as the equity includes it. */
function totalPnl(c: Case): string {
  return (c.positions ?? []).filter((p) => quoteOf(p.symbol) === quoteOf(c.symbol)).reduce((sum, p) => sum.plus(pnlOf(p)), new D(0)).toFixed(2);
}

/** Stand-in parameters (si-*) for a case (the page's uPnL is its rows'); the caller adds seed, delay, storm. */
export function standinParams(c: Case): Record<string, string> {
  return { 'si-unit': c.unit, 'si-price': c.price, 'si-assetmode': c.assetmode ?? 'single', ...commonParams(c, shownQuantity(c), positionsParam), 'si-upnl': totalPnl(c) };
}

/** The stand-in's `si-pos` encoding (with each row's PnL, which the page shows and the wallet is derived from). */
export function positionsParam(positions: readonly PositionSpec[]): string {
  return rowsParam(positions, (p) => ['-', '-', pnlOf(p)]);
}

export function standinUrl(c: Case, extra: Record<string, string>): string {
  return withQuery(`https://www.okx.com/${PREFIX[c.locale]}trade-swap/${c.symbol.toLowerCase()}`, standinParams(c), extra);
}

/** The OrderScenario the background should build from the page this case renders. */
export function orderScenario(c: Case, hidden: Hidden = {}): OrderScenario {
  const positions = c.positions ?? [];
  const loggedIn = (c.auth ?? 'in') === 'in';
  const equity = new D(c.wallet).plus(totalPnl(c)).toFixed();
  const others = positions.filter((p) => p.symbol !== c.symbol && p.mode === 'cross' && quoteOf(p.symbol) === quoteOf(c.symbol));
  return scenarioOf(VENUE, c, {
    symbol: c.symbol,
    quoteAsset: quoteOf(c.symbol),
    sides: ['long', 'short'],
    loggedIn,
    cross: crossPart(loggedIn, hidden, c.wallet, equity, others.map((p) => otherPosition(VENUE, p))),
  });
}

export const { evaluationOf, expectedFigures, expectedNoteCodes } = expectations<Case>(orderScenario);

/** What the shared checks (tests/e2e/venue-checks.ts) need of these cases. */
export const CASES: VenueCases<Case> = { id: VENUE.id, standinUrl, evaluationOf, shownQuantity: (c) => shownQuantity(c) };

/** Clicks a bottom tab by its label (count removed), as a trader would. */
export const clickBottomTab = (page: Page, label: string): Promise<void> => clickTab(page, '.okui-tabs-pane-underline[role="tab"]', label);


/** The form root (src/adapters/okx/README.md): the one visible `.place-order-container-common`. */
export const FORM_ROOT: FormRootFinder = `(visible) => {
  const roots = [...document.querySelectorAll('.place-order-container-common')].filter(visible);
  return roots.length === 1 ? roots[0] : null;
}`;
