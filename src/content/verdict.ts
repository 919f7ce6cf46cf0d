/**
 * The confirm step's verdict (README: Pre-submit check): does one activation of the exchange's submit
 * button break a limit the trader set, so that it must be held back? Pure: no DOM, no clock.
 *
 * It stops only what it can back with figures for the form as it is now, and never an order that only
 * reduces or closes a position. Everything else passes: no figures (the form is unreadable), figures not
 * back yet for the latest form state, limits unchecked, reduce-only unread on an order that might flip.
 */
import type { Evaluation, LimitCheck, Mode, SideEvaluation } from '../contracts/evaluation';
import type { Side } from '../contracts/reasons';
import type { FormSnapshot } from '../contracts/snapshot';

/** What the panel holds for the form when the button is activated. */
export type VerdictBasis =
  /** The form changed and its figures are not back yet: the figures on hand describe another form. */
  | { kind: 'pending' }
  /** No figures for this form, only reasons (or none asked for yet). */
  | { kind: 'unevaluable' }
  /** The figures for the form as last read (`snapshot`). */
  | { kind: 'evaluated'; snapshot: FormSnapshot; evaluation: Evaluation };

/** The limits that fail in one margin mode. */
export interface ModeFailure {
  mode: Mode;
  checks: LimitCheck[];
}

/** A side whose order fails: in the current mode, or (mode unknown) in both modes. */
export interface SideFailure {
  side: Side;
  failures: ModeFailure[];
}

/** Why an activation passes. */
export type PassCause =
  | 'pending'
  | 'unevaluable'
  /** Reduce-only ticked, the hedge Close tab, or an order that reduces or closes the position. */
  | 'reducesOnly'
  /** Some limit could not be checked, and none that could fails. */
  | 'unchecked'
  /** Every limit set passes (or none is set). */
  | 'withinLimits';

export type Verdict = { kind: 'stop'; sides: SideFailure[] } | { kind: 'pass'; cause: PassCause };

type SideJudgement = { kind: 'fail'; failure: SideFailure } | { kind: 'pass'; cause: PassCause };

const BOTH_MODES: readonly Mode[] = ['isolated', 'cross'];
const REDUCING = new Set<SideEvaluation['effect']>(['reduces', 'closes']);

/**
 * Effects a reduce-only order cannot have: a reduce-only order may only reduce the position, so the
 * exchanges do not place one that would open or add (README: Pre-submit check cites their order APIs).
 * Such a click either breaks the limit (box off) or places nothing (box on), so it can be judged without
 * reading the box. A flip could only close with the box on, so it cannot.
 */
const NOT_REDUCE_ONLY = new Set<SideEvaluation['effect']>(['opens', 'adds']);

function judgeSide(snapshot: FormSnapshot, evaluation: Evaluation, side: Side): SideJudgement {
  // The Open/Close tab comes from the page itself: when it is unread, the order might only close.
  const { reduceOnly, action } = snapshot;
  if (action.status !== 'read') return { kind: 'pass', cause: 'unevaluable' };
  if ((reduceOnly.status === 'read' && reduceOnly.value === true) || action.value === 'close') return { kind: 'pass', cause: 'reducesOnly' };
  const figures = evaluation.sides.find((s) => s.side === side);
  if (!figures || figures.effect === null) return { kind: 'pass', cause: 'unevaluable' };
  // An order against the existing position that does not flip it only reduces or closes it.
  if (REDUCING.has(figures.effect)) return { kind: 'pass', cause: 'reducesOnly' };
  // Reduce-only unread: only an order that a ticked box would make the exchange reject can be judged.
  if (reduceOnly.status !== 'read' && !NOT_REDUCE_ONLY.has(figures.effect)) return { kind: 'pass', cause: 'unevaluable' };

  // The exchange's margin mode now; unknown: the order fails only if it fails whichever mode applies.
  const modes = evaluation.currentMode ? [evaluation.currentMode] : BOTH_MODES;
  const failures = modes.map((mode) => ({ mode, checks: figures[mode].limits.filter((c) => c.status === 'fail') }));
  if (failures.every((f) => f.checks.length > 0)) return { kind: 'fail', failure: { side, failures } };
  const unchecked = modes.some((mode) => figures[mode].limits.some((c) => c.status === 'unchecked'));
  return { kind: 'pass', cause: unchecked ? 'unchecked' : 'withinLimits' };
}

/**
 * The verdict for one activation that may submit any of `sides` (a button: its one side; Enter in a
 * form with a button per side: either). It is stopped only when it fails whichever of them it submits.
 */
export function judgeActivation(basis: VerdictBasis, sides: readonly Side[]): Verdict {
  if (basis.kind !== 'evaluated') return { kind: 'pass', cause: basis.kind };
  if (sides.length === 0) return { kind: 'pass', cause: 'unevaluable' };
  const failing: SideFailure[] = [];
  for (const side of sides) {
    const judged = judgeSide(basis.snapshot, basis.evaluation, side);
    if (judged.kind === 'pass') return judged;
    failing.push(judged.failure);
  }
  return { kind: 'stop', sides: failing };
}
