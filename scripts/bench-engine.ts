/**
 * `npm run --silent bench:engine`: time of one full evaluation of an order (a Buy/Long: both margin modes,
 * bracket re-check at the liquidation price) and of the same order in cross with 20 other open positions;
 * budgets median < 50 µs and < 1 ms. Also `formBothSides`: what the panel computes per form state (the
 * Long and the Short order, both modes).
 *
 * Absolute times say as much about the machine as about the code, so every entry also gives
 * `calibrationUnits`: its median ÷ the median of a fixed decimal.js loop measured in the same run (one
 * 40-digit multiply, add and divide), a figure that holds from one machine to the next.
 * Prints one JSON object; budgets are read from it, not asserted in tests.
 */
import { evaluateOrder } from '../src/engine/order';
import type { OpenPosition, OrderScenario, TierTable } from '../src/contracts/evaluation';
import { D } from '../src/shared/decimal';
import btcTable from '../src/venues/tiers/binance-usdm-BTCUSDT.json' with { type: 'json' };

const table = btcTable as TierTable;

function order(others: OpenPosition[], sides: OrderScenario['sides'] = ['long']): OrderScenario {
  return {
    rule: 'binance', symbol: 'BTCUSDT', quoteAsset: 'USDT', positionMode: 'oneWay', sides, action: 'open',
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

interface Timing {
  medianUs: number;
  p99Us: number;
}

function measure(run: () => void, iterations: number): Timing & { median: number } {
  for (let i = 0; i < 2000; i++) run();
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    run();
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  samples.sort();
  const at = (q: number) => samples[Math.min(iterations - 1, Math.floor(q * iterations))]!;
  const round = (us: number) => Math.round(us * 10) / 10;
  return { medianUs: round(at(0.5)), p99Us: round(at(0.99)), median: at(0.5) };
}

function evaluation(sc: OrderScenario): () => void {
  return () => {
    const result = evaluateOrder(sc);
    if ('error' in result) throw new Error(result.error.reason.code);
  };
}

// The calibration loop: fixed 40-digit operands, the three operations the engine spends its time in.
const a = new D('61010.23456789012345678901234567890123456');
const b = new D('0.7512345678901234567890123456789012345678');
let sink = new D(0);
const calibration = measure(() => {
  sink = a.times(b).plus(a).div(b);
}, 50_000);
if (sink.isNaN()) throw new Error('calibration produced NaN');

const entry = (run: () => void, iterations: number) => {
  const { medianUs, p99Us, median } = measure(run, iterations);
  return { medianUs, p99Us, calibrationUnits: Math.round((median / calibration.median) * 10) / 10 };
};

console.log(
  JSON.stringify({
    evaluate: entry(evaluation(order([])), 20_000),
    cross20: entry(evaluation(order(twenty)), 5_000),
    formBothSides: entry(evaluation(order([], ['long', 'short'])), 20_000),
    calibrationLoop: { medianUs: calibration.medianUs, p99Us: calibration.p99Us },
  }),
);
