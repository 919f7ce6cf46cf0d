import type { ComponentChildren } from 'preact';
import type { Evaluation, InputUsed, Mode } from '../contracts/evaluation';
import type { Reason } from '../contracts/reasons';
import { CrossStress } from './CrossStress';
import { LimitsSection, SideLine } from './LimitChecks';
import { MoreFigures } from './MoreFigures';
import { MODES, MODE_LABEL, SHOWN_ROWS, SideTable } from './SideTable';
import { itemLabel, say, sourceLabel, uiText } from './text';

export interface EvaluationViewProps {
  evaluation: Evaluation;
  /** The form changed since this evaluation was made; figures show as updating. */
  pending: boolean;
  /** Why there is no evaluation at all (the figures are a placeholder): listed instead of per-figure reasons. */
  reasons?: readonly Reason[];
  /** More sections one click away, before the inputs (the panel's pictures). */
  children?: ComponentChildren;
}

interface Note {
  mode: Mode | null;
  reason: Reason;
}

const keyOf = (mode: Mode | null, r: Reason) => `${mode ?? ''}\u0000${JSON.stringify(r)}`;

/** Why figures are missing, each reason once per mode across both sides ("Cross: log in to see cross"). */
function missingFigureNotes(evaluation: Evaluation): Note[] {
  const seen = new Set<string>();
  const notes: Note[] = [];
  for (const side of evaluation.sides) {
    for (const mode of MODES) {
      for (const row of SHOWN_ROWS) {
        const figure = side[mode][row.key];
        if (figure.kind !== 'unavailable' || seen.has(keyOf(mode, figure.reason))) continue;
        seen.add(keyOf(mode, figure.reason));
        notes.push({ mode, reason: figure.reason });
      }
    }
  }
  return notes;
}

function inputText(input: InputUsed): string {
  return uiText.inputOrigin(sourceLabel(input.source), input.pageText, input.provenance);
}

/**
 * The figure table per side with its limit line under it; then, one click away each: the limits, more
 * figures, the cross stress and whatever the container adds (a placeholder, which has only reasons,
 * shows none of these).
 */
export function EvaluationView({ evaluation, pending, reasons, children }: EvaluationViewProps) {
  const notes: Note[] = pending ? [] : reasons ? reasons.map((reason) => ({ mode: null, reason })) : missingFigureNotes(evaluation);
  const { currentMode } = evaluation;
  return (
    <div class="evaluation">
      {evaluation.sides.map((side) => (
        <>
          <SideTable side={side} quoteAsset={evaluation.quoteAsset} currentMode={currentMode} pending={pending} />
          <SideLine side={side} currentMode={currentMode} pending={pending} />
        </>
      ))}
      <p class="definition" data-role="worst-case-definition">
        {uiText.worstCaseDefinition}
      </p>
      {notes.length > 0 ? (
        <ul class="notes" data-role="missing">
          {notes.map(({ mode, reason }) => (
            <li data-mode={mode ?? undefined} data-reason={reason.code}>
              {mode ? `${MODE_LABEL[mode]}: ` : ''}
              {say(reason)}
            </li>
          ))}
        </ul>
      ) : null}
      {reasons ? null : (
        <>
          <LimitsSection evaluation={evaluation} pending={pending} />
          <MoreFigures evaluation={evaluation} pending={pending} />
          <CrossStress evaluation={evaluation} pending={pending} />
          {children}
        </>
      )}
      <details class="section details">
        <summary>{uiText.inputsAndAssumptions}</summary>
        <table class="inputs" data-role="inputs">
          <tbody>
            {evaluation.inputs.map((input) => (
              <tr data-input={input.side ? `${input.item}.${input.side}` : input.item}>
                <th scope="row">
                  {itemLabel(input.item)}
                  {input.side ? ` (${input.side})` : ''}
                </th>
                <td class="input-value">
                  {input.value}
                  {input.unit ? (input.unit === 'x' || input.unit === '%' ? input.unit : ` ${input.unit}`) : ''}
                </td>
                <td class="input-source">{inputText(input)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {evaluation.assumptions.length > 0 ? (
          <ul class="assumptions" data-role="assumptions">
            {evaluation.assumptions.map((assumption) => (
              <li data-reason={assumption.code}>{say(assumption)}</li>
            ))}
          </ul>
        ) : null}
      </details>
    </div>
  );
}
