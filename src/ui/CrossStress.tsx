/**
 * Cross stress: "if all your cross positions move X% together", a slider over the engine's stress
 * points (−50 … +50 %) showing the cross account's equity, maintenance requirement and margin ratio at
 * that move, and the uniform move at which the whole cross account liquidates
 * (`[data-field="<side>.cross.accountLiquidationMovePct"]`). Cross only: isolated figures never depend on
 * other positions. The slider is a native range input (arrow keys, Home/End), labelled, its value read
 * out as the move.
 */
import { useState } from 'preact/hooks';
import type { Evaluation, SideEvaluation, StressPoint } from '../contracts/evaluation';
import { FigureView } from './Figure';
import { panelText, say } from './text';

const ROWS = ['equity', 'requirement', 'marginRatioPct'] as const;

function StressValue({ point, row, quoteAsset, pending }: { point: StressPoint; row: (typeof ROWS)[number]; quoteAsset: string; pending: boolean }) {
  const exact = point[row];
  if (pending || exact === null) {
    return (
      <span class={pending ? 'fig pending' : 'fig none'} data-stress={row} data-value={pending ? 'unavailable' : 'none'}>
        {pending ? '…' : 'none'}
      </span>
    );
  }
  const unit = row === 'marginRatioPct' ? '%' : ` ${quoteAsset}`;
  return (
    <span class="fig" data-stress={row} data-value={exact} title={exact + unit}>
      {(point.display?.[row] ?? exact) + unit}
    </span>
  );
}

interface SideStressProps {
  side: SideEvaluation;
  quoteAsset: string;
  pending: boolean;
}

function SideStress({ side, quoteAsset, pending }: SideStressProps) {
  const points = side.cross.stress;
  const zero = Math.max(0, points.findIndex((p) => p.movePct === '0'));
  const [chosen, choose] = useState<number | null>(null);
  const index = Math.min(chosen ?? zero, points.length - 1);
  const point = points[index];
  const move = side.cross.accountLiquidationMovePct;
  const why = move.kind === 'value' ? move.note : move.reason;
  const id = `stress-${side.side}`;
  return (
    <div class="stress" data-side={side.side}>
      <p class="stress-move">
        {panelText.sides[side.side]}: {panelText.accountLiquidationMove}{' '}
        <FigureView field={`${side.side}.cross.accountLiquidationMovePct`} figure={move} unit="%" pending={pending} />
      </p>
      {why && !pending ? (
        <p class="fig-note" data-note-for={`${side.side}.cross.accountLiquidationMovePct`} data-reason={why.code}>
          {say(why)}
        </p>
      ) : null}
      {point ? (
        <>
          <label class="stress-label" for={id}>
            {panelText.stressSlider(side.side)} <output for={id}>{panelText.stressMove(point.movePct)}</output>
          </label>
          <input
            id={id}
            class="stress-slider"
            type="range"
            min={0}
            max={points.length - 1}
            step={1}
            value={index}
            aria-valuetext={panelText.stressMove(point.movePct)}
            data-role="stress-slider"
            data-side={side.side}
            onInput={(event) => choose(Number((event.currentTarget as HTMLInputElement).value))}
          />
          <table class="stress-at" data-role="stress-at" data-side={side.side} data-move={point.movePct}>
            <tbody>
              {ROWS.map((row) => (
                <tr>
                  <th scope="row">{panelText.stressRows[row]}</th>
                  <td>
                    <StressValue point={point} row={row} quoteAsset={quoteAsset} pending={pending} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}

export interface CrossStressProps {
  evaluation: Evaluation;
  pending: boolean;
}

/** One block per side, in a details element (closed until the trader opens it). */
export function CrossStress({ evaluation, pending }: CrossStressProps) {
  return (
    <details class="section stress-section" data-role="stress">
      <summary>{panelText.stress}</summary>
      {evaluation.sides.map((side) => (
        <SideStress key={side.side} side={side} quoteAsset={evaluation.quoteAsset} pending={pending} />
      ))}
    </details>
  );
}
