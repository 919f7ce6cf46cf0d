/**
 * The one place reasons, items and input sources become words. English now; a Simplified Chinese
 * catalogue slots in beside en.ts with the same shape.
 */
import type { InputSource, LimitKey } from '../../contracts/evaluation';
import type { ItemCode, Reason } from '../../contracts/reasons';
import type { Catalogue, Speaker } from './catalogue';
import { en } from './en';

function speakerFor(catalogue: Catalogue): Speaker {
  const speaker: Speaker = {
    item: (code) => catalogue.items[code] ?? code,
    limit: (key) => catalogue.limits[key] ?? key,
    say: (r) => {
      const words = catalogue.reasons[r.code] as ((params: unknown, t: Speaker) => string) | undefined;
      return words ? words(r.params, speaker) : r.code;
    },
  };
  return speaker;
}

const english = speakerFor(en);

export const say = (reason: Reason): string => english.say(reason);
export const itemLabel = (code: ItemCode): string => english.item(code);
export const limitLabel = (key: LimitKey): string => english.limit(key);
export const sourceLabel = (source: InputSource): string => en.sources[source] ?? source;
export const uiText = en.ui;
export const pictureText = en.pictures;
export const popupText = en.popup;
export const confirmText = en.confirm;
export const panelText = en.panel;
