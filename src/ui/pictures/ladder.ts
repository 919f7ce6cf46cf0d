/**
 * What the price ladder shows for one side: each named price with its exact value and the text to
 * show, or why it is not drawn; and the loss zone of each mode (entry → liquidation on the losing side).
 * From the Evaluation only: the inputs give mark, stop-loss and take-profit, the figures the rest.
 */
import type { Evaluation, Figure, InputUsed, Mode, SideEvaluation } from '../../contracts/evaluation';
import { reason, type ItemCode, type Reason, type Side } from '../../contracts/reasons';
import { formatDecimal } from '../../shared/plain-decimal';

export const LADDER_PRICES = [
  'takeProfit', 'mark', 'entry', 'stopLoss',
  'isolated.liquidationPrice', 'isolated.bankruptcyPrice', 'cross.liquidationPrice', 'cross.bankruptcyPrice',
] as const;
export type LadderPriceKey = (typeof LADDER_PRICES)[number];

/** A price on the ladder: `value` the exact decimal, `shown` its text. */
export interface LadderPrice {
  key: LadderPriceKey;
  /** The mode it belongs to (liquidation and bankruptcy prices), null for the order's own prices. */
  mode: Mode | null;
  value: string;
  shown: string;
}

/** A price that is not drawn: a figure's reason, or `notSet` (the form has no stop-loss / take-profit, or no mark was read). */
export interface MissingPrice {
  key: LadderPriceKey;
  why: Reason | 'notSet';
}

export interface LossZone {
  mode: Mode;
  /** The entry price. */
  from: string;
  /** The liquidation price; null when there is none (the loss runs to the end of the axis). */
  to: string | null;
}

export interface LadderModel {
  side: Side;
  /** The side of the position the order leaves (the loss zone lies against it). */
  positionSide: Side;
  axis: { low: string; high: string } | null;
  prices: LadderPrice[];
  missing: MissingPrice[];
  zones: LossZone[];
  /** Why nothing is drawn (the side has no figures), else null. */
  noPicture: Reason | null;
}

const inputValue = (inputs: readonly InputUsed[], item: ItemCode) => inputs.find((i) => i.item === item && i.side === undefined)?.value;
const shownPrice = (value: string) => formatDecimal(value, 'price');

function figurePrice(key: LadderPriceKey, mode: Mode, figure: Figure): LadderPrice | MissingPrice {
  if (figure.kind === 'value') return { key, mode, value: figure.value, shown: figure.display ?? shownPrice(figure.value) };
  return { key, why: figure.reason };
}

/** The ladder of `side` in `evaluation`. */
export function ladderModel(evaluation: Evaluation, side: SideEvaluation): LadderModel {
  const prices: LadderPrice[] = [];
  const missing: MissingPrice[] = [];
  const add = (p: LadderPrice | MissingPrice) => ('why' in p ? missing.push(p) : prices.push(p));
  const fromInput = (key: LadderPriceKey, value: string | undefined) =>
    add(value === undefined ? { key, why: 'notSet' } : { key, mode: null, value, shown: shownPrice(value) });
  fromInput('takeProfit', inputValue(evaluation.inputs, 'takeProfit'));
  fromInput('mark', inputValue(evaluation.inputs, 'markPrice'));
  fromInput('entry', side.resulting?.entryPrice ?? inputValue(evaluation.inputs, 'price'));
  fromInput('stopLoss', inputValue(evaluation.inputs, 'stopLoss'));
  for (const mode of ['isolated', 'cross'] as const) {
    add(figurePrice(`${mode}.liquidationPrice`, mode, side[mode].liquidationPrice));
    add(figurePrice(`${mode}.bankruptcyPrice`, mode, side[mode].bankruptcyPrice));
  }
  const entry = prices.find((p) => p.key === 'entry');
  const zones: LossZone[] = [];
  if (entry && side.axis) {
    for (const mode of ['isolated', 'cross'] as const) {
      const liq = side[mode].liquidationPrice;
      if (liq.kind === 'value') zones.push({ mode, from: entry.value, to: liq.value });
      else if (liq.kind === 'none') zones.push({ mode, from: entry.value, to: null });
    }
  }
  const noPicture = side.axis ? null : firstReason(side);
  return { side: side.side, positionSide: side.resulting?.side ?? side.side, axis: side.axis, prices, missing, zones, noPicture };
}

/** Why a side without an axis has no picture: the reason its isolated liquidation price gives. */
export function firstReason(side: SideEvaluation): Reason {
  const f = side.isolated.liquidationPrice;
  return f.kind === 'value' ? reason('figure.notComputable') : f.reason;
}
