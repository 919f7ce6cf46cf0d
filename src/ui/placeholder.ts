import type { Evaluation } from '../contracts/evaluation';
import { unavailableSide } from '../contracts/figures';
import type { Reason } from '../contracts/reasons';

export type EvaluationContext = Pick<Evaluation, 'symbol' | 'quoteAsset'>;

/** What the panel shows when there is no Evaluation: every figure of both sides unavailable for one reason. */
export function unavailableEvaluation(why: Reason, context: EvaluationContext): Evaluation {
  return { ...context, sides: [unavailableSide('long', why), unavailableSide('short', why)], inputs: [], assumptions: [] };
}
