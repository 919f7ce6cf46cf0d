/**
 * A test case's market and account, written once and turned two ways: into the stand-in's page
 * parameters (what the page shows) and into the engine's OrderScenario (what the panel must show).
 * The expected figures always come from the engine, never from numbers written here; what differs
 * per venue (rule, tier tables, default fee) comes from the venue's registry entry.
 */
import type { Evaluation, ExistingLeg, OpenPosition, OrderScenario, Side } from '../../../src/contracts/evaluation';
import { reason, type Reason, type ReasonCode } from '../../../src/contracts/reasons';
import { evaluateOrder, RULES, tierForNotional } from '../../../src/engine/index';
import { D } from '../../../src/shared/decimal';
import { DEFAULT_SETTINGS, feeRate, riskLimits } from '../../../src/shared/settings';
import { venueById } from '../../../src/venues/registry';
import { bundledTable } from '../../../src/venues/tiers';
import { figuresOf, noteCodesOf } from '../expect';
import type { Figures } from '../panel';

export type Locale = 'en' | 'zh-CN' | 'pt-BR';

/** The venue every case runs on: the Binance USDⓈ-M stand-in (tests/sites/binance-usdm). */
export const VENUE = venueById('binance-usdm');

export interface PositionSpec {
  symbol: string;
  side: Side;
  size: string;
  entry: string;
  mark: string;
  mode: 'cross' | 'isolated';
  lev: number;
  /** Isolated margin (isolated positions). */
  margin?: string;
}

export interface Case {
  symbol: string;
  locale: Locale;
  unit: 'base' | 'quote';
  mode: 'cross' | 'isolated';
  lev: number;
  /** Limit price. */
  price: string;
  /** Order size in base units (the quote-unit page shows qty × price). */
  qty: string;
  mark: string;
  wallet: string;
  upnl?: string;
  mm?: string;
  positions?: PositionSpec[];
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
  const params: Record<string, string> = {
    'si-unit': c.unit,
    'si-mode': c.mode,
    'si-lev': String(c.lev),
    'si-price': c.price,
    'si-qty': qtyShown,
    'si-mark': c.mark,
    'si-wallet': c.wallet,
    'si-upnl': c.upnl ?? '0',
    'si-mm': c.mm ?? '0',
    'si-auth': c.auth ?? 'in',
  };
  if (c.positions?.length) params['si-pos'] = positionsParam(c.positions);
  return params;
}

/** The stand-in's `si-pos` encoding of a list of positions. */
export function positionsParam(positions: readonly PositionSpec[]): string {
  return positions.map((p) => [p.symbol, p.side, p.size, p.entry, p.mark, p.mode, p.lev, p.margin ?? '-'].join(',')).join(';');
}

export function standinUrl(c: Case, extra: Record<string, string>): string {
  const query = new URLSearchParams({ ...standinParams(c), ...extra });
  return `https://www.binance.com/${c.locale}/futures/${c.symbol}?${query}`;
}

function quoteOf(symbol: string): string {
  const quote = VENUE.quoteAssets.find((q) => symbol.endsWith(q));
  if (!quote) throw new Error(`no quote asset in ${symbol}`);
  return quote;
}

/** Maintenance of another position at its mark, from its bundled tier table. */
function openPosition(p: PositionSpec): OpenPosition {
  const table = bundledTable(VENUE.id, p.symbol);
  if (!table) throw new Error(`no bundled tier table for ${p.symbol}`);
  const tier = tierForNotional(table, RULES[VENUE.rule], new D(p.size).times(p.mark));
  if (!tier) throw new Error(`${p.symbol} position beyond its tier table`);
  return {
    symbol: p.symbol,
    side: p.side,
    size: p.size,
    entryPrice: p.entry,
    markPrice: p.mark,
    maintenanceRate: tier.rate.toFixed(),
    maintenanceAmount: tier.amount.toFixed(),
  };
}

function existingLeg(p: PositionSpec): ExistingLeg {
  return {
    side: p.side,
    size: p.size,
    entryPrice: p.entry,
    mode: p.mode,
    ...(p.mode === 'isolated' && p.margin ? { isolatedMargin: p.margin } : {}),
  };
}

/** The reason the panel gives for cross figures while logged out. */
export const LOGGED_OUT_REASON = 'cross.loggedOut' satisfies ReasonCode;

/** What the page hides from the extension in a case (the engine then gets no cross inputs). */
export interface Hidden {
  /** The other symbols' positions are not known (e.g. "Hide Other Symbols"): cross is unavailable with this reason. */
  crossUnavailable?: Reason;
}

/** The OrderScenario the extension should build from the page this case renders. */
export function orderScenario(c: Case, hidden: Hidden = {}): OrderScenario {
  const table = bundledTable(VENUE.id, c.symbol);
  if (!table) throw new Error(`no bundled tier table for ${c.symbol}`);
  const positions = c.positions ?? [];
  const loggedIn = (c.auth ?? 'in') === 'in';
  const marginBalance = new D(c.wallet).plus(c.upnl ?? '0').toFixed();
  return {
    rule: VENUE.rule,
    symbol: c.symbol,
    quoteAsset: quoteOf(c.symbol),
    positionMode: 'oneWay',
    sides: ['long', 'short'],
    action: 'open',
    order: { type: 'limit', price: c.price, quantity: c.qty, leverage: String(c.lev) },
    market: {
      markPrice: c.mark,
      maintenance: { table },
      takerRate: feeRate(DEFAULT_SETTINGS.fees[VENUE.id].takerPct),
    },
    account: {
      currentMode: c.mode,
      existing: loggedIn ? positions.filter((p) => p.symbol === c.symbol).map(existingLeg) : [],
      ...(loggedIn && hidden.crossUnavailable
        ? { crossUnavailable: hidden.crossUnavailable, accountEquity: marginBalance }
        : loggedIn
        ? {
            cross: {
              walletBalance: c.wallet,
              // The cross pool: other symbols in cross mode settled in the same quote asset.
              otherPositions: positions
                .filter((p) => p.symbol !== c.symbol && p.mode === 'cross' && quoteOf(p.symbol) === quoteOf(c.symbol))
                .map(openPosition),
            },
            accountEquity: marginBalance,
          }
        : { crossUnavailable: reason(LOGGED_OUT_REASON) }),
    },
    limits: riskLimits(DEFAULT_SETTINGS),
  };
}

export function evaluationOf(c: Case, hidden: Hidden = {}): Evaluation {
  const result = evaluateOrder(orderScenario(c, hidden));
  if ('error' in result) throw new Error(`engine refused the case: ${result.error.field}: ${result.error.reason.code}`);
  return result;
}

export function expectedFigures(c: Case, hidden: Hidden = {}): Figures {
  return figuresOf(evaluationOf(c, hidden));
}

export function expectedNoteCodes(c: Case, hidden: Hidden = {}): string[] {
  return noteCodesOf(evaluationOf(c, hidden));
}
