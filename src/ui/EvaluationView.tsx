import type { Evaluation, Mode } from '../engine/evaluation';
import { MODES, MODE_LABEL, SHOWN_ROWS, SideTable } from './SideTable';

export interface EvaluationViewProps {
  evaluation: Evaluation;
  /** The form changed since this evaluation was made; figures show as updating. */
  pending: boolean;
}

interface Note {
  mode: Mode;
  reason: string;
}

/** Why figures are missing, each reason once per mode across both sides ("Cross: log in to see cross"). */
function missingFigureNotes(evaluation: Evaluation): Note[] {
  const seen = new Set<string>();
  const notes: Note[] = [];
  for (const side of evaluation.sides) {
    for (const mode of MODES) {
      for (const row of SHOWN_ROWS) {
        const figure = side[mode][row.key];
        if (figure.kind !== 'unavailable' || seen.has(mode + '\u0000' + figure.reason)) continue;
        seen.add(mode + '\u0000' + figure.reason);
        notes.push({ mode, reason: figure.reason });
      }
    }
  }
  return notes;
}

export function EvaluationView({ evaluation, pending }: EvaluationViewProps) {
  const notes = pending ? [] : missingFigureNotes(evaluation);
  return (
    <div class="evaluation">
      {evaluation.sides.map((side) => (
        <SideTable
          side={side}
          quoteAsset={evaluation.quoteAsset}
          currentMode={evaluation.currentMode}
          pending={pending}
        />
      ))}
      {notes.length > 0 ? (
        <ul class="notes" data-role="missing">
          {notes.map(({ mode, reason }) => (
            <li data-mode={mode}>
              {MODE_LABEL[mode]}: {reason}
            </li>
          ))}
        </ul>
      ) : null}
      <details class="details">
        <summary>Inputs and assumptions</summary>
        <table class="inputs" data-role="inputs">
          <tbody>
            {evaluation.inputs.map((input) => (
              <tr data-input={input.name}>
                <th scope="row">{input.name}</th>
                <td class="input-value">{input.value}</td>
                <td class="input-source">{input.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {evaluation.assumptions.length > 0 ? (
          <ul class="assumptions" data-role="assumptions">
            {evaluation.assumptions.map((text) => (
              <li>{text}</li>
            ))}
          </ul>
        ) : null}
      </details>
    </div>
  );
}
