/**
 * The one copy of the snapshot fixtures: a complete, valid FormSnapshot (one-way, limit order on
 * BTCUSDT, logged in, no BTCUSDT position, one other position) and a builder that overrides fields.
 * Used by the guards, evaluate, router, controller and pop-up tests.
 */
import type { Field, FieldStatus, FormSnapshot, PositionRow } from '../../src/contracts/snapshot.ts';
import { reason, type Reason } from '../../src/contracts/reasons.ts';

/** A field the adapter read, optionally with the page text it came from. */
export function read<T>(value: T, raw?: string): Field<T> {
  return raw === undefined ? { status: 'read', value } : { status: 'read', value, raw };
}

/** A field the adapter did not read, and why ('missing' unless another status is given). */
export function missing<T = never>(why: Reason, status: Exclude<FieldStatus, 'read'> = 'missing'): Field<T> {
  return { status, why };
}

/** A position row on the venue's pages (base-unit size, cross, USDT-settled unless overridden). */
export function positionRow(over: Partial<PositionRow> & Pick<PositionRow, 'symbol'>): PositionRow {
  return {
    quoteAsset: 'USDT',
    side: 'long',
    size: '1',
    sizeUnit: 'base',
    entryPrice: '100',
    markPrice: '100',
    marginMode: 'cross',
    leverage: '10',
    ...over,
  };
}

export const PAGE_URL = 'https://www.binance.com/en/futures/BTCUSDT';

export function validSnapshot(): FormSnapshot {
  return {
    venue: 'binance-usdm',
    url: PAGE_URL,
    form: read(true as const),
    symbol: read('BTCUSDT'),
    baseAsset: read('BTC'),
    quoteAsset: read('USDT'),
    loggedIn: read(true),
    sides: read(['long', 'short'] as ('long' | 'short')[]),
    positionMode: read('oneWay' as const),
    action: read('open' as const),
    assetMode: read('single' as const),
    orderType: read('limit' as const),
    price: read('65000.5', '65,000.5'),
    quantity: read('0.010'),
    quantityUnit: read('base' as const),
    leverage: read('20', '20x'),
    marginMode: read('cross' as const),
    takeProfit: missing(reason('page.tpslOff')),
    stopLoss: missing(reason('page.tpslOff')),
    reduceOnly: read(false),
    available: read('1000'),
    maxBuy: read({ amount: '0.3', unit: 'base' as const }),
    maxSell: read({ amount: '19503.0', unit: 'quote' as const }, '19,503.0 USDT'),
    walletBalance: read('1200.25'),
    marginBalance: read('1190.00'),
    maintenanceMargin: read('5.1'),
    unrealizedPnl: read('-10.25'),
    marginRatio: read('0.43'),
    markPrice: read('65010.1'),
    fundingRate: missing(reason('page.notRead', { item: 'fundingRate' })),
    ownPositions: read([] as PositionRow[]),
    otherPositions: read([
      positionRow({
        symbol: 'ETHUSDT',
        side: 'short',
        size: '1525.1',
        sizeUnit: 'quote',
        entryPrice: '3100',
        markPrice: '3050.2',
        leverage: '10',
        exchangeLiquidationPrice: null,
      }),
    ]),
  };
}

/** The valid snapshot with each set of overrides applied in turn (later ones win). */
export function buildSnapshot(...overrides: Partial<FormSnapshot>[]): FormSnapshot {
  return Object.assign(validSnapshot(), ...overrides) as FormSnapshot;
}
