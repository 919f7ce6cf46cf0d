import { D } from '../../src/shared/decimal';
import { bundledTable } from '../../src/venues/tiers';
import type { EngineError, Evaluation, Figure, OrderScenario, SideEvaluation } from '../../src/contracts/evaluation';
import type { Side } from '../../src/contracts/reasons';

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

/** An evaluation, or a thrown error naming the field the engine refused. */
export function ok(result: Evaluation | EngineError): Evaluation {
  if ('error' in result) throw new Error(`${result.error.field}: ${JSON.stringify(result.error.reason)}`);
  return result;
}

/** A figure's value as a decimal; anything else throws. */
export function num(f: Figure) {
  if (f.kind !== 'value') throw new Error(`expected a value, got ${JSON.stringify(f)}`);
  return new D(f.value);
}

/** One side of an evaluation. */
export function side(e: Evaluation, s: Side): SideEvaluation {
  const found = e.sides.find((x) => x.side === s);
  if (!found) throw new Error(`no ${s} side`);
  return found;
}
