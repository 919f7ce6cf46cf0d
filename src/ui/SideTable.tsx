import type { FigureKey, Mode, SideEvaluation } from '../contracts/evaluation';
import { FigureView } from './Figure';
import { panelText } from './text';

type ShownFigure = 'liquidationPrice' | 'liquidationDistancePct' | 'initialMargin' | 'worstCaseLoss' | 'worstCaseLossPct';

export interface Row<K extends FigureKey = FigureKey> {
  key: K;
  label: string;
  /** quote: the quote asset; base: an order size in base units. */
  unit: 'quote' | 'base' | '%' | '';
}

/** The rows the panel shows, in order; the rest of ModeFigures stays for the pop-up and later views. */
export const SHOWN_ROWS: readonly Row<ShownFigure>[] = [
  { key: 'liquidationPrice', label: 'Liq. price', unit: '' },
  { key: 'liquidationDistancePct', label: 'Distance to liq.', unit: '%' },
  { key: 'initialMargin', label: 'Initial margin', unit: 'quote' },
  { key: 'worstCaseLoss', label: 'Worst-case loss', unit: 'quote' },
  { key: 'worstCaseLossPct', label: 'Loss, % of account', unit: '%' },
];

export const MODES: readonly Mode[] = ['isolated', 'cross'];
export const MODE_LABEL: Record<Mode, string> = { isolated: 'Isolated', cross: 'Cross' };
const SIDE_LABEL = { long: 'Long', short: 'Short' } as const;

export interface SideTableProps {
  side: SideEvaluation;
  quoteAsset: string;
  currentMode?: Mode;
  pending: boolean;
  /** The figures to show, a row each (default: the panel's main table). */
  rows?: readonly Row[];
}

export function SideTable({ side, quoteAsset, currentMode, pending, rows = SHOWN_ROWS }: SideTableProps) {
  return (
    <section class={`side side-${side.side}`} data-side={side.side}>
      <table>
        <thead>
          <tr>
            <th class="side-name" scope="col">{SIDE_LABEL[side.side]}</th>
            {MODES.map((mode) => (
              <th
                scope="col"
                class={mode === currentMode ? 'mode current' : 'mode'}
                data-mode={mode}
                title={mode === currentMode ? "the exchange's current margin mode" : undefined}
              >
                {MODE_LABEL[mode]}
                {mode === currentMode ? <span class="current-tag">current</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">
                {row.label}
                {row.unit === 'quote' ? <span class="unit"> {quoteAsset}</span> : row.unit === 'base' ? <span class="unit"> {panelText.baseUnits}</span> : null}
              </th>
              {MODES.map((mode) => (
                <td class={mode === currentMode ? 'current' : undefined}>
                  <FigureView
                    field={`${side.side}.${mode}.${row.key}`}
                    figure={side[mode][row.key]}
                    unit={row.unit === '%' ? '%' : ''}
                    pending={pending}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
