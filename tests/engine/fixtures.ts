import { bundledTable } from '../../src/venues/tiers';
import type { OrderScenario } from '../../src/contracts/evaluation';

/** The bundled Binance USDⓈ-M BTCUSDT brackets (src/venues/tiers/binance-usdm-BTCUSDT.json). */
export function btcTable() {
  const table = bundledTable('binance-usdm', 'BTCUSDT');
  if (!table) throw new Error('bundled binance-usdm BTCUSDT table missing');
  return table;
}

/** A Binance BTCUSDT limit order with the bundled brackets; override any part per test. */
export function btcOrder(over: {
  order?: Partial<OrderScenario['order']>;
  account?: Partial<OrderScenario['account']>;
  market?: Partial<OrderScenario['market']>;
  top?: Partial<OrderScenario>;
} = {}): OrderScenario {
  const table = btcTable();
  return {
    rule: 'binance',
    symbol: 'BTCUSDT',
    quoteAsset: 'USDT',
    positionMode: 'oneWay',
    sides: ['long', 'short'],
    action: 'open',
    ...over.top,
    order: { type: 'limit', price: '61000', quantity: '0.5', leverage: '20', ...over.order },
    market: { markPrice: '61000', maintenance: { table }, takerRate: '0.0005', ...over.market },
    account: {
      currentMode: 'cross',
      existing: [],
      cross: { walletBalance: '10000', otherPositions: [] },
      accountEquity: '10000',
      ...over.account,
    },
  };
}
