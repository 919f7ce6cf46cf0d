/** A complete, valid FormSnapshot (one-way, limit long/short form, one other position) for protocol tests. */
import type { Field, FormSnapshot } from '../../src/adapters/types.ts';

const read = <T>(value: T, raw?: string): Field<T> => (raw === undefined ? { status: 'read', value } : { status: 'read', value, raw });

export function validSnapshot(): FormSnapshot {
  return {
    venue: 'binance-usdm',
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    form: read(true as const),
    symbol: read('BTCUSDT'),
    baseAsset: read('BTC'),
    quoteAsset: read('USDT'),
    loggedIn: read(true),
    positionMode: read('oneWay' as const),
    action: read('open' as const),
    assetMode: read('single' as const),
    orderType: read('limit' as const),
    price: read('65000.5', '65,000.5'),
    quantity: read('0.010'),
    quantityUnit: read('base' as const),
    leverage: read('20', '20x'),
    marginMode: read('cross' as const),
    takeProfit: { status: 'missing', why: 'TP/SL not enabled' },
    stopLoss: { status: 'missing', why: 'TP/SL not enabled' },
    available: read('1000'),
    maxBuy: read({ amount: '0.3', unit: 'base' as const }),
    maxSell: read({ amount: '19503.0', unit: 'quote' as const }, '19,503.0 USDT'),
    walletBalance: read('1200.25'),
    marginBalance: read('1190.00'),
    maintenanceMargin: read('5.1'),
    unrealizedPnl: read('-10.25'),
    marginRatio: read('0.43'),
    markPrice: read('65010.1'),
    positions: read([
      {
        symbol: 'ETHUSDT',
        side: 'short' as const,
        size: '1525.1',
        sizeUnit: 'quote' as const,
        entryPrice: '3100',
        markPrice: '3050.2',
        marginMode: 'cross' as const,
        leverage: '10',
        exchangeLiquidationPrice: null,
      },
    ]),
  };
}
