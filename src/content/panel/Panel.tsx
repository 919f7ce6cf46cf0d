import type { Evaluation } from '../../engine/evaluation';
import { EvaluationView } from '../../ui/EvaluationView';

export interface PanelView {
  /** null until the first evaluation (or reason for none) comes back. */
  evaluation: Evaluation | null;
  /** The form changed and the evaluation for it is not back yet. */
  pending: boolean;
  collapsed: boolean;
}

export interface PanelProps extends PanelView {
  onToggleCollapsed: () => void;
}

/** Keeps focus where it is (the exchange's input) when the trader clicks the panel's buttons. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

export function Panel({ evaluation, pending, collapsed, onToggleCollapsed }: PanelProps) {
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
      {!collapsed && evaluation ? <EvaluationView evaluation={evaluation} pending={pending} /> : null}
    </div>
  );
}
