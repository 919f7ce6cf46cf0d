/**
 * A test case's market and account, written once and turned two ways: into the stand-in's page
 * parameters (what the page shows) and into the engine's OrderScenario (what the panel must show).
 * The expected figures always come from the engine, never from numbers written here; what differs
 * per venue (rule, tier tables, default fee) comes from the venue's registry entry. The parts every
 * venue shares are in ./common.
 */
import type { OrderScenario } from '../../../src/contracts/evaluation';
import type { ReasonCode } from '../../../src/contracts/reasons';
import { D } from '../../../src/shared/decimal';
import { venueById } from '../../../src/venues/registry';
import { bundledTable } from '../../../src/venues/tiers';
import { commonParams, crossPart, expectations, otherPosition, scenarioOf, withQuery, type CaseBase, type Hidden, type Locale } from './common';
import type { VenueCases } from '../venue-checks';

export type { Hidden, Locale, PositionSpec } from './common';
export { positionsParam } from './common';

/** The venue every case runs on: the Binance USDⓈ-M stand-in (tests/sites/binance-usdm). */
export const VENUE = venueById('binance-usdm');

export interface Case extends CaseBase {
  symbol: string;
  locale: Locale;
  unit: 'base' | 'quote';
  auth?: 'in' | 'out';
}

export const BASE_CASE: Case = {
  symbol: 'BTCUSDT',
  locale: 'en',
  unit: 'base',
  mode: 'cross',
  lev: 20,
  price: '60000',
  qty: '0.1',
  mark: '61000',
  wallet: '10000',
};

/** Stand-in parameters (si-*) for a case; the caller adds seed, delay, storm. */
export function standinParams(c: Case): Record<string, string> {
  const qtyShown = c.unit === 'quote' ? new D(c.qty).times(c.price).toFixed() : c.qty;
  return { 'si-unit': c.unit, 'si-price': c.price, ...commonParams(c, qtyShown) };
}

export function standinUrl(c: Case, extra: Record<string, string>): string {
  return withQuery(`https://www.binance.com/${c.locale}/futures/${c.symbol}`, standinParams(c), extra);
}

function quoteOf(symbol: string): string {
  const quote = VENUE.quoteAssets.find((q) => symbol.endsWith(q));
  if (!quote) throw new Error(`no quote asset in ${symbol}`);
  return quote;
}

/** The reason the panel gives for cross figures while logged out. */
export const LOGGED_OUT_REASON = 'cross.loggedOut' satisfies ReasonCode;

/** The OrderScenario the extension should build from the page this case renders. */
export function orderScenario(c: Case, hidden: Hidden = {}): OrderScenario {
  if (!bundledTable(VENUE.id, c.symbol)) throw new Error(`no bundled tier table for ${c.symbol}`);
  const positions = c.positions ?? [];
  const loggedIn = (c.auth ?? 'in') === 'in';
  const marginBalance = new D(c.wallet).plus(c.upnl ?? '0').toFixed();
  // The cross pool: other symbols in cross mode settled in the same quote asset.
  const others = positions.filter((p) => p.symbol !== c.symbol && p.mode === 'cross' && quoteOf(p.symbol) === quoteOf(c.symbol));
  return scenarioOf(VENUE, c, {
    symbol: c.symbol,
    quoteAsset: quoteOf(c.symbol),
    sides: ['long', 'short'],
    loggedIn,
    cross: crossPart(loggedIn, hidden, c.wallet, marginBalance, others.map((p) => otherPosition(VENUE, p))),
    lotStep: false,
  });
}

export const { evaluationOf, expectedFigures, expectedNoteCodes } = expectations<Case>(orderScenario);

/** What the shared checks (tests/e2e/venue-checks.ts) need of these cases. */
export const CASES: VenueCases<Case> = { id: VENUE.id, standinUrl, evaluationOf };
