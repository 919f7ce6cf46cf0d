/**
 * A test case's market and account, written once and turned two ways: into the stand-in's scenario
 * parameters (what the page shows) and into the engine's OrderScenario (what the panel must show).
 * The expected figures always come from the engine, never from numbers written here.
 */
import { bundledTable, evaluateOrder, tierForNotional } from '../../src/engine/index';
import type { Evaluation, ExistingLeg, OpenPosition, OrderScenario, Side } from '../../src/engine/evaluation';
import { D } from '../../src/shared/decimal';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { MODES, SHOWN_ROWS } from '../../src/ui/SideTable';
import type { Figures } from './panel';

export type Locale = 'en' | 'zh-CN' | 'pt-BR';

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
  if (c.positions?.length) {
    params['si-pos'] = c.positions
      .map((p) => [p.symbol, p.side, p.size, p.entry, p.mark, p.mode, p.lev, p.margin ?? '-'].join(','))
      .join(';');
  }
  return params;
}

export function standinUrl(c: Case, extra: Record<string, string>): string {
  const query = new URLSearchParams({ ...standinParams(c), ...extra });
  return `https://www.binance.com/${c.locale}/futures/${c.symbol}?${query}`;
}

function quoteOf(symbol: string): string {
  const m = /(USDT|USDC)$/.exec(symbol);
  if (!m) throw new Error(`no quote asset in ${symbol}`);
  return m[1]!;
}

/** Maintenance of another position at its mark, from its bundled tier table. */
function openPosition(p: PositionSpec): OpenPosition {
  const table = bundledTable('binance', p.symbol);
  if (!table) throw new Error(`no bundled tier table for ${p.symbol}`);
  const tier = tierForNotional(table, 'binance', new D(p.size).times(p.mark));
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

export const LOGGED_OUT_REASON = 'log in to see cross';

/** The OrderScenario the extension should build from the page this case renders. */
export function orderScenario(c: Case): OrderScenario {
  const table = bundledTable('binance', c.symbol);
  if (!table) throw new Error(`no bundled tier table for ${c.symbol}`);
  const positions = c.positions ?? [];
  const loggedIn = (c.auth ?? 'in') === 'in';
  const marginBalance = new D(c.wallet).plus(c.upnl ?? '0').toFixed();
  return {
    venue: 'binance',
    symbol: c.symbol,
    quoteAsset: quoteOf(c.symbol),
    positionMode: 'oneWay',
    sides: ['long', 'short'],
    action: 'open',
    order: { type: 'limit', price: c.price, quantity: c.qty, leverage: String(c.lev) },
    market: {
      markPrice: c.mark,
      maintenance: { table },
      takerRate: new D(DEFAULT_SETTINGS.fees.binance.takerFeePct).div(100).toFixed(),
    },
    account: {
      currentMode: c.mode,
      existing: loggedIn ? positions.filter((p) => p.symbol === c.symbol).map(existingLeg) : [],
      ...(loggedIn
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
        : { crossUnavailable: LOGGED_OUT_REASON }),
    },
  };
}

/** The panel's data-field → data-value map for an Evaluation (the shown figures only). */
export function figuresOf(evaluation: Evaluation): Figures {
  const figures: Figures = {};
  for (const side of evaluation.sides) {
    for (const mode of MODES) {
      for (const row of SHOWN_ROWS) {
        const f = side[mode][row.key];
        figures[`${side.side}.${mode}.${row.key}`] = f.kind === 'value' ? f.value : f.kind;
      }
    }
  }
  return figures;
}

export function expectedFigures(c: Case): Figures {
  const result = evaluateOrder(orderScenario(c));
  if ('error' in result) throw new Error(`engine refused the case: ${result.error.field}: ${result.error.message}`);
  return figuresOf(result);
}
