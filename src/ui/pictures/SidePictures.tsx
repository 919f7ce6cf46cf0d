/** Both pictures of one side, as the panel and the pop-up show them. */
import type { PictureProps } from './PriceLadder';
import { PriceLadder } from './PriceLadder';
import { PnlChart } from './PnlChart';

export function SidePictures({ evaluation, side }: PictureProps) {
  return (
    <div class="pictures" data-side={side.side}>
      <PriceLadder evaluation={evaluation} side={side} />
      <PnlChart evaluation={evaluation} side={side} />
    </div>
  );
}
