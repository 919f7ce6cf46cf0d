import type { Evaluation } from '../../contracts/evaluation';
import type { Reason } from '../../contracts/reasons';
import { EvaluationView } from '../../ui/EvaluationView';
import { say } from '../../ui/text';

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
}

export interface PanelProps extends PanelView {
  onToggleCollapsed: () => void;
}

/** Keeps focus where it is (the exchange's input) when the trader clicks the panel's buttons. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

export function Panel({ evaluation, reasons, pending, collapsed, notice, onToggleCollapsed }: PanelProps) {
  const status = evaluation === null ? 'Reading the order form…' : pending ? 'Updating…' : '';
  return (
    <div class={collapsed ? 'panel collapsed' : 'panel'} data-state={pending ? 'pending' : 'ready'}>
      <header>
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
      </header>
      {notice ? (
        <p class="notice" role="alert" data-role="notice" data-reason={notice.code}>
          {say(notice)}
        </p>
      ) : null}
      {!collapsed && evaluation ? <EvaluationView evaluation={evaluation} pending={pending} reasons={reasons ?? undefined} /> : null}
    </div>
  );
}
