/**
 * PLACEHOLDER until the lead commits the real file (FormSnapshot + Settings → OrderScenario → engine).
 * Lets the background build and route messages; every evaluation answers "unavailable".
 */
import type { FormSnapshot } from '../adapters/types.ts';
import type { EvaluateResult } from '../shared/protocol.ts';
import type { Settings } from '../shared/settings.ts';

export function evaluateFromSnapshot(_snapshot: FormSnapshot, _settings: Settings): EvaluateResult {
  return { unavailable: 'engine not wired yet' };
}
