import type { Evaluation } from '../../contracts/evaluation';
import type { Reason } from '../../contracts/reasons';
import type { PreSubmitCheck, Theme } from '../../shared/settings';
import { EvaluationView } from '../../ui/EvaluationView';
import { limitsState, sideFailure } from '../../ui/limits';
import { SidePictures } from '../../ui/pictures';
import { panelText, say } from '../../ui/text';
import type { ConfirmView } from '../confirm';
import { ConfirmDialog } from './ConfirmDialog';

export interface PanelView {
  /** null until the first evaluation (or reason for none) comes back. */
  evaluation: Evaluation | null;
  /** Set when there is no evaluation, only reasons (the figures are then a placeholder). */
  reasons: readonly Reason[] | null;
  /** The form changed and the evaluation for it is not back yet. */
  pending: boolean;
  collapsed: boolean;
  /** The corrupted-settings notice, until the user saves from the options page. */
  notice: Reason | null;
  /** The confirm step holds an order back (README: Pre-submit check); shown even when collapsed. */
  confirm?: ConfirmView | null;
  /** The pre-submit check setting ('warn' when not loaded yet, its default): warn and confirm turn the header red. */
  preSubmitCheck?: PreSubmitCheck;
  /** The theme setting ('auto' when not loaded yet): the host's data-theme follows it (mount.ts). */
  theme?: Theme;
}

export interface PanelProps extends PanelView {
  onToggleCollapsed: () => void;
}

/** Keeps focus where it is (the exchange's input) when the trader clicks the panel's buttons. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

/**
 * The panel's reading of the limits, for scripts (`data-limits` on the panel root): fail / unchecked /
 * pass as src/ui/limits.ts decides, 'pending' while the form's new figures are not back, absent when no
 * limit is set or there are no figures (only reasons).
 */
export function limitsAttribute(evaluation: Evaluation | null, reasons: readonly Reason[] | null, pending: boolean): string | undefined {
  if (!evaluation || reasons) return undefined;
  return pending ? 'pending' : (limitsState(evaluation) ?? undefined);
}

/** The sides whose order fails a limit in the current mode, with the check to name in the header. */
function failingSides(evaluation: Evaluation | null, reasons: readonly Reason[] | null, pending: boolean) {
  if (!evaluation || reasons || pending) return [];
  return evaluation.sides.flatMap((side) => {
    const failure = sideFailure(side, evaluation.currentMode);
    return failure ? [{ side: side.side, ...failure }] : [];
  });
}

/** Both sides' pictures, collapsed until opened; while the form's figures are not back, none. */
function Pictures({ evaluation, pending }: { evaluation: Evaluation; pending: boolean }) {
  return (
    <details class="section pictures-section" data-role="pictures">
      <summary>{panelText.pictures}</summary>
      {pending ? <p class="pending">{panelText.limitPending}</p> : evaluation.sides.map((side) => <SidePictures evaluation={evaluation} side={side} />)}
    </details>
  );
}

export function Panel({ evaluation, reasons, pending, collapsed, notice, confirm, preSubmitCheck = 'warn', onToggleCollapsed }: PanelProps) {
  const status = evaluation === null ? 'Reading the order form…' : pending ? 'Updating…' : '';
  // Warn (and confirm, which warns too): a failing limit turns the header red with the reason; off: no alert.
  const alerts = preSubmitCheck === 'off' ? [] : failingSides(evaluation, reasons, pending);
  return (
    <div class={collapsed ? 'panel collapsed' : 'panel'} data-state={pending ? 'pending' : 'ready'} data-limits={limitsAttribute(evaluation, reasons, pending)}>
      <header class={alerts.length > 0 ? 'alert' : undefined}>
        <div class="bar">
          <span class="title">Margin Lens</span>
          {evaluation ? <span class="symbol">{evaluation.symbol}</span> : null}
          <span class="status" aria-live="polite">
            {status}
          </span>
          <button
            type="button"
            class="toggle"
            aria-expanded={!collapsed}
            title={collapsed ? 'Show figures' : 'Hide figures'}
            onMouseDown={keepFocus}
            onClick={onToggleCollapsed}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        </div>
        {alerts.length > 0 ? (
          <div class="limit-alert" data-role="limit-alert" role="alert">
            {alerts.map((a) => (
              <p data-side={a.side} data-mode={a.mode} data-reason={a.check.reason.code} data-limit={a.check.limit}>
                {panelText.sideMode(a.side, a.mode)}: {say(a.check.reason)}
              </p>
            ))}
          </div>
        ) : null}
      </header>
      {confirm ? <ConfirmDialog {...confirm} /> : null}
      {notice ? (
        <p class="notice" role="alert" data-role="notice" data-reason={notice.code}>
          {say(notice)}
        </p>
      ) : null}
      {!collapsed && evaluation ? (
        <EvaluationView evaluation={evaluation} pending={pending} reasons={reasons ?? undefined}>
          <Pictures evaluation={evaluation} pending={pending} />
        </EvaluationView>
      ) : null}
    </div>
  );
}
