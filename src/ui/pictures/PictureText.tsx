/** A picture's text alternative: the same facts as the picture, in words, shown on demand. */
import { pictureText } from '../text';

/**
 * One fact of a picture's text alternative, with what it is about (read by tests): a price and its
 * exact value, a loss zone or a floor by mode, or a price that is missing and why (a reason code, or `notSet`).
 */
export interface Fact {
  text: string;
  price?: string;
  value?: string;
  zone?: string;
  floor?: string;
  missing?: string;
  reason?: string;
}

/** The text alternative: the same facts as the picture, shown on demand. */
export function PictureText({ facts }: { facts: readonly Fact[] }) {
  return (
    <details class="picture-text">
      <summary>{pictureText.asText}</summary>
      <ul data-role="picture-text">
        {facts.map(({ text, ...data }) => (
          <li data-price={data.price} data-value={data.value} data-zone={data.zone} data-floor={data.floor} data-missing={data.missing} data-reason={data.reason}>
            {text}
          </li>
        ))}
      </ul>
    </details>
  );
}
