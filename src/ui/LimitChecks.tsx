/**
 * The trader's limits on the panel: a compact line per side that shows the failing limit without
 * opening anything (and the stop-loss warnings), and the full list, per side and mode, one click away.
 * Each check is `[data-field="<side>.<mode>.limit.<key>"][data-value="pass|fail|unchecked"]` with its
 * sentence; while the form's new figures are not back, `data-value="unavailable"` and no sentence (the
 * last verdict describes a form that no longer exists), as FigureView does for figures.
 */
import type { Evaluation, LimitCheck, LimitKey, Mode, SideEvaluation } from '../contracts/evaluation';
import { MODES } from './SideTable';
import { decidingModes, firstWith, type ModeCheck } from './limits';
import { panelText, say } from './text';

function CheckText({ field, check, pending }: { field: string; check: LimitCheck; pending: boolean }) {
  if (pending) {
    return (
      <span class="check-text pending" data-field={field} data-value="unavailable">
        {panelText.limitPending}
      </span>
    );
  }
  return (
    <span class="check-text" data-field={field} data-value={check.status} data-reason={check.reason.code}>
      {say(check.reason)}
    </span>
  );
}

export interface SideLineProps {
  side: SideEvaluation;
  currentMode?: Mode;
  pending: boolean;
}

/** How many limits are set (each mode checks the same ones, the unreadable mode included). */
const limitCount = (side: SideEvaluation) => Math.max(side.isolated.limits.length, side.cross.limits.length);

/**
 * Under a side's figures: its first failing limit (else its first unchecked one, else "within your
 * limits"), the deciding mode first; then any stop-loss warning. Nothing while the form's new figures
 * are not back but a placeholder line, so no old verdict stays on screen.
 */
export function SideLine({ side, currentMode, pending }: SideLineProps) {
  const count = limitCount(side);
  const warnings = pending ? [] : MODES.filter((mode) => side[mode].stopWarning !== null);
  if (count === 0 && warnings.length === 0) return null;
  let line = null;
  if (count > 0 && pending) {
    line = (
      <p class="limit-line pending" data-role="limit-summary" data-side={side.side} data-value="unavailable">
        {panelText.limitPending}
      </p>
    );
  } else if (count > 0) {
    const shown: ModeCheck | null = firstWith(side, currentMode, 'fail') ?? firstWith(side, currentMode, 'unchecked');
    const deciding = decidingModes(currentMode);
    line = shown ? (
      <p
        class={`limit-line ${shown.check.status}`}
        data-role="limit-summary"
        data-side={side.side}
        data-mode={shown.mode}
        data-value={shown.check.status}
        data-reason={shown.check.reason.code}
      >
        <span class="badge">{panelText.status[shown.check.status]}</span> {panelText.sideMode(side.side, shown.mode)}: {say(shown.check.reason)}
      </p>
    ) : (
      <p class="limit-line pass" data-role="limit-summary" data-side={side.side} data-mode={deciding.length === 1 ? deciding[0] : undefined} data-value="pass">
        <span class="badge">{panelText.status.pass}</span> {deciding.length === 1 ? panelText.sideMode(side.side, deciding[0]!) : panelText.sides[side.side]}:{' '}
        {panelText.withinLimits(count)}
      </p>
    );
  }
  return (
    <div class="side-line">
      {line}
      {warnings.map((mode) => (
        <p class="stop-warning" data-role="stop-warning" data-side={side.side} data-mode={mode} data-reason={side[mode].stopWarning!.code}>
          {panelText.sideMode(side.side, mode)}: {say(side[mode].stopWarning!)}
        </p>
      ))}
    </div>
  );
}

export interface LimitsSectionProps {
  evaluation: Evaluation;
  pending: boolean;
}

/** Distinct limit keys in the deciding modes of every side, by their worst status. */
function headingCounts(evaluation: Evaluation): { failing: number; unchecked: number; total: number } {
  const worst = new Map<LimitKey, LimitCheck['status']>();
  for (const side of evaluation.sides) {
    for (const mode of decidingModes(evaluation.currentMode)) {
      for (const check of side[mode].limits) {
        const before = worst.get(check.limit);
        if (before !== 'fail' && !(before === 'unchecked' && check.status === 'pass')) worst.set(check.limit, check.status);
      }
    }
  }
  const statuses = [...worst.values()];
  return { failing: statuses.filter((s) => s === 'fail').length, unchecked: statuses.filter((s) => s === 'unchecked').length, total: statuses.length };
}

/** Every check, per side and mode, in a details element (closed until the trader opens it). */
export function LimitsSection({ evaluation, pending }: LimitsSectionProps) {
  const sides = evaluation.sides.filter((side) => limitCount(side) > 0);
  if (sides.length === 0) return null;
  const counts = headingCounts(evaluation);
  return (
    <details class="section limits" data-role="limits">
      <summary>{pending ? panelText.limitPending : panelText.limitsHeading(counts.failing, counts.unchecked, counts.total)}</summary>
      {sides.map((side) => (
        <div class="limit-side" data-side={side.side}>
          {MODES.map((mode) => (
            <div class="limit-mode" data-mode={mode}>
              <p class={`limit-heading side-${side.side}`}>{panelText.sideMode(side.side, mode)}</p>
              <ul class="limit-list">
                {side[mode].limits.map((check) => (
                  <li class={pending ? 'limit pending' : `limit ${check.status}`}>
                    {pending ? null : <span class="badge">{panelText.status[check.status]}</span>}
                    <CheckText field={`${side.side}.${mode}.limit.${check.limit}`} check={check} pending={pending} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </details>
  );
}
