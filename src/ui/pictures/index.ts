/**
 * The pictures of a side's risk, for the panel and the pop-up: the price ladder and the PnL chart, each
 * an `svg[data-picture][data-side]` with `role="img"`, an accessible name and a text alternative
 * (`[data-role="picture-text"]`) stating the same facts. Props: the Evaluation and one of its sides.
 * Styles: pictures.css (colours from CSS variables, dark and light).
 */
export { PriceLadder, ladderFacts, type PictureProps } from './PriceLadder';
export { PnlChart, pnlFacts } from './PnlChart';
export { SidePictures } from './SidePictures';
