/**
 * The figures one click away: the largest size within the trader's limits, the stop-to-liquidation
 * buffer, the fees and the funding carry next to them, per side and mode (the same data-field /
 * data-value contract as the main table), each with the note or reason that explains it.
 */
import type { Evaluation, Mode, SideEvaluation } from '../contracts/evaluation';
import type { Reason } from '../contracts/reasons';
import { MODES, SideTable, type Row } from './SideTable';
import { panelText, say } from './text';

type MoreFigure = keyof typeof panelText.figureRows;

const row = (key: MoreFigure, unit: Row['unit']): Row<MoreFigure> => ({ key, label: panelText.figureRows[key], unit });

export const MORE_ROWS: readonly Row<MoreFigure>[] = [
  row('maxSizeWithinLimits', 'base'),
  row('stopBufferPct', '%'),
  row('openFee', 'quote'),
  row('closeFee', 'quote'),
  row('fundingCarry', 'quote'),
];

interface Note {
  key: MoreFigure;
  modes: Mode[];
  reason: Reason;
}

/** Why each figure is what it is (a value's note, or why it is none or unavailable), once per row and reason. */
function notesOf(side: SideEvaluation): Note[] {
  const notes: Note[] = [];
  for (const { key } of MORE_ROWS) {
    for (const mode of MODES) {
      const figure = side[mode][key];
      const why = figure.kind === 'value' ? figure.note : figure.reason;
      if (!why) continue;
      const same = notes.find((n) => n.key === key && JSON.stringify(n.reason) === JSON.stringify(why));
      if (same) same.modes.push(mode);
      else notes.push({ key, modes: [mode], reason: why });
    }
  }
  return notes;
}

export interface MoreFiguresProps {
  evaluation: Evaluation;
  pending: boolean;
}

export function MoreFigures({ evaluation, pending }: MoreFiguresProps) {
  return (
    <details class="section more" data-role="more-figures">
      <summary>{panelText.moreFigures}</summary>
      {evaluation.sides.map((side) => {
        const notes = pending ? [] : notesOf(side);
        return (
          <div class="more-side">
            <SideTable side={side} quoteAsset={evaluation.quoteAsset} currentMode={evaluation.currentMode} pending={pending} rows={MORE_ROWS} />
            {notes.length > 0 ? (
              <ul class="figure-notes" data-side={side.side}>
                {notes.map((note) => (
                  <li data-note-for={note.modes.map((mode) => `${side.side}.${mode}.${note.key}`).join(' ')} data-reason={note.reason.code}>
                    {panelText.figureRows[note.key]}
                    {note.modes.length === 1 ? ` (${note.modes[0]})` : ''}: {say(note.reason)}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        );
      })}
    </details>
  );
}
