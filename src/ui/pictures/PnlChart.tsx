/**
 * PnL against price for both modes of one side on one chart: isolated solid, cross dashed, each with
 * its loss floor as a labelled horizontal line, so the difference between losing the position's margin
 * and losing the cross account shows at a glance.
 */
import { pictureText, say } from '../text';
import { PictureText, type Fact } from './PictureText';
import type { PictureProps } from './PriceLadder';
import { nudge } from './labels';
import { pnlModel, shownMoney, type PnlModel } from './pnl';
import { linearScale, padded, spanning } from './scale';
import { compareDecimal, formatDecimal } from '../../shared/plain-decimal';

const WIDTH = 320;
const HEIGHT = 200;
const LEFT = 8;
const RIGHT = WIDTH - 8;
const LEGEND_Y = 10;
const TOP = 24;
const BOTTOM = HEIGHT - 26;
const PRICE_LABEL_Y = HEIGHT - 10;
const LABEL_GAP = 12;

const shownPrice = (value: string) => formatDecimal(value, 'price');

/** The facts the chart shows, in words: both floors, each line's points, each mode not drawn. */
export function pnlFacts(model: PnlModel, quoteAsset: string): Fact[] {
  const t = pictureText;
  const facts: Fact[] = model.lines.map((line) => ({ text: t.floor(t.modes[line.mode], line.floorShown, quoteAsset), floor: line.mode, value: line.floor }));
  for (const line of model.lines) {
    facts.push({ text: t.pnlLine(t.modes[line.mode], line.points.map((p) => t.pnlPoint(shownPrice(p.price), shownMoney(p.pnl)))) });
  }
  for (const m of model.missing) facts.push({ text: t.notDrawn(t.modes[m.mode], say(m.why)), missing: m.mode, reason: m.why.code });
  return facts;
}

export function PnlChart({ evaluation, side }: PictureProps) {
  const model = pnlModel(side);
  const t = pictureText;
  const title = t.pnlTitle(t.sides[side.side], evaluation.symbol);
  const facts = pnlFacts(model, evaluation.quoteAsset);
  const label = t.summary(title, facts.map((f) => f.text));
  if (!model.axis || model.lines.length === 0) {
    return (
      <figure class="picture" data-picture-box="pnl-chart">
        <svg data-picture="pnl-chart" data-side={side.side} role="img" aria-label={label} viewBox={`0 0 ${WIDTH} 24`} width={WIDTH} height={24} />
        <PictureText facts={facts} />
      </figure>
    );
  }
  const priceRange = spanning(model.axis, model.lines.flatMap((l) => l.points.map((p) => p.price)));
  const x = linearScale(priceRange, LEFT, RIGHT);
  // Zero, both floors and every point fit, with a little room above and below.
  const amounts = model.lines.flatMap((l) => [l.floor, ...l.points.map((p) => p.pnl)]);
  // Room below the lowest floor for its label.
  const y = linearScale(padded(spanning({ low: '0', high: '0' }, amounts), 0.14, 0.06), BOTTOM, TOP);
  // Floor labels sit on the winning side of the chart (the lines are at the floor on the losing side), the
  // lowest floor's under its line, the others over theirs.
  const lowest = Math.max(...model.lines.map((l) => y(l.floor)));
  const floorLabelY = nudge(model.lines.map((l) => (y(l.floor) === lowest ? y(l.floor) + 12 : y(l.floor) - 4)), LABEL_GAP, TOP + 8, BOTTOM - 2);
  const first = model.lines[0]!.points;
  const labelsRight = compareDecimal(first[0]!.pnl, first[first.length - 1]!.pnl) < 0;
  const labelX = labelsRight ? RIGHT - 2 : LEFT + 2;
  const zeroY = y('0');
  return (
    <figure class="picture" data-picture-box="pnl-chart">
      <svg data-picture="pnl-chart" data-side={side.side} role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT}>
        {model.lines.map((line, i) => (
          <g class={`legend mode-${line.mode}`}>
            <line class="pnl-line" x1={LEFT + i * 110} y1={LEGEND_Y} x2={LEFT + i * 110 + 24} y2={LEGEND_Y} />
            <text x={LEFT + i * 110 + 30} y={LEGEND_Y} dominant-baseline="middle">
              {t.modes[line.mode]}
            </text>
          </g>
        ))}
        <line class="zero" x1={LEFT} y1={zeroY} x2={RIGHT} y2={zeroY} />
        <text class="zero-label" x={labelsRight ? LEFT : RIGHT} y={zeroY - 4} text-anchor={labelsRight ? 'start' : 'end'}>
          0
        </text>
        <line class="axis" x1={LEFT} y1={BOTTOM} x2={RIGHT} y2={BOTTOM} />
        {model.lines.map((line, i) => (
          <g class={`floor mode-${line.mode}`} data-floor={line.mode} data-value={line.floor} data-y={y(line.floor)}>
            <line class="floor-line" x1={LEFT} y1={y(line.floor)} x2={RIGHT} y2={y(line.floor)} />
            <text x={labelX} y={floorLabelY[i]} text-anchor={labelsRight ? 'end' : 'start'}>
              {t.floor(t.modes[line.mode], line.floorShown, evaluation.quoteAsset)}
            </text>
          </g>
        ))}
        {model.lines.map((line) => (
          <polyline class={`pnl-line mode-${line.mode}`} data-line={line.mode} points={line.points.map((p) => `${x(p.price)},${y(p.pnl)}`).join(' ')} />
        ))}
        <text class="price-label" x={LEFT} y={PRICE_LABEL_Y}>
          {shownPrice(priceRange.low)}
        </text>
        <text class="price-label" x={RIGHT} y={PRICE_LABEL_Y} text-anchor="end">
          {shownPrice(priceRange.high)}
        </text>
      </svg>
      <PictureText facts={facts} />
    </figure>
  );
}
