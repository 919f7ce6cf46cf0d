import type { Figure } from '../engine/evaluation';
import { formatDecimal, type FigureKind } from './format';

export interface FigureProps {
  /** Machine-readable path, e.g. "long.isolated.liquidationPrice" (read by tests and the bench). */
  field: string;
  figure: Figure;
  kind: FigureKind;
  /** Appended to the shown value: "%" or " USDT". */
  unit?: string;
  /** The form changed and the new evaluation is not back: the old value must not stay on screen. */
  pending?: boolean;
}

/**
 * One figure. data-value carries the exact decimal from the Evaluation, or "none" / "unavailable";
 * a pending figure is "unavailable" because its last value no longer describes the form.
 */
export function FigureView({ field, figure, kind, unit = '', pending = false }: FigureProps) {
  if (pending) {
    return (
      <span class="fig pending" data-field={field} data-value="unavailable" title="updating">
        …
      </span>
    );
  }
  switch (figure.kind) {
    case 'value':
      return (
        <span class="fig" data-field={field} data-value={figure.value} title={figure.value + unit}>
          {formatDecimal(figure.value, kind) + unit}
        </span>
      );
    case 'none':
      return (
        <span class="fig none" data-field={field} data-value="none" title={figure.reason}>
          none
        </span>
      );
    case 'unavailable':
      return (
        <span class="fig unavailable" data-field={field} data-value="unavailable" title={figure.reason}>
          —
        </span>
      );
  }
}
