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
import { DEFAULT_SETTINGS, riskLimits } from '../../../src/shared/settings';
import { venueById } from '../../../src/venues/registry';
import { crossPart, existingLeg, expectations, marketOf, otherPosition, positionsParam as rowsParam, type Hidden, type Locale, type PositionSpec } from './common';
import { clickTab, type FormRootFinder } from '../standin';

export type { Hidden, Locale, PositionSpec } from './common';

export const VENUE = venueById('okx');

const PREFIX: Record<Locale, string> = { en: '', 'zh-CN': 'zh-hans/', 'pt-BR': 'pt-br/' };

export interface Case {
  symbol: string;
  locale: Locale;
  unit: 'contracts' | 'base' | 'quote';
  mode: 'cross' | 'isolated';
  lev: number;
  /** Limit price. */
  price: string;
  /** Order size in coin. */
  qty: string;
  mark: string;
  wallet: string;
  mm?: string;
  positions?: PositionSpec[];
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

/** Stand-in parameters (si-*) for a case; the caller adds seed, delay, storm. */
export function standinParams(c: Case): Record<string, string> {
  const params: Record<string, string> = {
    'si-unit': c.unit,
    'si-mode': c.mode,
    'si-lev': String(c.lev),
    'si-price': c.price,
    'si-qty': shownQuantity(c),
    'si-mark': c.mark,
    'si-wallet': c.wallet,
    'si-upnl': totalPnl(c),
    'si-mm': c.mm ?? '0',
    'si-auth': c.auth ?? 'in',
    'si-assetmode': c.assetmode ?? 'single',
  };
  if (c.positions?.length) params['si-pos'] = positionsParam(c.positions);
  return params;
}

/** The stand-in's `si-pos` encoding (with each row's PnL, which the page shows and the wallet is derived from). */
export function positionsParam(positions: readonly PositionSpec[]): string {
  return rowsParam(positions, (p) => ['-', '-', pnlOf(p)]);
}

export function standinUrl(c: Case, extra: Record<string, string>): string {
  const query = new URLSearchParams({ ...standinParams(c), ...extra });
  return `https://www.okx.com/${PREFIX[c.locale]}trade-swap/${c.symbol.toLowerCase()}?${query}`;
}

/** The OrderScenario the background should build from the page this case renders. */
export function orderScenario(c: Case, hidden: Hidden = {}): OrderScenario {
  const positions = c.positions ?? [];
  const loggedIn = (c.auth ?? 'in') === 'in';
  const equity = new D(c.wallet).plus(totalPnl(c)).toFixed();
  const others = positions.filter((p) => p.symbol !== c.symbol && p.mode === 'cross' && quoteOf(p.symbol) === quoteOf(c.symbol));
  return {
    rule: VENUE.rule,
    symbol: c.symbol,
    quoteAsset: quoteOf(c.symbol),
    positionMode: 'oneWay',
    sides: ['long', 'short'],
    action: 'open',
    order: { type: 'limit', price: c.price, quantity: c.qty, leverage: String(c.lev) },
    market: marketOf(VENUE, c.symbol, c.mark),
    account: {
      currentMode: c.mode,
      reduceOnly: false,
      existing: loggedIn ? positions.filter((p) => p.symbol === c.symbol).map(existingLeg) : [],
      ...crossPart(loggedIn, hidden, c.wallet, equity, others.map((p) => otherPosition(VENUE, p))),
    },
    limits: riskLimits(DEFAULT_SETTINGS),
  };
}

export const { evaluationOf, expectedFigures, expectedNoteCodes } = expectations<Case>(orderScenario);

/** Clicks a bottom tab by its label (count removed), as a trader would. */
export const clickBottomTab = (page: Page, label: string): Promise<void> => clickTab(page, '.okui-tabs-pane-underline[role="tab"]', label);


/** The form root (src/adapters/okx/README.md): the one visible `.place-order-container-common`. */
export const FORM_ROOT: FormRootFinder = `(visible) => {
  const roots = [...document.querySelectorAll('.place-order-container-common')].filter(visible);
  return roots.length === 1 ? roots[0] : null;
}`;
