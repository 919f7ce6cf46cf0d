/**
 * `npm run --silent bench:engine`: time of one full evaluation of an order (a Buy/Long: both margin modes,
 * Binance bracket re-check at the liquidation price) and of the same order in cross with 20 other open
 * positions; budgets median < 50 µs and < 1 ms. Also `formBothSides`: what the panel computes per form
 * state (the Long and the Short order, both modes). Prints one JSON object; budgets are read from it,
 * not asserted in tests.
 */
import { evaluateOrder } from '../src/engine/order';
import type { OpenPosition, OrderScenario, TierTable } from '../src/engine/evaluation';
import btcTable from '../src/engine/data/tiers/binance-BTCUSDT.json' with { type: 'json' };

const table = btcTable as TierTable;

function scenario(others: OpenPosition[], sides: OrderScenario['sides'] = ['long']): OrderScenario {
  return {
    venue: 'binance', symbol: 'BTCUSDT', quoteAsset: 'USDT', positionMode: 'oneWay', sides, action: 'open',
    order: { type: 'limit', price: '61000.5', quantity: '0.75', leverage: '20', stopLoss: '59000' },
    market: { markPrice: '61010.2', maintenance: { table }, takerRate: '0.0005' },
    account: { currentMode: 'cross', existing: [], cross: { walletBalance: '25000', otherPositions: others }, accountEquity: '25400' },
    limits: { maxLoss: '2000', maxLossPct: '10', minLiquidationDistancePct: '3' },
  };
}

const twenty: OpenPosition[] = Array.from({ length: 20 }, (_, i) => ({
  symbol: `ALT${i}USDT`, side: i % 3 === 0 ? 'short' : 'long', size: String(100 + i * 7), entryPrice: `${10 + i}.25`,
  markPrice: `${10 + i}.75`, maintenanceRate: '0.01', maintenanceAmount: String(i * 5),
}));

function measure(sc: OrderScenario, iterations: number): { medianUs: number; p99Us: number } {
  for (let i = 0; i < 2000; i++) evaluateOrder(sc);
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    const result = evaluateOrder(sc);
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
    if ('error' in result) throw new Error(result.error.message);
  }
  samples.sort();
  const at = (q: number) => Math.round(samples[Math.min(iterations - 1, Math.floor(q * iterations))]! * 10) / 10;
  return { medianUs: at(0.5), p99Us: at(0.99) };
}

console.log(
  JSON.stringify({
    evaluate: measure(scenario([]), 20_000),
    cross20: measure(scenario(twenty), 5_000),
    formBothSides: measure(scenario([], ['long', 'short']), 20_000),
  }),
);
