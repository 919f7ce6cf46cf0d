/**
 * The price ladder of one side: the order's prices (take-profit, mark, entry, stop-loss) and each
 * mode's liquidation and bankruptcy prices on one vertical axis (high prices at the top), each mode's
 * loss zone shaded from the entry to its liquidation price, labels moved apart so none overlaps.
 */
import type { Evaluation, SideEvaluation } from '../../contracts/evaluation';
import { pictureText, say } from '../text';
import { PictureText, type Fact } from './PictureText';
import { ladderModel, type LadderModel, type LadderPrice } from './ladder';
import { nudge } from './labels';
import { linearScale, padded, spanning } from './scale';
import { compareDecimal } from '../../shared/plain-decimal';

export interface PictureProps {
  evaluation: Evaluation;
  side: SideEvaluation;
}

const WIDTH = 320;
const HEIGHT = 240;
const TOP = 10;
const BOTTOM = HEIGHT - 10;
/** The loss-zone bands, one per mode, left of the axis. */
const BAND = { isolated: { x: 6, width: 22 }, cross: { x: 34, width: 22 } } as const;
const AXIS_X = 66;
const LABEL_X = 84;
const LABEL_GAP = 13;

function tickStart(p: LadderPrice): number {
  return p.mode === null ? AXIS_X - 5 : BAND[p.mode].x;
}

/** The facts the picture shows, in words (its text alternative and accessible name), highest price first. */
export function ladderFacts(model: LadderModel): Fact[] {
  const t = pictureText;
  const shownOf = (key: string) => model.prices.find((p) => p.key === key)?.shown;
  const facts: Fact[] = [...model.prices]
    .sort((a, b) => compareDecimal(b.value, a.value))
    .map((p) => ({ text: t.price(t.prices[p.key], p.shown), price: p.key, value: p.value }));
  const below = model.positionSide === 'long';
  for (const zone of model.zones) {
    const to = zone.to === null ? null : shownOf(`${zone.mode}.liquidationPrice`)!;
    facts.push({ text: t.lossZone(t.modes[zone.mode], shownOf('entry')!, to, below), zone: zone.mode });
  }
  for (const m of model.missing) {
    facts.push({ text: t.notDrawn(t.prices[m.key], m.why === 'notSet' ? t.notSet : say(m.why)), missing: m.key, reason: m.why === 'notSet' ? 'notSet' : m.why.code });
  }
  return facts;
}

export function PriceLadder({ evaluation, side }: PictureProps) {
  const model = ladderModel(evaluation, side);
  const t = pictureText;
  const title = t.ladderTitle(t.sides[side.side], evaluation.symbol);
  if (!model.axis) {
    const words: Fact = { text: t.noPicture(say(model.noPicture!)), reason: model.noPicture!.code };
    return (
      <figure class="picture" data-picture-box="price-ladder">
        <svg data-picture="price-ladder" data-side={side.side} role="img" aria-label={t.summary(title, [words.text])} viewBox={`0 0 ${WIDTH} 24`} width={WIDTH} height={24} />
        <PictureText facts={[words]} />
      </figure>
    );
  }
  // The drawn prices fill the height (the engine's axis leaves 10 % of room each side, too much for labels).
  const values = model.prices.map((p) => p.value);
  const y = linearScale(padded(spanning({ low: values[0]!, high: values[0]! }, values), 0.08), BOTTOM, TOP);
  const prices = model.prices.map((p) => ({ ...p, y: y(p.value) }));
  const labelY = nudge(prices.map((p) => p.y), LABEL_GAP, TOP + 4, BOTTOM - 2);
  const entry = prices.find((p) => p.key === 'entry');
  const losingEdge = model.positionSide === 'long' ? BOTTOM : TOP;

  const facts = ladderFacts(model);
  return (
    <figure class="picture" data-picture-box="price-ladder">
      <svg
        data-picture="price-ladder"
        data-side={side.side}
        role="img"
        aria-label={t.summary(title, facts.map((f) => f.text))}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
      >
        {model.zones.map((zone) => {
          const from = entry!.y;
          const to = zone.to === null ? losingEdge : y(zone.to);
          return (
            <rect
              class={`loss-zone mode-${zone.mode}`}
              data-zone={zone.mode}
              x={BAND[zone.mode].x}
              y={Math.min(from, to)}
              width={BAND[zone.mode].width}
              height={Math.abs(to - from)}
            />
          );
        })}
        <line class="axis" x1={AXIS_X} y1={TOP} x2={AXIS_X} y2={BOTTOM} />
        {prices.map((p, i) => (
          <g class={`price ${p.mode ? `mode-${p.mode}` : 'order'} ${p.key.endsWith('bankruptcyPrice') ? 'bankruptcy' : ''}`} data-price={p.key} data-value={p.value} data-y={p.y}>
            <line class="tick" x1={tickStart(p)} y1={p.y} x2={AXIS_X + 5} y2={p.y} />
            <line class="leader" x1={AXIS_X + 5} y1={p.y} x2={LABEL_X - 4} y2={labelY[i]} />
            <text x={LABEL_X} y={labelY[i]} dominant-baseline="middle">
              {t.price(t.prices[p.key], p.shown)}
            </text>
          </g>
        ))}
      </svg>
      <PictureText facts={facts} />
    </figure>
  );
}
