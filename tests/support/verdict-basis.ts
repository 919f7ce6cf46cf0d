/**
 * The one copy of the confirm step's fixture: what the panel holds for a form, with the engine's own
 * figures for a BTCUSDT order at 20x against a 10x leverage limit (it fails in both modes), unless the
 * scenario is overridden. Used by the verdict, confirm-listener and dialog tests.
 */
import type { Evaluation, OrderScenario } from '../../src/contracts/evaluation';
import type { FormSnapshot } from '../../src/contracts/snapshot';
import type { VerdictBasis } from '../../src/content/verdict';
import { evaluateOrder } from '../../src/engine/index';
import { btcOrder } from '../engine/fixtures';
import { buildSnapshot } from './snapshots';

export function evaluate(scenario: OrderScenario): Evaluation {
  const result = evaluateOrder(scenario);
  if ('error' in result) throw new Error(`engine refused the scenario: ${result.error.reason.code}`);
  return result;
}

export function evaluatedBasis(
  over: Parameters<typeof btcOrder>[0] = {},
  snapshot: FormSnapshot = buildSnapshot(),
): Extract<VerdictBasis, { kind: 'evaluated' }> {
  const scenario = btcOrder({ ...over, top: { limits: { maxLeverage: '10' }, ...over.top } });
  return { kind: 'evaluated', snapshot, evaluation: evaluate(scenario) };
}
