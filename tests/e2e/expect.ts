/**
 * What the panel must show for an Evaluation, in the panel's own terms: the data-field → data-value
 * map of the shown figures, and the reason codes it lists as notes. Shared by every venue's checks.
 */
import type { Evaluation } from '../../src/contracts/evaluation';
import { MODES, SHOWN_ROWS } from '../../src/ui/SideTable';
import type { Figures } from './panel';

/** The panel's data-field → data-value map for an Evaluation (the shown figures only). */
export function figuresOf(evaluation: Evaluation): Figures {
  const figures: Figures = {};
  for (const side of evaluation.sides) {
    for (const mode of MODES) {
      for (const row of SHOWN_ROWS) {
        const f = side[mode][row.key];
        figures[`${side.side}.${mode}.${row.key}`] = f.kind === 'value' ? f.value : f.kind;
      }
    }
  }
  return figures;
}

/**
 * The reasons the panel lists as notes for an Evaluation: each unavailable figure's reason code once
 * (the panel lists a reason once per mode; codes are what tests compare).
 */
export function noteCodesOf(evaluation: Evaluation): string[] {
  const codes = new Set<string>();
  for (const side of evaluation.sides) {
    for (const mode of MODES) {
      for (const row of SHOWN_ROWS) {
        const f = side[mode][row.key];
        if (f.kind === 'unavailable') codes.add(f.reason.code);
      }
    }
  }
  return [...codes].sort();
}

/** Every shown figure "unavailable" (what the panel shows instead of figures it cannot compute). */
export function allUnavailable(like: Figures): Figures {
  return Object.fromEntries(Object.keys(like).map((field) => [field, 'unavailable']));
}

/** Cross figures unavailable, isolated ones as the engine says. */
export function onlyIsolated(figures: Figures): Figures {
  return Object.fromEntries(Object.entries(figures).map(([f, v]) => [f, f.includes('.cross.') ? 'unavailable' : v]));
}

/** The panel's limit checks for an Evaluation: `<side>.<mode>.limit.<key>` → pass / fail / unchecked. */
export function limitFiguresOf(evaluation: Evaluation): Figures {
  const figures: Figures = {};
  for (const side of evaluation.sides) {
    for (const mode of MODES) for (const check of side[mode].limits) figures[`${side.side}.${mode}.limit.${check.limit}`] = check.status;
  }
  return figures;
}

/** The cross stress figure of each side: the uniform move at which the whole cross account liquidates. */
export function stressFiguresOf(evaluation: Evaluation): Figures {
  const figures: Figures = {};
  for (const side of evaluation.sides) {
    const f = side.cross.accountLiquidationMovePct;
    figures[`${side.side}.cross.accountLiquidationMovePct`] = f.kind === 'value' ? f.value : f.kind;
  }
  return figures;
}
