import type { Figure } from '../contracts/evaluation';
import { say } from './text';

export interface FigureProps {
  /** Machine-readable path, e.g. "long.isolated.liquidationPrice" (read by tests and the bench). */
  field: string;
  figure: Figure;
  /** Appended to the shown value: "%" or " " + the quote asset. */
  unit?: string;
  /** The form changed and the new evaluation is not back: the old value must not stay on screen. */
  pending?: boolean;
}

/**
 * One figure. data-value carries the exact decimal from the Evaluation, or "none" / "unavailable";
 * the text is the background's rounded display string (the exact value when there is none).
 * A pending figure is "unavailable" because its last value no longer describes the form.
 */
export function FigureView({ field, figure, unit = '', pending = false }: FigureProps) {
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
          {(figure.display ?? figure.value) + unit}
        </span>
      );
    case 'none':
      return (
        <span class="fig none" data-field={field} data-value="none" title={say(figure.reason)}>
          none
        </span>
      );
    case 'unavailable':
      return (
        <span class="fig unavailable" data-field={field} data-value="unavailable" title={say(figure.reason)}>
          —
        </span>
      );
  }
}
