/**
 * Reading the limit checks of an Evaluation the way the panel shows them (issue 8, "On the panel" and
 * "Pre-submit check: Warn"): which margin modes decide a side, whether a side fails, and one state for
 * the whole form. The same rule as the confirm step (src/content/verdict.ts): the exchange's current
 * margin mode decides; when it is unknown, a side fails only when it fails in both modes.
 */
import type { Evaluation, LimitCheck, LimitStatus, Mode, SideEvaluation } from '../contracts/evaluation';

export const BOTH_MODES: readonly Mode[] = ['isolated', 'cross'];

/** The modes whose checks decide: the exchange's current mode, or both when it is unknown. */
export function decidingModes(currentMode: Mode | undefined): readonly Mode[] {
  return currentMode ? [currentMode] : BOTH_MODES;
}

/** The deciding modes first, then the others: the order the panel looks for a sentence to show. */
export function modesByRelevance(currentMode: Mode | undefined): readonly Mode[] {
  return currentMode ? [currentMode, ...BOTH_MODES.filter((m) => m !== currentMode)] : BOTH_MODES;
}

export interface ModeCheck {
  mode: Mode;
  check: LimitCheck;
}

/** The first check with this status, in the deciding modes first. */
export function firstWith(side: SideEvaluation, currentMode: Mode | undefined, status: LimitStatus): ModeCheck | null {
  for (const mode of modesByRelevance(currentMode)) {
    const check = side[mode].limits.find((c) => c.status === status);
    if (check) return { mode, check };
  }
  return null;
}

/** The failing check that makes this side fail (in every deciding mode), or null when it does not. */
export function sideFailure(side: SideEvaluation, currentMode: Mode | undefined): ModeCheck | null {
  const modes = decidingModes(currentMode);
  const failing = modes.map((mode) => side[mode].limits.find((c) => c.status === 'fail'));
  if (failing.some((c) => c === undefined)) return null;
  return { mode: modes[0]!, check: failing[0]! };
}

/**
 * One state for the form: fail when a side fails; else unchecked when a deciding check is unchecked
 * (or, the mode unknown, fails in one mode only: which one applies cannot be told); else pass; null
 * when no limit is set (no check at all).
 */
export function limitsState(evaluation: Evaluation): LimitStatus | null {
  const { sides, currentMode } = evaluation;
  if (sides.some((side) => sideFailure(side, currentMode))) return 'fail';
  const deciding = sides.flatMap((side) => decidingModes(currentMode).flatMap((mode) => side[mode].limits));
  if (deciding.length === 0) return null;
  return deciding.every((c) => c.status === 'pass') ? 'pass' : 'unchecked';
}
